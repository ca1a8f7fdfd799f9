// Mercado Pago x-signature (shared/webhooks/mercadopagosignature.h).
// Input: "<now, decimal seconds>\n<x-signature>\n<data.id>\n<x-request-id>";
// an empty data.id or request id line stands for an absent one. Secret from
// tests/data/vectors/mercadopago-webhook.json. "Valid" must mean a v1 value is
// the MAC of the manifest built from exactly these values.

#include "crypto/digest.h"
#include "fuzzsupport.h"
#include "webhooks/mercadopagosignature.h"
#include "webhooks/signatureheader.h"

using namespace reserva;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> fields = fuzz::splitFields(data, size, 4);
    const qint64 now = parseTimestampDigits(fields[0]).value_or(1704908010);
    const QByteArray &header = fields[1];
    const QString dataId = fields[2].isEmpty() ? QString() : QString::fromUtf8(fields[2]);
    const QByteArray requestId = fields[3].isEmpty() ? QByteArray() : fields[3];

    const MercadoPagoSignatureVerifier verifier{{QByteArrayLiteral("your_secret_key_here")}, 300};
    const SignatureCheck check = verifier.verify(header, dataId, requestId, now);

    const auto parsed = parseKeyValueSignatureHeader(header, "ts");
    if (!parsed) {
        RESERVA_FUZZ_CHECK(check == SignatureCheck::Malformed);
        return 0;
    }
    if (check != SignatureCheck::Valid)
        return 0;
    const QByteArray manifest =
        MercadoPagoSignatureVerifier::manifest(dataId, requestId, parsed->timestamp);
    // The manifest names the id lower-cased and every part it was given.
    if (!dataId.isNull())
        RESERVA_FUZZ_CHECK(
            manifest.startsWith(QByteArray("id:" + dataId.toLower().toUtf8() + ';')));
    RESERVA_FUZZ_CHECK(
        manifest.endsWith(QByteArray("ts:" + parsed->timestamp.toByteArray() + ';')));
    const QByteArray mac = hmacSha256(verifier.secrets.first(), manifest).toHex();
    bool matched = false;
    for (QByteArrayView v1 : parsed->v1)
        matched = matched || v1.compare(mac, Qt::CaseInsensitive) == 0;
    RESERVA_FUZZ_CHECK(matched);
    return 0;
}
