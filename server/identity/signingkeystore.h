#pragma once

#include "crypto/ed25519key.h"
#include "token/jwks.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace reserva {

class DbConnection;
class SecretBox;

struct ActiveSigningKey
{
    QString kid;
    Ed25519PrivateKey key;
};

// Ed25519 signing keys in the database (shared by every instance), private
// halves sealed under the master key with the kid as associated data.
namespace signingkeystore {

// RFC 7638 JWK thumbprint of an OKP public key, base64url: a stable kid.
QString thumbprint(const Ed25519PublicKey &key);

bool hasActiveKey(DbConnection &db);
// Creates the first key when there is none. Safe to race: the partial unique
// index allows one active key, the loser simply finds it.
void ensureActiveKey(DbConnection &db, const SecretBox &box, const QDateTime &now);
// Retires the active key (it keeps verifying until `verifyGrace` after now,
// i.e. until every token it signed has expired) and activates a new one.
// Returns the new kid. Call inside a transaction.
QString rotate(DbConnection &db, const SecretBox &box, const QDateTime &now,
               int verifyGraceSeconds);
std::optional<ActiveSigningKey> loadActive(DbConnection &db, const SecretBox &box);
// The current and still-verifying previous keys: the JWKS.
JwksKeySet loadVerificationKeys(DbConnection &db, const QDateTime &now);

} // namespace signingkeystore
} // namespace reserva
