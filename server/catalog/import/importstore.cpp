#include "importstore.h"

#include "catalog/productstore.h"
#include "db/dbconnection.h"
#include "db/sqlvalues.h"

namespace reserva::catalogimport::importstore {

std::optional<ProductView> lockProduct(DbConnection &db, const QUuid &tenantId,
                                       const QString &provider, const QString &externalId)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + productstore::kColumns +
                           QStringLiteral(" FROM products WHERE tenant_id = ?::uuid"
                                          " AND import_provider = ? AND external_id = ?"
                                          " FOR UPDATE"),
                       {sql::uuid(tenantId), provider, externalId}, "lock imported product");
    if (!q.next())
        return std::nullopt;
    return productstore::fromRow(q);
}

ProductView createProduct(DbConnection &db, const QUuid &tenantId, const QString &provider,
                          const FeedProduct &p, const QDateTime &now)
{
    DbRows q =
        db.exec(QStringLiteral(
                    "INSERT INTO products (tenant_id, name, kind, transfer_kind, description,"
                    " price_minor, currency, active, import_provider, external_id, created_at,"
                    " updated_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ") +
                    productstore::kColumns,
                {sql::uuid(tenantId), p.name, p.kind, sql::nullableText(p.transferKind),
                 sql::text(p.description), p.priceMinor, p.currency, p.active, provider,
                 p.externalId, sql::time(now), sql::time(now)},
                "create imported product");
    q.next();
    return productstore::fromRow(q);
}

void updateProduct(DbConnection &db, const QUuid &id, const FeedProduct &p, const QDateTime &now)
{
    db.exec(QStringLiteral("UPDATE products SET name = ?, kind = ?, transfer_kind = ?,"
                           " description = ?, price_minor = ?, currency = ?, active = ?,"
                           " updated_at = ? WHERE id = ?::uuid"),
            {p.name, p.kind, sql::nullableText(p.transferKind), sql::text(p.description),
             p.priceMinor, p.currency, p.active, sql::time(now), sql::uuid(id)},
            "update imported product");
}

std::optional<ImportedSlot> findSlot(DbConnection &db, const QUuid &tenantId,
                                     const QString &provider, const QString &externalId)
{
    DbRows q = db.exec(
        QStringLiteral("SELECT id, product_id, starts_at, duration_minutes, capacity FROM slots"
                       " WHERE tenant_id = ?::uuid AND import_provider = ? AND external_id = ?"),
        {sql::uuid(tenantId), provider, externalId}, "find imported slot");
    if (!q.next())
        return std::nullopt;
    return ImportedSlot{sql::toUuid(q.value(0)), sql::toUuid(q.value(1)), sql::toUtc(q.value(2)),
                        q.value(3).toInt(), q.value(4).toInt()};
}

QUuid createSlot(DbConnection &db, const ProductView &product, const QString &provider,
                 const FeedSlot &s, const QDateTime &now)
{
    DbRows q = db.exec(
        QStringLiteral("INSERT INTO slots (product_id, tenant_id, starts_at, duration_minutes,"
                       " capacity, import_provider, external_id, created_at, updated_at)"
                       " VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {sql::uuid(product.id), sql::uuid(product.tenantId), sql::time(s.startsAt),
         s.durationMinutes, s.capacity, provider, s.externalId, sql::time(now), sql::time(now)},
        "create imported slot");
    q.next();
    return sql::toUuid(q.value(0));
}

} // namespace reserva::catalogimport::importstore
