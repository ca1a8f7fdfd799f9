#include "viewaccess.h"

#include "domain/role.h"
#include "net/accessclaims.h"

namespace reserva::ui {

QStringList rolesFor(ViewKind view)
{
    switch (view) {
    case ViewKind::Reservations:
        return {role::kAdmin, role::kPartnerManager, role::kPartnerStaff};
    case ViewKind::Catalog:
    case ViewKind::Promotions:
        return {role::kAdmin, role::kPartnerManager, role::kPartnerStaff, role::kAuditor};
    case ViewKind::Audit:
        return {role::kAdmin, role::kAuditor};
    }
    return {};
}

QList<ViewKind> allowedViews(const AccessClaims &claims)
{
    QList<ViewKind> views;
    for (const ViewKind view :
         {ViewKind::Reservations, ViewKind::Catalog, ViewKind::Promotions, ViewKind::Audit}) {
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
    case ViewKind::Audit:
        return {};
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
