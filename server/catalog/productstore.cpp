#include "productstore.h"

#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

namespace reserva::productstore {

const QString kColumns =
    QStringLiteral("id, tenant_id, name, kind, description, price_minor, currency, active,"
                   " transfer_kind");

ProductView fromRow(const DbRows &q)
{
    ProductView p;
    p.id = sql::toUuid(q.value(0));
    p.tenantId = sql::toUuid(q.value(1));
    p.name = q.value(2).toString();
    p.kind = q.value(3).toString();
    p.description = q.value(4).toString();
    p.priceMinor = q.value(5).toLongLong();
    p.currency = q.value(6).toString();
    p.active = q.value(7).toBool();
    p.transferKind = q.value(8).toString();
    return p;
}

std::optional<ProductView> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope)
{
    DbRows q =
        db.exec(QStringLiteral("SELECT ") + kColumns +
                    QStringLiteral(" FROM products WHERE id = ?::uuid"
                                   " AND (?::uuid IS NULL OR tenant_id = ?::uuid)"),
                {sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)}, "find product");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

ProductView create(DbConnection &db, const ProductView &p, const QDateTime &now)
{
    DbRows q = db.exec(
        QStringLiteral("INSERT INTO products (tenant_id, name, kind, transfer_kind,"
                       " description, price_minor, currency, active, created_at,"
                       " updated_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ") +
            kColumns,
        {sql::uuid(p.tenantId), p.name, p.kind, sql::nullableText(p.transferKind),
         sql::text(p.description), p.priceMinor, p.currency, p.active, sql::time(now),
         sql::time(now)},
        "create product");
    q.next();
    return fromRow(q);
}

std::optional<ProductView> update(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                  const ProductChanges &c, const QDateTime &now)
{
    const QVariant noText{QMetaType(QMetaType::QString)};
    DbRows q = db.exec(
        QStringLiteral(
            "UPDATE products SET"
            " name = COALESCE(?, name), kind = COALESCE(?, kind),"
            " transfer_kind = CASE WHEN ?::boolean THEN ?::text ELSE transfer_kind END,"
            " description = COALESCE(?, description),"
            " price_minor = COALESCE(?::bigint, price_minor),"
            " currency = COALESCE(?, currency), active = COALESCE(?::boolean, active),"
            " updated_at = ?"
            " WHERE id = ?::uuid AND (?::uuid IS NULL OR tenant_id = ?::uuid) RETURNING ") +
            kColumns,
        {c.name ? QVariant(*c.name) : noText, c.kind ? QVariant(*c.kind) : noText,
         c.transferKind.has_value(), c.transferKind ? sql::nullableText(*c.transferKind) : noText,
         c.description ? sql::text(*c.description) : noText,
         c.priceMinor ? QVariant(*c.priceMinor) : QVariant(QMetaType(QMetaType::LongLong)),
         c.currency ? QVariant(*c.currency) : noText,
         c.active ? QVariant(*c.active) : QVariant(QMetaType(QMetaType::Bool)), sql::time(now),
         sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)},
        "update product");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

QList<ProductView> list(DbConnection &db, const ProductFilter &f)
{
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.addIf(!f.tenantId.isNull(), QStringLiteral("tenant_id = ?::uuid"),
                {sql::uuid(f.tenantId)});
    where.addIf(f.active.has_value(), QStringLiteral("active = ?::boolean"),
                {f.active.value_or(false)});
    where.addIf(!f.kind.isEmpty(), QStringLiteral("kind = ?"), {f.kind});
    where.addIf(!f.afterId.isNull(), QStringLiteral("(name, id) > (?, ?::uuid)"),
                {sql::text(f.afterName), sql::uuid(f.afterId)});
    DbRows q =
        where.page(db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM products"),
                   QStringLiteral(" ORDER BY name, id"), f.limit, "list products");
    QList<ProductView> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

} // namespace reserva::productstore
