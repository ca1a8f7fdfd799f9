// RBAC on /v1/users, /v1/tenants and /v1/audit: which roles reach a route
// (route level) and which rows a partner manager may see or change within it
// (resource level: its own tenant, partner roles only, 404 never data).
#include "contractrecorder.h"
#include "domain/role.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QtTest>

using namespace reserva;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kNewPassword = QStringLiteral("another long password");

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString userPath(const QUuid &id)
{
    return QStringLiteral("/v1/users/") + uuidText(id);
}

QStringList usernamesOf(const test::TestResponse &r)
{
    QStringList names;
    for (const QJsonValue &item : r.json().value(QStringLiteral("items")).toArray())
        names << item.toObject().value(QStringLiteral("username")).toString();
    names.sort();
    return names;
}

} // namespace

class TestUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_server = std::make_unique<test::TestServer>(SystemClock::instance(), [](ServerConfig &c) {
            c.throttle.loginPerAddress = {100000, 60};
        });
        m_tenantA = m_server->createTenant(QStringLiteral("tenant-a"));
        m_tenantB = m_server->createTenant(QStringLiteral("tenant-b"));
        m_admin = m_server->createUser(QStringLiteral("root.admin"), kPassword, {role::kAdmin});
        m_auditor =
            m_server->createUser(QStringLiteral("global.auditor"), kPassword, {role::kAuditor});
        m_managerA = m_server->createUser(QStringLiteral("manager.a"), kPassword,
                                          {role::kPartnerManager}, m_tenantA.id);
        m_staffA = m_server->createUser(QStringLiteral("staff.a"), kPassword, {role::kPartnerStaff},
                                        m_tenantA.id);
        // Reads tenant A's audit trail: a role a partner manager may not grant,
        // so it may not manage this account either.
        m_auditorA = m_server->createUser(QStringLiteral("auditor.a"), kPassword, {role::kAuditor},
                                          m_tenantA.id);
        m_staffB = m_server->createUser(QStringLiteral("staff.b"), kPassword, {role::kPartnerStaff},
                                        m_tenantB.id);
    }
    void cleanupTestCase()
    {
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }

    void routeLevelRoles_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");

        const QByteArray get = "GET";
        const QByteArray post = "POST";
        QTest::newRow("staff lists users")
            << QStringLiteral("staff.a") << get << QStringLiteral("/v1/users") << 403;
        QTest::newRow("staff creates a user")
            << QStringLiteral("staff.a") << post << QStringLiteral("/v1/users") << 403;
        QTest::newRow("staff lists tenants")
            << QStringLiteral("staff.a") << get << QStringLiteral("/v1/tenants") << 403;
        QTest::newRow("staff creates a tenant")
            << QStringLiteral("staff.a") << post << QStringLiteral("/v1/tenants") << 403;
        QTest::newRow("staff reads one tenant")
            << QStringLiteral("staff.a") << get
            << QStringLiteral("/v1/tenants/") + uuidText(m_tenantA.id) << 403;
        QTest::newRow("staff reads the audit trail")
            << QStringLiteral("staff.a") << get << QStringLiteral("/v1/audit") << 403;
        QTest::newRow("staff verifies the audit chain")
            << QStringLiteral("staff.a") << get << QStringLiteral("/v1/audit/verify") << 403;
        QTest::newRow("manager lists tenants")
            << QStringLiteral("manager.a") << get << QStringLiteral("/v1/tenants") << 403;
        QTest::newRow("manager reads the audit trail")
            << QStringLiteral("manager.a") << get << QStringLiteral("/v1/audit") << 403;
        QTest::newRow("auditor lists users")
            << QStringLiteral("global.auditor") << get << QStringLiteral("/v1/users") << 403;
        QTest::newRow("auditor lists tenants")
            << QStringLiteral("global.auditor") << get << QStringLiteral("/v1/tenants") << 403;
        QTest::newRow("auditor reads the audit trail")
            << QStringLiteral("global.auditor") << get << QStringLiteral("/v1/audit") << 200;
        QTest::newRow("manager lists users")
            << QStringLiteral("manager.a") << get << QStringLiteral("/v1/users") << 200;
        QTest::newRow("admin lists users")
            << QStringLiteral("root.admin") << get << QStringLiteral("/v1/users") << 200;
        QTest::newRow("admin lists tenants")
            << QStringLiteral("root.admin") << get << QStringLiteral("/v1/tenants") << 200;
        QTest::newRow("admin reads the audit trail")
            << QStringLiteral("root.admin") << get << QStringLiteral("/v1/audit") << 200;
    }

    void routeLevelRoles()
    {
        QFETCH(QString, who);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(who));
        // A body that would be valid for an admin: a 403 must come from the
        // role check, not from validation.
        QByteArray body;
        if (method == "POST" && path == u"/v1/users")
            body = QJsonDocument(
                       QJsonObject{{QStringLiteral("username"), QStringLiteral("x.y.z")},
                                   {QStringLiteral("password"), kNewPassword},
                                   {QStringLiteral("roles"), QJsonArray{role::kPartnerStaff}},
                                   {QStringLiteral("tenant_id"), uuidText(m_tenantA.id)}})
                       .toJson(QJsonDocument::Compact);
        else if (method == "POST")
            body = R"({"slug":"new-tenant","name":"New"})";
        const test::TestResponse r = http.request(method, path, body);
        QCOMPARE(r.status, status);
        if (status == 403)
            QCOMPARE(r.problemSlug(), QStringLiteral("forbidden"));
    }

    // A partner manager of tenant A asking about tenant B's user gets the same
    // 404 as for a user that does not exist: nothing about B leaks.
    void managerGetsNotFoundForAnotherTenantsUser()
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("manager.a")));
        const test::TestResponse other = http.get(userPath(m_staffB.id));
        const test::TestResponse missing = http.get(userPath(QUuid::createUuid()));
        QCOMPARE(other.status, 404);
        QCOMPARE(missing.status, 404);
        QVERIFY(!other.body.contains("staff.b"));
        QVERIFY(!other.body.contains(uuidText(m_tenantB.id).toLatin1()));
        QJsonObject a = other.json();
        QJsonObject b = missing.json();
        a.remove(QStringLiteral("request_id"));
        b.remove(QStringLiteral("request_id"));
        QCOMPARE(a, b);

        const test::TestResponse patch =
            http.patch(userPath(m_staffB.id), {{QStringLiteral("active"), false}});
        QCOMPARE(patch.status, 404);
        const test::TestResponse password =
            http.patch(userPath(m_staffB.id), {{QStringLiteral("password"), kNewPassword}});
        QCOMPARE(password.status, 404);
        QVERIFY(userActive(m_staffB.id));
        m_server->login(m_staffB.username, kPassword); // password unchanged

        // Listing another tenant shows nothing; listing its own shows only it.
        const test::TestResponse listB =
            http.get(QStringLiteral("/v1/users?tenant_id=") + uuidText(m_tenantB.id));
        QCOMPARE(listB.status, 200);
        QVERIFY(usernamesOf(listB).isEmpty());
        const test::TestResponse listOwn = http.get(QStringLiteral("/v1/users"));
        QCOMPARE(listOwn.status, 200);
        for (const QString &name : usernamesOf(listOwn))
            QVERIFY2(name.endsWith(u".a"), qPrintable(name));
        QVERIFY(usernamesOf(listOwn).contains(QStringLiteral("staff.a")));
    }

    // Taking over a tenant auditor's account (new password, then log in)
    // would give a partner manager a role it may not grant.
    void managerCannotManageATenantAuditor()
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("manager.a")));
        QCOMPARE(http.get(userPath(m_auditorA.id)).status, 404);
        QCOMPARE(http.patch(userPath(m_auditorA.id), {{QStringLiteral("password"), kNewPassword}})
                     .status,
                 404);
        QCOMPARE(http.patch(userPath(m_auditorA.id),
                            {{QStringLiteral("roles"), QJsonArray{role::kPartnerStaff}}})
                     .status,
                 404);
        QVERIFY(!usernamesOf(http.get(QStringLiteral("/v1/users"))).contains(u"auditor.a"));
        m_server->login(m_auditorA.username, kPassword); // password unchanged
        QCOMPARE(currentRoles(m_auditorA.id), QStringList{role::kAuditor});
    }

    void managerCannotCreateInAnotherTenantOrGrantGlobalRoles_data()
    {
        QTest::addColumn<QJsonObject>("body");
        auto body = [](const QString &name, const QJsonArray &roles, const QString &tenant) {
            QJsonObject o{{QStringLiteral("username"), name},
                          {QStringLiteral("password"), kNewPassword},
                          {QStringLiteral("roles"), roles}};
            if (!tenant.isEmpty())
                o.insert(QStringLiteral("tenant_id"), tenant);
            return o;
        };
        QTest::newRow("staff in tenant B")
            << body(QStringLiteral("sneaky.b1"), {role::kPartnerStaff}, uuidText(m_tenantB.id));
        QTest::newRow("manager in tenant B")
            << body(QStringLiteral("sneaky.b2"), {role::kPartnerManager}, uuidText(m_tenantB.id));
        QTest::newRow("admin") << body(QStringLiteral("sneaky.admin"), {role::kAdmin}, {});
        QTest::newRow("auditor") << body(QStringLiteral("sneaky.auditor"), {role::kAuditor}, {});
        QTest::newRow("auditor in own tenant")
            << body(QStringLiteral("sneaky.auditor2"), {role::kAuditor}, uuidText(m_tenantA.id));
        QTest::newRow("staff plus auditor")
            << body(QStringLiteral("sneaky.mixed"), {role::kPartnerStaff, role::kAuditor},
                    uuidText(m_tenantA.id));
    }

    void managerCannotCreateInAnotherTenantOrGrantGlobalRoles()
    {
        QFETCH(QJsonObject, body);
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("manager.a")));
        const test::TestResponse r = http.post(QStringLiteral("/v1/users"), body);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.problemSlug(), QStringLiteral("forbidden"));
        QVERIFY(!userExists(body.value(QStringLiteral("username")).toString()));
    }

    void managerCannotGrantGlobalRolesByPatch_data()
    {
        QTest::addColumn<QJsonArray>("roles");
        QTest::newRow("admin") << QJsonArray{role::kAdmin};
        QTest::newRow("auditor") << QJsonArray{role::kAuditor};
        QTest::newRow("staff plus auditor") << QJsonArray{role::kPartnerStaff, role::kAuditor};
    }

    void managerCannotGrantGlobalRolesByPatch()
    {
        QFETCH(QJsonArray, roles);
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("manager.a")));
        const test::TestResponse r =
            http.patch(userPath(m_staffA.id), {{QStringLiteral("roles"), roles}});
        QCOMPARE(r.status, 403);
        QCOMPARE(currentRoles(m_staffA.id), QStringList{role::kPartnerStaff});
    }

    void managerManagesPartnerUsersOfItsTenant()
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("manager.a")));
        // The tenant is implied: its own.
        const test::TestResponse created =
            http.post(QStringLiteral("/v1/users"),
                      {{QStringLiteral("username"), QStringLiteral("made.by.a")},
                       {QStringLiteral("password"), kNewPassword},
                       {QStringLiteral("roles"), QJsonArray{role::kPartnerStaff}}});
        QCOMPARE(created.status, 201);
        const auto user = UserView::fromJson(created.json());
        QVERIFY(user);
        QCOMPARE(user->tenantId, m_tenantA.id);
        QVERIFY(!created.body.contains("password"));
        QVERIFY(!created.body.contains(kNewPassword.toUtf8()));

        QCOMPARE(http.get(userPath(user->id)).status, 200);
        const test::TestResponse promoted = http.patch(
            userPath(user->id), {{QStringLiteral("roles"), QJsonArray{role::kPartnerManager}}});
        QCOMPARE(promoted.status, 200);
        QCOMPARE(currentRoles(user->id), QStringList{role::kPartnerManager});
        QCOMPARE(auditCount(QStringLiteral("user.roles_change"), user->id), 1);
        QCOMPARE(auditCount(QStringLiteral("user.create"), user->id), 1);
    }

    void adminManagesEveryone()
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("root.admin")));
        QCOMPARE(http.get(userPath(m_staffB.id)).status, 200);
        QCOMPARE(http.get(userPath(m_auditorA.id)).status, 200);
        const test::TestResponse inB =
            http.post(QStringLiteral("/v1/users"),
                      {{QStringLiteral("username"), QStringLiteral("admin.made.b")},
                       {QStringLiteral("password"), kNewPassword},
                       {QStringLiteral("roles"), QJsonArray{role::kPartnerManager}},
                       {QStringLiteral("tenant_id"), uuidText(m_tenantB.id)}});
        QCOMPARE(inB.status, 201);
        const test::TestResponse admin =
            http.post(QStringLiteral("/v1/users"),
                      {{QStringLiteral("username"), QStringLiteral("second.admin")},
                       {QStringLiteral("password"), kNewPassword},
                       {QStringLiteral("roles"), QJsonArray{role::kAdmin}}});
        QCOMPARE(admin.status, 201);
        const test::TestResponse auditor =
            http.post(QStringLiteral("/v1/users"),
                      {{QStringLiteral("username"), QStringLiteral("second.auditor")},
                       {QStringLiteral("password"), kNewPassword},
                       {QStringLiteral("roles"), QJsonArray{role::kAuditor}}});
        QCOMPARE(auditor.status, 201);
        const test::TestResponse tenant = http.post(
            QStringLiteral("/v1/tenants"), {{QStringLiteral("slug"), QStringLiteral("tenant-c")},
                                            {QStringLiteral("name"), QStringLiteral("C")}});
        QCOMPARE(tenant.status, 201);
        // "$" would match before a final newline (found by fuzzing): refused.
        const test::TestResponse newline = http.post(
            QStringLiteral("/v1/tenants"), {{QStringLiteral("slug"), QStringLiteral("tenant-d\n")},
                                            {QStringLiteral("name"), QStringLiteral("D")}});
        QCOMPARE(newline.status, 400);
        const test::TestResponse roles = http.patch(
            userPath(m_staffB.id),
            {{QStringLiteral("roles"), QJsonArray{role::kPartnerStaff, role::kPartnerManager}}});
        QCOMPARE(roles.status, 200);
        QCOMPARE(currentRoles(m_staffB.id),
                 (QStringList{role::kPartnerStaff, role::kPartnerManager}));
        // Admin is global: not for a tenant's user.
        const test::TestResponse adminInTenant = http.patch(
            userPath(m_staffB.id), {{QStringLiteral("roles"), QJsonArray{role::kAdmin}}});
        QCOMPARE(adminInTenant.status, 400);
        const QStringList all = usernamesOf(http.get(QStringLiteral("/v1/users?limit=200")));
        QVERIFY(all.contains(u"staff.b"));
        QVERIFY(all.contains(u"auditor.a"));
    }

    // Deactivation ends every session at once: the refresh tokens die with it.
    void deactivatingAUserRevokesTheirRefreshTokens()
    {
        const UserView victim = m_server->createUser(QStringLiteral("leaving.a"), kPassword,
                                                     {role::kPartnerStaff}, m_tenantA.id);
        const TokenPair one = m_server->login(victim.username, kPassword);
        const TokenPair two = m_server->login(victim.username, kPassword);
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("manager.a")));
        const test::TestResponse r =
            http.patch(userPath(victim.id), {{QStringLiteral("active"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("active")).toBool(true), false);

        test::TestHttpClient anonymous = m_server->client();
        for (const TokenPair *pair : {&one, &two}) {
            const test::TestResponse refresh =
                anonymous.post(QStringLiteral("/v1/auth/refresh"),
                               {{QStringLiteral("refresh_token"), pair->refreshToken}});
            QCOMPARE(refresh.status, 401);
        }
        DbRows q = m_server->appDb().exec(
            QStringLiteral(
                "SELECT count(*), count(*) FILTER (WHERE revoke_reason = 'user_disabled')"
                " FROM token_families WHERE user_id = ?::uuid"),
            {uuidText(victim.id)}, "families");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QCOMPARE(q.value(1).toInt(), 2);
        QCOMPARE(auditCount(QStringLiteral("auth.token_family.revoke"), victim.id), 1);
        const test::TestResponse login = anonymous.post(
            QStringLiteral("/v1/auth/login"), {{QStringLiteral("username"), victim.username},
                                               {QStringLiteral("password"), kPassword}});
        QCOMPARE(login.status, 401);
        QCOMPARE(login.problemSlug(), QStringLiteral("invalid-credentials"));
    }

    void adminCannotRemoveOwnAdminRoleOrDeactivateThemselves()
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("root.admin")));
        const test::TestResponse demote = http.patch(
            userPath(m_admin.id), {{QStringLiteral("roles"), QJsonArray{role::kAuditor}}});
        QCOMPARE(demote.status, 409);
        QCOMPARE(demote.problemSlug(), QStringLiteral("conflict"));
        const test::TestResponse off =
            http.patch(userPath(m_admin.id), {{QStringLiteral("active"), false}});
        QCOMPARE(off.status, 409);
        QCOMPARE(currentRoles(m_admin.id), QStringList{role::kAdmin});
        QVERIFY(userActive(m_admin.id));
        // Another admin may.
        test::TestHttpClient other = m_server->client();
        other.setBearer(tokenFor(QStringLiteral("second.admin")));
        QCOMPARE(
            other.patch(userPath(m_admin.id), {{QStringLiteral("roles"), QJsonArray{role::kAdmin}}})
                .status,
            200);
    }

    void anyoneReadsThemselvesButNotOthers()
    {
        test::TestHttpClient http = m_server->client();
        http.setBearer(tokenFor(QStringLiteral("staff.a")));
        const test::TestResponse self = http.get(userPath(m_staffA.id));
        QCOMPARE(self.status, 200);
        QCOMPARE(self.json().value(QStringLiteral("username")).toString(),
                 QStringLiteral("staff.a"));
        QCOMPARE(http.get(userPath(m_managerA.id)).status, 404);
        // Partner staff may not change anything, not even themselves.
        QCOMPARE(http.patch(userPath(m_staffA.id),
                            {{QStringLiteral("roles"), QJsonArray{role::kPartnerManager}}})
                     .status,
                 403);
    }

