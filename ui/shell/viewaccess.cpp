#include "viewaccess.h"

#include "domain/role.h"
#include "net/accessclaims.h"

namespace reserva::ui {

QStringList rolesFor(ViewKind view)
{
    switch (view) {
    case ViewKind::Dashboard: // GET /v1/dashboard: operations staff, not auditors
    case ViewKind::Reservations:
        return {role::kAdmin, role::kPartnerManager, role::kPartnerStaff};
    case ViewKind::Catalog:
    case ViewKind::Promotions:
        return {role::kAdmin, role::kPartnerManager, role::kPartnerStaff, role::kAuditor};
    case ViewKind::Audit:
        return {role::kAdmin, role::kAuditor};
    case ViewKind::Payments: // GET /v1/webhook-events
        return {role::kAdmin};
    case ViewKind::Users: // /v1/users: managers (a partner manager, its own tenant)
        return {role::kAdmin, role::kPartnerManager};
    }
    return {};
}

QList<ViewKind> allowedViews(const AccessClaims &claims)
{
    QList<ViewKind> views;
    for (const ViewKind view :
         {ViewKind::Dashboard, ViewKind::Reservations, ViewKind::Catalog, ViewKind::Promotions,
          ViewKind::Audit, ViewKind::Payments, ViewKind::Users}) {
        if (claims.hasAnyRole(rolesFor(view)))
            views << view;
    }
    return views;
}

QStringList editorRolesFor(ViewKind view)
{
    switch (view) {
    case ViewKind::Reservations:
        return rolesFor(view);
    case ViewKind::Catalog:
    case ViewKind::Promotions:
        return {role::kAdmin, role::kPartnerManager};
    case ViewKind::Dashboard:
    case ViewKind::Audit:
    case ViewKind::Payments:
        return {};
    case ViewKind::Users:
        return rolesFor(view);
    }
    return {};
}

bool canEdit(ViewKind view, const AccessClaims &claims)
{
    return claims.hasAnyRole(editorRolesFor(view));
}

bool canSeePromotionRedemptions(const AccessClaims &claims)
{
    return claims.hasAnyRole({role::kAdmin, role::kPartnerManager, role::kPartnerStaff});
}

} // namespace reserva::ui
