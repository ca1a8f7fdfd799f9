#include "randombytes.h"

#include "base64url.h"

#include <QtGlobal>

#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace reserva {

QByteArray randomBytes(qsizetype count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    qsizetype done = 0;
    while (done < count) {
        const int chunk = static_cast<int>(std::min<qsizetype>(count - done, INT_MAX));
        // A failing generator would hand out predictable salts, token ids and
        // refresh tokens; stopping the process is the only safe answer.
        if (RAND_bytes(p + done, chunk) != 1)
            qFatal("reserva: the OpenSSL random generator failed");
        done += chunk;
    }
    return out;
}

QByteArray randomToken()
{
    return base64UrlEncode(randomBytes(32));
}

} // namespace reserva
