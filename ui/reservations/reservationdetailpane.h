#pragma once

#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace reserva::ui {

class ApiClient;

// The selected reservation: customer, seats, amounts, status, hold, ids; its
// payment intents and its audit trail (loaded from the server each time the
// reservation is shown or changes); and the actions staff may take on a
// pending one: start a payment, cancel.
class ReservationDetailPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ReservationDetailPane(ApiClient &api, QWidget *parent = nullptr);

    // Shows `reservation`; its intents and trail are fetched again when it is
    // another reservation or its status or hold changed.
    void showReservation(const QJsonObject &reservation, const QString &productName);
    void clear();
    QString reservationId() const { return m_current.value(u"id").toString(); }

    QPushButton *payButton() const { return m_pay; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTreeWidget *intentsList() const { return m_intents; }
    QTreeWidget *trailList() const { return m_trail; }
    QString statusText() const;

Q_SIGNALS:
    void paymentRequested(const QJsonObject &reservation);
    void cancelRequested(const QJsonObject &reservation);

private:
    QLabel *addField(const QString &label);
    void loadHistory();
    static QString actionText(const QString &action);
    static QString actorText(const QString &actor);

    ApiClient &m_api;
    QJsonObject m_current;
    QLabel *m_heading;
    QLabel *m_product;
    QLabel *m_customer;
    QLabel *m_email;
    QLabel *m_phone;
    QLabel *m_seats;
    QLabel *m_subtotal;
    QLabel *m_discount;
    QLabel *m_amount;
    QLabel *m_status;
    QLabel *m_hold;
    QLabel *m_created;
    QLabel *m_ride;
    QLabel *m_id;
    QPushButton *m_pay;
    QPushButton *m_cancel;
    QTreeWidget *m_intents;
    QTreeWidget *m_trail;
    QLabel *m_historyError;
    QWidget *m_fields;
    QFormLayout *m_form;
    QLabel *m_empty;
    int m_generation = 0;
};

} // namespace reserva::ui
