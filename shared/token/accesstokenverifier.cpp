#include "accesstokenverifier.h"

#include "jws.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace reserva {

QString tokenRejectionName(TokenRejection rejection)
{
    switch (rejection) {
    case TokenRejection::Malformed:
        return QStringLiteral("malformed");
    case TokenRejection::UnsupportedAlgorithm:
        return QStringLiteral("unsupported_algorithm");
    case TokenRejection::WrongType:
        return QStringLiteral("wrong_type");
    case TokenRejection::UnknownKey:
        return QStringLiteral("unknown_key");
    case TokenRejection::BadSignature:
        return QStringLiteral("bad_signature");
    case TokenRejection::Expired:
        return QStringLiteral("expired");
    case TokenRejection::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case TokenRejection::WrongIssuer:
        return QStringLiteral("wrong_issuer");
    case TokenRejection::WrongAudience:
        return QStringLiteral("wrong_audience");
    case TokenRejection::MissingClaim:
        return QStringLiteral("missing_claim");
    }
    return QStringLiteral("unknown");
}

namespace {

// Our tokens are a few hundred bytes. The cap bounds the base64 decoding, JSON
// parsing and hashing an unauthenticated caller can make us do per request.
constexpr qsizetype kMaxTokenSize = 8 * 1024;

// NumericDate bounds: 0 .. 9999-12-31T23:59:59Z, so the conversions to qint64
// and QDateTime are always exact.
constexpr double kMaxNumericDate = 253402300799.0;

// What a successful verification established, kept by the cache. The time
// claims are kept as seconds so a cache hit re-checks them without parsing.
struct VerifiedToken
{
    AccessTokenClaims claims;
    QString kid;
    QByteArray keyRaw; // the key that verified the signature
    qint64 exp = 0;
    qint64 iat = 0;
    std::optional<qint64> nbf;
};

// The checks that depend on "now" or on the verifier's options: run on every
// verification, cached or not.
std::optional<TokenRejection> checkLiveClaims(const VerifiedToken &token,
                                              const AccessTokenVerifierOptions &options, qint64 now)
{
    if (token.claims.issuer != options.issuer)
        return TokenRejection::WrongIssuer;
    if (token.claims.audience != options.audience)
        return TokenRejection::WrongAudience;
    const qint64 skew = std::max(0, options.clockSkewSeconds);
    // RFC 7519 section 4.1.4: the token must not be accepted on or after exp;
    // the skew absorbs clock differences between issuer and verifier.
    if (now >= token.exp + skew)
        return TokenRejection::Expired;
    // RFC 7519 section 4.1.5 (nbf); an iat in the future means a wrong issuer
    // clock or a token minted ahead of time: neither is accepted.
    if ((token.nbf && *token.nbf > now + skew) || token.iat > now + skew)
        return TokenRejection::NotYetValid;
    return std::nullopt;
}

std::optional<QString> requiredString(const QJsonObject &payload, QLatin1StringView name)
{
    const QJsonValue value = payload.value(name);
    if (!value.isString() || value.toString().isEmpty())
        return std::nullopt;
    return value.toString();
}

// An optional string claim: absent is an empty string, any other type is refused.
std::optional<QString> optionalString(const QJsonObject &payload, QLatin1StringView name)
{
    const QJsonValue value = payload.value(name);
    if (value.isUndefined())
        return QString();
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

QDateTime utcFromSecs(qint64 seconds)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::UTC);
#else
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
#endif
}

enum class Rounding { Down, Up };

// NumericDate (RFC 7519 section 2): a JSON number of seconds, possibly
// fractional. Rounded so that the token is never valid longer than it says:
// exp down, nbf and iat up.
std::optional<qint64> numericDate(const QJsonValue &value, Rounding rounding)
{
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > kMaxNumericDate)
        return std::nullopt;
    return static_cast<qint64>(rounding == Rounding::Down ? std::floor(seconds)
                                                          : std::ceil(seconds));
}

