// Stripe-Signature (shared/webhooks/stripesignature.h) as an attacker sends
// it. Input: "<now, decimal seconds>\n<header>\n<raw body>". The header is
// parsed and checked against the secrets of tests/data/vectors/stripe-webhook.json;
// "Valid" must mean a v1 value really is the MAC of "<t>.<body>" under a secret,
// within the tolerance.

#include "crypto/digest.h"
#include "fuzzsupport.h"
#include "webhooks/signatureheader.h"
#include "webhooks/stripesignature.h"

using namespace reserva;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> fields = fuzz::splitFields(data, size, 3);
    const qint64 now = parseTimestampDigits(fields[0]).value_or(1764000010);
    const QByteArray &header = fields[1];
    const QByteArray &body = fields[2];

    const StripeSignatureVerifier verifier{
        {QByteArrayLiteral("whsec_reserva_test_3f9a1c"), QByteArrayLiteral("whsec_previous_0001")},
        300};
    const SignatureCheck check = verifier.verify(header, body, now);

    const auto parsed = parseKeyValueSignatureHeader(header, "t");
    if (!parsed) {
        RESERVA_FUZZ_CHECK(check == SignatureCheck::Malformed);
        return 0;
    }
    RESERVA_FUZZ_CHECK(!parsed->v1.isEmpty() && parsed->v1.size() <= kMaxSignaturesPerHeader);
    RESERVA_FUZZ_CHECK(parseTimestampDigits(parsed->timestamp) == parsed->timestampValue);
    if (check != SignatureCheck::Valid)
        return 0;
    RESERVA_FUZZ_CHECK(isWithinTolerance(parsed->timestampValue, now, 300));
    // The one way to be valid: a v1 equal to a MAC we compute ourselves.
    bool matched = false;
    for (const QByteArray &secret : verifier.secrets) {
        const QByteArray mac =
            hmacSha256(secret, QByteArray(parsed->timestamp.toByteArray() + '.' + body)).toHex();
        for (QByteArrayView v1 : parsed->v1)
            matched = matched || v1.compare(mac, Qt::CaseInsensitive) == 0;
    }
    RESERVA_FUZZ_CHECK(matched);
    return 0;
}
