// Catalog import through POST /v1/catalog/imports: the fixture feeds (JSON
// and CSV) give exactly the expected report and catalog; re-importing
// updates instead of duplicating; a dry run writes nothing; a slot's capacity
// never drops below its seats; who may import into which tenant; whole-feed
// refusals.
#include "bookingfixture.h"
#include "contract/timeformat.h"
#include "db/sqlvalues.h"
#include "manualclock.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

// Ids are the server's: the report shows "<id>" where one was given.
QJsonValue withoutIds(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(withoutIds(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const bool id =
            it.key() == u"product_id" || it.key() == u"slot_id" || it.key() == u"tenant_id";
        out.insert(it.key(), id && it.value().isString() ? QJsonValue(QStringLiteral("<id>"))
                                                         : withoutIds(it.value()));
    }
    return out;
}

// What a report says, without any id or the dry-run flag.
QJsonValue actionsOf(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(actionsOf(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.key().endsWith(u"_id") || it.key() == u"external_id") {
            if (it.key() != u"dry_run")
                out.insert(it.key(), actionsOf(it.value()));
        }
    }
    return out;
}

QByteArray pretty(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson() : QJsonDocument(v.toObject()).toJson();
}

} // namespace

class TestCatalogImport : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    test::TestResponse import(const QString &token, const QByteArray &body, const QString &query,
                              const QByteArray &contentType = "application/json")
    {
        return m_fixture->clientAs(token)->request("POST",
                                                   QStringLiteral("/v1/catalog/imports?") + query,
                                                   body, {{"Content-Type", contentType}});
    }

    // The tenant's imported catalog as the fixture states it: products by
    // external id, each with its slots by external id.
    QJsonArray catalogOf(const QUuid &tenant)
    {
        DbRows q = db().exec(
            QStringLiteral("SELECT p.external_id, p.name, p.kind, p.transfer_kind, p.description,"
                           " p.price_minor, p.currency, p.active, s.external_id, s.starts_at,"
                           " s.duration_minutes, s.capacity FROM products p LEFT JOIN slots s"
                           " ON s.product_id = p.id WHERE p.tenant_id = ?::uuid"
                           " ORDER BY p.external_id, s.external_id"),
            {sql::uuid(tenant)}, "test catalog");
        QJsonArray products;
        QJsonObject current;
        QJsonArray slots;
        const auto flush = [&] {
            if (current.isEmpty())
                return;
            current.insert(QStringLiteral("slots"), slots);
            products.append(current);
            current = {};
            slots = {};
        };
        while (q.next()) {
            if (q.value(0).toString() != current.value(u"external_id").toString()) {
                flush();
                current = {{QStringLiteral("external_id"), q.value(0).toString()},
                           {QStringLiteral("name"), q.value(1).toString()},
                           {QStringLiteral("kind"), q.value(2).toString()},
                           {QStringLiteral("transfer_kind"),
                            q.value(3).isNull() ? QJsonValue() : q.value(3).toString()},
                           {QStringLiteral("description"), q.value(4).toString()},
                           {QStringLiteral("price_minor"), q.value(5).toLongLong()},
                           {QStringLiteral("currency"), q.value(6).toString()},
                           {QStringLiteral("active"), q.value(7).toBool()}};
            }
            if (!q.value(8).isNull())
                slots.append(
                    QJsonObject{{QStringLiteral("external_id"), q.value(8).toString()},
                                {QStringLiteral("starts_at"), toRfc3339(sql::toUtc(q.value(9)))},
                                {QStringLiteral("duration_minutes"), q.value(10).toInt()},
                                {QStringLiteral("capacity"), q.value(11).toInt()}});
        }
        flush();
        return products;
    }

    void compareWithExpected(const QJsonValue &actual, const QString &expectedFile)
    {
        const QJsonDocument expected = QJsonDocument::fromJson(test::readTestData(expectedFile));
        const QJsonValue want =
            expected.isArray() ? QJsonValue(expected.array()) : QJsonValue(expected.object());
        if (actual != want)
            qWarning("%s differs; actual:\n%s", qPrintable(expectedFile),
                     pretty(actual).constData());
        QVERIFY(actual == want);
    }

    qint64 count(const QString &sql) { return BookingFixture::count(db(), sql); }

