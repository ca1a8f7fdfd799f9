#pragma once

#include <QList>
#include <QStringList>

namespace reserva::ui {

struct AccessClaims;

// Which pages a user sees, from the roles in their access token. The same
// rules as the server's route guards (README's API table); the server still
// enforces them, this only avoids showing what would answer 403.
enum class ViewKind { Reservations, Audit };

QList<ViewKind> allowedViews(const AccessClaims &claims);
QStringList rolesFor(ViewKind view);

} // namespace reserva::ui
