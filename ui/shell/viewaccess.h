#pragma once

#include <QList>
#include <QStringList>

namespace reserva::ui {

struct AccessClaims;

// Which pages a user sees, from the roles in their access token. The same
// rules as the server's route guards (README's API table); the server still
// enforces them, this only avoids showing what would answer 403.
enum class ViewKind { Dashboard, Reservations, Catalog, Promotions, Audit, Payments, Users };

QList<ViewKind> allowedViews(const AccessClaims &claims);
QStringList rolesFor(ViewKind view);
// Who may change what a page shows (create, edit); the others read it.
QStringList editorRolesFor(ViewKind view);
bool canEdit(ViewKind view, const AccessClaims &claims);
// Redemptions carry customer emails: not for auditors.
bool canSeePromotionRedemptions(const AccessClaims &claims);

} // namespace reserva::ui
