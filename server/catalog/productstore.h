#pragma once

#include "contract/bookingtypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace reserva {

class DbConnection;
class DbRows;

struct ProductFilter
{
    QUuid tenantId; // null: every tenant (global callers)
    std::optional<bool> active;
    QString kind;
    QString afterName; // cursor: "<name>\n<id>"
    QUuid afterId;
    int limit = 50;
};

struct ProductChanges
{
    std::optional<QString> name;
    std::optional<QString> kind;
    // Set: the new transfer kind (empty: none, for a product that stops being a transfer).
    std::optional<QString> transferKind;
    std::optional<QString> description;
    std::optional<qint64> priceMinor;
    std::optional<QString> currency;
    std::optional<bool> active;
};

// SQL for products. `tenantScope` null means any tenant (global callers);
// otherwise a product of another tenant is simply not found.
namespace productstore {

// The columns every product query selects, and the view read from them.
extern const QString kColumns;
ProductView fromRow(const DbRows &q);

std::optional<ProductView> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope);
ProductView create(DbConnection &db, const ProductView &product, const QDateTime &now);
std::optional<ProductView> update(DbConnection &db, const QUuid &id, const QUuid &tenantScope,
                                  const ProductChanges &changes, const QDateTime &now);
QList<ProductView> list(DbConnection &db, const ProductFilter &filter);

} // namespace productstore
} // namespace reserva
