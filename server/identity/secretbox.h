#pragma once

#include <QByteArray>

#include <optional>

namespace reserva {

// AES-256-GCM authenticated encryption for secrets at rest (signing keys in
// the database). Output: 12-byte random nonce | ciphertext | 16-byte tag.
// The associated data binds a sealed value to its row (e.g. the kid), so a
// sealed key copied onto another row does not open.
class SecretBox
{
public:
    explicit SecretBox(QByteArray key32);
    bool isValid() const { return m_key.size() == 32; }

    QByteArray seal(const QByteArray &plaintext, const QByteArray &associatedData) const;
    std::optional<QByteArray> open(const QByteArray &sealed,
                                   const QByteArray &associatedData) const;

private:
    QByteArray m_key;
};

// The master key that seals signing keys: RESERVA_MASTER_KEY_FILE, else
// <data-dir>/master.key, created (0600, 32 random bytes, base64) on first use.
// Every reservad instance sharing a database must be given the same file.
std::optional<QByteArray> loadOrCreateMasterKey(const QString &dataDir, QString *error);
// An existing master key file (an operator's explicit choice): nullopt with
// `error` naming the file when it is missing, unreadable or not a key.
std::optional<QByteArray> readMasterKey(const QString &path, QString *error);

} // namespace reserva
