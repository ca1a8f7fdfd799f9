#include "userstore.h"

#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

namespace reserva::userstore {

namespace {

const QString kColumns = QStringLiteral(
    "id, username, roles, tenant_id, active, document_type, document_number,"
    " identity_verified, identity_check_outcome, identity_checked_at, created_at, updated_at,"
    " password_hash");

UserRecord fromRow(const DbRows &q)
{
    UserRecord r;
    r.view.id = sql::toUuid(q.value(0));
    r.view.username = q.value(1).toString();
    r.view.roles = sql::fromTextArray(q.value(2));
    r.view.tenantId = sql::toUuid(q.value(3));
    r.view.active = q.value(4).toBool();
    r.view.documentType = q.value(5).toString();
    r.documentNumber = q.value(6).toString();
    r.view.hasDocument = !r.documentNumber.isEmpty();
    r.view.identityVerified = q.value(7).toBool();
    r.view.identityCheckOutcome = q.value(8).toString();
    r.view.identityCheckedAt = sql::toUtc(q.value(9));
    r.view.createdAt = sql::toUtc(q.value(10));
    r.view.updatedAt = sql::toUtc(q.value(11));
    r.passwordHash = q.value(12).toString();
    return r;
}

} // namespace

std::optional<UserRecord> findByUsername(DbConnection &db, const QString &username)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM users WHERE lower(username) = lower(?)"),
                       {username}, "find user by name");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<UserRecord> findById(DbConnection &db, const QUuid &id, bool forUpdate)
{
    const QString sqlText = QStringLiteral("SELECT ") + kColumns +
                            QStringLiteral(" FROM users WHERE id = ?::uuid") +
                            (forUpdate ? QStringLiteral(" FOR UPDATE") : QString());
    DbRows q = db.exec(sqlText, {sql::uuid(id)}, "find user");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

Result<UserRecord> create(DbConnection &db, const NewUser &user, const QDateTime &now)
{
    // The unique index is on lower(username); ON CONFLICT keeps the caller's
    // transaction usable when the name is taken.
    DbRows q =
        db.exec(QStringLiteral(
                    "INSERT INTO users (username, password_hash, roles, tenant_id, document_type,"
                    " document_number, created_at, updated_at)"
                    " VALUES (?, ?, ?::text[], ?::uuid, ?, ?, ?, ?)"
                    " ON CONFLICT ((lower(username))) DO NOTHING RETURNING ") +
                    kColumns,
                {user.username, user.passwordHash, sql::textArray(user.roles),
                 sql::uuid(user.tenantId), sql::nullableText(user.documentType),
                 sql::nullableText(user.documentNumber), sql::time(now), sql::time(now)},
                "create user");
    if (!q.next())
        return Problem(ProblemType::Conflict, QStringLiteral("That username is taken."));
    return fromRow(q);
}

UserRecord update(DbConnection &db, const QUuid &id, const UserChanges &c, const QDateTime &now)
{
    // One statement; each COALESCE keeps the column when the change is absent.
    DbRows q = db.exec(
        QStringLiteral(
            "UPDATE users SET"
            " roles = COALESCE(?::text[], roles),"
            " active = COALESCE(?::boolean, active),"
            " password_hash = COALESCE(?, password_hash),"
            " document_type = CASE WHEN ?::boolean THEN NULLIF(?, '') ELSE document_type END,"
            " document_number = CASE WHEN ?::boolean THEN NULLIF(?, '') ELSE document_number END,"
            " identity_verified = CASE WHEN ?::boolean THEN false ELSE identity_verified END,"
            " updated_at = ?"
            " WHERE id = ?::uuid RETURNING ") +
            kColumns,
        {c.roles ? QVariant(sql::textArray(*c.roles)) : QVariant(QMetaType(QMetaType::QString)),
         c.active ? QVariant(*c.active) : QVariant(QMetaType(QMetaType::Bool)),
         c.passwordHash ? QVariant(*c.passwordHash) : QVariant(QMetaType(QMetaType::QString)),
         c.documentType.has_value(), c.documentType.value_or(QString()),
         c.documentNumber.has_value(), c.documentNumber.value_or(QString()),
         // A changed document must be verified again.
         c.documentNumber.has_value() || c.documentType.has_value(), sql::time(now), sql::uuid(id)},
        "update user");
    if (!q.next())
        throw DatabaseFailure(QStringLiteral("update user: row vanished"), QSqlError());
    return fromRow(q);
}

QList<UserView> list(DbConnection &db, const UserFilter &filter)
{
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.addIf(!filter.tenantId.isNull(), QStringLiteral("tenant_id = ?::uuid"),
                {sql::uuid(filter.tenantId)});
    where.add(QStringLiteral("lower(username) > lower(COALESCE(?, ''))"), {filter.afterUsername});
    DbRows q = where.page(db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users"),
                          QStringLiteral(" ORDER BY lower(username)"), filter.limit, "list users");
    QList<UserView> out;
    while (q.next())
        out << fromRow(q).view;
    return out;
}

void recordIdentityCheck(DbConnection &db, const QUuid &id, const QString &outcome, bool verified,
                         const QDateTime &now)
{
    db.exec(QStringLiteral("UPDATE users SET identity_verified = ?, identity_check_outcome = ?,"
                           " identity_checked_at = ? WHERE id = ?::uuid"),
            {verified, outcome, sql::time(now), sql::uuid(id)}, "record identity check");
}

qint64 count(DbConnection &db)
{
    DbRows q = db.exec(QStringLiteral("SELECT count(*) FROM users"), {}, "count users");
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace reserva::userstore
