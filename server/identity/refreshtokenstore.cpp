#include "refreshtokenstore.h"

#include "db/dbconnection.h"
#include "db/sqlvalues.h"

namespace reserva::refreshtokenstore {

QUuid createFamily(DbConnection &db, const QUuid &userId, const QDateTime &now)
{
    DbRows q = db.exec(
        QStringLiteral(
            "INSERT INTO token_families (user_id, created_at) VALUES (?::uuid, ?) RETURNING id"),
        {sql::uuid(userId), sql::time(now)}, "create token family");
    q.next();
    return sql::toUuid(q.value(0));
}

void insert(DbConnection &db, const QUuid &familyId, const QByteArray &tokenHash,
            const QDateTime &now, const QDateTime &expiresAt)
{
    db.exec(
        QStringLiteral("INSERT INTO refresh_tokens (family_id, token_hash, issued_at, expires_at)"
                       " VALUES (?::uuid, ?, ?, ?)"),
        {sql::uuid(familyId), tokenHash, sql::time(now), sql::time(expiresAt)},
        "insert refresh token");
}

std::optional<RefreshTokenRecord> findForUpdate(DbConnection &db, const QByteArray &tokenHash)
{
    DbRows q =
        db.exec(QStringLiteral(
                    "SELECT t.id, t.family_id, f.user_id, t.expires_at, t.rotated_at, f.revoked_at"
                    " FROM refresh_tokens t JOIN token_families f ON f.id = t.family_id"
                    " WHERE t.token_hash = ? FOR UPDATE OF t, f"),
                {tokenHash}, "find refresh token");
    if (!q.next())
        return std::nullopt;
    return RefreshTokenRecord{sql::toUuid(q.value(0)), sql::toUuid(q.value(1)),
                              sql::toUuid(q.value(2)), sql::toUtc(q.value(3)),
                              sql::toUtc(q.value(4)),  sql::toUtc(q.value(5))};
}

void markRotated(DbConnection &db, const QUuid &tokenId, const QDateTime &now)
{
    db.exec(QStringLiteral("UPDATE refresh_tokens SET rotated_at = ? WHERE id = ?::uuid"),
            {sql::time(now), sql::uuid(tokenId)}, "rotate refresh token");
}

bool revokeFamily(DbConnection &db, const QUuid &familyId, const QString &reason,
                  const QDateTime &now)
{
    DbRows q = db.exec(QStringLiteral("UPDATE token_families SET revoked_at = ?, revoke_reason = ?"
                                      " WHERE id = ?::uuid AND revoked_at IS NULL"),
                       {sql::time(now), reason, sql::uuid(familyId)}, "revoke token family");
    return q.numRowsAffected() > 0;
}

int revokeAllForUser(DbConnection &db, const QUuid &userId, const QString &reason,
                     const QDateTime &now)
{
    DbRows q = db.exec(QStringLiteral("UPDATE token_families SET revoked_at = ?, revoke_reason = ?"
                                      " WHERE user_id = ?::uuid AND revoked_at IS NULL"),
                       {sql::time(now), reason, sql::uuid(userId)}, "revoke user families");
    return q.numRowsAffected();
}

int purgeExpired(DbConnection &db, const QDateTime &olderThan)
{
    DbRows q = db.exec(QStringLiteral("DELETE FROM refresh_tokens WHERE expires_at < ?"),
                       {sql::time(olderThan)}, "purge refresh tokens");
    return q.numRowsAffected();
}

} // namespace reserva::refreshtokenstore
