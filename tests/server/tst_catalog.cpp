// The catalog: products and slots, who may write them, what they accept,
// capacity changes under the slot's row lock, availability ranges, cursor
// paging, tenant isolation on every route, and the audit rows of each write.
#include "bookingfixture.h"
#include "contract/timeformat.h"
#include "contractrecorder.h"
#include "db/sqlvalues.h"
#include "http/router.h"
#include "manualclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

QString productPath(const QUuid &id, const QString &suffix = {})
{
    return QStringLiteral("/v1/products/") + BookingFixture::idText(id) + suffix;
}
QString slotPath(const QUuid &id)
{
    return QStringLiteral("/v1/slots/") + BookingFixture::idText(id);
}
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QString queryString(const QList<QPair<QString, QString>> &items)
{
    QUrlQuery q;
    for (const auto &[name, value] : items)
        q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return q.toString(QUrl::FullyEncoded);
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private:
    test::TestServer &server() { return *m_server; }
    DbConnection &db() { return server().appDb(); }

    QJsonObject productBody(const QJsonObject &fields = {}) const
    {
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("City lights")},
                         {QStringLiteral("kind"), QStringLiteral("tour")},
                         {QStringLiteral("description"), QStringLiteral("Two hours by night.")},
                         {QStringLiteral("price_minor"), 4990},
                         {QStringLiteral("currency"), QStringLiteral("EUR")}};
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.value().isNull()) // null: leave the field out
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        return body;
    }

    QJsonObject slotBody(const QJsonObject &fields = {}) const
    {
        QJsonObject body{{QStringLiteral("starts_at"), toRfc3339(m_clock.now().addDays(7))},
                         {QStringLiteral("duration_minutes"), 90},
                         {QStringLiteral("capacity"), 12}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
        return body;
    }

    test::TestResponse send(const QString &token, const QByteArray &method, const QString &path,
                            const QJsonObject &body = {})
    {
        return m_fixture->clientAs(token)->request(
            method, path, body.isEmpty() && method == "GET" ? QByteArray() : compact(body));
    }

    qint64 auditCount(const QString &action, const QString &resource)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND resource = ?"),
            {action, resource});
    }

    // Follows next_cursor from `path` (which has a query already); the ids in order.
    QList<QUuid> walk(const QString &token, const QString &path, int *pages = nullptr)
    {
        QList<QUuid> ids;
        QString cursor;
        const auto http = m_fixture->clientAs(token);
        for (int page = 0; page < 100; ++page) {
            const QString target =
                cursor.isEmpty() ? path : path + QStringLiteral("&after=") + cursor;
            const test::TestResponse r = http->get(target);
            if (r.status != 200) {
                qWarning("walk %s: %d %s", qPrintable(target), r.status, r.body.constData());
                return {};
            }
            for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
                ids << QUuid::fromString(v.toObject().value(QStringLiteral("id")).toString());
            if (pages)
                *pages = page + 1;
            const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
            if (next.isNull())
                return ids;
            cursor = next.toString();
        }
        return {};
    }

    QList<QUuid> idsFromDb(const QString &sqlText, const QVariantList &params)
    {
        DbRows q = db().exec(sqlText, params, "expected ids");
        QList<QUuid> ids;
        while (q.next())
            ids << sql::toUuid(q.value(0));
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_server = std::make_unique<test::TestServer>(m_clock, [](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.tokens.accessTokenSeconds = 7 * 24 * 3600; // the clock jumps past holds
        });
        m_fixture = std::make_unique<BookingFixture>(server());
        m_a = m_fixture->addTenant(QStringLiteral("cat-a"));
        m_b = m_fixture->addTenant(QStringLiteral("cat-b"));
        m_admin = m_fixture->addUser(QStringLiteral("cat-admin"), {QStringLiteral("admin")});
        m_auditor =
            m_fixture->addUser(QStringLiteral("cat-auditor"), {QStringLiteral("auditor")}, m_a.id);
        m_product = m_fixture->createProduct(m_a.managerToken);
        QVERIFY(!m_product.isNull());
        m_slot = m_fixture->createSlot(m_a.managerToken, m_product, m_clock.now().addDays(3), 10);
        QVERIFY(!m_slot.isNull());
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }
    void cleanup() { QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString()); }

    void managerCreatesProductInItsTenant()
    {
        const test::TestResponse r =
            send(m_a.managerToken, "POST", QStringLiteral("/v1/products"), productBody());
        QCOMPARE(r.status, 201);
        const QJsonObject p = r.json();
        QCOMPARE(p.value(QStringLiteral("tenant_id")).toString(), BookingFixture::idText(m_a.id));
        QCOMPARE(p.value(QStringLiteral("name")).toString(), QStringLiteral("City lights"));
        QCOMPARE(p.value(QStringLiteral("kind")).toString(), QStringLiteral("tour"));
        QCOMPARE(p.value(QStringLiteral("price_minor")).toInteger(), 4990);
        QCOMPARE(p.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(p.value(QStringLiteral("active")).toBool(), true);
        const QUuid id = QUuid::fromString(p.value(QStringLiteral("id")).toString());
        QCOMPARE(send(m_a.staffToken, "GET", productPath(id)).json(), p);
        QCOMPARE(auditCount(QStringLiteral("product.create"),
                            QStringLiteral("product:") + BookingFixture::idText(id)),
                 1);
        // Naming its own tenant is fine; another is not.
        QCOMPARE(send(m_a.managerToken, "POST", QStringLiteral("/v1/products"),
                      productBody({{QStringLiteral("tenant_id"), BookingFixture::idText(m_a.id)}}))
                     .status,
                 201);
        const test::TestResponse foreign =
            send(m_a.managerToken, "POST", QStringLiteral("/v1/products"),
                 productBody({{QStringLiteral("tenant_id"), BookingFixture::idText(m_b.id)}}));
        QCOMPARE(foreign.status, 400);
        QCOMPARE(BookingFixture::problemField(foreign), QStringLiteral("tenant_id"));
    }

    void adminCreatesProductForANamedTenant()
    {
        const test::TestResponse r =
            send(m_admin, "POST", QStringLiteral("/v1/products"),
                 productBody({{QStringLiteral("tenant_id"), BookingFixture::idText(m_b.id)}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("tenant_id")).toString(),
                 BookingFixture::idText(m_b.id));
        const QUuid id = QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
        QCOMPARE(send(m_b.staffToken, "GET", productPath(id)).status, 200);
        QCOMPARE(send(m_a.staffToken, "GET", productPath(id)).status, 404);

        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse none =
            send(m_admin, "POST", QStringLiteral("/v1/products"), productBody());
        QCOMPARE(none.status, 400);
        QCOMPARE(BookingFixture::problemField(none), QStringLiteral("tenant_id"));
        const test::TestResponse unknown =
            send(m_admin, "POST", QStringLiteral("/v1/products"),
                 productBody(
                     {{QStringLiteral("tenant_id"), BookingFixture::idText(QUuid::createUuid())}}));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(BookingFixture::problemField(unknown), QStringLiteral("tenant_id"));
        QCOMPARE(BookingFixture::writeCounts(db()), before);
    }

    void onlyManagersWriteTheCatalog()
    {
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const qint64 products =
            BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM products"));
        const qint64 slots =
            BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM slots"));
        for (const QString &token : {m_a.staffToken, m_auditor}) {
            QCOMPARE(send(token, "POST", QStringLiteral("/v1/products"), productBody()).status,
                     403);
            QCOMPARE(send(token, "PATCH", productPath(m_product),
                          {{QStringLiteral("name"), QStringLiteral("Renamed")}})
                         .status,
                     403);
            QCOMPARE(
                send(token, "POST", productPath(m_product, QStringLiteral("/slots")), slotBody())
                    .status,
                403);
            QCOMPARE(
                send(token, "PATCH", slotPath(m_slot), {{QStringLiteral("capacity"), 99}}).status,
                403);
            // Reading is for everyone of the tenant.
            QCOMPARE(send(token, "GET", productPath(m_product)).status, 200);
            QCOMPARE(send(token, "GET", slotPath(m_slot)).status, 200);
        }
        QCOMPARE(BookingFixture::writeCounts(db()), before);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM products")),
                 products);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM slots")), slots);
    }

    void productValidation_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("field");
        const QString kind = QStringLiteral("kind");
        const QString currency = QStringLiteral("currency");
        const QString price = QStringLiteral("price_minor");
        const QString name = QStringLiteral("name");
        QTest::newRow("kind cruise") << QJsonObject{{kind, QStringLiteral("cruise")}} << kind;
        QTest::newRow("kind upper") << QJsonObject{{kind, QStringLiteral("TOUR")}} << kind;
        QTest::newRow("kind missing") << QJsonObject{{kind, QJsonValue::Null}} << kind;
        QTest::newRow("currency lower")
            << QJsonObject{{currency, QStringLiteral("usd")}} << currency;
        QTest::newRow("currency unknown")
            << QJsonObject{{currency, QStringLiteral("XXX")}} << currency;
        QTest::newRow("currency short")
            << QJsonObject{{currency, QStringLiteral("US")}} << currency;
        QTest::newRow("currency missing") << QJsonObject{{currency, QJsonValue::Null}} << currency;
        QTest::newRow("price negative") << QJsonObject{{price, -1}} << price;
        QTest::newRow("price above 10^12") << QJsonObject{{price, 1000000000001.0}} << price;
        QTest::newRow("price fraction") << QJsonObject{{price, 49.9}} << price;
        QTest::newRow("price string") << QJsonObject{{price, QStringLiteral("4990")}} << price;
        QTest::newRow("price missing") << QJsonObject{{price, QJsonValue::Null}} << price;
        QTest::newRow("name empty") << QJsonObject{{name, QString()}} << name;
        QTest::newRow("name blank") << QJsonObject{{name, QStringLiteral("   ")}} << name;
        QTest::newRow("name 201") << QJsonObject{{name, QStringLiteral("n").repeated(201)}} << name;
        QTest::newRow("description 4001")
            << QJsonObject{{QStringLiteral("description"), QStringLiteral("d").repeated(4001)}}
            << QStringLiteral("description");
        QTest::newRow("active not bool")
            << QJsonObject{{QStringLiteral("active"), QStringLiteral("yes")}}
            << QStringLiteral("active");
        QTest::newRow("unknown field")
            << QJsonObject{{QStringLiteral("rating"), 5}} << QStringLiteral("rating");
        QTest::newRow("id sent") << QJsonObject{{QStringLiteral("id"),
                                                 BookingFixture::idText(m_product)}}
                                 << QStringLiteral("id");
    }
    void productValidation()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, field);
        const qint64 products =
            BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM products"));
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse created =
            send(m_a.managerToken, "POST", QStringLiteral("/v1/products"), productBody(fields));
        QVERIFY2(created.status == 400, created.body.constData());
        QCOMPARE(created.problemSlug(), QStringLiteral("validation-failed"));
        QCOMPARE(BookingFixture::problemField(created), field);

        // The same fields on PATCH (where every field is optional).
        QJsonObject patch;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!it.value().isNull())
                patch.insert(it.key(), it.value());
        }
        if (!patch.isEmpty()) {
            const test::TestResponse patched =
                send(m_a.managerToken, "PATCH", productPath(m_product), patch);
            QVERIFY2(patched.status == 400, patched.body.constData());
            QCOMPARE(BookingFixture::problemField(patched), field);
        }
        QCOMPARE(BookingFixture::writeCounts(db()), before);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM products")),
                 products);
    }

    void productBoundsAreAccepted()
    {
        for (const QJsonObject &fields :
             {QJsonObject{{QStringLiteral("price_minor"), 0}},
              QJsonObject{{QStringLiteral("price_minor"), 1000000000000.0}},
              QJsonObject{{QStringLiteral("name"), QStringLiteral("n").repeated(200)}},
              QJsonObject{{QStringLiteral("currency"), QStringLiteral("JPY")},
                          {QStringLiteral("kind"), QStringLiteral("package")}},
              QJsonObject{{QStringLiteral("kind"), QStringLiteral("transfer")},
                          {QStringLiteral("transfer_kind"), QStringLiteral("hotel_to_hotel")},
                          {QStringLiteral("description"), QString()}}}) {
            const test::TestResponse r =
                send(m_a.managerToken, "POST", QStringLiteral("/v1/products"), productBody(fields));
            QVERIFY2(r.status == 201, r.body.constData());
        }
    }

    void patchProduct()
    {
        const QUuid id = m_fixture->createProduct(m_a.managerToken);
        const test::TestResponse r =
            send(m_a.managerToken, "PATCH", productPath(id),
                 {{QStringLiteral("name"), QStringLiteral("  Harbour cruise ")},
                  {QStringLiteral("price_minor"), 15000},
                  {QStringLiteral("active"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Harbour cruise"));
        QCOMPARE(r.json().value(QStringLiteral("price_minor")).toInteger(), 15000);
        QCOMPARE(r.json().value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("kind")).toString(), QStringLiteral("excursion"));
        QCOMPARE(send(m_a.staffToken, "GET", productPath(id)).json(), r.json());

        const QString resource = QStringLiteral("product:") + BookingFixture::idText(id);
        DbRows q = db().exec(QStringLiteral("SELECT detail::text FROM audit_log"
                                            " WHERE action = 'product.update' AND resource = ?"),
                             {resource}, "update audit");
        QVERIFY(q.next());
        QCOMPARE(QJsonDocument::fromJson(q.value(0).toString().toUtf8())
                     .object()
                     .value(QStringLiteral("changed"))
                     .toArray(),
                 QJsonArray({QStringLiteral("name"), QStringLiteral("price_minor"),
                             QStringLiteral("active")}));

        // An admin may change any tenant's product.
        QCOMPARE(send(m_admin, "PATCH", productPath(id), {{QStringLiteral("active"), true}}).status,
                 200);
        QCOMPARE(auditCount(QStringLiteral("product.update"), resource), 2);

        const test::WriteCounts before = BookingFixture::writeCounts(db());
        QCOMPARE(send(m_a.managerToken, "PATCH", productPath(id), QJsonObject()).status, 400);
        QCOMPARE(send(m_a.managerToken, "PATCH", productPath(QUuid::createUuid()),
                      {{QStringLiteral("name"), QStringLiteral("x")}})
                     .status,
                 404);
        QCOMPARE(m_fixture->clientAs(m_a.managerToken)
                     ->request("PATCH", productPath(id), "{\"name\":\"x\"}",
                               {{"Content-Type", "text/plain"}})
                     .status,
                 415);
        QCOMPARE(m_fixture->clientAs(m_a.managerToken)
                     ->request("PATCH", productPath(id), "{\"name\":")
                     .status,
                 400);
        QCOMPARE(BookingFixture::writeCounts(db()), before);
    }

    void createSlots()
    {
        const QDateTime startsAt = m_clock.now().addDays(5);
        const test::TestResponse r =
            send(m_a.managerToken, "POST", productPath(m_product, QStringLiteral("/slots")),
                 slotBody({{QStringLiteral("starts_at"), toRfc3339(startsAt)},
                           {QStringLiteral("capacity"), 25}}));
        QCOMPARE(r.status, 201);
        const QJsonObject s = r.json();
        QCOMPARE(s.value(QStringLiteral("product_id")).toString(),
                 BookingFixture::idText(m_product));
        QCOMPARE(s.value(QStringLiteral("starts_at")).toString(), toRfc3339(startsAt));
        QCOMPARE(s.value(QStringLiteral("duration_minutes")).toInt(), 90);
        QCOMPARE(s.value(QStringLiteral("capacity")).toInt(), 25);
        QCOMPARE(s.value(QStringLiteral("remaining")).toInt(), 25);
        const QUuid id = QUuid::fromString(s.value(QStringLiteral("id")).toString());
        QCOMPARE(send(m_a.staffToken, "GET", slotPath(id)).json(), s);
        QCOMPARE(auditCount(QStringLiteral("slot.create"),
                            QStringLiteral("slot:") + BookingFixture::idText(id)),
                 1);
        // Any zone is accepted and stored as the same instant.
        const test::TestResponse zoned =
            send(m_admin, "POST", productPath(m_product, QStringLiteral("/slots")),
                 slotBody({{QStringLiteral("starts_at"),
                            startsAt.toOffsetFromUtc(-3 * 3600).toString(Qt::ISODate)}}));
        QCOMPARE(zoned.status, 201);
        QCOMPARE(zoned.json().value(QStringLiteral("starts_at")).toString(), toRfc3339(startsAt));
    }

    void slotValidation_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("field");
        const QString starts = QStringLiteral("starts_at");
        const QString duration = QStringLiteral("duration_minutes");
        const QString capacity = QStringLiteral("capacity");
        QTest::newRow("starts in the past")
            << QJsonObject{{starts, toRfc3339(m_clock.now().addSecs(-60))}} << starts;
        QTest::newRow("starts now") << QJsonObject{{starts, toRfc3339(m_clock.now())}} << starts;
        QTest::newRow("starts without zone")
            << QJsonObject{{starts, QStringLiteral("2031-01-01T10:00:00")}} << starts;
        QTest::newRow("starts not a time")
            << QJsonObject{{starts, QStringLiteral("tomorrow")}} << starts;
        QTest::newRow("duration 0") << QJsonObject{{duration, 0}} << duration;
        QTest::newRow("duration 10081") << QJsonObject{{duration, 10081}} << duration;
        QTest::newRow("capacity -1") << QJsonObject{{capacity, -1}} << capacity;
        QTest::newRow("capacity 100001") << QJsonObject{{capacity, 100001}} << capacity;
        QTest::newRow("capacity 2.5") << QJsonObject{{capacity, 2.5}} << capacity;
        QTest::newRow("remaining sent")
            << QJsonObject{{QStringLiteral("remaining"), 3}} << QStringLiteral("remaining");
    }
    void slotValidation()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, field);
        const qint64 slots =
            BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM slots"));
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse r =
            send(m_a.managerToken, "POST", productPath(m_product, QStringLiteral("/slots")),
                 slotBody(fields));
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(BookingFixture::problemField(r), field);
        if (field != u"remaining") {
            const test::TestResponse patched =
                send(m_a.managerToken, "PATCH", slotPath(m_slot), fields);
            QVERIFY2(patched.status == 400, patched.body.constData());
            QCOMPARE(BookingFixture::problemField(patched), field);
        }
        QCOMPARE(BookingFixture::writeCounts(db()), before);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM slots")), slots);
    }

    // Capacity never drops below the seats held or sold, checked under the
    // slot's row lock; holds already due do not count.
    void capacityCannotDropBelowHeldAndSold()
    {
        const QUuid slot =
            m_fixture->createSlot(m_a.managerToken, m_product, m_clock.now().addDays(4), 10);
        const auto staff = m_fixture->clientAs(m_a.staffToken);
        const test::TestResponse held = BookingFixture::book(*staff, slot, 3, "cap-held");
        const test::TestResponse sold = BookingFixture::book(*staff, slot, 1, "cap-sold");
        QCOMPARE(held.status, 201);
        QCOMPARE(sold.status, 201);
        db().exec(QStringLiteral("UPDATE reservations SET status = 'paid' WHERE id = ?::uuid"),
                  {sold.json().value(QStringLiteral("id")).toString()}, "paid behind the API");
        const QString resource = QStringLiteral("slot:") + BookingFixture::idText(slot);

        const test::TestResponse below =
            send(m_a.managerToken, "PATCH", slotPath(slot), {{QStringLiteral("capacity"), 3}});
        QCOMPARE(below.status, 409);
        QCOMPARE(below.problemSlug(), QStringLiteral("conflict"));
        QCOMPARE(send(m_a.staffToken, "GET", slotPath(slot))
                     .json()
                     .value(QStringLiteral("capacity"))
                     .toInt(),
                 10);
        QCOMPARE(auditCount(QStringLiteral("slot.update"), resource), 0);

        const test::TestResponse equal =
            send(m_a.managerToken, "PATCH", slotPath(slot), {{QStringLiteral("capacity"), 4}});
        QCOMPARE(equal.status, 200);
        QCOMPARE(equal.json().value(QStringLiteral("capacity")).toInt(), 4);
        QCOMPARE(equal.json().value(QStringLiteral("remaining")).toInt(), 0);
        QCOMPARE(BookingFixture::book(*staff, slot, 1, "cap-full").status, 409);

        const test::TestResponse grown =
            send(m_admin, "PATCH", slotPath(slot),
                 {{QStringLiteral("capacity"), 6}, {QStringLiteral("duration_minutes"), 45}});
        QCOMPARE(grown.status, 200);
        QCOMPARE(grown.json().value(QStringLiteral("remaining")).toInt(), 2);
        QCOMPARE(grown.json().value(QStringLiteral("duration_minutes")).toInt(), 45);
        QCOMPARE(auditCount(QStringLiteral("slot.update"), resource), 2);

        // Once the hold is due its seats no longer count: only the sold one does.
        m_clock.advance(16 * 60);
        QCOMPARE(send(m_a.managerToken, "PATCH", slotPath(slot), {{QStringLiteral("capacity"), 0}})
                     .status,
                 409);
        const test::TestResponse shrunk =
            send(m_a.managerToken, "PATCH", slotPath(slot), {{QStringLiteral("capacity"), 1}});
        QCOMPARE(shrunk.status, 200);
        QCOMPARE(shrunk.json().value(QStringLiteral("remaining")).toInt(), 0);
        QCOMPARE(BookingFixture::statusOf(
                     db(), QUuid::fromString(held.json().value(QStringLiteral("id")).toString())),
                 QStringLiteral("expired"));
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 1);
    }

    void availabilityRanges()
    {
        const QUuid product = m_fixture->createProduct(m_a.managerToken);
        const QDateTime day0 = QDateTime(m_clock.now().date().addDays(1), QTime(0, 0), Qt::UTC);
        QList<QUuid> slots;
        for (int days : {1, 2, 2, 10, 40, 100})
            slots << m_fixture->createSlot(m_a.managerToken, product,
                                           day0.addDays(days).addSecs(9 * 3600), 8);
        QCOMPARE(BookingFixture::book(*m_fixture->clientAs(m_a.staffToken), slots.at(1), 3, "avail")
                     .status,
                 201);
        const auto availability = [&](const QDateTime &from, const QDateTime &to,
                                      const QString &token) {
            return send(
                token, "GET",
                QStringLiteral("/v1/availability?") +
                    queryString({{QStringLiteral("product"), BookingFixture::idText(product)},
                                 {QStringLiteral("from"), toRfc3339(from)},
                                 {QStringLiteral("to"), toRfc3339(to)}}));
        };

        const test::TestResponse month = availability(day0, day0.addDays(30), m_a.staffToken);
        QCOMPARE(month.status, 200);
        const QJsonArray listed = month.json().value(QStringLiteral("slots")).toArray();
        QCOMPARE(listed.size(), 4);
        QList<QUuid> ids;
        for (const QJsonValue &v : listed)
            ids << QUuid::fromString(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids, idsFromDb(QStringLiteral("SELECT id FROM slots WHERE product_id = ?::uuid"
                                               " AND starts_at >= ? AND starts_at < ?"
                                               " ORDER BY starts_at, id"),
                                {BookingFixture::idText(product), sql::time(day0),
                                 sql::time(day0.addDays(30))}));
        QCOMPARE(listed.at(ids.indexOf(slots.at(1)))
                     .toObject()
                     .value(QStringLiteral("remaining"))
                     .toInt(),
                 5);
        QCOMPARE(month.json().value(QStringLiteral("product_id")).toString(),
                 BookingFixture::idText(product));

        // [from, to): a slot starting exactly at `to` is outside.
        const QDateTime firstStart = day0.addDays(1).addSecs(9 * 3600);
        QCOMPARE(availability(day0, firstStart, m_a.staffToken)
                     .json()
                     .value(QStringLiteral("slots"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(availability(firstStart, firstStart.addSecs(1), m_a.staffToken)
                     .json()
                     .value(QStringLiteral("slots"))
                     .toArray()
                     .size(),
                 1);

        // At most 92 days, measured as time, not as calendar dates.
        QCOMPARE(availability(day0, day0.addDays(92), m_a.staffToken).status, 200);
        for (const auto &[from, to] :
             {std::pair{day0, day0.addDays(92).addSecs(3600)}, std::pair{day0, day0.addDays(93)},
              std::pair{day0.addSecs(3600), day0.addDays(92).addSecs(7200)}, std::pair{day0, day0},
              std::pair{day0.addDays(2), day0}}) {
            const test::TestResponse r = availability(from, to, m_a.staffToken);
            QVERIFY2(r.status == 400, qPrintable(toRfc3339(from) + u' ' + toRfc3339(to)));
            QCOMPARE(BookingFixture::problemField(r), QStringLiteral("to"));
        }
        const QString productParam = QStringLiteral("product=") + BookingFixture::idText(product);
        for (const QString &bad : QStringList{
                 QStringLiteral("from=") + toRfc3339(day0) + QStringLiteral("&to=") +
                     toRfc3339(day0.addDays(1)),
                 QStringLiteral("product=nope&from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z"),
                 productParam + QStringLiteral("&to=2030-01-02T00:00:00Z"),
                 productParam + QStringLiteral("&from=2030-01-01&to=2030-01-02T00:00:00Z")}) {
            const test::TestResponse r =
                send(m_a.staffToken, "GET", QStringLiteral("/v1/availability?") + bad);
            QVERIFY2(r.status == 400, qPrintable(bad));
        }
        QCOMPARE(availability(day0, day0.addDays(30), m_b.staffToken).status, 404);
        QCOMPARE(availability(day0, day0.addDays(30), m_admin).status, 200);
    }

    void productsPageByName()
    {
        const test::BookingTenant t = m_fixture->addTenant(QStringLiteral("cat-pages"));
        // Duplicate names: the cursor must break ties by id.
        for (const QString &name :
             {QStringLiteral("Mango"), QStringLiteral("Apple"), QStringLiteral("Kiwi"),
              QStringLiteral("Apple"), QStringLiteral("Zest\nline"), QStringLiteral("Apple"),
              QStringLiteral("banana"), QStringLiteral("Kiwi")}) {
            QVERIFY(!m_fixture->createProduct(t.managerToken, {{QStringLiteral("name"), name}})
                         .isNull());
        }
        QVERIFY(!m_fixture
                     ->createProduct(
                         t.managerToken,
                         {{QStringLiteral("name"), QStringLiteral("Fig")},
                          {QStringLiteral("kind"), QStringLiteral("transfer")},
                          {QStringLiteral("transfer_kind"), QStringLiteral("port_transfer")},
                          {QStringLiteral("active"), false}})
                     .isNull());
        const QString tenant = BookingFixture::idText(t.id);
        const QList<QUuid> expected = idsFromDb(
            QStringLiteral("SELECT id FROM products WHERE tenant_id = ?::uuid ORDER BY name, id"),
            {tenant});
        QCOMPARE(expected.size(), 9);
        for (int limit : {1, 2, 4, 9, 50}) {
            int pages = 0;
            QCOMPARE(walk(t.staffToken, QStringLiteral("/v1/products?limit=%1").arg(limit), &pages),
                     expected);
            QCOMPARE(pages, 9 / limit + 1);
        }
        QCOMPARE(walk(m_admin, QStringLiteral("/v1/products?limit=2&tenant_id=") + tenant),
                 expected);
        QCOMPARE(walk(t.staffToken, QStringLiteral("/v1/products?limit=2&kind=transfer")),
                 idsFromDb(QStringLiteral("SELECT id FROM products WHERE tenant_id = ?::uuid AND "
                                          "kind = 'transfer' ORDER BY name, id"),
                           {tenant}));
        QCOMPARE(walk(t.staffToken, QStringLiteral("/v1/products?limit=2&active=false")).size(), 1);
        QCOMPARE(walk(t.staffToken, QStringLiteral("/v1/products?limit=3&active=true")).size(), 8);
        // A partner naming another tenant sees nothing of it.
        QCOMPARE(walk(m_a.staffToken, QStringLiteral("/v1/products?limit=50&tenant_id=") + tenant)
                     .size(),
                 0);
        for (const QString &bad : {QStringLiteral("kind=boat"), QStringLiteral("active=yes"),
                                   QStringLiteral("tenant_id=nope"), QStringLiteral("limit=0"),
                                   QStringLiteral("after=%25%25")}) {
            QVERIFY2(send(t.staffToken, "GET", QStringLiteral("/v1/products?") + bad).status == 400,
                     qPrintable(bad));
        }
    }

    void slotsPageByStart()
    {
        const QUuid product = m_fixture->createProduct(m_a.managerToken);
        const QDateTime base = m_clock.now().addDays(20);
        for (int offset : {5, 1, 3, 1, 1, 8, 3})
            QVERIFY(
                !m_fixture->createSlot(m_a.managerToken, product, base.addSecs(3600 * offset), 4)
                     .isNull());
        const QList<QUuid> expected =
            idsFromDb(QStringLiteral(
                          "SELECT id FROM slots WHERE product_id = ?::uuid ORDER BY starts_at, id"),
                      {BookingFixture::idText(product)});
        QCOMPARE(expected.size(), 7);
        const QString path = productPath(product, QStringLiteral("/slots?limit=%1"));
        for (int limit : {1, 2, 3, 7}) {
            QCOMPARE(walk(m_a.staffToken, path.arg(limit)), expected);
        }
        const QString window =
            path.arg(2) + u'&' +
            queryString({{QStringLiteral("from"), toRfc3339(base.addSecs(3600 * 2))},
                         {QStringLiteral("to"), toRfc3339(base.addSecs(3600 * 8))}});
        QCOMPARE(
            walk(m_a.staffToken, window),
            idsFromDb(QStringLiteral("SELECT id FROM slots WHERE product_id = ?::uuid AND "
                                     "starts_at >= ? AND starts_at < ? ORDER BY starts_at, id"),
                      {BookingFixture::idText(product), sql::time(base.addSecs(7200)),
                       sql::time(base.addSecs(8 * 3600))}));
        QCOMPARE(send(m_a.staffToken, "GET", path.arg(2) + QStringLiteral("&from=soon")).status,
                 400);
    }

    // Another tenant's resource is 404 on every route that names one, for
    // reads and writes alike, and nothing changes.
    void everyRouteHidesOtherTenants()
    {
        const test::TestResponse booked =
            BookingFixture::book(*m_fixture->clientAs(m_a.staffToken), m_slot, 1, "hidden");
        QCOMPARE(booked.status, 201);
        const QUuid reservation =
            QUuid::fromString(booked.json().value(QStringLiteral("id")).toString());
        const QHash<QString, QUuid> ids{
            {QStringLiteral("/v1/products/{id}"), m_product},
            {QStringLiteral("/v1/products/{id}/slots"), m_product},
            {QStringLiteral("/v1/slots/{id}"), m_slot},
            {QStringLiteral("/v1/reservations/{id}"), reservation},
            {QStringLiteral("/v1/reservations/{id}/cancel"), reservation},
            {QStringLiteral("/v1/reservations/{id}/audit"), reservation}};
        // A valid body for each write, so only the tenant check can refuse it.
        const QHash<QString, QJsonObject> bodies{
            {QStringLiteral("PATCH /v1/products/{id}"),
             {{QStringLiteral("name"), QStringLiteral("Taken over")}}},
            {QStringLiteral("POST /v1/products/{id}/slots"), slotBody()},
            {QStringLiteral("PATCH /v1/slots/{id}"), {{QStringLiteral("capacity"), 0}}}};
        const QByteArray productBefore = send(m_a.staffToken, "GET", productPath(m_product)).body;
        const QByteArray slotBefore = send(m_a.staffToken, "GET", slotPath(m_slot)).body;
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const qint64 slots =
            BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM slots"));

        int checked = 0;
        for (const Route &route : server().server().router().routes()) {
            if (!route.key.pattern.contains(u"{id}") ||
                !(route.key.pattern.startsWith(u"/v1/products") ||
                  route.key.pattern.startsWith(u"/v1/slots") ||
                  route.key.pattern.startsWith(u"/v1/reservations")))
                continue;
            // Payment routes under a reservation have their own suite.
            if (route.key.pattern.endsWith(u"/payment-intents"))
                continue;
            QVERIFY2(ids.contains(route.key.pattern),
                     qPrintable(route.key.pattern)); // a new route: add it here
            const QString path = QString(route.key.pattern)
                                     .replace(QStringLiteral("{id}"),
                                              BookingFixture::idText(ids.value(route.key.pattern)));
            const QString name = QString::fromLatin1(route.key.method) + u' ' + route.key.pattern;
            for (const QString &token : {m_b.managerToken, m_b.staffToken}) {
                const test::TestResponse r =
                    send(token, route.key.method, path, bodies.value(name));
                // A partner_staff may be refused writes by role first; never shown the resource.
                QVERIFY2(r.status == 404 || (r.status == 403 && token == m_b.staffToken),
                         qPrintable(name + u' ' + QString::number(r.status)));
                QVERIFY(!r.body.contains(
                    BookingFixture::idText(ids.value(route.key.pattern)).toLatin1()));
            }
            ++checked;
        }
        QCOMPARE(checked, 9);
        const test::TestResponse availability =
            send(m_b.managerToken, "GET",
                 QStringLiteral("/v1/availability?") +
                     queryString({{QStringLiteral("product"), BookingFixture::idText(m_product)},
                                  {QStringLiteral("from"), toRfc3339(m_clock.now())},
                                  {QStringLiteral("to"), toRfc3339(m_clock.now().addDays(30))}}));
        QCOMPARE(availability.status, 404);
        QVERIFY(
            !walk(m_b.staffToken, QStringLiteral("/v1/products?limit=200")).contains(m_product));

        QCOMPARE(BookingFixture::writeCounts(db()), before);
        QCOMPARE(BookingFixture::count(db(), QStringLiteral("SELECT count(*) FROM slots")), slots);
        QCOMPARE(send(m_a.staffToken, "GET", productPath(m_product)).body, productBefore);
        QCOMPARE(send(m_a.staffToken, "GET", slotPath(m_slot)).body, slotBefore);
        QCOMPARE(BookingFixture::statusOf(db(), reservation), QStringLiteral("pending_payment"));
    }

    // Every catalog write leaves exactly one audit row naming the resource,
    // the actor and the tenant.
    void catalogWritesAreAudited()
    {
        const QUuid product = m_fixture->createProduct(m_a.managerToken);
        QCOMPARE(send(m_a.managerToken, "PATCH", productPath(product),
                      {{QStringLiteral("price_minor"), 1}})
                     .status,
                 200);
        const QUuid slot =
            m_fixture->createSlot(m_a.managerToken, product, m_clock.now().addDays(9), 5);
        QCOMPARE(send(m_a.managerToken, "PATCH", slotPath(slot), {{QStringLiteral("capacity"), 6}})
                     .status,
                 200);
        DbRows q =
            db().exec(QStringLiteral("SELECT action, actor, tenant_id, outcome FROM audit_log"
                                     " WHERE resource IN (?, ?) ORDER BY id"),
                      {QString(QStringLiteral("product:") + BookingFixture::idText(product)),
                       QString(QStringLiteral("slot:") + BookingFixture::idText(slot))},
                      "catalog audit");
        QStringList actions;
        while (q.next()) {
            actions << q.value(0).toString();
            QCOMPARE(q.value(1).toString(), BookingFixture::idText(m_a.managerId));
            QCOMPARE(sql::toUuid(q.value(2)), m_a.id);
            QCOMPARE(q.value(3).toString(), QStringLiteral("success"));
        }
        QCOMPARE(actions,
                 QStringList({QStringLiteral("product.create"), QStringLiteral("product.update"),
                              QStringLiteral("slot.create"), QStringLiteral("slot.update")}));
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_a;
    test::BookingTenant m_b;
    QString m_admin;
    QString m_auditor;
    QUuid m_product;
    QUuid m_slot;
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
