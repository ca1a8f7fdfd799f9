#pragma once

#include "contract/bookingtypes.h"
#include "feedrows.h"

#include <optional>

namespace reserva {
class DbConnection;
}

namespace reserva::catalogimport {

// A slot found by its provider's external id.
struct ImportedSlot
{
    QUuid id;
    QUuid productId;
    QDateTime startsAt;
    int durationMinutes = 0;
    int capacity = 0;
};

// SQL for imported products and slots, found by (tenant, provider, external id).
namespace importstore {

// Locks the product row, so two imports of one product take turns.
std::optional<ProductView> lockProduct(DbConnection &db, const QUuid &tenantId,
                                       const QString &provider, const QString &externalId);
ProductView createProduct(DbConnection &db, const QUuid &tenantId, const QString &provider,
                          const FeedProduct &product, const QDateTime &now);
void updateProduct(DbConnection &db, const QUuid &id, const FeedProduct &product,
                   const QDateTime &now);
std::optional<ImportedSlot> findSlot(DbConnection &db, const QUuid &tenantId,
                                     const QString &provider, const QString &externalId);
QUuid createSlot(DbConnection &db, const ProductView &product, const QString &provider,
                 const FeedSlot &slot, const QDateTime &now);

} // namespace importstore
} // namespace reserva::catalogimport