private:
    QString tokenFor(const QString &username)
    {
        return m_server->login(username, username == u"second.admin" ? kNewPassword : kPassword)
            .accessToken;
    }

    bool userActive(const QUuid &id)
    {
        DbRows q =
            m_server->appDb().exec(QStringLiteral("SELECT active FROM users WHERE id = ?::uuid"),
                                   {uuidText(id)}, "active");
        return q.next() && q.value(0).toBool();
    }

    bool userExists(const QString &username)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT count(*) FROM users WHERE lower(username) = lower(?)"),
            {username}, "exists");
        return q.next() && q.value(0).toInt() > 0;
    }

    QStringList currentRoles(const QUuid &id)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT array_to_string(roles, ',') FROM users WHERE id = ?::uuid"),
            {uuidText(id)}, "roles");
        return q.next() ? q.value(0).toString().split(u',') : QStringList();
    }

    int auditCount(const QString &action, const QUuid &user)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND resource = ?"),
            {action, QString(QStringLiteral("user:") + uuidText(user))}, "audit count");
        return q.next() ? q.value(0).toInt() : -1;
    }

    std::unique_ptr<test::TestServer> m_server;
    TenantView m_tenantA;
    TenantView m_tenantB;
    UserView m_admin;
    UserView m_auditor;
    UserView m_managerA;
    UserView m_staffA;
    UserView m_auditorA;
    UserView m_staffB;
};

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
