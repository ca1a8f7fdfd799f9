#pragma once

#include "core/clock.h"
#include "secretbox.h"
#include "signingkeystore.h"
#include "token/accesstokenverifier.h"

#include <QMutex>

#include <atomic>
#include <optional>

namespace reserva {

class DbConnection;
struct UserView;

struct TokenSettings
{
    QString issuer = QStringLiteral("reservad");
    QString audience = QStringLiteral("reserva-api");
    QString clientId = QStringLiteral("reserva");
    int accessTokenSeconds = 15 * 60;
    int refreshTokenSeconds = 30 * 24 * 3600;
    int clockSkewSeconds = 60;
};

// Issues and verifies access tokens for this instance. Keys come from the
// database (shared by every instance) and are reloaded periodically, and at
// once when a token names a kid this instance has not seen yet (rate-limited),
// so a rotation on one instance is honoured by the others without a restart.
// Thread-safe.
class TokenService
{
public:
    TokenService(TokenSettings settings, SecretBox box, const Clock &clock);

    const TokenSettings &settings() const { return m_settings; }
    const SecretBox &secretBox() const { return m_box; }
    const AccessTokenVerifier &verifier() const { return m_verifier; }

    // Creates the first key if needed and loads keys; false if the active key
    // cannot be opened (wrong master key).
    bool initialize(DbConnection &db, QString *error);
    void reloadKeys(DbConnection &db);

    // An access token for the user; nullopt when there is no usable key.
    std::optional<QByteArray> issueAccessToken(const UserView &user);
    TokenVerification verify(QByteArrayView token, DbConnection *db);
    QByteArray jwksDocument() const;

private:
    TokenSettings m_settings;
    SecretBox m_box;
    const Clock &m_clock;
    AccessTokenVerifier m_verifier;
    mutable QMutex m_mutex;
    std::optional<ActiveSigningKey> m_active;
    // Last reload caused by an unknown kid (not the periodic one, which must
    // not delay honouring a key another instance has just rotated in).
    std::atomic<qint64> m_lastUnknownKidReloadMs{0};
};

} // namespace reserva
