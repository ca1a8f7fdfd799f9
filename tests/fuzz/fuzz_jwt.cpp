// Access tokens (shared/token/jws.h, accesstokenverifier.h) as a client
// presents them: a compact JWS checked against a trusted Ed25519 key (the
// RFC 8037 A.1 key of tests/data/vectors/jwt-eddsa.json, kid "k1") at a fixed
// time. Accepted must mean EdDSA, at+jwt, a signature that verifies, our
// issuer and audience, and an unexpired token; a second verification (the
// cache's path) must agree with the first.
//
// A mutated token almost never carries a valid signature, which would leave
// the header and claim checks behind it unexplored; so the same header and
// payload are also re-signed with the trusted key (we hold its private half:
// the vector's "d") and verified again.

#include "crypto/base64url.h"
#include "fuzzsupport.h"
#include "token/accesstokenverifier.h"
#include "token/jws.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace reserva;

namespace {

class FixedClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::fromSecsSinceEpoch(1764000100, Qt::UTC); }
};

const Ed25519PrivateKey &signingKey()
{
    static const Ed25519PrivateKey key = *Ed25519PrivateKey::fromRaw(
        *base64UrlDecode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"));
    return key;
}

const Ed25519PublicKey &trustedKey()
{
    static const Ed25519PublicKey key = signingKey().publicKey();
    return key;
}

AccessTokenVerifierOptions options(int cacheCapacity)
{
    return {QStringLiteral("https://reserva.test"), QStringLiteral("reserva-api"), 60,
            cacheCapacity};
}

bool sameOutcome(const TokenVerification &a, const TokenVerification &b)
{
    if (a.index() != b.index())
        return false;
    if (const auto *rejection = std::get_if<TokenRejection>(&a))
        return *rejection == std::get<TokenRejection>(b);
    return std::get<AccessTokenClaims>(a).subject == std::get<AccessTokenClaims>(b).subject;
}

void checkAccepted(const TokenVerification &outcome, const JwsCompactParts &parts,
                   const Clock &clock)
{
    const auto *claims = std::get_if<AccessTokenClaims>(&outcome);
    if (!claims)
        return;
    RESERVA_FUZZ_CHECK(parts.header.value(QStringLiteral("alg")).toString() == u"EdDSA");
    RESERVA_FUZZ_CHECK(trustedKey().verify(parts.signingInput, parts.signature));
    RESERVA_FUZZ_CHECK(claims->issuer == u"https://reserva.test");
    RESERVA_FUZZ_CHECK(claims->expiresAt.toSecsSinceEpoch() + 60 > clock.nowSecs());
    RESERVA_FUZZ_CHECK(!claims->subject.isEmpty() && !claims->tokenId.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const FixedClock clock;
    static const JwksKeySet keys = [] {
        JwksKeySet set;
        set.insert(QStringLiteral("k1"), trustedKey());
        return set;
    }();
    // One verifier without a cache, one whose cache lives across inputs (as
    // in the server), so a cached answer is compared with a fresh one.
    static AccessTokenVerifier *cached = [] {
        auto *v = new AccessTokenVerifier(options(64), clock);
        v->setKeys(keys);
        return v;
    }();
    AccessTokenVerifier fresh(options(0), clock);
    fresh.setKeys(keys);

    const QByteArray token = fuzz::bytesOf(data, size);
    const TokenVerification first = fresh.verify(token);
    RESERVA_FUZZ_CHECK(sameOutcome(first, cached->verify(token)));
    RESERVA_FUZZ_CHECK(sameOutcome(first, cached->verify(token)));

    const auto parts = parseJwsCompact(token);
    if (!parts) {
        RESERVA_FUZZ_CHECK(std::holds_alternative<TokenRejection>(first));
        return 0;
    }
    checkAccepted(first, *parts, clock);

    // The same header and payload under a signature that verifies.
    const QByteArray resigned =
        parts->signingInput + '.' + base64UrlEncode(signingKey().sign(parts->signingInput));
    const TokenVerification second = fresh.verify(resigned);
    RESERVA_FUZZ_CHECK(sameOutcome(second, cached->verify(resigned)));
    const auto *rejection = std::get_if<TokenRejection>(&second);
    RESERVA_FUZZ_CHECK(!rejection || *rejection != TokenRejection::BadSignature);
    const auto resignedParts = parseJwsCompact(resigned);
    RESERVA_FUZZ_CHECK(resignedParts.has_value());
    checkAccepted(second, *resignedParts, clock);
    return 0;
}
