#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QUuid>

#include <optional>

namespace reserva {

class DbConnection;

struct RefreshTokenRecord
{
    QUuid id;
    QUuid familyId;
    QUuid userId;
    QDateTime expiresAt;
    QDateTime rotatedAt;       // set: already exchanged once
    QDateTime familyRevokedAt; // set: the whole family is dead
};

// Refresh tokens are stored only as SHA-256 hashes: a database leak does not
// leak usable tokens. (They are 256-bit random, so a fast hash suffices.)
namespace refreshtokenstore {

QUuid createFamily(DbConnection &db, const QUuid &userId, const QDateTime &now);
void insert(DbConnection &db, const QUuid &familyId, const QByteArray &tokenHash,
            const QDateTime &now, const QDateTime &expiresAt);
// Locks the token row (and reads its family) so two concurrent refreshes with
// the same token serialize: the second sees it rotated.
std::optional<RefreshTokenRecord> findForUpdate(DbConnection &db, const QByteArray &tokenHash);
void markRotated(DbConnection &db, const QUuid &tokenId, const QDateTime &now);
// Returns true if the family was live and is now revoked.
bool revokeFamily(DbConnection &db, const QUuid &familyId, const QString &reason,
                  const QDateTime &now);
int revokeAllForUser(DbConnection &db, const QUuid &userId, const QString &reason,
                     const QDateTime &now);
// Housekeeping: tokens expired for a while are of no use to anyone.
int purgeExpired(DbConnection &db, const QDateTime &olderThan);

} // namespace refreshtokenstore
} // namespace reserva
