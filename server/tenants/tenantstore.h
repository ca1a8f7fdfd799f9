#pragma once

#include "contract/identitytypes.h"
#include "core/result.h"

#include <QList>

#include <optional>

namespace reserva {

class DbConnection;

// SQL for tenants.
namespace tenantstore {

std::optional<TenantView> findById(DbConnection &db, const QUuid &id);
std::optional<TenantView> findBySlug(DbConnection &db, const QString &slug);
// Conflict when the slug is taken.
Result<TenantView> create(DbConnection &db, const QString &slug, const QString &name);
// Ordered by slug; `afterSlug` is the cursor.
QList<TenantView> list(DbConnection &db, int limit, const QString &afterSlug);

} // namespace tenantstore
} // namespace reserva
