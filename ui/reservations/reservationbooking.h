#pragma once

#include "net/apierror.h"

#include <QJsonObject>
#include <QObject>

namespace reserva::ui {

class ApiClient;
class IdempotentPost;

// Creates a reservation (POST /v1/reservations) under the Idempotency-Key
// rule of IdempotentPost: a retry of the same payload after a dropped answer
// books once; a changed payload is a new attempt.
class ReservationBooking final : public QObject
{
    Q_OBJECT
public:
    explicit ReservationBooking(ApiClient &api, QObject *parent = nullptr);

    void submit(const QJsonObject &payload);
    bool isBusy() const;
    QByteArray currentKey() const;
    static bool isRetryable(const ApiError &error);

Q_SIGNALS:
    void created(const QJsonObject &reservation);
    void failed(const reserva::ui::ApiError &error, bool retryable);

private:
    IdempotentPost *m_post;
};

} // namespace reserva::ui
