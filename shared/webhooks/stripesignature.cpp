#include "stripesignature.h"

#include "crypto/digest.h"
#include "signatureheader.h"

namespace reserva {

namespace {

// https://docs.stripe.com/webhooks#verify-manually, step 2: the signed payload
// is the timestamp as sent, a '.', and the raw request body. Parsing and
// re-serializing the JSON would change the bytes and break (or fake) the MAC.
QByteArray stripeSignedPayload(QByteArrayView timestamp, QByteArrayView rawBody)
{
    QByteArray payload;
    payload.reserve(timestamp.size() + 1 + rawBody.size());
    payload.append(timestamp).append('.').append(rawBody);
    return payload;
}

} // namespace

SignatureCheck StripeSignatureVerifier::verify(QByteArrayView header, QByteArrayView rawBody,
                                               qint64 nowSeconds) const
{
    const std::optional<KeyValueSignatureHeader> parsed = parseKeyValueSignatureHeader(header, "t");
    if (!parsed)
        return SignatureCheck::Malformed;

    // Freshness first (Stripe's 300 s default, docs "Prevent replay attacks"):
    // the timestamp is public, so answering Stale before computing any MAC
    // tells a forger nothing it did not send itself, and an old captured
    // delivery cannot be replayed whatever its signature.
    if (!isWithinTolerance(parsed->timestampValue, nowSeconds, toleranceSeconds))
        return SignatureCheck::Stale;

    // Stripe keys the HMAC with the whole "whsec_..." string (unlike Standard
    // Webhooks, which base64-decodes what follows the prefix). During a
    // rotation both the old and the new secret are configured; any of them
    // against any v1 may match.
    const QList<QByteArray> expected =
        macsUnderEachSecret(secrets, stripeSignedPayload(parsed->timestamp, rawBody));
    return anyHexMacMatches(expected, parsed->v1) ? SignatureCheck::Valid
                                                  : SignatureCheck::Mismatch;
}

QByteArray StripeSignatureVerifier::sign(QByteArrayView secret, QByteArrayView rawBody,
                                         qint64 timestamp)
{
    const QByteArray t = QByteArray::number(timestamp);
    return QByteArray("t=" + t +
                      ",v1=" + hmacSha256(secret, stripeSignedPayload(t, rawBody)).toHex());
}

} // namespace reserva
