#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace reserva::ui {

class ApiClient;
class IdempotentPost;

// Starts a payment for a pending reservation: the staff member picks the
// provider, reservad creates the intent at it (POST .../payment-intents, one
// Idempotency-Key per attempt, reused on a retry after a dropped answer), and
// the dialog shows what to hand the customer: the checkout URL (Mercado
// Pago), the Pix copy-and-paste code, or the Stripe client secret for the
// payment page. Nothing here marks anything paid: the provider's webhook does.
class PaymentDialog final : public QDialog
{
    Q_OBJECT
public:
    PaymentDialog(ApiClient &api, const QJsonObject &reservation, QWidget *parent = nullptr);

    QComboBox *providerBox() const { return m_provider; }
    QPushButton *startButton() const { return m_start; }
    // What the customer needs, once the intent exists (empty before).
    QString handoverText() const;
    QByteArray currentKey() const;

Q_SIGNALS:
    void intentCreated(const QJsonObject &intent);

private:
    void start();
    void showIntent(const QJsonObject &intent);
    void showFailure(const ApiError &error, bool retryable);

    IdempotentPost *m_post;
    QString m_reservationId;
    QComboBox *m_provider;
    QPushButton *m_start;
    QLabel *m_status;
    QWidget *m_result;
    QLabel *m_resultLabel;
    QPlainTextEdit *m_handover;
    QLabel *m_link;
};

} // namespace reserva::ui
