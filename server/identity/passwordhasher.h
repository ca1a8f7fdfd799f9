#pragma once

#include <QByteArray>
#include <QString>

namespace reserva {

// scrypt (RFC 7914) through OpenSSL EVP_PBE_scrypt, with a per-user random salt
// and the parameters stored beside the hash so they can be raised later:
//   $scrypt$ln=15,r=8,p=1$<salt, base64url>$<32-byte hash, base64url>
struct ScryptParams
{
    int logN = 15; // N = 2^15: the floor; never lower in production
    int r = 8;
    int p = 1;
};

class PasswordHasher
{
public:
    // Empty only if scrypt itself fails (out of memory): never store that.
    // `params` must be within the bounds verify() accepts.
    static QString hash(const QString &password, ScryptParams params = {});
    // Recomputes and compares in constant time. Returns false for a malformed
    // encoding or parameters outside sane bounds (logN 10..20, r 1..16, p 1..4),
    // so a tampered row cannot make a login burn unbounded memory.
    static bool verify(const QString &password, const QString &encoded);
    static bool needsRehash(const QString &encoded, ScryptParams params = {});
    // Costs what a verify costs: called when the user does not exist, so the
    // answer time does not reveal which usernames exist.
    static void spendVerifyTime(ScryptParams params = {});
};

} // namespace reserva
