#pragma once

#include "net/apierror.h"

#include <QJsonObject>
#include <QObject>

namespace reserva::ui {

class ApiClient;

// Creates a reservation with the Idempotency-Key rule that makes a retry
// safe: one key per attempt, where an attempt is one payload. Submitting the
// same payload again after an attempt that got no definitive answer (the
// connection dropped, the server timed out, 5xx, 409 still in flight) reuses
// the key, so the server either replays the first booking or makes it now,
// never twice. A changed payload, or any submit after a definitive answer
// (created, or a 4xx refusal), gets a new key.
class ReservationBooking final : public QObject
{
    Q_OBJECT
public:
    explicit ReservationBooking(ApiClient &api, QObject *parent = nullptr);

    void submit(const QJsonObject &payload);
    bool isBusy() const { return m_busy; }
    QByteArray currentKey() const { return m_key; }
    // True when the last failure may be retried with the same key.
    static bool isRetryable(const ApiError &error);

Q_SIGNALS:
    void created(const QJsonObject &reservation);
    void failed(const reserva::ui::ApiError &error, bool retryable);

private:
    ApiClient &m_api;
    QJsonObject m_lastPayload;
    QByteArray m_key;
    bool m_lastRetryable = false;
    bool m_busy = false;
};

} // namespace reserva::ui
