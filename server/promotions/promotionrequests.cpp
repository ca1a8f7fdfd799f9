#include "promotionrequests.h"

#include "contract/jsonreader.h"
#include "domain/currency.h"
#include "identity/tenantfield.h"

#include <cmath>

namespace reserva::promotionrequests {

namespace {

using Presence = JsonObjectReader::Presence;

constexpr qint64 kMaxMinor = 1000000000000000LL; // 10^15 minor units
constexpr qint64 kMaxRedemptions = 1000000000;
constexpr qint64 kMaxPerCustomer = 1000000;
constexpr qsizetype kMaxProducts = 200;

std::optional<QString> readCode(JsonObjectReader &reader, Presence presence)
{
    const auto text = reader.string(QStringLiteral("code"), presence, {1, 64});
    if (!text)
        return std::nullopt;
    const auto code = normalizePromotionCode(*text);
    if (!code)
        reader.addError(QStringLiteral("code"),
                        QStringLiteral("must be 3 to 32 letters, digits, '-' or '_'"));
    return code;
}

std::optional<QList<QUuid>> readProducts(JsonObjectReader &reader)
{
    const auto texts = reader.stringList(QStringLiteral("product_ids"), Presence::Optional,
                                         {36, 36}, kMaxProducts);
    if (!texts)
        return std::nullopt;
    QList<QUuid> ids;
    for (const QString &t : *texts) {
        const QUuid id = QUuid::fromString(t);
        if (id.isNull()) {
            reader.addError(QStringLiteral("product_ids"), QStringLiteral("must hold UUIDs"));
            return std::nullopt;
        }
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

// A percentage in (0, 100] with at most two decimals, as basis points.
std::optional<int> readPercent(JsonObjectReader &reader)
{
    const QString name = QStringLiteral("discount_percent");
    const auto value = reader.raw(name);
    if (!value)
        return std::nullopt;
    const double d = value->toDouble(std::nan(""));
    if (!value->isDouble() || !std::isfinite(d) || d <= 0 || d > 100) {
        reader.addError(name, QStringLiteral("must be a number above 0 and at most 100"));
        return std::nullopt;
    }
    const qint64 bp = qRound64(d * 100);
    if (std::fabs(double(bp) - d * 100) > 1e-6 || bp < 1) {
        reader.addError(name, QStringLiteral("must have at most two decimals"));
        return std::nullopt;
    }
    return int(bp);
}

struct Limits
{
    std::optional<qint64> maxRedemptions;
    std::optional<qint64> perCustomerLimit;
    std::optional<qint64> budgetMinor;
    std::optional<qint64> minAmountMinor;
};

Limits readLimits(JsonObjectReader &reader)
{
    Limits l;
    l.maxRedemptions =
        reader.integer(QStringLiteral("max_redemptions"), Presence::Optional, 0, kMaxRedemptions);
    l.perCustomerLimit = reader.integer(QStringLiteral("per_customer_limit"), Presence::Optional, 0,
                                        kMaxPerCustomer);
    l.budgetMinor =
        reader.integer(QStringLiteral("budget_minor"), Presence::Optional, 0, kMaxMinor);
    l.minAmountMinor =
        reader.integer(QStringLiteral("min_amount_minor"), Presence::Optional, 0, kMaxMinor);
    return l;
}

void forbidServerFields(JsonObjectReader &reader)
{
    for (const char *field : {"redeemed", "discounted_minor", "id", "created_at", "updated_at"})
        reader.forbid(QLatin1String(field), QStringLiteral("is maintained by the server"));
}

std::optional<int> narrow(const std::optional<qint64> &v)
{
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

} // namespace

Result<PromotionView> readCreate(const QJsonObject &body, const Principal &caller)
{
    JsonObjectReader reader(body);
    PromotionView p;
    const auto code = readCode(reader, Presence::Required);
    const auto percent = readPercent(reader);
    const auto fixed =
        reader.integer(QStringLiteral("discount_minor"), Presence::Optional, 1, kMaxMinor);
    const auto currencyCode = reader.string(QStringLiteral("currency"), Presence::Optional, {3, 3});
    const auto products = readProducts(reader);
    const auto from = reader.time(QStringLiteral("valid_from"), Presence::Required);
    const auto until = reader.time(QStringLiteral("valid_until"), Presence::Required);
    const Limits limits = readLimits(reader);
    const auto stackable = reader.boolean(QStringLiteral("stackable"), Presence::Optional);
    const auto active = reader.boolean(QStringLiteral("active"), Presence::Optional);
    forbidServerFields(reader);

    const bool percentSent = reader.has(QStringLiteral("discount_percent"));
    const bool fixedSent = reader.has(QStringLiteral("discount_minor"));
    if (percentSent == fixedSent)
        reader.addError(QStringLiteral("discount_percent"),
                        QStringLiteral("exactly one of discount_percent and discount_minor is "
                                       "required"));
    if (currencyCode && !currency::isSupported(*currencyCode))
        reader.addError(QStringLiteral("currency"),
                        QStringLiteral("must be a supported ISO 4217 code"));
    p.tenantId = readOwningTenant(reader, caller);
    if (auto problem = reader.finish())
        return *problem;

    p.code = *code;
    p.discountPercentBp = percent;
    p.discountMinor = fixed;
    p.currency = currencyCode.value_or(QString());
    p.productIds = products.value_or(QList<QUuid>());
    p.validFrom = *from;
    p.validUntil = *until;
    p.maxRedemptions = narrow(limits.maxRedemptions);
    p.perCustomerLimit = narrow(limits.perCustomerLimit);
    p.budgetMinor = limits.budgetMinor;
    p.minAmountMinor = limits.minAmountMinor.value_or(0);
    p.stackable = stackable.value_or(false);
    p.active = active.value_or(true);
    return p;
}

Result<PromotionChanges> readChanges(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    PromotionChanges c;
    c.code = readCode(reader, Presence::Optional);
    c.productIds = readProducts(reader);
    c.validFrom = reader.time(QStringLiteral("valid_from"), Presence::Optional);
    c.validUntil = reader.time(QStringLiteral("valid_until"), Presence::Optional);
    const Limits limits = readLimits(reader);
    c.maxRedemptions = limits.maxRedemptions;
    c.perCustomerLimit = limits.perCustomerLimit;
    c.budgetMinor = limits.budgetMinor;
    c.minAmountMinor = limits.minAmountMinor;
    c.stackable = reader.boolean(QStringLiteral("stackable"), Presence::Optional);
    c.active = reader.boolean(QStringLiteral("active"), Presence::Optional);
    for (const char *field : {"discount_percent", "discount_minor", "currency", "tenant_id"})
        reader.forbid(QLatin1String(field),
                      QStringLiteral("cannot be changed; create a new promotion"));
    forbidServerFields(reader);
    const bool anything = c.code || c.productIds || c.validFrom || c.validUntil ||
                          c.maxRedemptions || c.perCustomerLimit || c.budgetMinor ||
                          c.minAmountMinor || c.stackable || c.active;
    if (!anything && !reader.hasErrors())
        reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
    if (auto problem = reader.finish())
        return *problem;
    return c;
}

PromotionView merged(const PromotionView &current, const PromotionChanges &c)
{
    PromotionView p = current;
    p.code = c.code.value_or(p.code);
    p.productIds = c.productIds.value_or(p.productIds);
    p.validFrom = c.validFrom.value_or(p.validFrom);
    p.validUntil = c.validUntil.value_or(p.validUntil);
    if (c.maxRedemptions)
        p.maxRedemptions = int(*c.maxRedemptions);
    if (c.perCustomerLimit)
        p.perCustomerLimit = int(*c.perCustomerLimit);
    if (c.budgetMinor)
        p.budgetMinor = *c.budgetMinor;
    p.minAmountMinor = c.minAmountMinor.value_or(p.minAmountMinor);
    p.stackable = c.stackable.value_or(p.stackable);
    p.active = c.active.value_or(p.active);
    return p;
}

std::optional<Problem> checkConsistent(DbConnection &db, const PromotionView &p)
{
    if (p.validFrom >= p.validUntil)
        return Problem::field(QStringLiteral("valid_until"),
                              QStringLiteral("must be after valid_from"));
    // Money travels beside its currency: a fixed discount, a budget or a
    // minimum amount needs one, and then applies to that currency only.
    if (p.currency.isEmpty()) {
        if (p.discountMinor)
            return Problem::field(QStringLiteral("currency"),
                                  QStringLiteral("is required with discount_minor"));
        if (p.budgetMinor)
            return Problem::field(QStringLiteral("currency"),
                                  QStringLiteral("is required with budget_minor"));
        if (p.minAmountMinor > 0)
            return Problem::field(QStringLiteral("currency"),
                                  QStringLiteral("is required with min_amount_minor"));
    }
    if (!p.productIds.isEmpty() &&
        promotionstore::countTenantProducts(db, p.tenantId, p.productIds) != p.productIds.size())
        return Problem::field(QStringLiteral("product_ids"),
                              QStringLiteral("must name products of the promotion's tenant"));
    return std::nullopt;
}

} // namespace reserva::promotionrequests
