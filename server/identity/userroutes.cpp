#include "userroutes.h"

#include "audit/auditlog.h"
#include "contract/jsonreader.h"
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
#include "userstore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace reserva {

namespace {

using Presence = JsonObjectReader::Presence;

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

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

void validateRoles(JsonObjectReader &reader, const QStringList &roles)
{
    if (roles.isEmpty()) {
        reader.addError(QStringLiteral("roles"), QStringLiteral("must name at least one role"));
        return;
    }
    for (const QString &r : roles) {
        if (!role::isKnown(r)) {
            reader.addError(
                QStringLiteral("roles"),
                QStringLiteral("must be among admin, partner_manager, partner_staff, auditor"));
            return;
        }
    }
    QStringList unique = roles;
    if (unique.removeDuplicates() > 0)
        reader.addError(QStringLiteral("roles"), QStringLiteral("must not repeat a role"));
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
        JsonObjectReader reader(*body);
        const auto username =
            reader.string(QStringLiteral("username"), Presence::Required, {3, 64});
        const auto password =
            reader.string(QStringLiteral("password"), Presence::Required, {10, 256});
        const auto roles =
            reader.stringList(QStringLiteral("roles"), Presence::Required, {1, 32}, 4);
        const auto tenantText =
            reader.string(QStringLiteral("tenant_id"), Presence::Optional, {36, 36});
        const auto documentType =
            reader.string(QStringLiteral("document_type"), Presence::Optional, {2, 16});
        const auto documentNumber =
            reader.string(QStringLiteral("document_number"), Presence::Optional, {3, 32});
        if (username && !matches(QStringLiteral("[A-Za-z0-9._@-]{3,64}"), *username))
            reader.addError(QStringLiteral("username"),
                            QStringLiteral("may hold letters, digits and . _ @ -"));
        if (roles)
            validateRoles(reader, *roles);
        QUuid tenantId;
        if (tenantText) {
            tenantId = QUuid::fromString(*tenantText);
            if (tenantId.isNull())
                reader.addError(QStringLiteral("tenant_id"), QStringLiteral("must be a UUID"));
        }
        if (documentType && !matches(QStringLiteral("[a-z_]{2,16}"), *documentType))
            reader.addError(QStringLiteral("document_type"),
                            QStringLiteral("must be lower-case letters"));
        if (documentNumber && !matches(QStringLiteral("[A-Za-z0-9.-]{3,32}"), *documentNumber))
            reader.addError(QStringLiteral("document_number"),
                            QStringLiteral("may hold letters, digits, dots and dashes"));
        if (documentType.has_value() != documentNumber.has_value())
            reader.addError(QStringLiteral("document_number"),
                            QStringLiteral("document_type and document_number go together"));
        if (auto problem = reader.finish())
            return ctx.problem(*problem);

        const Principal &caller = ctx.caller();
        if (!mayGrant(caller, *roles))
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
        if (hasPartnerRole(*roles) && tenantId.isNull())
            return ctx.problem(Problem::field(QStringLiteral("tenant_id"),
                                              QStringLiteral("is required for partner roles")));
        if (roles->contains(role::kAdmin) && (!tenantId.isNull() || hasPartnerRole(*roles)))
            return ctx.problem(
                Problem::field(QStringLiteral("roles"),
                               QStringLiteral("admin is global: no tenant and no partner roles")));
        if (!tenantId.isNull() && !tenantstore::findById(ctx.db(), tenantId))
            return ctx.problem(Problem::field(QStringLiteral("tenant_id"),
                                              QStringLiteral("is not a known tenant")));

        NewUser user{
            *username, PasswordHasher::hash(*password),  *roles,
            tenantId,  documentType.value_or(QString()), documentNumber.value_or(QString())};
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
        event.detail = {{QStringLiteral("roles"), QJsonArray::fromStringList(*roles)}};
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
            JsonObjectReader reader(*body);
            UserChanges changes;
            changes.roles =
                reader.stringList(QStringLiteral("roles"), Presence::Optional, {1, 32}, 4);
            changes.active = reader.boolean(QStringLiteral("active"), Presence::Optional);
            const auto password =
                reader.string(QStringLiteral("password"), Presence::Optional, {10, 256});
            changes.documentType =
                reader.string(QStringLiteral("document_type"), Presence::Optional, {0, 16});
            changes.documentNumber =
                reader.string(QStringLiteral("document_number"), Presence::Optional, {0, 32});
            if (changes.roles)
                validateRoles(reader, *changes.roles);
            if (changes.documentType && !changes.documentType->isEmpty() &&
                !matches(QStringLiteral("[a-z_]{2,16}"), *changes.documentType))
                reader.addError(QStringLiteral("document_type"),
                                QStringLiteral("must be lower-case letters"));
            if (changes.documentNumber && !changes.documentNumber->isEmpty() &&
                !matches(QStringLiteral("[A-Za-z0-9.-]{3,32}"), *changes.documentNumber))
                reader.addError(QStringLiteral("document_number"),
                                QStringLiteral("may hold letters, digits, dots and dashes"));
            if (body->isEmpty())
                reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
            if (auto problem = reader.finish())
                return ctx.problem(*problem);

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