// Reads the claims of a signature-verified payload. Every claim the server
// relies on must be present with the right type: a missing exp would make a
// token eternal, a missing jti would defeat revocation lists.
std::variant<VerifiedToken, TokenRejection> readClaims(const QJsonObject &payload,
                                                       const AccessTokenVerifierOptions &options)
{
    VerifiedToken token;
    AccessTokenClaims &claims = token.claims;

    const auto subject = requiredString(payload, QLatin1StringView("sub"));
    const auto tokenId = requiredString(payload, QLatin1StringView("jti"));
    const auto exp = numericDate(payload.value(QLatin1StringView("exp")), Rounding::Down);
    const auto iat = numericDate(payload.value(QLatin1StringView("iat")), Rounding::Up);
    if (!subject || !tokenId || !exp || !iat)
        return TokenRejection::MissingClaim;
    const QJsonValue nbfValue = payload.value(QLatin1StringView("nbf"));
    if (!nbfValue.isUndefined()) {
        token.nbf = numericDate(nbfValue, Rounding::Up);
        if (!token.nbf)
            return TokenRejection::MissingClaim;
    }

    const auto tenant = optionalString(payload, QLatin1StringView("tenant"));
    const auto clientId = optionalString(payload, QLatin1StringView("client_id"));
    if (!tenant || !clientId)
        return TokenRejection::MissingClaim;

    const QJsonValue rolesValue = payload.value(QLatin1StringView("roles"));
    if (!rolesValue.isUndefined()) {
        if (!rolesValue.isArray())
            return TokenRejection::MissingClaim;
        for (const QJsonValue &role : rolesValue.toArray()) {
            // A role that is not a string is a forged or broken token, never
            // something to coerce ("true" or 1 must not become a role).
            if (!role.isString())
                return TokenRejection::MissingClaim;
            claims.roles.append(role.toString());
        }
    }

    const QJsonValue issuer = payload.value(QLatin1StringView("iss"));
    if (!issuer.isString())
        return TokenRejection::MissingClaim;
    if (issuer.toString() != options.issuer)
        return TokenRejection::WrongIssuer;

    // RFC 7519 section 4.1.3: a string or an array of strings; a token meant
    // for another service (another audience) must not be replayed here.
    const QJsonValue audience = payload.value(QLatin1StringView("aud"));
    bool audienceMatches = false;
    if (audience.isString()) {
        audienceMatches = audience.toString() == options.audience;
    } else if (audience.isArray()) {
        for (const QJsonValue &entry : audience.toArray()) {
            if (!entry.isString())
                return TokenRejection::MissingClaim;
            audienceMatches = audienceMatches || entry.toString() == options.audience;
        }
    } else {
        return TokenRejection::MissingClaim;
    }
    if (!audienceMatches)
        return TokenRejection::WrongAudience;

    claims.subject = *subject;
    claims.tokenId = *tokenId;
    claims.tenant = *tenant;
    claims.clientId = *clientId;
    claims.issuer = options.issuer;
    claims.audience = options.audience;
    token.exp = *exp;
    token.iat = *iat;
    claims.expiresAt = utcFromSecs(*exp);
    claims.issuedAt = utcFromSecs(*iat);
    if (token.nbf)
        claims.notBefore = utcFromSecs(*token.nbf);
    return token;
}

// RFC 9068 section 2.1: "at+jwt"; RFC 7515 section 4.1.9 lets the
// "application/" prefix be omitted and media types compare case-insensitively.
bool isAccessTokenType(const QJsonValue &typ)
{
    if (!typ.isString())
        return false;
    const QString value = typ.toString();
    return value.compare(QLatin1StringView("at+jwt"), Qt::CaseInsensitive) == 0 ||
           value.compare(QLatin1StringView("application/at+jwt"), Qt::CaseInsensitive) == 0;
}

struct TokenHash
{
    using is_transparent = void;
    size_t operator()(QByteArrayView token) const noexcept { return qHash(token, seed); }
    size_t seed = 0;
};

struct TokenEqual
{
    using is_transparent = void;
    bool operator()(QByteArrayView a, QByteArrayView b) const noexcept { return a == b; }
};

} // namespace

