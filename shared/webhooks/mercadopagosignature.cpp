#include "mercadopagosignature.h"

#include "crypto/digest.h"
#include "signatureheader.h"

namespace reserva {

namespace {

// Mercado Pago sends ts in milliseconds (its docs' examples carry both forms):
// 13 digits or more is a millisecond count (seconds reach 13 digits only in
// the year 33658), fewer is seconds.
qint64 mercadoPagoTimestampSeconds(QByteArrayView ts, qint64 value)
{
    return ts.size() >= 13 ? value / 1000 : value;
}

// Standard Webhooks "Verifying webhooks": the secret is "whsec_" followed by
// the base64 (standard alphabet, not URL-safe) of the key bytes; the reference
// libraries strip the prefix when present and decode the rest. nullopt for a
// secret that does not decode or decodes to nothing.
std::optional<QByteArray> standardWebhookKey(const QByteArray &secret)
{
    const QByteArrayView prefix("whsec_");
    const QByteArray encoded = secret.startsWith(prefix) ? secret.sliced(prefix.size()) : secret;
    QByteArray::FromBase64Result key = QByteArray::fromBase64Encoding(
        encoded, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.isEmpty())
        return std::nullopt;
    return std::move(key.decoded);
}

// One "v1,<base64>" value to the 32 raw HMAC-SHA256 bytes; nullopt for
// anything else, so it is never compared. Only the canonical spelling counts
// (padded, unused bits zero: RFC 4648 section 3.5), as in the reference
// libraries, which compare the encoded strings: "...1OG=" decodes to the same
// bytes as "...1OE=" but is not what the sender signed (found by
// tests/fuzz/fuzz_standardwebhooks_signature).
std::optional<QByteArray> decodeBase64Sha256(QByteArrayView text)
{
    QByteArray::FromBase64Result mac = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!mac || mac.decoded.size() != 32 || QByteArrayView(mac.decoded.toBase64()) != text)
        return std::nullopt;
    return std::move(mac.decoded);
}

} // namespace

SignatureCheck MercadoPagoSignatureVerifier::verify(QByteArrayView signatureHeader,
                                                    const QString &dataId,
                                                    const QByteArray &requestId,
                                                    qint64 nowSeconds) const
{
    // ';' delimits the manifest's parts. A data.id or request id carrying one
    // could move text from one part into another (or stand in for an omitted
    // part) and reuse a signature made for other values; no real id has one.
    if (dataId.contains(u';') || requestId.contains(';'))
        return SignatureCheck::Malformed;

    const std::optional<KeyValueSignatureHeader> parsed =
        parseKeyValueSignatureHeader(signatureHeader, "ts");
    if (!parsed)
        return SignatureCheck::Malformed;

    // Freshness before any MAC: ts is public, so Stale teaches a forger
    // nothing, and a captured delivery cannot be replayed later.
    const qint64 tsSeconds = mercadoPagoTimestampSeconds(parsed->timestamp, parsed->timestampValue);
    if (!isWithinTolerance(tsSeconds, nowSeconds, toleranceSeconds))
        return SignatureCheck::Stale;

    const QList<QByteArray> expected =
        macsUnderEachSecret(secrets, manifest(dataId, requestId, parsed->timestamp));
    return anyHexMacMatches(expected, parsed->v1) ? SignatureCheck::Valid
                                                  : SignatureCheck::Mismatch;
}

QByteArray MercadoPagoSignatureVerifier::manifest(const QString &dataId,
                                                  const QByteArray &requestId, QByteArrayView ts)
{
    // Mercado Pago, "Webhooks > Validate notification origin": the template is
    // "id:[data.id_url];request-id:[x-request-id_header];ts:[ts_header];", the
    // data.id lower-cased when alphanumeric, and "if any of the values are not
    // present in your notification, remove them from the template". An empty
    // value is treated as absent: there is nothing of it to sign.
    QByteArray out;
    if (!dataId.isEmpty())
        out.append("id:").append(dataId.toLower().toUtf8()).append(';');
    if (!requestId.isEmpty())
        out.append("request-id:").append(requestId).append(';');
    if (!ts.isEmpty())
        out.append("ts:").append(ts).append(';');
    return out;
}

QByteArray MercadoPagoSignatureVerifier::sign(QByteArrayView secret, const QString &dataId,
                                              const QByteArray &requestId, QByteArrayView ts)
{
    return QByteArray("ts=" + ts.toByteArray() +
                      ",v1=" + hmacSha256(secret, manifest(dataId, requestId, ts)).toHex());
}

SignatureCheck StandardWebhookVerifier::verify(QByteArrayView webhookId, QByteArrayView timestamp,
                                               QByteArrayView signatureHeader,
                                               QByteArrayView rawBody, qint64 nowSeconds) const
{
    if (webhookId.isEmpty() || webhookId.size() > kMaxSignatureHeaderBytes ||
        signatureHeader.isEmpty() || signatureHeader.size() > kMaxSignatureHeaderBytes)
        return SignatureCheck::Malformed;
    const std::optional<qint64> timestampValue = parseTimestampDigits(timestamp);
    if (!timestampValue)
        return SignatureCheck::Malformed;

    // Standard Webhooks spec, "Signature scheme": webhook-signature is a
    // space-delimited list of "<version>,<base64 signature>"; only v1 (HMAC-SHA256)
    // is ours, others (v1a: Ed25519) are skipped as the spec asks.
    QList<std::optional<QByteArray>> candidates;
    for (const QByteArrayView entry : splitSignatureItems(signatureHeader, ' ')) {
        const qsizetype comma = entry.indexOf(',');
        if (comma < 0)
            return SignatureCheck::Malformed;
        if (entry.first(comma).trimmed() != QByteArrayView("v1"))
            continue;
        if (candidates.size() == kMaxSignaturesPerHeader)
            return SignatureCheck::Malformed;
        candidates.append(decodeBase64Sha256(entry.sliced(comma + 1).trimmed()));
    }
    if (candidates.isEmpty())
        return SignatureCheck::Malformed;

    // The spec's replay protection: reject timestamps too far from now, either way.
    if (!isWithinTolerance(*timestampValue, nowSeconds, toleranceSeconds))
        return SignatureCheck::Stale;

    // Signed content "<webhook-id>.<webhook-timestamp>.<raw body>".
    QByteArray signedContent;
    signedContent.reserve(webhookId.size() + timestamp.size() + rawBody.size() + 2);
    signedContent.append(webhookId).append('.').append(timestamp).append('.').append(rawBody);
    QList<QByteArray> expected;
    expected.reserve(secrets.size());
    for (const QByteArray &secret : secrets) {
        if (const std::optional<QByteArray> key = standardWebhookKey(secret))
            expected.append(hmacSha256(*key, signedContent));
    }
    return anyMacMatches(expected, candidates) ? SignatureCheck::Valid : SignatureCheck::Mismatch;
}

} // namespace reserva
