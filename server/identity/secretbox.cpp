#include "secretbox.h"

#include "crypto/randombytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>

#include <memory>

namespace reserva {

namespace {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

} // namespace

SecretBox::SecretBox(QByteArray key32)
    : m_key(std::move(key32))
{
}

QByteArray SecretBox::seal(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    if (!isValid())
        return {};
    const QByteArray nonce = randomBytes(kNonceBytes);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    memcpy(out.data(), nonce.constData(), kNonceBytes);
    auto *cipher = reinterpret_cast<unsigned char *>(out.data() + kNonceBytes);
    int len = 0;
    int total = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char *>(m_key.constData()),
                           reinterpret_cast<const unsigned char *>(nonce.constData())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char *>(associatedData.constData()),
                          int(associatedData.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), cipher, &len,
                          reinterpret_cast<const unsigned char *>(plaintext.constData()),
                          int(plaintext.size())) != 1) {
        return {};
    }
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), cipher + total, &len) != 1)
        return {};
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + total) != 1)
        return {};
    return out;
}

std::optional<QByteArray> SecretBox::open(const QByteArray &sealed,
                                          const QByteArray &associatedData) const
{
    if (!isValid() || sealed.size() < kNonceBytes + kTagBytes)
        return std::nullopt;
    const qsizetype cipherBytes = sealed.size() - kNonceBytes - kTagBytes;
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    const auto *cipher = nonce + kNonceBytes;
    QByteArray tag = sealed.right(kTagBytes);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(cipherBytes, Qt::Uninitialized);
    int len = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char *>(m_key.constData()),
                           nonce) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char *>(associatedData.constData()),
                          int(associatedData.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len, cipher,
                          int(cipherBytes)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1) {
        return std::nullopt;
    }
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + len,
                            &finalLen) != 1) {
        return std::nullopt; // wrong key, wrong associated data, or tampered
    }
    return out;
}

std::optional<QByteArray> readMasterKey(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = QStringLiteral("the master key file %1 does not exist").arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the master key %1").arg(path);
        return std::nullopt;
    }
    const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed());
    if (key.size() != 32) {
        *error = QStringLiteral("the master key %1 is not 32 bytes of base64").arg(path);
        return std::nullopt;
    }
    return key;
}

std::optional<QByteArray> loadOrCreateMasterKey(const QString &dataDir, QString *error)
{
    const QString explicitPath = qEnvironmentVariable("RESERVA_MASTER_KEY_FILE");
    if (!explicitPath.isEmpty())
        return readMasterKey(explicitPath, error);
    const QString path = QDir(dataDir).absoluteFilePath(QStringLiteral("master.key"));
    if (QFileInfo::exists(path))
        return readMasterKey(path, error);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath());
        return std::nullopt;
    }
    const QByteArray key = randomBytes(32);
    // Created with mode 0600 in one step (never readable by others, not even
    // briefly) and only if absent, so two processes cannot both write one.
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                  QFile::ReadOwner | QFile::WriteOwner) ||
        out.write(key.toBase64() + '\n') <= 0 || !out.flush()) {
        *error = QStringLiteral("cannot write the master key %1").arg(path);
        return std::nullopt;
    }
    return key;
}

} // namespace reserva
