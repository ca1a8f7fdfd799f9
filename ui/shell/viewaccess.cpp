#include "viewaccess.h"

#include "domain/role.h"
#include "net/accessclaims.h"

namespace reserva::ui {

QStringList rolesFor(ViewKind view)
{
    switch (view) {
    case ViewKind::Reservations:
        return {role::kAdmin, role::kPartnerManager, role::kPartnerStaff};
    case ViewKind::Audit:
        return {role::kAdmin, role::kAuditor};
    }
    return {};
}

QList<ViewKind> allowedViews(const AccessClaims &claims)
{
    QList<ViewKind> views;
    for (const ViewKind view : {ViewKind::Reservations, ViewKind::Audit}) {
        if (claims.hasAnyRole(rolesFor(view)))
            views << view;
    }
    return views;
}

} // namespace reserva::ui
