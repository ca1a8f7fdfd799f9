// Standard Webhooks (shared/webhooks/mercadopagosignature.h,
// StandardWebhookVerifier). Input: "<now, decimal seconds>\n<webhook-id>\n
// <webhook-timestamp>\n<webhook-signature>\n<raw body>". Secret from
// tests/data/vectors/standard-webhooks.json. "Valid" must mean one
// "v1,<base64>" item is the MAC of "<id>.<timestamp>.<body>".

#include "crypto/digest.h"
#include "fuzzsupport.h"
#include "webhooks/mercadopagosignature.h"
#include "webhooks/signatureheader.h"

using namespace reserva;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> fields = fuzz::splitFields(data, size, 5);
    const qint64 now = parseTimestampDigits(fields[0]).value_or(1614265340);
    const QByteArray &id = fields[1];
    const QByteArray &timestamp = fields[2];
    const QByteArray &signature = fields[3];
    const QByteArray &body = fields[4];

    const QByteArray secret = QByteArrayLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    const StandardWebhookVerifier verifier{{secret}, 300};
    const SignatureCheck check = verifier.verify(id, timestamp, signature, body, now);
    if (check != SignatureCheck::Valid)
        return 0;

    const auto stamp = parseTimestampDigits(timestamp);
    RESERVA_FUZZ_CHECK(stamp.has_value() && isWithinTolerance(*stamp, now, 300));
    // The canonical base64 of our MAC is one of the items (items and their
    // two halves may carry ASCII whitespace around them: tolerated by design).
    const QByteArray key = QByteArray::fromBase64(secret.mid(6));
    const QByteArray mac =
        hmacSha256(key, QByteArray(id + '.' + timestamp + '.' + body)).toBase64();
    bool matched = false;
    for (const QByteArray &item : signature.split(' ')) {
        const qsizetype comma = item.indexOf(',');
        matched = matched || (comma > 0 && item.left(comma).trimmed() == "v1" &&
                              item.mid(comma + 1).trimmed() == mac);
    }
    RESERVA_FUZZ_CHECK(matched);
    return 0;
}
