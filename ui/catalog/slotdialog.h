#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QJsonObject>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace reserva::ui {

class EditorSave;

class ApiClient;
class FieldErrors;

// Adds a departure to a product (POST /v1/products/{id}/slots) or changes
// one (PATCH /v1/slots/{id}): start in the user's time zone, sent as RFC 3339
// with its offset; duration; capacity. A capacity below the seats already
// held or sold is refused by the server (409, decided under the slot's row
// lock); the dialog then says so next to the capacity, with the current count.
class SlotDialog final : public QDialog
{
    Q_OBJECT
public:
    // `existing` empty: a new departure of `productId`.
    SlotDialog(ApiClient &api, const QString &productId, const QJsonObject &existing,
               QWidget *parent = nullptr);

    QJsonObject payload() const;

Q_SIGNALS:
    void slotSaved(const QJsonObject &slot);

private:
    void submit();
    void showFailure(const ApiError &error);
    void explainCapacityConflict(const ApiError &error);

    ApiClient &m_api;
    QString m_productId;
    QJsonObject m_existing;
    FieldErrors *m_errors;
    QDateTimeEdit *m_startsAt;
    QSpinBox *m_duration;
    QSpinBox *m_capacity;
    QLabel *m_seatsTaken;
    QLabel *m_status;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    EditorSave *m_saver;
};

} // namespace reserva::ui
