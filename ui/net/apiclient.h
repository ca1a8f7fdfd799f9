#pragma once

#include "apierror.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace reserva::ui {

class CertificatePins;

struct ApiRequest
{
    QByteArray method = "GET";
    QString path; // "/v1/reservations"
    QUrlQuery query;
    std::optional<QJsonObject> body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool authenticated = true; // adds the bearer token and renews it once on 401
    bool rawBody = false;      // a 2xx body is kept as bytes in ApiResponse::body (e.g. CSV)
};

struct ApiResponse
{
    int status = 0;
    QJsonDocument json;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    std::optional<ApiError> error;
    QByteArray body{}; // the 2xx body of a rawBody request

    bool ok() const { return !error.has_value(); }
    QJsonObject object() const { return json.object(); }
    QByteArray header(QByteArrayView lowerCaseName) const;
};

// Who supplies the bearer token and renews it when the server says 401.
// The Session implements it; renewals must be serialized by the implementer
// (a rotated refresh token presented twice revokes its whole family).
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    virtual QByteArray accessToken() const = 0;
    // Calls done(nullopt) once a new access token is available, or done(the
    // error) when it could not be renewed: a transport failure (the session
    // stays, the caller sees the network error) or a refusal (signed out).
    virtual void renewAccess(std::function<void(const std::optional<ApiError> &)> done) = 0;
};

// Asynchronous JSON over HTTP(S) to reservad on QNetworkAccessManager: never
// blocks the calling (GUI) thread. Errors come back as ApiError values:
// problem+json parsed, transport failures classified, TLS failures with the
// certificate's details; a certificate is accepted despite errors only when
// its SHA-256 matches the pin the user set for that server.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ApiClient(CertificatePins *pins = nullptr, QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }
    // Upper bound on a silent transfer; not a performance assertion.
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }

    // `done` runs on this object's thread, unless `context` is gone by then.
    void send(const ApiRequest &request, QObject *context, Callback done);
    // Aborts the requests sent with `context` that are still running (a
    // cancelled export or verification): their callbacks are not called and
    // the abort is not taken for a lost connection.
    void abort(QObject *context);
    // Requests still running (for tests and the busy indicator).
    int pendingCount() const { return m_pending; }

Q_SIGNALS:
    // A transport failure says false; any HTTP answer says true. Only
    // transitions are signalled.
    void reachabilityChanged(bool reachable);

private:
    void dispatch(const ApiRequest &request, QPointer<QObject> context, Callback done,
                  bool isRetry);
    void finish(QNetworkReply *reply, const ApiRequest &request, QPointer<QObject> context,
                Callback done, bool isRetry, const QByteArray &tokenUsed);
    void setReachable(bool reachable);

    QNetworkAccessManager *m_network;
    CertificatePins *m_pins;
    Authenticator *m_authenticator = nullptr;
    QHash<QNetworkReply *, CertificateInfo> m_tlsFailures; // until the reply finishes
    QHash<QNetworkReply *, QObject *> m_contexts;          // until the reply finishes
    QSet<QNetworkReply *> m_aborted;                       // by abort(), finishing
    QUrl m_baseUrl;
    int m_transferTimeoutMs = 30000;
    int m_pending = 0;
    bool m_reachable = true;
};

} // namespace reserva::ui