// Verified tokens by their exact bytes. Sharded so that worker threads
// verifying different tokens rarely wait on one another: each shard has its
// own mutex, held only for a hash lookup or an insert.
struct AccessTokenVerifier::Cache
{
    struct Shard
    {
        QMutex mutex;
        std::unordered_map<QByteArray, std::shared_ptr<const VerifiedToken>, TokenHash, TokenEqual>
            entries;
    };

    explicit Cache(int capacity)
        : shardCount(std::clamp(capacity, 1, 16))
        , shardCapacity(std::max<size_t>(1, size_t(capacity) / size_t(shardCount)))
        , shards(size_t(shardCount))
    {
        const size_t seed = QHashSeed::globalSeed();
        for (Shard &shard : shards)
            shard.entries = decltype(shard.entries)(0, TokenHash{seed});
        hasher.seed = seed;
    }

    Shard &shardFor(QByteArrayView token)
    {
        // The map buckets by hash modulo a prime, so taking the shard from the
        // same hash modulo a small count leaves each shard's buckets well spread.
        return shards[hasher(token) % size_t(shardCount)];
    }

    std::shared_ptr<const VerifiedToken> find(QByteArrayView token)
    {
        Shard &shard = shardFor(token);
        QMutexLocker lock(&shard.mutex);
        const auto it = shard.entries.find(token);
        return it == shard.entries.end() ? nullptr : it->second;
    }

    void erase(QByteArrayView token)
    {
        Shard &shard = shardFor(token);
        QMutexLocker lock(&shard.mutex);
        const auto it = shard.entries.find(token);
        if (it != shard.entries.end())
            shard.entries.erase(it);
    }

    void insert(QByteArrayView token, std::shared_ptr<const VerifiedToken> entry, qint64 now,
                qint64 skew)
    {
        Shard &shard = shardFor(token);
        QMutexLocker lock(&shard.mutex);
        if (shard.entries.size() >= shardCapacity) {
            // Full: first drop what has expired anyway, then, if it is still
            // full, an arbitrary half of the shard. The cost is amortized over the inserts
            // that refill it, and the memory stays bounded whatever the load.
            std::erase_if(shard.entries,
                          [&](const auto &item) { return now >= item.second->exp + skew; });
            if (shard.entries.size() >= shardCapacity) {
                size_t toDrop = shard.entries.size() / 2 + 1;
                for (auto it = shard.entries.begin(); it != shard.entries.end() && toDrop > 0;
                     --toDrop)
                    it = shard.entries.erase(it);
            }
        }
        shard.entries.insert_or_assign(token.toByteArray(), std::move(entry));
    }

    // Drops the entries verified by keys that are no longer trusted as they were.
    void dropUntrusted(const JwksKeySet &keys)
    {
        for (Shard &shard : shards) {
            QMutexLocker lock(&shard.mutex);
            std::erase_if(shard.entries, [&keys](const auto &item) {
                const Ed25519PublicKey *key = keys.find(item.second->kid);
                return !key || key->raw() != item.second->keyRaw;
            });
        }
    }

    qsizetype size()
    {
        qsizetype total = 0;
        for (Shard &shard : shards) {
            QMutexLocker lock(&shard.mutex);
            total += qsizetype(shard.entries.size());
        }
        return total;
    }

    const int shardCount;
    const size_t shardCapacity;
    TokenHash hasher;
    std::vector<Shard> shards;
};

AccessTokenVerifier::AccessTokenVerifier(AccessTokenVerifierOptions options, const Clock &clock)
    : m_options(std::move(options))
    , m_clock(clock)
    // cacheCapacity 0 (or less) means no cache at all: every token is checked
    // from scratch (benchmarks, or services that prefer no shared state).
    , m_cache(m_options.cacheCapacity > 0 ? std::make_unique<Cache>(m_options.cacheCapacity)
                                          : nullptr)
{
}

AccessTokenVerifier::~AccessTokenVerifier() = default;

void AccessTokenVerifier::setKeys(const JwksKeySet &keys)
{
    {
        std::unique_lock lock(m_keysLock);
        m_keys = keys;
    }
    // A verification that read the old keys may still insert after this sweep;
    // that is why a cache hit also checks its key against the current set.
    if (m_cache)
        m_cache->dropUntrusted(keys);
}

