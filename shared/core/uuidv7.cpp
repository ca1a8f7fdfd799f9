#include "uuidv7.h"

#include "crypto/randombytes.h"

#include <array>

namespace reserva {

QUuid uuidV7(qint64 unixMillis)
{
    const QByteArray random = randomBytes(10);
    std::array<uchar, 16> b{};
    const auto ms = static_cast<quint64>(unixMillis);
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = uchar(ms >> (8 * (5 - i)));
    for (int i = 0; i < 10; ++i)
        b[size_t(6 + i)] = uchar(random.at(i));
    b[6] = uchar(0x70 | (b[6] & 0x0f)); // version 7
    b[8] = uchar(0x80 | (b[8] & 0x3f)); // variant 10 (RFC 9562)
    return QUuid::fromRfc4122(QByteArrayView(b.data(), qsizetype(b.size())));
}

} // namespace reserva
