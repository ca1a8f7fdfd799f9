#include "promotionstore.h"

#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlfilter.h"
#include "db/sqlvalues.h"

namespace reserva {

namespace {

const QString kColumns = QStringLiteral(
    "id, tenant_id, code, discount_percent_bp, discount_minor, currency, product_ids::text[],"
    " valid_from, valid_until, max_redemptions, per_customer_limit, budget_minor,"
    " min_amount_minor, stackable, active, redeemed, discounted_minor, created_at, updated_at");

template <typename T>
std::optional<T> optionalOf(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return T(v.toLongLong());
}

QVariant nullableInteger(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}

QString uuidArray(const QList<QUuid> &ids)
{
    QStringList texts;
    for (const QUuid &id : ids)
        texts << sql::uuidText(id);
    return sql::textArray(texts);
}

PromotionView fromRow(const DbRows &q)
{
    PromotionView p;
    p.id = sql::toUuid(q.value(0));
    p.tenantId = sql::toUuid(q.value(1));
    p.code = q.value(2).toString();
    p.discountPercentBp = optionalOf<int>(q.value(3));
    p.discountMinor = optionalOf<qint64>(q.value(4));
    p.currency = q.value(5).toString();
    for (const QString &id : sql::fromTextArray(q.value(6)))
        p.productIds.append(QUuid::fromString(id));
    p.validFrom = sql::toUtc(q.value(7));
    p.validUntil = sql::toUtc(q.value(8));
    p.maxRedemptions = optionalOf<int>(q.value(9));
    p.perCustomerLimit = optionalOf<int>(q.value(10));
    p.budgetMinor = optionalOf<qint64>(q.value(11));
    p.minAmountMinor = q.value(12).toLongLong();
    p.stackable = q.value(13).toBool();
    p.active = q.value(14).toBool();
    p.redeemed = q.value(15).toInt();
    p.discountedMinor = q.value(16).toLongLong();
    p.createdAt = sql::toUtc(q.value(17));
    p.updatedAt = sql::toUtc(q.value(18));
    return p;
}

} // namespace

PromotionTerms termsOf(const PromotionView &p)
{
    PromotionTerms t;
    t.code = p.code;
    t.rule = p.discountPercentBp ? discount::Rule::percent(*p.discountPercentBp)
                                 : discount::Rule::fixed(p.discountMinor.value_or(0));
    t.currency = p.currency;
    t.productIds = p.productIds;
    t.validFrom = p.validFrom;
    t.validUntil = p.validUntil;
    t.maxRedemptions = p.maxRedemptions;
    t.perCustomerLimit = p.perCustomerLimit;
    t.budgetMinor = p.budgetMinor;
    t.minAmountMinor = p.minAmountMinor;
    t.stackable = p.stackable;
    t.active = p.active;
    return t;
}

namespace promotionstore {

std::optional<PromotionView> create(DbConnection &db, const PromotionView &p,
                                    const QString &createdBy, const QDateTime &now)
{
    DbRows q =
        db.exec(QStringLiteral(
                    "INSERT INTO promotions (tenant_id, code, discount_percent_bp, discount_minor,"
                    " currency, product_ids, valid_from, valid_until, max_redemptions,"
                    " per_customer_limit, budget_minor, min_amount_minor, stackable, active,"
                    " created_by, created_at, updated_at)"
                    " VALUES (?::uuid, ?, ?::integer, ?::bigint, ?, ?::uuid[], ?, ?, ?::integer,"
                    " ?::integer, ?::bigint, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (tenant_id, code) DO NOTHING RETURNING ") +
                    kColumns,
                {sql::uuid(p.tenantId), p.code,
                 nullableInteger(p.discountPercentBp ? std::optional<qint64>(*p.discountPercentBp)
                                                     : std::nullopt),
                 nullableInteger(p.discountMinor), sql::nullableText(p.currency),
                 uuidArray(p.productIds), sql::time(p.validFrom), sql::time(p.validUntil),
                 nullableInteger(p.maxRedemptions ? std::optional<qint64>(*p.maxRedemptions)
                                                  : std::nullopt),
                 nullableInteger(p.perCustomerLimit ? std::optional<qint64>(*p.perCustomerLimit)
                                                    : std::nullopt),
                 nullableInteger(p.budgetMinor), p.minAmountMinor, p.stackable, p.active, createdBy,
                 sql::time(now), sql::time(now)},
                "create promotion");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<PromotionView> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                  bool forUpdate)
{
    DbRows q =
        db.exec(QStringLiteral("SELECT ") + kColumns +
                    QStringLiteral(" FROM promotions WHERE id = ?::uuid"
                                   " AND (?::uuid IS NULL OR tenant_id = ?::uuid)") +
                    (forUpdate ? QStringLiteral(" FOR UPDATE") : QString()),
                {sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)}, "find promotion");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

PromotionView update(DbConnection &db, const QUuid &id, const PromotionChanges &c,
                     const QDateTime &now)
{
    const QVariant noText{QMetaType(QMetaType::QString)};
    const QVariant noTime{QMetaType(QMetaType::QDateTime)};
    const QVariant noBool{QMetaType(QMetaType::Bool)};
    DbRows q = db.exec(
        QStringLiteral(
            "UPDATE promotions SET code = COALESCE(?, code),"
            " product_ids = COALESCE(?::uuid[], product_ids),"
            " valid_from = COALESCE(?::timestamptz, valid_from),"
            " valid_until = COALESCE(?::timestamptz, valid_until),"
            " max_redemptions = COALESCE(?::integer, max_redemptions),"
            " per_customer_limit = COALESCE(?::integer, per_customer_limit),"
            " budget_minor = COALESCE(?::bigint, budget_minor),"
            " min_amount_minor = COALESCE(?::bigint, min_amount_minor),"
            " stackable = COALESCE(?::boolean, stackable), active = COALESCE(?::boolean, active),"
            " updated_at = ? WHERE id = ?::uuid RETURNING ") +
            kColumns,
        {c.code ? QVariant(*c.code) : noText,
         c.productIds ? QVariant(uuidArray(*c.productIds)) : noText,
         c.validFrom ? sql::time(*c.validFrom) : noTime,
         c.validUntil ? sql::time(*c.validUntil) : noTime, nullableInteger(c.maxRedemptions),
         nullableInteger(c.perCustomerLimit), nullableInteger(c.budgetMinor),
         nullableInteger(c.minAmountMinor), c.stackable ? QVariant(*c.stackable) : noBool,
         c.active ? QVariant(*c.active) : noBool, sql::time(now), sql::uuid(id)},
        "update promotion");
    q.next();
    return fromRow(q);
}

bool codeTaken(DbConnection &db, const QUuid &tenantId, const QString &code, const QUuid &except)
{
    DbRows q = db.exec(QStringLiteral("SELECT 1 FROM promotions WHERE tenant_id = ?::uuid"
                                      " AND code = ? AND (?::uuid IS NULL OR id <> ?::uuid)"),
                       {sql::uuid(tenantId), code, sql::uuid(except), sql::uuid(except)},
                       "promotion code taken");
    return q.next();
}

QList<PromotionView> list(DbConnection &db, const PromotionFilter &f)
{
    // Only the filters given, planned for this call's values (see SqlFilter).
    SqlFilter where;
    where.addIf(!f.tenantId.isNull(), QStringLiteral("tenant_id = ?::uuid"),
                {sql::uuid(f.tenantId)});
    where.addIf(f.active.has_value(), QStringLiteral("active = ?::boolean"),
                {f.active.value_or(false)});
    where.addIf(!f.code.isEmpty(), QStringLiteral("code = ?"), {f.code});
    where.addIf(!f.productId.isNull(),
                QStringLiteral("(product_ids = '{}' OR ?::uuid = ANY(product_ids))"),
                {sql::uuid(f.productId)});
    where.addIf(!f.afterId.isNull(), QStringLiteral("(code, id) > (?, ?::uuid)"),
                {sql::text(f.afterCode), sql::uuid(f.afterId)});
    DbRows q =
        where.page(db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM promotions"),
                   QStringLiteral(" ORDER BY code, id"), f.limit, "list promotions");
    QList<PromotionView> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

QList<PromotionView> lockByCodes(DbConnection &db, const QUuid &tenantId, const QStringList &codes)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM promotions WHERE tenant_id = ?::uuid"
                                          " AND code = ANY(?::text[]) ORDER BY id FOR UPDATE"),
                       {sql::uuid(tenantId), sql::textArray(codes)}, "lock promotions");
    QList<PromotionView> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

void addUsage(DbConnection &db, const QUuid &promotionId, int claims, qint64 discountMinor,
              const QDateTime &now)
{
    db.exec(QStringLiteral("UPDATE promotions SET redeemed = redeemed + ?,"
                           " discounted_minor = discounted_minor + ?, updated_at = ?"
                           " WHERE id = ?::uuid"),
            {claims, discountMinor, sql::time(now), sql::uuid(promotionId)}, "promotion usage");
}

int countTenantProducts(DbConnection &db, const QUuid &tenantId, const QList<QUuid> &productIds)
{
    DbRows q = db.exec(QStringLiteral("SELECT count(*) FROM products WHERE tenant_id = ?::uuid"
                                      " AND id = ANY(?::uuid[])"),
                       {sql::uuid(tenantId), uuidArray(productIds)}, "tenant products");
    return q.next() ? q.value(0).toInt() : 0;
}

std::optional<PromotionSettingsView> settings(DbConnection &db, const QUuid &tenantId)
{
    DbRows q = db.exec(
        QStringLiteral("SELECT promotion_release_on_refund FROM tenants WHERE id = ?::uuid"),
        {sql::uuid(tenantId)}, "promotion settings");
    if (!q.next())
        return std::nullopt;
    return PromotionSettingsView{tenantId, q.value(0).toBool()};
}

std::optional<PromotionSettingsView> saveSettings(DbConnection &db, const PromotionSettingsView &s)
{
    DbRows q = db.exec(QStringLiteral("UPDATE tenants SET promotion_release_on_refund = ?"
                                      " WHERE id = ?::uuid RETURNING id"),
                       {s.releaseOnRefund, sql::uuid(s.tenantId)}, "save promotion settings");
    if (!q.next())
        return std::nullopt;
    return s;
}

} // namespace promotionstore
} // namespace reserva
