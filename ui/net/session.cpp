#include "session.h"

#include "serveraddress.h"
#include "tokenstore.h"

#include <QJsonObject>

namespace reserva::ui {

namespace {

// After a transport failure the renewal is tried again this much later (the
// access token usually still has its margin left).
constexpr int kRetryAfterNetworkFailureMs = 10000;

ApiError nothingRemembered()
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.status = 0;
    return error;
}

} // namespace

Session::Session(ApiClient &api, TokenStore *store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_clock(clock)
{
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &Session::refresh);
    m_api.setAuthenticator(this);
}

Session::~Session()
{
    m_api.setAuthenticator(nullptr);
}

qint64 Session::renewalMarginMs(qint64 lifetimeMs)
{
    return std::min<qint64>(60000, lifetimeMs / 5);
}

QString Session::account() const
{
    return TokenStore::accountFor(ServerAddress::originOf(m_api.baseUrl()), m_username);
}

void Session::login(const QString &username, const QString &password, Remember remember, Done done)
{
    m_username = username;
    m_remember = remember == Remember::Yes;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/auth/login");
    request.authenticated = false;
    request.body =
        QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    m_api.send(request, this, [this, done, remember](const ApiResponse &response) {
        if (!response.ok()) {
            done(response.error);
            return;
        }
        if (remember == Remember::Forget)
            forgetStoredToken(); // unticking "remember me" forgets what was remembered
        applyTokens(response.object(), done);
    });
}

void Session::resume(const QString &username, Done done)
{
    if (!m_store) {
        done(nothingRemembered());
        return;
    }
    m_username = username;
    m_remember = true;
    m_store->load(account(), [this, done](const std::optional<QString> &token, const QString &) {
        if (!token || token->isEmpty()) {
            done(nothingRemembered());
            return;
        }
        m_refreshToken = *token;
        m_refreshing = true;
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v1/auth/refresh");
        request.authenticated = false;
        request.body = QJsonObject{{QStringLiteral("refresh_token"), m_refreshToken}};
        m_api.send(request, this, [this, done](const ApiResponse &response) {
            m_refreshing = false;
            if (!response.ok()) {
                m_refreshToken.clear();
                if (!response.error->isConnectionProblem())
                    forgetStoredToken(); // revoked or expired: it will never work again
                done(response.error);
                return;
            }
            applyTokens(response.object(), done);
        });
    });
}

void Session::applyTokens(const QJsonObject &pair, const Done &done)
{
    const QByteArray access = pair.value(u"access_token").toString().toLatin1();
    const QString refreshToken = pair.value(u"refresh_token").toString();
    const qint64 expiresIn = pair.value(u"expires_in").toInteger();
    const auto claims = AccessClaims::fromJwt(access);
    if (!claims || refreshToken.isEmpty() || expiresIn <= 0) {
        if (done)
            done(ApiError::invalidResponse(200, {}));
        return;
    }
    const bool wasSignedIn = isSignedIn();
    m_accessToken = access;
    m_refreshToken = refreshToken;
    m_claims = *claims;
    // expires_in, not the exp claim: our clock may disagree with the server's.
    const qint64 lifetimeMs = expiresIn * 1000;
    const qint64 delayMs = lifetimeMs - renewalMarginMs(lifetimeMs);
    const QDateTime now = m_clock.now();
    m_accessExpiresAt = now.addMSecs(lifetimeMs);
    m_renewalDueAt = now.addMSecs(delayMs);
    m_renewTimer.start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
    if (m_remember && m_store) {
        // Each rotation replaces the stored token: the previous one is spent.
        m_store->save(account(), m_refreshToken, [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT keychainProblem(
                    tr("The sign-in could not be remembered in the system keychain: %1")
                        .arg(error));
        });
    }
    if (done)
        done(std::nullopt);
    if (wasSignedIn)
        Q_EMIT accessRenewed();
    else
        Q_EMIT signedIn();
}

void Session::renewAccess(std::function<void(const std::optional<ApiError> &)> done)
{
    if (!isSignedIn()) {
        ApiError error;
        error.kind = ApiError::Kind::Http;
        error.status = 401;
        error.type = QStringLiteral("urn:reserva:problem:invalid-token");
        done(error);
        return;
    }
    m_renewWaiters.append(std::move(done));
    if (!m_refreshing)
        refresh();
}

void Session::refresh()
{
    if (m_refreshing || m_refreshToken.isEmpty())
        return;
    m_refreshing = true;
    m_renewTimer.stop();
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/auth/refresh");
    request.authenticated = false;
    request.body = QJsonObject{{QStringLiteral("refresh_token"), m_refreshToken}};
    m_api.send(request, this, [this](const ApiResponse &response) {
        m_refreshing = false;
        const auto waiters = std::exchange(m_renewWaiters, {});
        if (response.ok()) {
            applyTokens(response.object(), {});
            for (const auto &waiter : waiters)
                waiter(isSignedIn() ? std::nullopt : std::optional<ApiError>(ApiError()));
            return;
        }
        const ApiError error = *response.error;
        if (error.isConnectionProblem()) {
            // Keep the session: the server may be back before the token expires.
            m_renewTimer.start(kRetryAfterNetworkFailureMs);
        } else {
            // Revoked (signed out elsewhere, a reused token killed the family,
            // the user was deactivated) or expired: only a new sign-in helps.
            endSession(tr("Your session was ended by the server: it expired, was signed out "
                          "elsewhere or was revoked for safety. Please sign in again."));
        }
        for (const auto &waiter : waiters)
            waiter(error);
    });
}

void Session::logout(std::function<void()> done)
{
    if (!isSignedIn()) {
        if (done)
            done();
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/auth/logout");
    request.body = QJsonObject{{QStringLiteral("refresh_token"), m_refreshToken}};
    m_api.send(request, this, [this, done](const ApiResponse &) {
        // Whatever the server said (it may be unreachable), forget locally.
        endSession(QString());
        if (done)
            done();
    });
}

void Session::endSession(const QString &message)
{
    m_renewTimer.stop();
    forgetStoredToken();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_claims = {};
    m_accessExpiresAt = {};
    m_renewalDueAt = {};
    Q_EMIT signedOut(message);
}

void Session::forgetStoredToken()
{
    if (!m_store || m_username.isEmpty())
        return;
    m_store->remove(account(), [this](const QString &error) {
        if (!error.isEmpty())
            Q_EMIT keychainProblem(
                tr("The remembered sign-in could not be removed from the system keychain: %1")
                    .arg(error));
    });
}

} // namespace reserva::ui
