#pragma once

#include "accesstokenclaims.h"
#include "core/clock.h"
#include "jwks.h"

#include <QByteArrayView>

#include <memory>
#include <shared_mutex>
#include <variant>

namespace reserva {

enum class TokenRejection {
    Malformed,            // not three strict base64url parts, header/payload not JSON objects
    UnsupportedAlgorithm, // alg other than EdDSA (none, HS256, RS256...)
    WrongType,            // typ other than at+jwt (RFC 9068 section 2.1; RFC 8725 section 3.11)
    UnknownKey,           // missing kid or kid not in the key set
    BadSignature,
    Expired,     // exp + skew <= now
    NotYetValid, // nbf - skew > now, or iat in the future beyond skew
    WrongIssuer,
    WrongAudience, // aud a string or an array; must contain ours
    MissingClaim,  // sub, exp, iat, iss, aud or jti missing or of the wrong type
};

QString tokenRejectionName(TokenRejection rejection);

struct AccessTokenVerifierOptions
{
    QString issuer;
    QString audience;
    int clockSkewSeconds = 60;
    // Verified-token cache (bounded): a token seen before skips the Ed25519
    // check but never the time, issuer or audience checks. 0 disables it.
    int cacheCapacity = 20000;
};

using TokenVerification = std::variant<AccessTokenClaims, TokenRejection>;

// Verifies access tokens per RFC 8725: allowlist of one algorithm (EdDSA) bound
// to OKP/Ed25519 keys, key by kid from a trusted set, typ checked, time claims
// checked with a bounded skew. Reusable by any service consuming our tokens.
// verify() and setKeys() are thread-safe.
class AccessTokenVerifier
{
public:
    AccessTokenVerifier(AccessTokenVerifierOptions options, const Clock &clock);
    ~AccessTokenVerifier();

    // Replaces the trusted keys (after a JWKS fetch or a key rotation); drops
    // cached verifications of tokens whose kid left the set.
    void setKeys(const JwksKeySet &keys);
    JwksKeySet keys() const;

    TokenVerification verify(QByteArrayView token) const;

    // Verified tokens currently cached (for metrics and tests); never more
    // than options.cacheCapacity, 0 when the cache is disabled (capacity 0).
    qsizetype cachedTokenCount() const;

private:
    struct Cache;
    AccessTokenVerifierOptions m_options;
    const Clock &m_clock;
    // std::shared_mutex, not QReadWriteLock: it is pthread_rwlock, which
    // ThreadSanitizer intercepts. Debian's Qt is not built with TSan, so the
    // ordering QReadWriteLock gives would be invisible to the TSan lane.
    mutable std::shared_mutex m_keysLock;
    JwksKeySet m_keys;
    std::unique_ptr<Cache> m_cache;
};

} // namespace reserva
