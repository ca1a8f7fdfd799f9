#include "signatureheader.h"

#include "crypto/constanttime.h"
#include "crypto/digest.h"

#include <limits>

namespace reserva {

namespace {

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<KeyValueSignatureHeader> parseKeyValueSignatureHeader(QByteArrayView header,
                                                                    QByteArrayView timestampKey)
{
    if (header.isEmpty() || header.size() > kMaxSignatureHeaderBytes)
        return std::nullopt;

    // Stripe's own libraries split on ',' and then on the first '=' and keep
    // every v1 (https://docs.stripe.com/webhooks#verify-manually); Mercado Pago
    // documents the same split for x-signature
    // (https://www.mercadopago.com/developers/en/docs/your-integrations/notifications/webhooks).
    KeyValueSignatureHeader out;
    bool haveTimestamp = false;
    for (const QByteArrayView item : splitSignatureItems(header, ',')) {
        const qsizetype eq = item.indexOf('=');
        if (eq < 0)
            return std::nullopt;
        const QByteArrayView key = item.first(eq).trimmed();
        const QByteArrayView value = item.sliced(eq + 1).trimmed();
        if (key == timestampKey) {
            // Two timestamps would leave "which one was signed?" to whichever
            // library reads the header: refuse rather than pick one.
            if (haveTimestamp)
                return std::nullopt;
            const std::optional<qint64> parsed = parseTimestampDigits(value);
            if (!parsed)
                return std::nullopt;
            haveTimestamp = true;
            out.timestamp = value;
            out.timestampValue = *parsed;
        } else if (key == QByteArrayView("v1")) {
            if (out.v1.size() == kMaxSignaturesPerHeader)
                return std::nullopt;
            out.v1.append(value);
        }
        // v0 (Stripe's test-mode scheme, never trusted) and unknown schemes are
        // skipped, as the providers' docs ask, so a new scheme does not break us.
    }
    if (!haveTimestamp || out.v1.isEmpty())
        return std::nullopt;
    return out;
}

QList<QByteArrayView> splitSignatureItems(QByteArrayView header, char separator)
{
    QList<QByteArrayView> items;
    qsizetype pos = 0;
    while (pos <= header.size()) {
        qsizetype end = header.indexOf(separator, pos);
        if (end < 0)
            end = header.size();
        const QByteArrayView item = header.sliced(pos, end - pos).trimmed();
        if (!item.isEmpty())
            items.append(item);
        pos = end + 1;
    }
    return items;
}

QList<QByteArray> macsUnderEachSecret(const QList<QByteArray> &secrets, QByteArrayView message)
{
    QList<QByteArray> macs;
    macs.reserve(secrets.size());
    for (const QByteArray &secret : secrets) {
        if (!secret.isEmpty())
            macs.append(hmacSha256(secret, message));
    }
    return macs;
}

std::optional<qint64> parseTimestampDigits(QByteArrayView text)
{
    // 18 digits stay below 2^63 - 1, so no overflow check is needed; anything
    // longer is not a timestamp any provider sends.
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isWithinTolerance(qint64 timestampSeconds, qint64 nowSeconds, qint64 toleranceSeconds)
{
    if (toleranceSeconds < 0)
        return false;
    // A delivery from the future is as suspect as an old one (a replay kept
    // for later, or a clock the attacker controls): the window is symmetric.
    qint64 difference = 0;
    if (qSubOverflow(nowSeconds, timestampSeconds, &difference))
        return false;
    if (difference == std::numeric_limits<qint64>::min())
        return false;
    return (difference < 0 ? -difference : difference) <= toleranceSeconds;
}

std::optional<QByteArray> decodeHexSha256(QByteArrayView hex)
{
    if (hex.size() != 64)
        return std::nullopt;
    QByteArray out(32, Qt::Uninitialized);
    for (qsizetype i = 0; i < 32; ++i) {
        const int high = hexDigitValue(hex[2 * i]);
        const int low = hexDigitValue(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out[i] = static_cast<char>((high << 4) | low);
    }
    return out;
}

bool anyMacMatches(const QList<QByteArray> &expectedMacs,
                   const QList<std::optional<QByteArray>> &candidates)
{
    // No early exit: stopping at the first match would only reveal which
    // secret signed (harmless), but one uniform loop is simpler to reason about.
    bool matched = false;
    for (const QByteArray &expected : expectedMacs) {
        for (const std::optional<QByteArray> &candidate : candidates) {
            if (candidate)
                matched = constantTimeEquals(expected, *candidate) || matched;
        }
    }
    return matched;
}

bool anyHexMacMatches(const QList<QByteArray> &expectedMacs, const QList<QByteArrayView> &hexValues)
{
    QList<std::optional<QByteArray>> candidates;
    candidates.reserve(hexValues.size());
    for (const QByteArrayView value : hexValues)
        candidates.append(decodeHexSha256(value));
    return anyMacMatches(expectedMacs, candidates);
}

} // namespace reserva
