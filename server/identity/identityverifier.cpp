#include "identityverifier.h"

#include "providers/outboundhttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIdentity, "reserva.identity.verifier")

namespace reserva {

QString identityCheckOutcomeName(IdentityCheckOutcome outcome)
{
    switch (outcome) {
    case IdentityCheckOutcome::Verified:
        return QStringLiteral("verified");
    case IdentityCheckOutcome::Rejected:
        return QStringLiteral("rejected");
    case IdentityCheckOutcome::Unavailable:
        return QStringLiteral("unavailable");
    case IdentityCheckOutcome::NotConfigured:
        return QStringLiteral("not_configured");
    }
    return QStringLiteral("unavailable");
}

HttpIdentityVerifier::HttpIdentityVerifier(OutboundHttp &http, QUrl baseUrl, QString apiKey,
                                           int timeoutMs)
    : m_http(http)
    , m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_timeoutMs(timeoutMs)
{
}

IdentityCheckOutcome HttpIdentityVerifier::check(const IdentityDocument &document,
                                                 const QString &requestId)
{
    OutboundRequest request;
    request.method = "POST";
    request.url = m_baseUrl.resolved(QUrl(QStringLiteral("v1/identity/verify")));
    request.timeoutMs = m_timeoutMs;
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"X-Request-Id", requestId.toLatin1()}};
    if (!m_apiKey.isEmpty())
        request.headers.append({"Authorization", "Bearer " + m_apiKey.toUtf8()});
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("document_type"), document.type},
                                             {QStringLiteral("document_number"), document.number}})
                       .toJson(QJsonDocument::Compact);
    const OutboundResponse response = m_http.send(request);
    if (!response.completed || response.status != 200) {
        qCWarning(lcIdentity, "request %s: identity API unavailable (status %d%s): %s",
                  qUtf8Printable(requestId), response.status,
                  response.timedOut ? ", timed out" : "", qUtf8Printable(response.error));
        return IdentityCheckOutcome::Unavailable;
    }
    const QJsonValue verified =
        QJsonDocument::fromJson(response.body).object().value(QStringLiteral("verified"));
    if (!verified.isBool()) {
        qCWarning(lcIdentity, "request %s: identity API answered without a boolean 'verified'",
                  qUtf8Printable(requestId));
        return IdentityCheckOutcome::Unavailable;
    }
    return verified.toBool() ? IdentityCheckOutcome::Verified : IdentityCheckOutcome::Rejected;
}

} // namespace reserva
