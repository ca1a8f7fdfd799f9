#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace reserva::ui {

QString ApiError::slug() const
{
    static const QString prefix = QStringLiteral("urn:reserva:problem:");
    return type.startsWith(prefix) ? type.mid(prefix.size()) : QString();
}

bool ApiError::isConnectionProblem() const
{
    switch (kind) {
    case Kind::ConnectionRefused:
    case Kind::HostNotFound:
    case Kind::Timeout:
    case Kind::Network:
        return true;
    default:
        return false;
    }
}

QString ApiError::plainMessage() const
{
    switch (kind) {
    case Kind::ConnectionRefused:
        return tr("The server is not answering. Check that it is running and that the address "
                  "is right.");
    case Kind::HostNotFound:
        return tr("The server's name could not be found. Check the address.");
    case Kind::Timeout:
        return tr("The server took too long to answer. Try again in a moment.");
    case Kind::Network:
        return tr("The connection to the server failed. Check your network and try again.");
    case Kind::Tls:
        return tr("The server's certificate could not be verified, so the connection was "
                  "stopped.");
    case Kind::InsecureServer:
        return tr("Remote servers must use https://. Plain http:// is allowed only for this "
                  "computer.");
    case Kind::InvalidResponse:
        return tr("The server sent an answer this version of Reserva does not understand.");
    case Kind::Canceled:
        return tr("The request was canceled.");
    case Kind::Http:
        break;
    }
    const QString s = slug();
    if (s == u"invalid-credentials")
        return tr("The username or password is not correct.");
    if (s == u"invalid-token" || s == u"unauthorized")
        return tr("Your session has ended. Please sign in again.");
    if (s == u"forbidden")
        return tr("Your account is not allowed to do this.");
    if (s == u"not-found")
        return tr("It was not found. It may have been removed.");
    if (s == u"validation-failed" || s == u"bad-request")
        return tr("Some of the information is not valid. Check the highlighted fields.");
    if (s == u"sold-out")
        return tr("There are not enough seats left on this departure.");
    if (s == u"promo-code-unknown")
        return tr("There is no promotion with this code.");
    if (s == u"promo-code-inactive")
        return tr("This promotion code is no longer active.");
    if (s == u"promo-code-outside-window")
        return tr("This promotion code is not valid at this time.");
    if (s == u"promo-code-not-applicable")
        return tr("This promotion code does not apply to this product or currency.");
    if (s == u"promo-minimum-not-met")
        return tr("The booking does not reach this promotion's minimum amount.");
    if (s == u"promo-not-stackable")
        return tr("One of these codes cannot be combined with others.");
    if (s == u"promo-free-booking")
        return tr("The discount would make the booking free, which cannot be paid.");
    if (s == u"promo-code-exhausted")
        return tr("This promotion code has been used up.");
    if (s == u"promo-budget-exhausted")
        return tr("This promotion's budget has been spent.");
    if (s == u"promo-customer-limit-reached")
        return tr("This customer has already used this promotion code as often as allowed.");
    if (s == u"too-many-requests")
        return tr("Too many attempts. Wait a minute and try again.");
    if (s == u"conflict" || s == u"idempotency-key-in-flight")
        return tr("It changed or is still being processed. Refresh and try again.");
    if (s == u"service-unavailable")
        return tr("The server is temporarily unavailable. Try again in a moment.");
    if (status >= 500)
        return tr("The server could not complete the request.");
    return title.isEmpty() ? tr("The server refused the request (HTTP %1).").arg(status) : title;
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &requestIdHeader)
{
    ApiError error;
    error.kind = Kind::Http;
    error.status = status;
    error.requestId = QString::fromLatin1(requestIdHeader);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    error.type = o.value(u"type").toString();
    error.title = o.value(u"title").toString();
    error.detail = o.value(u"detail").toString();
    if (const QString id = o.value(u"request_id").toString(); !id.isEmpty())
        error.requestId = id;
    const QJsonArray fields = o.value(u"errors").toArray();
    for (const QJsonValue &v : fields) {
        const QJsonObject f = v.toObject();
        error.fieldErrors.append({f.value(u"field").toString(), f.value(u"message").toString()});
    }
    return error;
}

ApiError ApiError::fromNetwork(QNetworkReply::NetworkError code, const QString &text)
{
    ApiError error;
    error.transportMessage = text;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        error.kind = Kind::ConnectionRefused;
        break;
    case QNetworkReply::HostNotFoundError:
        error.kind = Kind::HostNotFound;
        break;
    case QNetworkReply::TimeoutError:
        error.kind = Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = Kind::Tls;
        break;
    case QNetworkReply::OperationCanceledError:
        error.kind = Kind::Canceled;
        break;
    default:
        error.kind = Kind::Network;
        break;
    }
    return error;
}

ApiError ApiError::invalidResponse(int status, const QByteArray &requestIdHeader)
{
    ApiError error;
    error.kind = Kind::InvalidResponse;
    error.status = status;
    error.requestId = QString::fromLatin1(requestIdHeader);
    return error;
}

} // namespace reserva::ui
