#include "idempotentpost.h"

#include "apiclient.h"

#include <QUuid>

namespace reserva::ui {

IdempotentPost::IdempotentPost(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

bool IdempotentPost::isRetryable(const ApiError &error)
{
    return error.isConnectionProblem() || error.status >= 500 ||
           error.slug() == u"idempotency-key-in-flight";
}

void IdempotentPost::submit(const QString &path, const QJsonObject &payload)
{
    if (m_busy)
        return;
    // A definitive answer (done, or refused with a 4xx the server stored and
    // would replay) closes the attempt; only an unanswered one is retried.
    if (m_key.isEmpty() || !m_lastRetryable || payload != m_lastPayload || path != m_lastPath)
        m_key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_lastPath = path;
    m_lastPayload = payload;
    m_lastRetryable = false;
    m_busy = true;
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.headers = {{"Idempotency-Key", m_key}};
    request.body = payload;
    m_api.send(request, this, [this](const ApiResponse &response) {
        m_busy = false;
        if (response.ok()) {
            Q_EMIT succeeded(response.object());
            return;
        }
        m_lastRetryable = isRetryable(*response.error);
        Q_EMIT failed(*response.error, m_lastRetryable);
    });
}

} // namespace reserva::ui
