#pragma once

#include "accessclaims.h"
#include "apiclient.h"
#include "core/clock.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace reserva::ui {

class TokenStore;

// One signed-in user at one server. Holds the access token in memory only and
// renews it shortly before it expires (and once more when the server answers
// 401), one renewal at a time, because each renewal rotates the refresh token
// and presenting a spent one makes the server revoke the whole family. With
// "remember me" the current refresh token is kept in the OS keychain (and
// replaced there at every rotation); without it nothing is stored anywhere.
class Session final
    : public QObject
    , public Authenticator
{
    Q_OBJECT
public:
    using Done = std::function<void(const std::optional<ApiError> &)>;
    enum class Remember {
        Yes,    // keep the refresh token in the keychain (and each rotation)
        No,     // store nothing, touch nothing
        Forget, // store nothing, and remove what an earlier "remember me" stored
    };

    Session(ApiClient &api, TokenStore *store, const Clock &clock = SystemClock::instance(),
            QObject *parent = nullptr);
    ~Session() override;

    // POST /v1/auth/login on the ApiClient's current base URL.
    void login(const QString &username, const QString &password, Remember remember, Done done);
    // Signs in with the refresh token the keychain holds for `username` at the
    // current server. done(error): an ApiError whose kind is Http and status
    // 0 means "nothing remembered".
    void resume(const QString &username, Done done);
    // Revokes the refresh family at the server (best effort), forgets the
    // tokens and removes the keychain entry. Emits signedOut with no message.
    void logout(std::function<void()> done = {});

    bool isSignedIn() const { return !m_accessToken.isEmpty(); }
    const AccessClaims &claims() const { return m_claims; }
    QString username() const { return m_username; }
    bool remembers() const { return m_remember; }
    QDateTime accessExpiresAt() const { return m_accessExpiresAt; }
    // When the next proactive renewal is due (invalid when signed out).
    QDateTime renewalDueAt() const { return m_renewalDueAt; }
    // How long before expiry a token is renewed: a fifth of its lifetime,
    // at most a minute.
    static qint64 renewalMarginMs(qint64 lifetimeMs);

    QByteArray accessToken() const override { return m_accessToken; }
    void renewAccess(std::function<void(const std::optional<ApiError> &)> done) override;

Q_SIGNALS:
    void signedIn();
    void accessRenewed();
    // message: why, in plain words, when the server ended the session (empty
    // when the user signed out).
    void signedOut(const QString &message);
    // The keychain refused to store or delete (shown, never silently ignored).
    void keychainProblem(const QString &message);

private:
    void applyTokens(const QJsonObject &pair, const Done &done);
    void refresh();
    void endSession(const QString &message);
    void forgetStoredToken();
    QString account() const;

    ApiClient &m_api;
    TokenStore *m_store;
    const Clock &m_clock;
    QTimer m_renewTimer;
    QString m_username;
    bool m_remember = false;
    QByteArray m_accessToken;
    QString m_refreshToken;
    AccessClaims m_claims;
    QDateTime m_accessExpiresAt;
    QDateTime m_renewalDueAt;
    bool m_refreshing = false;
    QList<std::function<void(const std::optional<ApiError> &)>> m_renewWaiters;
};

} // namespace reserva::ui
