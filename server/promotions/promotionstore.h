#pragma once

#include "contract/promotiontypes.h"
#include "domain/promotionrules.h"

#include <QList>

#include <optional>

namespace reserva {

class DbConnection;

struct PromotionFilter
{
    QUuid tenantId; // null: every tenant (global callers)
    std::optional<bool> active;
    QString code;      // exact, already upper-cased
    QUuid productId;   // promotions that apply to this product
    QString afterCode; // cursor: "<code>\n<id>"
    QUuid afterId;
    int limit = 50;
};

// The fields a PATCH may change; absent ones stay.
struct PromotionChanges
{
    std::optional<QString> code;
    std::optional<QList<QUuid>> productIds;
    std::optional<QDateTime> validFrom;
    std::optional<QDateTime> validUntil;
    std::optional<qint64> maxRedemptions;
    std::optional<qint64> perCustomerLimit;
    std::optional<qint64> budgetMinor;
    std::optional<qint64> minAmountMinor;
    std::optional<bool> stackable;
    std::optional<bool> active;
};

// The rules' view of a stored promotion.
PromotionTerms termsOf(const PromotionView &promotion);

// SQL for promotions and the tenant's promotion settings. `tenantScope` null
// means any tenant (global callers); otherwise another tenant's promotion is
// simply not found.
namespace promotionstore {

// nullopt when the tenant already has this code.
std::optional<PromotionView> create(DbConnection &db, const PromotionView &promotion,
                                    const QString &createdBy, const QDateTime &now);
std::optional<PromotionView> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                  bool forUpdate = false);
// Writes the changes to the (locked) row. Throws on a duplicate code: the
// caller checks codeTaken() first, with the row locked.
PromotionView update(DbConnection &db, const QUuid &id, const PromotionChanges &changes,
                     const QDateTime &now);
bool codeTaken(DbConnection &db, const QUuid &tenantId, const QString &code, const QUuid &except);
QList<PromotionView> list(DbConnection &db, const PromotionFilter &filter);

// Locks the tenant's promotions with these (upper-case) codes, in id order
// (SELECT ... FOR UPDATE). The caller already holds the slot's lock: the
// order is always slot, then promotions by id.
QList<PromotionView> lockByCodes(DbConnection &db, const QUuid &tenantId, const QStringList &codes);
// Changes the usage counters of a promotion the caller has locked.
void addUsage(DbConnection &db, const QUuid &promotionId, int claims, qint64 discountMinor,
              const QDateTime &now);

// How many of `productIds` are products of the tenant.
int countTenantProducts(DbConnection &db, const QUuid &tenantId, const QList<QUuid> &productIds);

// nullopt when the tenant does not exist.
std::optional<PromotionSettingsView> settings(DbConnection &db, const QUuid &tenantId);
std::optional<PromotionSettingsView> saveSettings(DbConnection &db,
                                                  const PromotionSettingsView &settings);

} // namespace promotionstore
} // namespace reserva
