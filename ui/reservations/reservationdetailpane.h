#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;

namespace reserva::ui {

// The selected reservation: customer, seats, amounts, status, hold, ids.
class ReservationDetailPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ReservationDetailPane(QWidget *parent = nullptr);

    void showReservation(const QJsonObject &reservation, const QString &productName);
    void clear();

private:
    QLabel *addField(const QString &label);

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
    QLabel *m_id;
    QWidget *m_fields;
    QLabel *m_empty;
};

} // namespace reserva::ui
