// /v1/promotions: create with strict validation, read, list with filters and
// cursors, PATCH (no DELETE: deactivation), redemptions, the tenant's
// settings; roles (partner_manager within its tenant and admin write; staff
// and auditors read; redemptions not for auditors), another tenant's
// promotion is a 404; an audit row for every create and change.
#include "bookingfixture.h"
#include "contract/timeformat.h"
#include "contractrecorder.h"
#include "manualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

QString promotionPath(const QString &id, const QString &suffix = {})
{
    return QStringLiteral("/v1/promotions/") + id + suffix;
}

} // namespace

class TestPromotions : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    QJsonObject validBody(const QString &code) const
    {
        return {{QStringLiteral("code"), code},
                {QStringLiteral("discount_percent"), 15},
                {QStringLiteral("valid_from"), QStringLiteral("2025-12-01T00:00:00-03:00")},
                {QStringLiteral("valid_until"), QStringLiteral("2026-03-01T00:00:00-03:00")}};
    }
    static QJsonObject with(QJsonObject o, const QJsonObject &more)
    {
        for (auto it = more.begin(); it != more.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
    test::TestResponse create(const QString &token, const QJsonObject &body)
    {
        return m_fixture->clientAs(token)->post(QStringLiteral("/v1/promotions"), body);
    }
    test::TestResponse put(const QString &token, const QString &path, const QJsonObject &body)
    {
        return m_fixture->clientAs(token)->request("PUT", path, QJsonDocument(body).toJson(),
                                                   {{"Content-Type", "application/json"}});
    }
    qint64 audits(const QString &action, const QString &resource)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND resource = ?"),
            {action, resource});
    }
    qint64 promotions()
    {
        return BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM promotions"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_server = std::make_unique<test::TestServer>(
            m_clock, [](ServerConfig &c) { c.runBackgroundJobs = false; });
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("promos"));
        m_other = m_fixture->addTenant(QStringLiteral("promos-other"));
        m_admin = m_fixture->addUser(QStringLiteral("promo-admin"), {QStringLiteral("admin")});
        m_auditor = m_fixture->addUser(QStringLiteral("promo-auditor"), {QStringLiteral("auditor")},
                                       m_tenant.id);
        m_product = m_fixture->createProduct(m_tenant.managerToken);
        m_foreignProduct = m_fixture->createProduct(m_other.managerToken);
        QVERIFY(!m_product.isNull() && !m_foreignProduct.isNull());
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }

    void managerCreatesAndEveryoneInTheTenantReads()
    {
        const test::TestResponse r = create(
            m_tenant.managerToken,
            with(validBody(QStringLiteral("Summer-15")),
                 {{QStringLiteral("product_ids"), QJsonArray{BookingFixture::idText(m_product)}},
                  {QStringLiteral("max_redemptions"), 100},
                  {QStringLiteral("per_customer_limit"), 1},
                  {QStringLiteral("currency"), QStringLiteral("USD")},
                  {QStringLiteral("budget_minor"), 500000},
                  {QStringLiteral("min_amount_minor"), 1000}}));
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject p = r.json();
        const QString id = p.value(QStringLiteral("id")).toString();
        QCOMPARE(p.value(QStringLiteral("code")).toString(), QStringLiteral("SUMMER-15"));
        QCOMPARE(p.value(QStringLiteral("discount_percent")).toDouble(), 15.0);
        QVERIFY(p.value(QStringLiteral("discount_minor")).isNull());
        QCOMPARE(p.value(QStringLiteral("tenant_id")).toString(),
                 BookingFixture::idText(m_tenant.id));
        // Stored in UTC whatever the offset sent.
        QCOMPARE(p.value(QStringLiteral("valid_from")).toString(),
                 QStringLiteral("2025-12-01T03:00:00.000Z"));
        QCOMPARE(p.value(QStringLiteral("redeemed")).toInt(-1), 0);
        QCOMPARE(p.value(QStringLiteral("stackable")).toBool(true), false);
        QCOMPARE(p.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(r.header("location"), promotionPath(id).toLatin1());
        QCOMPARE(audits(QStringLiteral("promotion.create"), QStringLiteral("promotion:") + id), 1);

        for (const QString &token :
             {m_tenant.staffToken, m_auditor, m_admin, m_tenant.managerToken}) {
            const test::TestResponse read = m_fixture->clientAs(token)->get(promotionPath(id));
            QCOMPARE(read.status, 200);
            QCOMPARE(read.json(), p);
        }
        // Another tenant's promotion does not exist for them.
        QCOMPARE(m_fixture->clientAs(m_other.managerToken)->get(promotionPath(id)).status, 404);
        QCOMPARE(m_fixture->clientAs(m_other.staffToken)->get(promotionPath(id)).status, 404);
        QCOMPARE(m_fixture->clientAs(m_other.managerToken)
                     ->patch(promotionPath(id), {{QStringLiteral("active"), false}})
                     .status,
                 404);
        QCOMPARE(m_fixture->clientAs(m_other.managerToken)
                     ->get(promotionPath(id, QStringLiteral("/redemptions")))
                     .status,
                 404);
        // The same code, any case, is taken in this tenant but free in another.
        const test::TestResponse again =
            create(m_tenant.managerToken, validBody(QStringLiteral("summer-15")));
        QCOMPARE(again.status, 409);
        QCOMPARE(create(m_other.managerToken, validBody(QStringLiteral("summer-15"))).status, 201);
    }

    void onlyManagersAndAdminsWrite()
    {
        const qint64 before = promotions();
        QCOMPARE(create(m_tenant.staffToken, validBody(QStringLiteral("STAFF-MADE"))).status, 403);
        QCOMPARE(create(m_auditor, validBody(QStringLiteral("AUDIT-MADE"))).status, 403);
        // A manager names no other tenant; an admin must name one.
        QCOMPARE(BookingFixture::problemField(create(
                     m_tenant.managerToken,
                     with(validBody(QStringLiteral("ELSEWHERE")),
                          {{QStringLiteral("tenant_id"), BookingFixture::idText(m_other.id)}}))),
                 QStringLiteral("tenant_id"));
        QCOMPARE(
            BookingFixture::problemField(create(m_admin, validBody(QStringLiteral("NOWHERE")))),
            QStringLiteral("tenant_id"));
        QCOMPARE(promotions(), before);
        const test::TestResponse admin = create(
            m_admin, with(validBody(QStringLiteral("ADMIN-MADE")),
                          {{QStringLiteral("tenant_id"), BookingFixture::idText(m_other.id)}}));
        QCOMPARE(admin.status, 201);
        const QString id = admin.json().value(QStringLiteral("id")).toString();
        QCOMPARE(m_fixture->clientAs(m_tenant.staffToken)
                     ->patch(promotionPath(id), {{QStringLiteral("active"), false}})
                     .status,
                 403);
        QCOMPARE(m_fixture->clientAs(m_admin)
                     ->patch(promotionPath(id), {{QStringLiteral("active"), false}})
                     .status,
                 200);
        // Auditors read promotions, not redemptions (customer emails).
        QCOMPARE(m_fixture->clientAs(m_auditor)->get(QStringLiteral("/v1/promotions")).status, 200);
        const QString own = create(m_tenant.managerToken, validBody(QStringLiteral("FOR-AUDIT")))
                                .json()
                                .value(QStringLiteral("id"))
                                .toString();
        QCOMPARE(m_fixture->clientAs(m_auditor)
                     ->get(promotionPath(own, QStringLiteral("/redemptions")))
                     .status,
                 403);
        QCOMPARE(m_fixture->clientAs(m_tenant.staffToken)
                     ->get(promotionPath(own, QStringLiteral("/redemptions")))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
    }

    void invalidBodiesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QString>("field");
        const QStringList none;
        QTest::newRow("unknown field")
            << QJsonObject{{QStringLiteral("discount"), 5}} << none << QStringLiteral("discount");
        QTest::newRow("both discounts")
            << QJsonObject{{QStringLiteral("discount_minor"), 100},
                           {QStringLiteral("currency"), QStringLiteral("USD")}}
            << none << QStringLiteral("discount_percent");
        QTest::newRow("no discount")
            << QJsonObject{} << QStringList{QStringLiteral("discount_percent")}
            << QStringLiteral("discount_percent");
        QTest::newRow("percent 0") << QJsonObject{{QStringLiteral("discount_percent"), 0}} << none
                                   << QStringLiteral("discount_percent");
        QTest::newRow("percent over 100")
            << QJsonObject{{QStringLiteral("discount_percent"), 100.5}} << none
            << QStringLiteral("discount_percent");
        QTest::newRow("percent three decimals")
            << QJsonObject{{QStringLiteral("discount_percent"), 12.345}} << none
            << QStringLiteral("discount_percent");
        QTest::newRow("percent as text")
            << QJsonObject{{QStringLiteral("discount_percent"), QStringLiteral("10")}} << none
            << QStringLiteral("discount_percent");
        QTest::newRow("fixed without currency")
            << QJsonObject{{QStringLiteral("discount_minor"), 100}}
            << QStringList{QStringLiteral("discount_percent")} << QStringLiteral("currency");
        QTest::newRow("budget without currency")
            << QJsonObject{{QStringLiteral("budget_minor"), 100}} << none
            << QStringLiteral("currency");
        QTest::newRow("minimum without currency")
            << QJsonObject{{QStringLiteral("min_amount_minor"), 100}} << none
            << QStringLiteral("currency");
        QTest::newRow("unknown currency")
            << QJsonObject{{QStringLiteral("currency"), QStringLiteral("XXX")}} << none
            << QStringLiteral("currency");
        QTest::newRow("window backwards")
            << QJsonObject{{QStringLiteral("valid_until"),
                            QStringLiteral("2025-11-30T23:00:00-03:00")}}
            << none << QStringLiteral("valid_until");
        QTest::newRow("empty window")
            << QJsonObject{{QStringLiteral("valid_until"), QStringLiteral("2025-12-01T03:00:00Z")}}
            << none << QStringLiteral("valid_until");
        QTest::newRow("time without zone")
            << QJsonObject{{QStringLiteral("valid_from"), QStringLiteral("2025-12-01T00:00:00")}}
            << none << QStringLiteral("valid_from");
        QTest::newRow("negative cap") << QJsonObject{{QStringLiteral("max_redemptions"), -1}}
                                      << none << QStringLiteral("max_redemptions");
        QTest::newRow("negative per customer")
            << QJsonObject{{QStringLiteral("per_customer_limit"), -1}} << none
            << QStringLiteral("per_customer_limit");
        QTest::newRow("negative budget")
            << QJsonObject{{QStringLiteral("budget_minor"), -5},
                           {QStringLiteral("currency"), QStringLiteral("USD")}}
            << none << QStringLiteral("budget_minor");
        QTest::newRow("bad code") << QJsonObject{{QStringLiteral("code"),
                                                  QStringLiteral("no spaces")}}
                                  << none << QStringLiteral("code");
        QTest::newRow("short code") << QJsonObject{{QStringLiteral("code"), QStringLiteral("AB")}}
                                    << none << QStringLiteral("code");
        QTest::newRow("another tenant's product")
            << QJsonObject{{QStringLiteral("product_ids"), QJsonArray{QStringLiteral("FOREIGN")}}}
            << none << QStringLiteral("product_ids");
        QTest::newRow("unknown product")
            << QJsonObject{{QStringLiteral("product_ids"),
                            QJsonArray{QUuid::createUuid().toString(QUuid::WithoutBraces)}}}
            << none << QStringLiteral("product_ids");
        QTest::newRow("server counter")
            << QJsonObject{{QStringLiteral("redeemed"), 3}} << none << QStringLiteral("redeemed");
    }
    void invalidBodiesAreRefusedNamingTheField()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QStringList, remove);
        QFETCH(QString, field);
        QJsonObject body = with(validBody(QStringLiteral("BAD-BODY")), changes);
        if (body.value(QStringLiteral("product_ids")).toArray().contains(QStringLiteral("FOREIGN")))
            body.insert(QStringLiteral("product_ids"),
                        QJsonArray{BookingFixture::idText(m_foreignProduct)});
        for (const QString &name : remove)
            body.remove(name);
        const qint64 rows = promotions();
        const test::TestResponse r = create(m_tenant.managerToken, body);
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(r.problemSlug(), QStringLiteral("validation-failed"));
        QCOMPARE(BookingFixture::problemField(r), field);
        QCOMPARE(promotions(), rows);
    }

    void patchChangesAllowedFieldsUnderAudit()
    {
        const test::TestResponse created =
            create(m_tenant.managerToken, validBody(QStringLiteral("PATCH-ME")));
        const QString id = created.json().value(QStringLiteral("id")).toString();
        const auto http = m_fixture->clientAs(m_tenant.managerToken);
        const test::TestResponse r =
            http->patch(promotionPath(id), {{QStringLiteral("active"), false},
                                            {QStringLiteral("max_redemptions"), 3},
                                            {QStringLiteral("code"), QStringLiteral("patched")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("active")).toBool(true), false);
        QCOMPARE(r.json().value(QStringLiteral("max_redemptions")).toInt(), 3);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("PATCHED"));
        QCOMPARE(audits(QStringLiteral("promotion.update"), QStringLiteral("promotion:") + id), 1);

        QCOMPARE(create(m_tenant.managerToken, validBody(QStringLiteral("TAKEN"))).status, 201);
        const qint64 auditBefore = BookingFixture::writeCounts(db()).auditRows;
        for (const QJsonObject &bad :
             {QJsonObject{{QStringLiteral("discount_percent"), 20}},
              QJsonObject{{QStringLiteral("currency"), QStringLiteral("USD")}},
              QJsonObject{{QStringLiteral("valid_until"), QStringLiteral("2025-01-01T00:00:00Z")}},
              QJsonObject{{QStringLiteral("budget_minor"), 10}},
              QJsonObject{{QStringLiteral("unknown"), 1}}, QJsonObject{}}) {
            QCOMPARE(http->patch(promotionPath(id), bad).status, 400);
        }
        // Another promotion's code is taken.
        QCOMPARE(http->patch(promotionPath(id), {{QStringLiteral("code"), QStringLiteral("taken")}})
                     .status,
                 409);
        QCOMPARE(BookingFixture::writeCounts(db()).auditRows, auditBefore);
        QCOMPARE(http->request("DELETE", promotionPath(id)).status, 405);
    }

    void listFiltersAndPages()
    {
        const test::BookingTenant lister = m_fixture->addTenant(QStringLiteral("promo-lister"));
        const QUuid product = m_fixture->createProduct(lister.managerToken);
        QStringList codes;
        for (int i = 0; i < 7; ++i) {
            const QString code = QStringLiteral("LIST-%1").arg(i);
            QJsonObject body = validBody(code);
            if (i % 2)
                body.insert(QStringLiteral("active"), false);
            if (i == 3)
                body.insert(QStringLiteral("product_ids"),
                            QJsonArray{BookingFixture::idText(product)});
            if (i == 4)
                body.insert(QStringLiteral("product_ids"),
                            QJsonArray{BookingFixture::idText(
                                m_fixture->createProduct(lister.managerToken))});
            QCOMPARE(create(lister.managerToken, body).status, 201);
            codes << code;
        }
        const auto http = m_fixture->clientAs(lister.staffToken);
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            const test::TestResponse r =
                http->get(QStringLiteral("/v1/promotions?limit=3") +
                          (cursor.isEmpty() ? QString() : QStringLiteral("&after=") + cursor));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                seen << v.toObject().value(QStringLiteral("code")).toString();
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen, codes); // only this tenant's, by code
        auto codesOf = [&](const QString &query) {
            QStringList out;
            const test::TestResponse r = http->get(QStringLiteral("/v1/promotions?") + query);
            for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                out << v.toObject().value(QStringLiteral("code")).toString();
            return out;
        };
        QCOMPARE(codesOf(QStringLiteral("active=false")),
                 (QStringList{QStringLiteral("LIST-1"), QStringLiteral("LIST-3"),
                              QStringLiteral("LIST-5")}));
        QCOMPARE(codesOf(QStringLiteral("code=list-2")), QStringList{QStringLiteral("LIST-2")});
        QCOMPARE(codesOf(QStringLiteral("product=") + BookingFixture::idText(product)),
                 (QStringList{QStringLiteral("LIST-0"), QStringLiteral("LIST-1"),
                              QStringLiteral("LIST-2"), QStringLiteral("LIST-3"),
                              QStringLiteral("LIST-5"), QStringLiteral("LIST-6")}));
        QCOMPARE(http->get(QStringLiteral("/v1/promotions?active=maybe")).status, 400);
        QCOMPARE(http->get(QStringLiteral("/v1/promotions?after=%%%")).status, 400);
        // The admin sees one tenant with tenant_id.
        QCOMPARE(m_fixture->clientAs(m_admin)
                     ->get(QStringLiteral("/v1/promotions?limit=200&tenant_id=") +
                           BookingFixture::idText(lister.id))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 7);
    }

    void settingsAreReadAndSetWithinTheTenant()
    {
        const QString path = QStringLiteral("/v1/promotions/settings");
        const test::TestResponse initial = m_fixture->clientAs(m_tenant.managerToken)->get(path);
        QCOMPARE(initial.status, 200);
        QCOMPARE(initial.json().value(QStringLiteral("release_on_refund")).toBool(true), false);
        QCOMPARE(initial.json().value(QStringLiteral("tenant_id")).toString(),
                 BookingFixture::idText(m_tenant.id));
        QCOMPARE(m_fixture->clientAs(m_tenant.staffToken)->get(path).status, 403);
        QCOMPARE(
            put(m_tenant.staffToken, path, {{QStringLiteral("release_on_refund"), true}}).status,
            403);
        QCOMPARE(put(m_tenant.managerToken, path,
                     {{QStringLiteral("release_on_refund"), true},
                      {QStringLiteral("tenant_id"), BookingFixture::idText(m_other.id)}})
                     .status,
                 400);
        QCOMPARE(
            put(m_tenant.managerToken, path, {{QStringLiteral("release_on_refund"), 1}}).status,
            400);
        const test::TestResponse set =
            put(m_tenant.managerToken, path, {{QStringLiteral("release_on_refund"), true}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json().value(QStringLiteral("release_on_refund")).toBool(), true);
        QCOMPARE(audits(QStringLiteral("promotion.settings"),
                        QStringLiteral("tenant:") + BookingFixture::idText(m_tenant.id)),
                 1);
        // The other tenant is untouched; the admin names the tenant.
        QCOMPARE(m_fixture->clientAs(m_other.managerToken)
                     ->get(path)
                     .json()
                     .value(QStringLiteral("release_on_refund"))
                     .toBool(true),
                 false);
        QCOMPARE(m_fixture->clientAs(m_admin)->get(path).status, 400);
        QCOMPARE(
            m_fixture->clientAs(m_admin)
                ->get(path + QStringLiteral("?tenant_id=") + BookingFixture::idText(m_tenant.id))
                .json()
                .value(QStringLiteral("release_on_refund"))
                .toBool(),
            true);
        QCOMPARE(put(m_admin, path,
                     {{QStringLiteral("release_on_refund"), false},
                      {QStringLiteral("tenant_id"), BookingFixture::idText(m_tenant.id)}})
                     .status,
                 200);
        QCOMPARE(m_fixture->clientAs(m_tenant.managerToken)
                     ->get(path)
                     .json()
                     .value(QStringLiteral("release_on_refund"))
                     .toBool(true),
                 false);
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    test::BookingTenant m_other;
    QString m_admin;
    QString m_auditor;
    QUuid m_product;
    QUuid m_foreignProduct;
};

QTEST_GUILESS_MAIN(TestPromotions)
#include "tst_promotions.moc"
