#pragma once

#include "contract/identitytypes.h"
#include "core/result.h"

#include <QList>

#include <optional>

namespace reserva {

class DbConnection;

// A user row as the server sees it (with the secrets the wire view omits).
struct UserRecord
{
    UserView view;
    QString passwordHash;
    QString documentNumber; // PII: only for the identity verifier
};

struct NewUser
{
    QString username;
    QString passwordHash;
    QStringList roles;
    QUuid tenantId;
    QString documentType;
    QString documentNumber;
};

struct UserChanges
{
    std::optional<QStringList> roles;
    std::optional<bool> active;
    std::optional<QString> passwordHash;
    std::optional<QString> documentType;   // "" clears
    std::optional<QString> documentNumber; // "" clears
};

struct UserFilter
{
    QUuid tenantId; // null: all tenants
    QString afterUsername;
    int limit = 50;
};

namespace userstore {

std::optional<UserRecord> findByUsername(DbConnection &db, const QString &username);
std::optional<UserRecord> findById(DbConnection &db, const QUuid &id, bool forUpdate = false);
// Conflict when the username is taken.
Result<UserRecord> create(DbConnection &db, const NewUser &user, const QDateTime &now);
UserRecord update(DbConnection &db, const QUuid &id, const UserChanges &changes,
                  const QDateTime &now);
QList<UserView> list(DbConnection &db, const UserFilter &filter);
// Records the outcome of an identity check. `verified` is true only when the
// verification API answered and said so (invariant 9).
void recordIdentityCheck(DbConnection &db, const QUuid &id, const QString &outcome, bool verified,
                         const QDateTime &now);
qint64 count(DbConnection &db);

} // namespace userstore
} // namespace reserva