JwksKeySet AccessTokenVerifier::keys() const
{
    std::shared_lock lock(m_keysLock);
    return m_keys;
}

qsizetype AccessTokenVerifier::cachedTokenCount() const
{
    return m_cache ? m_cache->size() : 0;
}

TokenVerification AccessTokenVerifier::verify(QByteArrayView token) const
{
    if (token.size() > kMaxTokenSize)
        return TokenRejection::Malformed;

    const qint64 now = m_clock.nowSecs();

    if (m_cache) {
        if (const auto cached = m_cache->find(token)) {
            bool keyStillTrusted = false;
            {
                std::shared_lock lock(m_keysLock);
                const Ed25519PublicKey *key = m_keys.find(cached->kid);
                keyStillTrusted = key && key->raw() == cached->keyRaw;
            }
            if (keyStillTrusted) {
                if (const auto rejection = checkLiveClaims(*cached, m_options, now))
                    return *rejection;
                return cached->claims;
            }
            // The kid left the set or now names another key: forget the entry
            // and let the full check below give the answer.
            m_cache->erase(token);
        }
    }

    const auto parts = parseJwsCompact(token);
    if (!parts)
        return TokenRejection::Malformed;
    const QJsonObject &header = parts->header;

    // RFC 8725 section 3.1: one algorithm on an allowlist, compared exactly.
    // This stops "none" and the HS256-with-the-public-key confusion attack:
    // the key set holds only Ed25519 keys and only EdDSA is accepted.
    const QJsonValue alg = header.value(QLatin1StringView("alg"));
    if (!alg.isString() || alg.toString() != QLatin1StringView("EdDSA"))
        return TokenRejection::UnsupportedAlgorithm;

    // RFC 7515 section 4.1.11: extensions listed in "crit" must be understood;
    // we understand none (e.g. "b64":false would change what is signed).
    if (header.contains(QLatin1StringView("crit")))
        return TokenRejection::Malformed;

    if (!isAccessTokenType(header.value(QLatin1StringView("typ"))))
        return TokenRejection::WrongType;

    // The verification key comes from the trusted set only. A header that
    // offers its own key or a place to fetch one (jwk, jku, x5u, x5c: RFC 7515
    // section 4.1.2-4.1.6) is an attempt to make us trust the signer's key.
    for (const char *name : {"jwk", "jku", "x5u", "x5c"}) {
        if (header.contains(QLatin1StringView(name)))
            return TokenRejection::UnknownKey;
    }
    const QJsonValue kidValue = header.value(QLatin1StringView("kid"));
    if (!kidValue.isString())
        return TokenRejection::UnknownKey;
    const QString kid = kidValue.toString();
    std::optional<Ed25519PublicKey> key;
    {
        std::shared_lock lock(m_keysLock);
        if (const Ed25519PublicKey *found = m_keys.find(kid))
            key = *found;
    }
    if (!key)
        return TokenRejection::UnknownKey;

    // Over the received bytes, not a re-serialization (RFC 7515 section 5.2).
    if (!key->verify(parts->signingInput, parts->signature))
        return TokenRejection::BadSignature;

    QJsonParseError error;
    const QJsonDocument payload = QJsonDocument::fromJson(parts->payload, &error);
    if (error.error != QJsonParseError::NoError || !payload.isObject())
        return TokenRejection::Malformed;

    auto read = readClaims(payload.object(), m_options);
    if (const auto *rejection = std::get_if<TokenRejection>(&read))
        return *rejection;
    auto verified = std::make_shared<VerifiedToken>(std::move(std::get<VerifiedToken>(read)));
    verified->kid = kid;
    verified->keyRaw = key->raw();

    if (const auto rejection = checkLiveClaims(*verified, m_options, now))
        return *rejection;

    if (m_cache)
        m_cache->insert(token, verified, now, std::max(0, m_options.clockSkewSeconds));
    return verified->claims;
}

} // namespace reserva
