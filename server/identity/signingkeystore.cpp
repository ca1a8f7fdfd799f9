#include "signingkeystore.h"

#include "crypto/base64url.h"
#include "crypto/digest.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "secretbox.h"

namespace reserva::signingkeystore {

QString thumbprint(const Ed25519PublicKey &key)
{
    // Members in lexicographic order, no whitespace (RFC 7638 section 3.2).
    const QByteArray canonical =
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64UrlEncode(key.raw()) + "\"}";
    return QString::fromLatin1(base64UrlEncode(sha256(canonical)));
}

namespace {

QString insertKey(DbConnection &db, const SecretBox &box, const QDateTime &now,
                  bool onConflictIgnore)
{
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString kid = thumbprint(key.publicKey());
    const QByteArray sealed = box.seal(key.rawSeed(), kid.toLatin1());
    if (sealed.isEmpty())
        throw DatabaseFailure(QStringLiteral("seal signing key"), QSqlError());
    const QString sqlText =
        QStringLiteral("INSERT INTO signing_keys (kid, public_key, private_key_sealed, created_at)"
                       " VALUES (?, ?, ?, ?)") +
        (onConflictIgnore ? QStringLiteral(" ON CONFLICT DO NOTHING") : QString());
    db.exec(sqlText, {kid, key.publicKey().raw(), sealed, sql::time(now)}, "insert signing key");
    return kid;
}

} // namespace

bool hasActiveKey(DbConnection &db)
{
    DbRows q = db.exec(QStringLiteral("SELECT 1 FROM signing_keys WHERE retired_at IS NULL"), {},
                       "find active key");
    return q.next();
}

void ensureActiveKey(DbConnection &db, const SecretBox &box, const QDateTime &now)
{
    if (hasActiveKey(db))
        return;
    insertKey(db, box, now, true);
}

QString rotate(DbConnection &db, const SecretBox &box, const QDateTime &now, int verifyGraceSeconds)
{
    // Lock the active key so two concurrent rotations serialize.
    db.exec(QStringLiteral("SELECT kid FROM signing_keys WHERE retired_at IS NULL FOR UPDATE"), {},
            "lock active key");
    db.exec(QStringLiteral("UPDATE signing_keys SET retired_at = ?, verify_until = ?"
                           " WHERE retired_at IS NULL"),
            {sql::time(now), sql::time(now.addSecs(verifyGraceSeconds))}, "retire signing key");
    return insertKey(db, box, now, false);
}

std::optional<ActiveSigningKey> loadActive(DbConnection &db, const SecretBox &box)
{
    DbRows q = db.exec(
        QStringLiteral("SELECT kid, private_key_sealed FROM signing_keys WHERE retired_at IS NULL"),
        {}, "load active key");
    if (!q.next())
        return std::nullopt;
    const QString kid = q.value(0).toString();
    const auto seed = box.open(q.value(1).toByteArray(), kid.toLatin1());
    if (!seed)
        return std::nullopt; // wrong master key, or the row was tampered with
    auto key = Ed25519PrivateKey::fromRaw(*seed);
    if (!key)
        return std::nullopt;
    return ActiveSigningKey{kid, *key};
}

JwksKeySet loadVerificationKeys(DbConnection &db, const QDateTime &now)
{
    DbRows q = db.exec(QStringLiteral("SELECT kid, public_key FROM signing_keys"
                                      " WHERE verify_until IS NULL OR verify_until > ?"
                                      " ORDER BY created_at"),
                       {sql::time(now)}, "load verification keys");
    JwksKeySet set;
    while (q.next()) {
        if (const auto key = Ed25519PublicKey::fromRaw(q.value(1).toByteArray()))
            set.insert(q.value(0).toString(), *key);
    }
    return set;
}

} // namespace reserva::signingkeystore
