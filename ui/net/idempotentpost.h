#pragma once

#include "net/apierror.h"

#include <QJsonObject>
#include <QObject>

namespace reserva::ui {

class ApiClient;

// A POST under the Idempotency-Key rule that makes a retry safe: one key per
// attempt, where an attempt is one path and payload. Sending the same again
// after an attempt that got no definitive answer (the connection dropped, the
// server timed out, 5xx, 409 still in flight) reuses the key, so the server
// either replays the first result or acts now, never twice. Anything else,
// or any send after a definitive answer (done, or a 4xx refusal), gets a new
// key.
class IdempotentPost final : public QObject
{
    Q_OBJECT
public:
    explicit IdempotentPost(ApiClient &api, QObject *parent = nullptr);

    void submit(const QString &path, const QJsonObject &payload);
    bool isBusy() const { return m_busy; }
    QByteArray currentKey() const { return m_key; }
    // True when a failure may be retried with the same key.
    static bool isRetryable(const ApiError &error);

Q_SIGNALS:
    void succeeded(const QJsonObject &answer);
    void failed(const reserva::ui::ApiError &error, bool retryable);

private:
    ApiClient &m_api;
    QString m_lastPath;
    QJsonObject m_lastPayload;
    QByteArray m_key;
    bool m_lastRetryable = false;
    bool m_busy = false;
};

} // namespace reserva::ui
