#include "tokenservice.h"

#include "contract/identitytypes.h"
#include "crypto/base64url.h"
#include "crypto/randombytes.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "token/accesstokensigner.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTokens, "reserva.identity.tokens")

namespace reserva {

namespace {

AccessTokenVerifierOptions verifierOptions(const TokenSettings &s)
{
    AccessTokenVerifierOptions o;
    o.issuer = s.issuer;
    o.audience = s.audience;
    o.clockSkewSeconds = s.clockSkewSeconds;
    return o;
}

constexpr qint64 kUnknownKidReloadIntervalMs = 5000;

} // namespace

TokenService::TokenService(TokenSettings settings, SecretBox box, const Clock &clock)
    : m_settings(std::move(settings))
    , m_box(std::move(box))
    , m_clock(clock)
    , m_verifier(verifierOptions(m_settings), clock)
{
}

bool TokenService::initialize(DbConnection &db, QString *error)
{
    signingkeystore::ensureActiveKey(db, m_box, m_clock.now());
    reloadKeys(db);
    QMutexLocker lock(&m_mutex);
    if (!m_active) {
        if (error)
            *error = QStringLiteral("the active signing key cannot be opened: is this the master "
                                    "key the database was set up with?");
        return false;
    }
    return true;
}

void TokenService::reloadKeys(DbConnection &db)
{
    auto active = signingkeystore::loadActive(db, m_box);
    const JwksKeySet keys = signingkeystore::loadVerificationKeys(db, m_clock.now());
    m_verifier.setKeys(keys);
    {
        QMutexLocker lock(&m_mutex);
        if (active)
            m_active = std::move(active);
        else
            qCCritical(lcTokens, "the active signing key cannot be opened with this master key");
    }
}

std::optional<QByteArray> TokenService::issueAccessToken(const UserView &user)
{
    std::optional<ActiveSigningKey> key;
    {
        QMutexLocker lock(&m_mutex);
        key = m_active;
    }
    if (!key)
        return std::nullopt;
    const QDateTime now = m_clock.now();
    AccessTokenClaims claims;
    claims.subject = user.id.toString(QUuid::WithoutBraces);
    claims.roles = user.roles;
    claims.tenant =
        user.tenantId.isNull() ? QString() : user.tenantId.toString(QUuid::WithoutBraces);
    claims.issuer = m_settings.issuer;
    claims.audience = m_settings.audience;
    claims.clientId = m_settings.clientId;
    claims.tokenId = QString::fromLatin1(base64UrlEncode(randomBytes(16)));
    claims.issuedAt = now;
    claims.notBefore = now;
    claims.expiresAt = now.addSecs(m_settings.accessTokenSeconds);
    return signAccessToken(claims, key->kid, key->key);
}

TokenVerification TokenService::verify(QByteArrayView token, DbConnection *db)
{
    TokenVerification result = m_verifier.verify(token);
    const auto *rejection = std::get_if<TokenRejection>(&result);
    if (!rejection || *rejection != TokenRejection::UnknownKey || !db)
        return result;
    // Possibly a key rotated in by another instance: reload at once, but at
    // most once per interval, since anyone can send a token with a made-up kid.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    qint64 last = m_lastUnknownKidReloadMs.load();
    if ((last != 0 && nowMs - last < kUnknownKidReloadIntervalMs) ||
        !m_lastUnknownKidReloadMs.compare_exchange_strong(last, nowMs))
        return result;
    try {
        reloadKeys(*db);
    } catch (const DatabaseFailure &failure) {
        // This runs before the request's handler (and its error mapping): a
        // dead connection here, e.g. right after a database restart, must not
        // escape and take the worker down. The token stays rejected.
        qCWarning(lcTokens, "key reload for an unknown kid failed: %s", failure.what());
        db->markSuspect();
        return result;
    }
    return m_verifier.verify(token);
}

QByteArray TokenService::jwksDocument() const
{
    return m_verifier.keys().toJson();
}

} // namespace reserva
