#include "base64url.h"

#include <array>

namespace reserva {

namespace {

// RFC 4648 section 5: the URL- and filename-safe alphabet.
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<qint8, 256> makeDecodeTable()
{
    std::array<qint8, 256> table{};
    for (auto &v : table)
        v = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<qint8>(i);
    return table;
}

constexpr std::array<qint8, 256> kDecodeTable = makeDecodeTable();

} // namespace

QByteArray base64UrlEncode(QByteArrayView data)
{
    QByteArray out;
    out.reserve((data.size() + 2) / 3 * 4);
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    const qsizetype n = data.size();
    qsizetype i = 0;
    for (; i + 3 <= n; i += 3) {
        const quint32 v = (quint32(p[i]) << 16) | (quint32(p[i + 1]) << 8) | p[i + 2];
        out.append(kAlphabet[(v >> 18) & 63]);
        out.append(kAlphabet[(v >> 12) & 63]);
        out.append(kAlphabet[(v >> 6) & 63]);
        out.append(kAlphabet[v & 63]);
    }
    const qsizetype rest = n - i;
    if (rest == 1) {
        const quint32 v = quint32(p[i]) << 16;
        out.append(kAlphabet[(v >> 18) & 63]);
        out.append(kAlphabet[(v >> 12) & 63]);
    } else if (rest == 2) {
        const quint32 v = (quint32(p[i]) << 16) | (quint32(p[i + 1]) << 8);
        out.append(kAlphabet[(v >> 18) & 63]);
        out.append(kAlphabet[(v >> 12) & 63]);
        out.append(kAlphabet[(v >> 6) & 63]);
    }
    return out;
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    const qsizetype n = text.size();
    // One leftover character carries only 6 bits: no byte string encodes to it.
    if (n % 4 == 1)
        return std::nullopt;

    QByteArray out;
    out.reserve(n / 4 * 3 + 2);
    quint32 acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < n; ++i) {
        // Everything outside the alphabet is refused, including '=', '+', '/'
        // and whitespace: lenient decoders let one token have many spellings.
        const qint8 v = kDecodeTable[static_cast<unsigned char>(text[i])];
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((acc >> bits) & 0xff));
        }
    }
    // The bits left over after the last whole byte must be zero (RFC 4648
    // section 3.5): otherwise "AB" and "AC" would decode to the same byte and
    // a signature could be re-spelled without invalidating it.
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace reserva
