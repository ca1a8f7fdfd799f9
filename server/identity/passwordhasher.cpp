#include "passwordhasher.h"

#include "crypto/base64url.h"
#include "crypto/constanttime.h"
#include "crypto/randombytes.h"

#include <QByteArrayView>
#include <QList>
#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdint>
#include <optional>

namespace reserva {

namespace {

constexpr qsizetype kSaltSize = 16;
constexpr qsizetype kHashSize = 32;
// Stored salts are accepted in this range so a future change of the salt size
// does not lock anyone out; shorter salts would weaken the per-user uniqueness.
constexpr qsizetype kMinSaltSize = 16;
constexpr qsizetype kMaxSaltSize = 64;

// The bounds verify() accepts (see the header): a tampered or corrupted row
// must not turn one login into gigabytes of memory or minutes of CPU.
bool withinBounds(const ScryptParams &params)
{
    return params.logN >= 10 && params.logN <= 20 && params.r >= 1 && params.r <= 16 &&
           params.p >= 1 && params.p <= 4;
}

// Holds a password or a derived key and wipes it before the memory is freed.
// The array must stay unshared (never copied out), so data() does not detach
// and the bytes wiped are the bytes that were used.
class Scrubbed
{
public:
    explicit Scrubbed(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
    }
    ~Scrubbed()
    {
        if (!m_bytes.isEmpty())
            OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    }
    Q_DISABLE_COPY_MOVE(Scrubbed)
    QByteArrayView view() const { return m_bytes; }
    unsigned char *data() { return reinterpret_cast<unsigned char *>(m_bytes.data()); }

private:
    QByteArray m_bytes;
};

// Derives kHashSize bytes into `out`; false if OpenSSL refuses (out of memory).
bool scrypt(QByteArrayView password, QByteArrayView salt, const ScryptParams &params, Scrubbed &out)
{
    const uint64_t n = uint64_t(1) << params.logN;
    const uint64_t r = uint64_t(params.r);
    const uint64_t p = uint64_t(params.p);
    // OpenSSL needs 128*r*(N+2) bytes for V plus 128*r*p for B (RFC 7914
    // section 5); its 32 MB default is just short of N=2^15, r=8. Allow what
    // these parameters need, plus slack for its own rounding, and no more.
    const uint64_t maxMemory = 128 * r * (n + 2) + 128 * r * p + 1024 * 1024;
    static const char emptyPassword = 0;
    return EVP_PBE_scrypt(password.isEmpty() ? &emptyPassword : password.data(),
                          size_t(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.data()), size_t(salt.size()),
                          n, r, p, maxMemory, out.data(), size_t(kHashSize)) == 1;
}

QString encode(const ScryptParams &params, QByteArrayView salt, QByteArrayView hash)
{
    return QStringLiteral("$scrypt$ln=%1,r=%2,p=%3$").arg(params.logN).arg(params.r).arg(params.p) +
           QString::fromLatin1(base64UrlEncode(salt)) + u'$' +
           QString::fromLatin1(base64UrlEncode(hash));
}

struct DecodedHash
{
    ScryptParams params;
    QByteArray salt;
    QByteArray hash;
};

// "name=digits" with a small positive number: no sign, no spaces, no
// leading zeros, so one set of parameters has exactly one spelling.
std::optional<int> parameter(QStringView field, QLatin1StringView name)
{
    if (!field.startsWith(name) || field.size() <= name.size() + 1 || field[name.size()] != u'=')
        return std::nullopt;
    const QStringView digits = field.sliced(name.size() + 1);
    if (digits.size() > 3 || (digits.size() > 1 && digits[0] == u'0'))
        return std::nullopt;
    int value = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

std::optional<DecodedHash> decode(const QString &encoded)
{
    // "", "scrypt", "ln=..,r=..,p=..", salt, hash
    const QList<QStringView> parts = QStringView(encoded).split(u'$');
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != QLatin1StringView("scrypt"))
        return std::nullopt;
    const QList<QStringView> fields = parts[2].split(u',');
    if (fields.size() != 3)
        return std::nullopt;
    const auto logN = parameter(fields[0], QLatin1StringView("ln"));
    const auto r = parameter(fields[1], QLatin1StringView("r"));
    const auto p = parameter(fields[2], QLatin1StringView("p"));
    if (!logN || !r || !p)
        return std::nullopt;
    DecodedHash decoded;
    decoded.params = ScryptParams{*logN, *r, *p};
    if (!withinBounds(decoded.params))
        return std::nullopt;
    const auto salt = base64UrlDecode(parts[3].toLatin1());
    const auto hash = base64UrlDecode(parts[4].toLatin1());
    if (!salt || !hash || salt->size() < kMinSaltSize || salt->size() > kMaxSaltSize ||
        hash->size() != kHashSize)
        return std::nullopt;
    // toLatin1() maps non-Latin-1 characters to '?', which base64url rejects.
    decoded.salt = *salt;
    decoded.hash = *hash;
    return decoded;
}

} // namespace

QString PasswordHasher::hash(const QString &password, ScryptParams params)
{
    if (!withinBounds(params))
        qFatal("PasswordHasher: scrypt parameters out of bounds (ln=%d, r=%d, p=%d)", params.logN,
               params.r, params.p);
    // A fresh random salt per hash: equal passwords get unrelated hashes and
    // no precomputed table serves two users.
    const QByteArray salt = randomBytes(kSaltSize);
    const Scrubbed utf8(password.toUtf8());
    Scrubbed key(QByteArray(kHashSize, Qt::Uninitialized));
    if (!scrypt(utf8.view(), salt, params, key))
        return {};
    return encode(params, salt, key.view());
}

bool PasswordHasher::verify(const QString &password, const QString &encoded)
{
    // Parsed and bounded before any work: a malformed or tampered row costs nothing.
    const auto decoded = decode(encoded);
    if (!decoded)
        return false;
    const Scrubbed utf8(password.toUtf8());
    Scrubbed key(QByteArray(kHashSize, Qt::Uninitialized));
    if (!scrypt(utf8.view(), decoded->salt, decoded->params, key))
        return false;
    // Constant time: the comparison must not tell how many leading bytes of
    // the stored hash an attacker's guess matched.
    return constantTimeEquals(key.view(), decoded->hash);
}

bool PasswordHasher::needsRehash(const QString &encoded, ScryptParams params)
{
    const auto decoded = decode(encoded);
    if (!decoded)
        return true;
    return decoded->params.logN != params.logN || decoded->params.r != params.r ||
           decoded->params.p != params.p || decoded->salt.size() != kSaltSize;
}

void PasswordHasher::spendVerifyTime(ScryptParams params)
{
    if (!withinBounds(params))
        params = ScryptParams{};
    // The same derivation a verify runs, on a random salt, so an unknown user
    // costs what a known one does and login timing does not reveal who exists.
    const QByteArray salt = randomBytes(kSaltSize);
    Scrubbed key(QByteArray(kHashSize, Qt::Uninitialized));
    const bool derived = scrypt(QByteArrayView("not a password"), salt, params, key);
    Q_UNUSED(derived);
}

} // namespace reserva
