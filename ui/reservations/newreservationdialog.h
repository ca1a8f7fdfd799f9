#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace reserva::ui {

class ApiClient;
class ProductDirectory;
class ReservationBooking;
class TransferDetailForm;

// Books seats on a departure for a customer. The server prices it (no amount
// is sent) and holds the seats until payment. A transfer also takes the
// ride's details (TransferDetailForm), checked before sending. Field errors from the server
// appear under their fields; after a dropped connection "Try again" resends
// the same booking under the same Idempotency-Key, so it cannot book twice.
class NewReservationDialog final : public QDialog
{
    Q_OBJECT
public:
    NewReservationDialog(ApiClient &api, ProductDirectory &products, QWidget *parent = nullptr);

    // The JSON body the form describes (for the booking and for tests).
    QJsonObject payload() const;
    ReservationBooking *booking() const { return m_booking; }
    TransferDetailForm *transferForm() const { return m_transfer; }

Q_SIGNALS:
    void reservationCreated(const QJsonObject &reservation);

private:
    void fillProducts();
    void loadSlots();
    void updateQuantityLimit();
    void updateTransfer();
    void submit();
    void showFailure(const ApiError &error, bool retryable);
    void clearFieldErrors();
    QLabel *fieldErrorLabel();

    ApiClient &m_api;
    ProductDirectory &m_products;
    ReservationBooking *m_booking;
    QComboBox *m_product;
    QComboBox *m_slot;
    QSpinBox *m_quantity;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QLineEdit *m_promoCode;
    TransferDetailForm *m_transfer;
    QHash<QString, QLabel *> m_fieldErrors; // wire field name -> its label
    QLabel *m_status;
    QPushButton *m_submit;
    QDialogButtonBox *m_buttons;
    int m_slotGeneration = 0;
};

} // namespace reserva::ui
