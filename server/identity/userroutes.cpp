#include "userroutes.h"

#include "audit/auditlog.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "http/paging.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "passwordhasher.h"
#include "refreshtokenstore.h"
#include "runtime/serverservices.h"
#include "tenants/tenantstore.h"
#include "userrequests.h"
#include "userstore.h"

#include <QJsonArray>

namespace reserva {

namespace {

// A partner manager may grant only partner roles; an admin any role.
bool mayGrant(const Principal &caller, const QStringList &roles)
{
    if (caller.isAdmin())
        return true;
    for (const QString &r : roles) {
        if (!role::isPartnerRole(r))
            return false;
    }
    return true;
}

// Whether `caller` may see or change `user`: admins anyone; partner managers
// users of their tenant who hold partner roles only; anyone themselves (read
// only, checked by callers). A tenant-scoped auditor is not the manager's to
// touch: resetting its password would hand the manager a role it may not grant.
bool mayManage(const Principal &caller, const UserView &user)
{
    if (caller.isAdmin())
        return true;
    if (!caller.hasRole(role::kPartnerManager) || user.tenantId.isNull() ||
        user.tenantId != caller.tenantId)
        return false;
    for (const QString &r : user.roles) {
        if (!role::isPartnerRole(r))
            return false;
    }
    return true;
}

bool hasPartnerRole(const QStringList &roles)
{
    return roles.contains(role::kPartnerManager) || roles.contains(role::kPartnerStaff);
}

QString userResource(const QUuid &id)
{
    return QStringLiteral("user:") + id.toString(QUuid::WithoutBraces);
}

} // namespace

void registerUserRoutes(Router &router, ServerServices &services)
{
    const QStringList managers{role::kAdmin, role::kPartnerManager};

    // GET /v1/users?tenant_id=&limit=&after= (admin; partner_manager: its tenant only)
    // -> {"items": [user], "next_cursor"}
    router.add("GET", QStringLiteral("/v1/users"), managers, [](RequestContext &ctx) {
        const auto page = readPageRequest(ctx);
        if (!page)
            return ctx.problem(page.problem());
        UserFilter filter;
        filter.limit = page->limit;
        filter.afterUsername = page->after;
        const auto tenant = ctx.queryUuid(QStringLiteral("tenant_id"));
        if (!tenant)
            return ctx.problem(tenant.problem());
        filter.tenantId = *tenant;
        if (!ctx.caller().isAdmin()) {
            if (!filter.tenantId.isNull() && filter.tenantId != ctx.caller().tenantId)
                return HttpResponse::json(200, pageJson({}, {})); // another tenant: nothing to see
            filter.tenantId = ctx.caller().tenantId;
        }
        const QList<UserView> users = userstore::list(ctx.db(), filter);
        QJsonArray items;
        for (const UserView &u : users) {
            // The same rule as GET /v1/users/{id}: a partner manager lists
            // only the users it manages (the cursor still walks every row).
            if (mayManage(ctx.caller(), u))
                items.append(u.toJson());
        }
        return HttpResponse::json(200, pageJson(items, users.size() == filter.limit
                                                           ? users.last().username.toLower()
                                                           : QString()));
    });

    // GET /v1/users/{id} (admin; partner_manager within its tenant; anyone for
    // themselves) -> user | 404 (also for users the caller may not see)
    router.add("GET", QStringLiteral("/v1/users/{id}"), {}, [](RequestContext &ctx) {
        const auto id = ctx.uuidParam(QStringLiteral("id"));
        const auto user = id ? userstore::findById(ctx.db(), *id) : std::nullopt;
        if (!user || (user->view.id != ctx.caller().userId && !mayManage(ctx.caller(), user->view)))
            return ctx.notFound();
        return HttpResponse::json(200, user->view.toJson());
    });

    // POST /v1/users (admin; partner_manager for partner roles in its tenant)
    // {"username": [A-Za-z0-9._@-]{3,64}, "password": 10..256 chars,
    //  "roles": [role...], "tenant_id"?: uuid (required for partner roles,
    //  forbidden for admin), "document_type"?: [a-z_]{2,16},
    //  "document_number"?: [A-Za-z0-9.-]{3,32} (with document_type)}
    // -> 201 user; 409 username taken; 403 granting a role you may not grant.
    router.add("POST", QStringLiteral("/v1/users"), managers, [](RequestContext &ctx) {
        const auto body = ctx.jsonBody();
        if (!body)
            return ctx.problem(body.problem());
        const auto read = userrequests::readCreate(*body);
        if (!read)
            return ctx.problem(read.problem());
        const QStringList &roles = read->roles;
        QUuid tenantId = read->tenantId;

        const Principal &caller = ctx.caller();
        if (!mayGrant(caller, roles))
            return ctx.problem(
                Problem(ProblemType::Forbidden, QStringLiteral("You may not grant these roles.")));
        if (!caller.isAdmin()) {
            // A partner manager creates users in its own tenant only.
            if (!tenantId.isNull() && tenantId != caller.tenantId)
                return ctx.problem(
                    Problem(ProblemType::Forbidden,
                            QStringLiteral("You may create users in your own tenant only.")));
            tenantId = caller.tenantId;
        }
        if (hasPartnerRole(roles) && tenantId.isNull())
            return ctx.problem(Problem::field(QStringLiteral("tenant_id"),
                                              QStringLiteral("is required for partner roles")));
        if (roles.contains(role::kAdmin) && (!tenantId.isNull() || hasPartnerRole(roles)))
            return ctx.problem(
                Problem::field(QStringLiteral("roles"),
                               QStringLiteral("admin is global: no tenant and no partner roles")));
        if (!tenantId.isNull() && !tenantstore::findById(ctx.db(), tenantId))
            return ctx.problem(Problem::field(QStringLiteral("tenant_id"),
                                              QStringLiteral("is not a known tenant")));

        NewUser user{read->username,
                     PasswordHasher::hash(read->password),
                     roles,
                     tenantId,
                     read->documentType,
                     read->documentNumber};
        Transaction tx(ctx.db());
        const auto created = userstore::create(ctx.db(), user, ctx.now);
        if (!created)
            return ctx.problem(created.problem());
        AuditEvent event;
        event.action = QStringLiteral("user.create");
        event.actor = caller.subject();
        event.tenantId = tenantId;
        event.resource = userResource(created->view.id);
        event.requestId = ctx.requestId;
        event.detail = {{QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
        appendAudit(ctx.db(), event, ctx.now);
        tx.commit();
        return HttpResponse::json(201, created->view.toJson());
    });

    // PATCH /v1/users/{id} (admin; partner_manager within its tenant)
    // {"roles"?, "active"?, "password"?, "document_type"?, "document_number"?}
    // -> 200 user. Deactivating a user revokes all their refresh tokens.
    // 404 for users the caller may not manage; 403 for roles it may not grant;
    // 409 when an admin would remove their own admin role or deactivate themselves.
    router.add(
        "PATCH", QStringLiteral("/v1/users/{id}"), managers, [&services](RequestContext &ctx) {
            const auto id = ctx.uuidParam(QStringLiteral("id"));
            if (!id)
                return ctx.notFound();
            const auto body = ctx.jsonBody();
            if (!body)
                return ctx.problem(body.problem());
            auto read = userrequests::readChanges(*body);
            if (!read)
                return ctx.problem(read.problem());
            UserChanges changes = read->changes;
            const std::optional<QString> password = read->password;

            const Principal &caller = ctx.caller();
            Transaction tx(ctx.db());
            const auto current = userstore::findById(ctx.db(), *id, true);
            if (!current || !mayManage(caller, current->view))
                return ctx.notFound();
            if (changes.roles) {
                if (!mayGrant(caller, *changes.roles))
                    return ctx.problem(Problem(ProblemType::Forbidden,
                                               QStringLiteral("You may not grant these roles.")));
                const bool partner = hasPartnerRole(*changes.roles);
                if (partner && current->view.tenantId.isNull())
                    return ctx.problem(Problem::field(QStringLiteral("roles"),
                                                      QStringLiteral("this user has no tenant")));
                if (changes.roles->contains(role::kAdmin) &&
                    (partner || !current->view.tenantId.isNull()))
                    return ctx.problem(Problem::field(
                        QStringLiteral("roles"),
                        QStringLiteral("admin is global: no tenant and no partner roles")));
                if (current->view.id == caller.userId && caller.isAdmin() &&
                    !changes.roles->contains(role::kAdmin))
                    return ctx.problem(
                        Problem(ProblemType::Conflict,
                                QStringLiteral("You cannot remove your own admin role.")));
            }
            if (changes.active == false && current->view.id == caller.userId)
                return ctx.problem(Problem(ProblemType::Conflict,
                                           QStringLiteral("You cannot deactivate yourself.")));
            if (password)
                changes.passwordHash = PasswordHasher::hash(*password);

            const UserRecord updated = userstore::update(ctx.db(), *id, changes, ctx.now);
            QJsonArray changed;
            if (changes.roles)
                changed.append(QStringLiteral("roles"));
            if (changes.active)
                changed.append(QStringLiteral("active"));
            if (password)
                changed.append(QStringLiteral("password"));
            if (changes.documentType || changes.documentNumber)
                changed.append(QStringLiteral("document"));
            AuditEvent event;
            event.action =
                changes.roles ? QStringLiteral("user.roles_change") : QStringLiteral("user.update");
            event.actor = caller.subject();
            event.tenantId = updated.view.tenantId;
            event.resource = userResource(updated.view.id);
            event.requestId = ctx.requestId;
            event.detail = {{QStringLiteral("changed"), changed}};
            if (changes.roles)
                event.detail.insert(QStringLiteral("roles"),
                                    QJsonArray::fromStringList(*changes.roles));
            appendAudit(ctx.db(), event, ctx.now);
            // A disabled user or a changed password ends every session at once.
            if (changes.active == false || password) {
                const int revoked = refreshtokenstore::revokeAllForUser(
                    ctx.db(), updated.view.id,
                    changes.active == false ? QStringLiteral("user_disabled")
                                            : QStringLiteral("admin"),
                    ctx.now);
                if (revoked > 0) {
                    AuditEvent revoke = event;
                    revoke.action = QStringLiteral("auth.token_family.revoke");
                    revoke.detail = {{QStringLiteral("reason"),
                                      changes.active == false ? QStringLiteral("user_disabled")
                                                              : QStringLiteral("password_changed")},
                                     {QStringLiteral("families"), revoked}};
                    appendAudit(ctx.db(), revoke, ctx.now);
                }
            }
            tx.commit();
            Q_UNUSED(services)
            return HttpResponse::json(200, updated.view.toJson());
        });
}

} // namespace reserva
