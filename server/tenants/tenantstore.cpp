#include "tenantstore.h"

#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"

namespace reserva::tenantstore {

namespace {

const QString kColumns = QStringLiteral("id, slug, name, created_at");

TenantView fromRow(const DbRows &q)
{
    return {sql::toUuid(q.value(0)), q.value(1).toString(), q.value(2).toString(),
            sql::toUtc(q.value(3))};
}

} // namespace

std::optional<TenantView> findById(DbConnection &db, const QUuid &id)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM tenants WHERE id = ?::uuid"),
                       {sql::uuid(id)}, "find tenant");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<TenantView> findBySlug(DbConnection &db, const QString &slug)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM tenants WHERE slug = ?"),
                       {slug}, "find tenant by slug");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

Result<TenantView> create(DbConnection &db, const QString &slug, const QString &name)
{
    // ON CONFLICT keeps the transaction usable when the slug is taken.
    DbRows q = db.exec(QStringLiteral("INSERT INTO tenants (slug, name) VALUES (?, ?)"
                                      " ON CONFLICT (slug) DO NOTHING RETURNING ") +
                           kColumns,
                       {slug, name}, "create tenant");
    if (!q.next())
        return Problem(ProblemType::Conflict, QStringLiteral("A tenant with that slug exists."));
    return fromRow(q);
}

QList<TenantView> list(DbConnection &db, int limit, const QString &afterSlug)
{
    DbRows q = db.exec(
        QStringLiteral("SELECT ") + kColumns +
            QStringLiteral(" FROM tenants WHERE slug > COALESCE(?, '') ORDER BY slug LIMIT ?"),
        {afterSlug, limit}, "list tenants");
    QList<TenantView> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

} // namespace reserva::tenantstore
