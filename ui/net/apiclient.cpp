#include "apiclient.h"

#include "certificatepins.h"
#include "serveraddress.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>

namespace reserva::ui {

QByteArray ApiResponse::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

ApiClient::ApiClient(CertificatePins *pins, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_pins(pins)
{
    // Redirects could carry the bearer token to another origin: refused.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Replies still running are aborted without calling back into a client
    // that is being destroyed.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void ApiClient::send(const ApiRequest &request, QObject *context, Callback done)
{
    dispatch(request, QPointer<QObject>(context), std::move(done), false);
}

void ApiClient::abort(QObject *context)
{
    const QList<QNetworkReply *> replies = m_contexts.keys(context);
    for (QNetworkReply *reply : replies) {
        m_aborted.insert(reply);
        reply->abort();
    }
}

void ApiClient::dispatch(const ApiRequest &request, QPointer<QObject> context, Callback done,
                         bool isRetry)
{
    if (!ServerAddress::isAllowed(m_baseUrl)) {
        // Refused before anything leaves the machine; answered asynchronously
        // like every other outcome so callers have one code path.
        ApiError error;
        error.kind = ApiError::Kind::InsecureServer;
        QTimer::singleShot(0, this, [context, done = std::move(done), error] {
            if (context)
                done(ApiResponse{0, {}, {}, error});
        });
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    QNetworkRequest http(url);
    http.setTransferTimeout(m_transferTimeoutMs);
    http.setRawHeader("Accept", "application/json, application/problem+json");
    QByteArray tokenUsed;
    if (request.authenticated && m_authenticator) {
        tokenUsed = m_authenticator->accessToken();
        if (!tokenUsed.isEmpty())
            http.setRawHeader("Authorization", "Bearer " + tokenUsed);
    }
    for (const auto &[name, value] : request.headers)
        http.setRawHeader(name, value);
    QByteArray body;
    if (request.body) {
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = QJsonDocument(*request.body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(http, request.method, body);
    ++m_pending;
    m_contexts.insert(reply, context.data());
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        // The certificate the errors are about: the reply's configuration can
        // still describe an earlier connection to the same server.
        QSslCertificate leaf;
        for (const QSslError &e : errors) {
            if (!e.certificate().isNull()) {
                leaf = e.certificate();
                break;
            }
        }
        if (leaf.isNull())
            leaf = reply->sslConfiguration().peerCertificate();
        const QUrl replyUrl = reply->url();
        if (m_pins && !leaf.isNull() &&
            m_pins->matches(replyUrl.host(), replyUrl.port(443),
                            CertificateInfo::fingerprintOf(leaf))) {
            // The user trusted exactly this certificate for exactly this server.
            reply->ignoreSslErrors(errors);
            return;
        }
        m_tlsFailures.insert(reply, CertificateInfo::from(leaf, errors));
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request, context, done = std::move(done), isRetry, tokenUsed] {
                --m_pending;
                reply->deleteLater();
                m_contexts.remove(reply);
                if (m_aborted.remove(reply)) {
                    m_tlsFailures.remove(reply);
                    return;
                }
                finish(reply, request, context, done, isRetry, tokenUsed);
            });
}

void ApiClient::finish(QNetworkReply *reply, const ApiRequest &request, QPointer<QObject> context,
                       Callback done, bool isRetry, const QByteArray &tokenUsed)
{
    ApiResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.append({name.toLower(), value});
    const QByteArray body = reply->readAll();
    const QByteArray requestId = reply->rawHeader("X-Request-Id");

    if (response.status == 0) {
        ApiError error = ApiError::fromNetwork(reply->error(), reply->errorString());
        // Only the transfer timeout aborts our replies while their context lives.
        if (error.kind == ApiError::Kind::Canceled)
            error.kind = ApiError::Kind::Timeout;
        if (const auto tls = m_tlsFailures.constFind(reply); tls != m_tlsFailures.cend()) {
            error.kind = ApiError::Kind::Tls;
            error.certificate = *tls;
        }
        if (error.isConnectionProblem())
            setReachable(false);
        response.error = error;
    } else {
        setReachable(true);
        if (response.status == 401 && request.authenticated && !isRetry && m_authenticator) {
            // Renew once and replay the same request. If another request
            // already renewed while this one was in flight, just replay.
            const ApiError refused = ApiError::fromHttp(response.status, body, requestId);
            auto replay = [this, request, context, done,
                           refused](const std::optional<ApiError> &renewError) {
                if (!context)
                    return;
                if (!renewError) {
                    dispatch(request, context, done, true);
                    return;
                }
                const ApiError error = renewError->isConnectionProblem() ? *renewError : refused;
                done(ApiResponse{error.status, {}, {}, error});
            };
            m_tlsFailures.remove(reply);
            if (m_authenticator->accessToken() != tokenUsed)
                replay(std::nullopt);
            else
                m_authenticator->renewAccess(replay);
            return;
        }
        if (response.status >= 200 && response.status < 300) {
            if (request.rawBody) {
                response.body = body;
            } else if (!body.isEmpty()) {
                QJsonParseError parseError{};
                response.json = QJsonDocument::fromJson(body, &parseError);
                if (parseError.error != QJsonParseError::NoError)
                    response.error = ApiError::invalidResponse(response.status, requestId);
            }
        } else {
            response.error = ApiError::fromHttp(response.status, body, requestId);
        }
    }
    m_tlsFailures.remove(reply);
    if (context)
        done(response);
}

void ApiClient::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    Q_EMIT reachabilityChanged(reachable);
}

} // namespace reserva::ui
