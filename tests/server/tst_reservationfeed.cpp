// The reservations change feed (GET /v1/reservations/changes) the desktop
// polls to show a payment without a refresh, and a reservation's audit trail
// (GET /v1/reservations/{id}/audit): every write is sent, including one whose
// transaction commits after a later one was already read; sweeps page; the
// feed and the trail are tenant-scoped; bad cursors are refused.
#include "bookingfixture.h"
#include "contractrecorder.h"
#include "db/sqlvalues.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

struct Sweep
{
    QList<QJsonObject> items; // every page, in order
    QString cursor;           // where the next sweep starts
    int pages = 0;
};

QString idOf(const test::TestResponse &r)
{
    return r.json().value(QStringLiteral("id")).toString();
}

QStringList idsOf(const QList<QJsonObject> &items)
{
    QStringList ids;
    for (const QJsonObject &item : items)
        ids << item.value(QStringLiteral("id")).toString();
    return ids;
}

} // namespace

class TestReservationFeed : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    test::TestResponse changes(const QString &token, const QString &after, int limit = 0)
    {
        QUrlQuery q;
        if (!after.isEmpty())
            q.addQueryItem(QStringLiteral("after"), after);
        if (limit > 0)
            q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        return m_fixture->clientAs(token)->get(QStringLiteral("/v1/reservations/changes?") +
                                               q.toString(QUrl::FullyEncoded));
    }

    QString startCursor(const QString &token)
    {
        const test::TestResponse r = changes(token, {});
        if (r.status != 200)
            return {};
        return r.json().value(QStringLiteral("next_cursor")).toString();
    }

    // Follows "more" until the sweep ends; empty cursor on any failure.
    Sweep sweep(const QString &token, const QString &from, int limit = 0)
    {
        Sweep s;
        QString cursor = from;
        for (; s.pages < 50; ++s.pages) {
            const test::TestResponse r = changes(token, cursor, limit);
            if (r.status != 200) {
                qWarning("changes: %d %s", r.status, r.body.constData());
                return {};
            }
            const QJsonObject page = r.json();
            for (const QJsonValue &v : page.value(QStringLiteral("items")).toArray())
                s.items << v.toObject();
            cursor = page.value(QStringLiteral("next_cursor")).toString();
            if (cursor.isEmpty())
                return {};
            if (!page.value(QStringLiteral("more")).toBool()) {
                s.cursor = cursor;
                ++s.pages;
                return s;
            }
        }
        return {};
    }

    QString book(const QString &token, const QUuid &slot)
    {
        const test::TestResponse r =
            BookingFixture::book(*m_fixture->clientAs(token), BookingFixture::bookingBody(slot, 1),
                                 QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        return r.status == 201 ? idOf(r) : QString();
    }

    QUuid newSlot(const QString &managerToken, const QUuid &product)
    {
        return m_fixture->createSlot(managerToken, product,
                                     QDateTime::currentDateTimeUtc().addDays(30 + m_slots++), 50);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        m_server = std::make_unique<test::TestServer>();
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("feed"));
        m_other = m_fixture->addTenant(QStringLiteral("feed-other"));
        m_admin = m_fixture->addUser(QStringLiteral("feed-admin"), {QStringLiteral("admin")});
        m_auditor = m_fixture->addUser(QStringLiteral("feed-auditor"), {QStringLiteral("auditor")},
                                       m_tenant.id);
        const QUuid product = m_fixture->createProduct(m_tenant.managerToken);
        const QUuid otherProduct = m_fixture->createProduct(m_other.managerToken);
        m_slot = newSlot(m_tenant.managerToken, product);
        m_otherSlot = newSlot(m_other.managerToken, otherProduct);
        QVERIFY(!m_slot.isNull() && !m_otherSlot.isNull());
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }

    void aNewReaderStartsWithNoItems()
    {
        book(m_tenant.staffToken, m_slot); // exists before the reader starts
        const test::TestResponse r = changes(m_tenant.staffToken, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(r.json().value(QStringLiteral("more")).toBool(true), false);
        const QString cursor = r.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        // Nothing written since: a sweep from there is empty.
        QCOMPARE(sweep(m_tenant.staffToken, cursor).items.size(), 0);
    }

    void everyWriteIsSentWithItsNewState()
    {
        QString cursor = startCursor(m_tenant.staffToken);
        const QString id = book(m_tenant.staffToken, m_slot);
        QVERIFY(!id.isEmpty());
        Sweep s = sweep(m_tenant.staffToken, cursor);
        QCOMPARE(idsOf(s.items), QStringList{id});
        QCOMPARE(s.items[0].value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending_payment"));

        const test::TestResponse cancelled =
            m_fixture->clientAs(m_tenant.staffToken)
                ->request("POST",
                          QStringLiteral("/v1/reservations/") + id + QStringLiteral("/cancel"));
        QCOMPARE(cancelled.status, 200);
        s = sweep(m_tenant.staffToken, s.cursor);
        QCOMPARE(idsOf(s.items), QStringList{id});
        QCOMPARE(s.items[0].value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        // Read once: the next sweep has nothing.
        QCOMPARE(sweep(m_tenant.staffToken, s.cursor).items.size(), 0);
    }

    void aWriteThatCommitsLateIsNotSkipped()
    {
        const QString early = book(m_tenant.staffToken, m_slot);
        QVERIFY(!early.isEmpty());
        const QString cursor = startCursor(m_tenant.staffToken);

        // A transaction writes `early` and stays open...
        DbConnection &slow = m_server->superDb();
        slow.execDirect(QStringLiteral("BEGIN"), "begin slow");
        slow.exec(QStringLiteral("UPDATE reservations SET customer_phone = '+351 910 000 000'"
                                 " WHERE id = ?::uuid"),
                  {early}, "slow write");
        // ...while a later one commits and is read.
        const QString late = book(m_tenant.staffToken, m_slot);
        QVERIFY(!late.isEmpty());
        const Sweep first = sweep(m_tenant.staffToken, cursor);
        QCOMPARE(idsOf(first.items), QStringList{late});

        slow.execDirect(QStringLiteral("COMMIT"), "commit slow");
        // The slow write has an older transaction id than the row already
        // read; resuming after the newest id seen would skip it.
        const Sweep second = sweep(m_tenant.staffToken, first.cursor);
        QVERIFY2(idsOf(second.items).contains(early), qPrintable(idsOf(second.items).join(u',')));
        const QJsonObject row = second.items[idsOf(second.items).indexOf(early)];
        QCOMPARE(row.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("phone"))
                     .toString(),
                 QStringLiteral("+351 910 000 000"));
        // Once everything has committed, the feed settles.
        const Sweep third = sweep(m_tenant.staffToken, second.cursor);
        QCOMPARE(sweep(m_tenant.staffToken, third.cursor).items.size(), 0);
    }

    void aSweepPagesThroughEveryWrite()
    {
        const QString cursor = startCursor(m_tenant.staffToken);
        QStringList booked;
        for (int i = 0; i < 5; ++i)
            booked << book(m_tenant.staffToken, m_slot);
        QVERIFY(!booked.contains(QString()));
        const Sweep s = sweep(m_tenant.staffToken, cursor, 2);
        QCOMPARE(s.pages, 3);
        QStringList got = idsOf(s.items);
        QCOMPARE(got.size(), 5); // each once within a sweep
        got.sort();
        booked.sort();
        QCOMPARE(got, booked);
    }

    void partnersSeeTheirTenantOnly()
    {
        const QString mine = startCursor(m_tenant.staffToken);
        const QString theirs = startCursor(m_other.staffToken);
        const QString all = startCursor(m_admin);
        const QString a = book(m_tenant.staffToken, m_slot);
        const QString b = book(m_other.staffToken, m_otherSlot);
        QCOMPARE(idsOf(sweep(m_tenant.staffToken, mine).items), QStringList{a});
        QCOMPARE(idsOf(sweep(m_other.staffToken, theirs).items), QStringList{b});
        QStringList both = idsOf(sweep(m_admin, all).items);
        both.sort();
        QStringList expected{a, b};
        expected.sort();
        QCOMPARE(both, expected);
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("limit");
        const auto encoded = [](const char *text) {
            return QString::fromLatin1(QByteArray(text).toBase64(QByteArray::Base64UrlEncoding |
                                                                 QByteArray::OmitTrailingEquals));
        };
        QTest::newRow("not base64") << QStringLiteral("!!!") << 0;
        QTest::newRow("not a number") << encoded("abc") << 0;
        QTest::newRow("negative") << encoded("-5") << 0;
        QTest::newRow("two parts") << encoded("5|6") << 0;
        QTest::newRow("bad id") << encoded("5|6|not-a-uuid") << 0;
        QTest::newRow("bad xid") << encoded("5|x|8f4a2b52-5b1e-4a3e-9f53-0d7f1c2b3a41") << 0;
        QTest::newRow("limit too big") << QString() << 501;
    }
    void badRequestsAreRefused()
    {
        QFETCH(QString, after);
        QFETCH(int, limit);
        const test::TestResponse r = changes(m_tenant.staffToken, after, limit);
        QCOMPARE(r.status, 400);
        QVERIFY(r.header("content-type").startsWith("application/problem+json"));
    }

    void onlyReservationReadersUseTheFeed()
    {
        QCOMPARE(changes(m_auditor, {}).status, 403);
        QCOMPARE(m_server->client().get(QStringLiteral("/v1/reservations/changes")).status, 401);
    }

    void trailListsTheReservationAndItsIntentsOldestFirst()
    {
        const QString id = book(m_tenant.staffToken, m_slot);
        QVERIFY(!id.isEmpty());
        // An intent of this reservation, and an audit row about it, as the
        // payments code writes them (the provider round trip is not the point).
        const QString intent = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_server->superDb().exec(
            QStringLiteral("INSERT INTO payment_intents (id, tenant_id, reservation_id, provider,"
                           " status, amount_minor, currency, created_by, created_at, updated_at)"
                           " SELECT ?::uuid, tenant_id, id, 'stripe', 'created', amount_minor,"
                           " currency, 'test', now(), now() FROM reservations WHERE id = ?::uuid"),
            {intent, id}, "intent");
        m_server->superDb().exec(
            QStringLiteral("INSERT INTO audit_log (occurred_at, actor, tenant_id, action,"
                           " resource, outcome, detail) VALUES (now(), 'provider:stripe',"
                           " ?::uuid, 'payment.created', ?, 'success', '{}')"),
            {BookingFixture::idText(m_tenant.id),
             QString(QStringLiteral("payment_intent:") + intent)},
            "intent audit");
        const test::TestResponse cancelled =
            m_fixture->clientAs(m_tenant.staffToken)
                ->request("POST",
                          QStringLiteral("/v1/reservations/") + id + QStringLiteral("/cancel"));
        QCOMPARE(cancelled.status, 200);

        const test::TestResponse r =
            m_fixture->clientAs(m_tenant.staffToken)
                ->get(QStringLiteral("/v1/reservations/") + id + QStringLiteral("/audit"));
        QCOMPARE(r.status, 200);
        QStringList actions;
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
            actions << v.toObject().value(QStringLiteral("action")).toString();
        QCOMPARE(actions, (QStringList{QStringLiteral("reservation.create"),
                                       QStringLiteral("payment.created"),
                                       QStringLiteral("reservation.cancel")}));

        // Another tenant's reservation is not found; auditors read /v1/audit.
        QCOMPARE(m_fixture->clientAs(m_other.staffToken)
                     ->get(QStringLiteral("/v1/reservations/") + id + QStringLiteral("/audit"))
                     .status,
                 404);
        QCOMPARE(m_fixture->clientAs(m_auditor)
                     ->get(QStringLiteral("/v1/reservations/") + id + QStringLiteral("/audit"))
                     .status,
                 403);
        QCOMPARE(m_fixture->clientAs(m_tenant.staffToken)
                     ->get(QStringLiteral("/v1/reservations/") +
                           QUuid::createUuid().toString(QUuid::WithoutBraces) +
                           QStringLiteral("/audit"))
                     .status,
                 404);
    }

private:
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    test::BookingTenant m_other;
    QString m_admin;
    QString m_auditor;
    QUuid m_slot;
    QUuid m_otherSlot;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestReservationFeed)
#include "tst_reservationfeed.moc"