private Q_SLOTS:
    void initTestCase()
    {
        // The fixtures' slots are in 2018: the import's "now" is before them
        // (but after one slot, which is skipped as past).
        m_clock.set(QDateTime(QDate(2017, 12, 1), QTime(0, 0), Qt::UTC));
        m_server = std::make_unique<test::TestServer>(m_clock);
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_andes = m_fixture->addTenant(QStringLiteral("andes"));
        m_pampa = m_fixture->addTenant(QStringLiteral("pampa"));
        m_admin = m_fixture->addUser(QStringLiteral("import-admin"), {QStringLiteral("admin")});
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
    }

    void jsonFixtureGivesTheExpectedReportAndCatalog()
    {
        const auto r = import(m_andes.managerToken,
                              test::readTestData(QStringLiteral("feeds/andes-trails.json")),
                              QStringLiteral("provider=andes-trails"));
        QCOMPARE(r.status, 200);
        compareWithExpected(withoutIds(r.json()), QStringLiteral("feeds/andes-trails.report.json"));
        compareWithExpected(catalogOf(m_andes.id),
                            QStringLiteral("feeds/andes-trails.catalog.json"));
        // Each changed row has its audit row, and the run its summary.
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                 "'catalog.import.row' AND detail->>'provider' = 'andes-trails'")),
            qint64(4));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                 "'catalog.import' AND detail->>'provider' = 'andes-trails'"
                                 " AND outcome = 'failure' AND (detail->>'rejected')::int = 8")),
            qint64(1));
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        const QByteArray feed = test::readTestData(QStringLiteral("feeds/andes-trails.json"));
        const qint64 products = count(QStringLiteral("SELECT count(*) FROM products"));
        const qint64 slots = count(QStringLiteral("SELECT count(*) FROM slots"));
        const QJsonArray before = catalogOf(m_andes.id);
        const auto again =
            import(m_andes.managerToken, feed, QStringLiteral("provider=andes-trails"));
        QCOMPARE(again.status, 200);
        const QJsonObject report = again.json();
        QCOMPARE(report.value(u"created").toInt(), 0);
        QCOMPARE(report.value(u"updated").toInt(), 0);
        QCOMPARE(report.value(u"unchanged").toInt(), 4);
        QCOMPARE(report.value(u"rejected").toInt(), 8);
        QCOMPARE(report.value(u"slots").toObject().value(u"created").toInt(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM products")), products);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM slots")), slots);
        QCOMPARE(catalogOf(m_andes.id), before);

        // A changed price and a moved slot update the same rows.
        QByteArray changed = feed;
        changed.replace("\"189.90\"", "\"199.90\"");
        changed.replace("\"2018-03-10T09:00\"", "\"2018-03-10T10:00\"");
        const auto updated =
            import(m_andes.managerToken, changed, QStringLiteral("provider=andes-trails"));
        QCOMPARE(updated.status, 200);
        const QJsonObject row = updated.json().value(u"rows").toArray().at(0).toObject();
        QCOMPARE(row.value(u"action").toString(), QStringLiteral("updated"));
        const QJsonArray slotActions = row.value(u"slots").toArray();
        QCOMPARE(slotActions.at(0).toObject().value(u"action").toString(),
                 QStringLiteral("unchanged"));
        QCOMPARE(slotActions.at(1).toObject().value(u"action").toString(),
                 QStringLiteral("updated"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM products")), products);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM slots")), slots);
        QCOMPARE(
            BookingFixture::count(db(),
                                  QStringLiteral("SELECT price_minor FROM products WHERE "
                                                 "external_id = 'P-100' AND tenant_id = ?::uuid"),
                                  {sql::uuid(m_andes.id)}),
            qint64(19990));
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT extract(epoch FROM starts_at)::bigint FROM slots"
                                    " WHERE external_id = 'S-100-2' AND tenant_id = ?::uuid"),
                     {sql::uuid(m_andes.id)}),
                 QDateTime(QDate(2018, 3, 10), QTime(13, 0), Qt::UTC).toSecsSinceEpoch());
    }

    void csvFixtureGivesTheExpectedReportAndCatalog()
    {
        const auto r = import(m_pampa.managerToken,
                              test::readTestData(QStringLiteral("feeds/pampa-tours.csv")),
                              QStringLiteral("provider=pampa-tours"), "text/csv; charset=utf-8");
        QCOMPARE(r.status, 200);
        compareWithExpected(withoutIds(r.json()), QStringLiteral("feeds/pampa-tours.report.json"));
        compareWithExpected(catalogOf(m_pampa.id),
                            QStringLiteral("feeds/pampa-tours.catalog.json"));
    }

    void dryRunReportsTheSameAndWritesNothing()
    {
        const QString tenantSlug = QStringLiteral("dry");
        const test::BookingTenant dry = m_fixture->addTenant(tenantSlug);
        const QByteArray feed = test::readTestData(QStringLiteral("feeds/andes-trails.json"));
        const auto countsNow = [&] {
            return QList<qint64>{count(QStringLiteral("SELECT count(*) FROM products")),
                                 count(QStringLiteral("SELECT count(*) FROM slots")),
                                 count(QStringLiteral("SELECT count(*) FROM audit_log"))};
        };
        const QList<qint64> before = countsNow();
        const auto dryRun =
            import(dry.managerToken, feed, QStringLiteral("provider=andes-trails&dry_run=true"));
        QCOMPARE(dryRun.status, 200);
        QCOMPARE(countsNow(), before);
        QVERIFY(dryRun.json().value(u"dry_run").toBool());
        // What it would create has no id yet.
        const QJsonObject first = dryRun.json().value(u"rows").toArray().at(0).toObject();
        QVERIFY(first.value(u"product_id").isNull());

        const auto real =
            import(dry.managerToken, feed, QStringLiteral("provider=andes-trails&dry_run=false"));
        QCOMPARE(real.status, 200);
        // The same actions and reasons; only the ids of what was created differ.
        const QJsonValue expected = actionsOf(dryRun.json());
        const QJsonValue actual = actionsOf(real.json());
        QCOMPARE(actual, expected);

        // A dry run over an imported catalog changes nothing either.
        QByteArray changed = feed;
        changed.replace("\"189.90\"", "\"1.00\"");
        const QList<qint64> afterImport = countsNow();
        const QJsonArray catalog = catalogOf(dry.id);
        const auto wouldUpdate =
            import(dry.managerToken, changed, QStringLiteral("provider=andes-trails&dry_run=true"));
        QCOMPARE(wouldUpdate.json().value(u"updated").toInt(), 1);
        QCOMPARE(countsNow(), afterImport);
        QCOMPARE(catalogOf(dry.id), catalog);
    }

    void capacityNeverDropsBelowSeatsTaken()
    {
        const test::BookingTenant t = m_fixture->addTenant(QStringLiteral("seats"));
        const auto feed = [](int capacity, const char *price) {
            return QStringLiteral(R"({"products": [{"external_id": "K-1", "name": "Kayak",
                "kind": "tour", "price": "%1", "currency": "USD", "duration_minutes": 60,
                "slots": [{"external_id": "K-1-a", "starts_at": "2018-06-01T12:00:00Z",
                           "capacity": %2}]}]})")
                .arg(QLatin1String(price))
                .arg(capacity)
                .toUtf8();
        };
        QCOMPARE(
            import(t.managerToken, feed(10, "10.00"), QStringLiteral("provider=kayaks")).status,
            200);
        DbRows found = db().exec(QStringLiteral("SELECT id FROM slots WHERE external_id = 'K-1-a'"),
                                 {}, "test slot");
        const QUuid slot = found.next() ? sql::toUuid(found.value(0)) : QUuid();
        QVERIFY(!slot.isNull());
        const auto http = m_fixture->clientAs(t.staffToken);
        QCOMPARE(BookingFixture::book(*http, slot, 6, "seats-1").status, 201);

        // Capacity 5 < 6 seats: the whole row is refused, its price included.
        const auto refused =
            import(t.managerToken, feed(5, "12.00"), QStringLiteral("provider=kayaks"));
        QCOMPARE(refused.status, 200);
        const QJsonObject row = refused.json().value(u"rows").toArray().at(0).toObject();
        QCOMPARE(row.value(u"action").toString(), QStringLiteral("rejected"));
        QCOMPARE(
            row.value(u"reason").toString(),
            QStringLiteral("slots[0].capacity: 5 is below the 6 seat(s) already held or sold"));
        QCOMPARE(BookingFixture::count(
                     db(), QStringLiteral("SELECT capacity FROM slots WHERE id = ?::uuid"),
                     {sql::uuid(slot)}),
                 qint64(10));
        QCOMPARE(
            count(QStringLiteral("SELECT price_minor FROM products WHERE external_id = 'K-1'")),
            qint64(1000));
        // Exactly the seats taken is fine.
        const auto fits =
            import(t.managerToken, feed(6, "12.00"), QStringLiteral("provider=kayaks"));
        QCOMPARE(fits.json().value(u"updated").toInt(), 1);
        QCOMPARE(BookingFixture::count(
                     db(), QStringLiteral("SELECT capacity FROM slots WHERE id = ?::uuid"),
                     {sql::uuid(slot)}),
                 qint64(6));
        QVERIFY2(BookingFixture::seatInvariantViolations(db()).isEmpty(),
                 qPrintable(BookingFixture::seatInvariantViolations(db())));
    }

    void whoMayImportWhere()
    {
        const QByteArray feed = R"({"products": [{"external_id": "W-1", "name": "Walk",
            "kind": "tour", "price": "5.00", "currency": "USD"}]})";
        const QString q = QStringLiteral("provider=rbac");
        // Staff and auditors may not import.
        QCOMPARE(import(m_andes.staffToken, feed, q).status, 403);
        const QString auditor =
            m_fixture->addUser(QStringLiteral("import-auditor"), {QStringLiteral("auditor")});
        QCOMPARE(import(auditor, feed, q).status, 403);
        // A partner manager imports into its own tenant only.
        QCOMPARE(import(m_andes.managerToken, feed, q + QStringLiteral("&tenant=pampa")).status,
                 404);
        QCOMPARE(import(m_andes.managerToken, feed, q + QStringLiteral("&tenant=nowhere")).status,
                 404);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM products WHERE external_id = 'W-1'")),
                 qint64(0));
        QCOMPARE(import(m_andes.managerToken, feed, q + QStringLiteral("&tenant=andes")).status,
                 200);
        QCOMPARE(
            BookingFixture::count(db(),
                                  QStringLiteral("SELECT count(*) FROM products WHERE "
                                                 "external_id = 'W-1' AND tenant_id = ?::uuid"),
                                  {sql::uuid(m_andes.id)}),
            qint64(1));
        // An admin names the tenant.
        const auto noTenant = import(m_admin, feed, q);
        QCOMPARE(noTenant.status, 400);
        QCOMPARE(BookingFixture::problemField(noTenant), QStringLiteral("tenant"));
        QCOMPARE(BookingFixture::problemField(
                     import(m_admin, feed, q + QStringLiteral("&tenant=nowhere"))),
                 QStringLiteral("tenant"));
        QCOMPARE(import(m_admin, feed, q + QStringLiteral("&tenant=pampa")).status, 200);
        QCOMPARE(
            BookingFixture::count(db(),
                                  QStringLiteral("SELECT count(*) FROM products WHERE "
                                                 "external_id = 'W-1' AND tenant_id = ?::uuid"),
                                  {sql::uuid(m_pampa.id)}),
            qint64(1));
    }

    void refusesAFeedThatCannotBeRead_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QByteArray ok = R"({"products": []})";
        const QString q = QStringLiteral("provider=edge");
        QTest::newRow("plain text") << ok << QByteArray("text/plain") << q << 415 << QString();
        QTest::newRow("not json") << QByteArray("{\"products\": [")
                                  << QByteArray("application/json") << q << 400 << QString();
        QTest::newRow("no products") << QByteArray("{}") << QByteArray("application/json") << q
                                     << 400 << QStringLiteral("products");
        QTest::newRow("unknown top-level field")
            << QByteArray(R"({"products": [], "vendor": "x"})") << QByteArray("application/json")
            << q << 400 << QStringLiteral("vendor");
        QTest::newRow("another provider")
            << QByteArray(R"({"provider": "other", "products": []})")
            << QByteArray("application/json") << q << 400 << QStringLiteral("provider");
        QTest::newRow("unknown zone")
            << QByteArray(R"({"time_zone": "Mars/Olympus_Mons", "products": []})")
            << QByteArray("application/json") << q << 400 << QStringLiteral("time_zone");
        QTest::newRow("no provider") << ok << QByteArray("application/json") << QString() << 400
                                     << QStringLiteral("provider");
        QTest::newRow("bad provider")
            << ok << QByteArray("application/json") << QStringLiteral("provider=-x") << 400
            << QStringLiteral("provider");
        QTest::newRow("bad dry_run")
            << ok << QByteArray("application/json") << q + QStringLiteral("&dry_run=yes") << 400
            << QStringLiteral("dry_run");
        QTest::newRow("csv unknown column")
            << QByteArray("product_external_id,name,kind,price,currency,colour\r\n")
            << QByteArray("text/csv") << q << 400 << QStringLiteral("csv.colour");
        QTest::newRow("csv missing column")
            << QByteArray("product_external_id,name,kind,price\n") << QByteArray("text/csv") << q
            << 400 << QStringLiteral("csv.currency");
        QTest::newRow("csv unclosed quote")
            << QByteArray("product_external_id,name,kind,price,currency\nA,\"open,tour,1,USD\n")
            << QByteArray("text/csv") << q << 400 << QString();
        QTest::newRow("csv not utf-8")
            << QByteArray("product_external_id,name,kind,price,currency\nA,Caf\xe9,tour,1,USD\n")
            << QByteArray("text/csv") << q << 400 << QString();
    }
    void refusesAFeedThatCannotBeRead()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, field);
        const qint64 audits = count(QStringLiteral("SELECT count(*) FROM audit_log"));
        const auto r = import(m_andes.managerToken, body, query, contentType);
        QCOMPARE(r.status, status);
        if (!field.isEmpty())
            QCOMPARE(BookingFixture::problemField(r), field);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), audits);
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_andes;
    test::BookingTenant m_pampa;
    QString m_admin;
};

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "tst_catalogimport.moc"
