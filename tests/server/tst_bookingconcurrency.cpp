// Availability under contention (invariants 4 and 5): many clients on their
// own HTTP connections, from their own threads, racing for the same seats, the
// same Idempotency-Key, or the same due holds as the sweeper. After every race
// the seat invariant is checked in SQL.
#include "booking/reservationservice.h"
#include "bookingfixture.h"
#include "db/sqlvalues.h"
#include "manualclock.h"

#include <QJsonDocument>
#include <QSet>
#include <QtTest>

#include <atomic>
#include <vector>

using namespace reserva;
using test::BookingFixture;

namespace {

constexpr int kHoldSeconds = 600;

void tuneForRaces(ServerConfig &c)
{
    c.workers = 8;               // enough workers for transactions to overlap
    c.runBackgroundJobs = false; // the tests run the sweeper themselves
    c.holdSeconds = kHoldSeconds;
    c.tokens.accessTokenSeconds = 7 * 24 * 3600; // the clock jumps; tokens must outlive it
}

// One request's answer. Threads store theirs in their own element of a
// std::vector (no copy-on-write detach, unlike QList, when written concurrently).
struct Outcome
{
    int status = 0;
    QString slug;
    QByteArray body;
    bool replayed = false;
};

Outcome outcomeOf(const test::TestResponse &r)
{
    return {r.status, r.problemSlug(), r.body, r.header("idempotent-replayed") == "true"};
}

} // namespace

class TestBookingConcurrency : public QObject
{
    Q_OBJECT

private:
    test::TestServer &server() { return *m_server; }
    DbConnection &db() { return server().appDb(); }

    QUuid newSlot(int capacity)
    {
        return m_fixture->createSlot(m_tenant.managerToken, m_product,
                                     m_clock.now().addDays(30 + m_slots++), capacity);
    }

    // `count` pending holds of one seat each on `slot`, booked through the API.
    QList<QUuid> holdSeats(const QUuid &slot, int count)
    {
        QList<QUuid> ids;
        const auto http = m_fixture->clientAs(m_tenant.staffToken);
        for (int i = 0; i < count; ++i) {
            const test::TestResponse r =
                BookingFixture::book(*http, slot, 1, QUuid::createUuid().toByteArray());
            if (r.status != 201) {
                qWarning("hold: %d %s", r.status, r.body.constData());
                return {};
            }
            ids << QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
        }
        return ids;
    }

    qint64 expireAuditRows(const QList<QUuid> &reservations, qint64 *maxPerReservation)
    {
        QStringList resources;
        for (const QUuid &id : reservations)
            resources << QStringLiteral("reservation:") + BookingFixture::idText(id);
        DbRows q = db().exec(
            QStringLiteral("SELECT count(*), COALESCE(max(n), 0), COALESCE(sum(n), 0) FROM"
                           " (SELECT resource, count(*) AS n FROM audit_log"
                           "  WHERE action = 'reservation.expire' AND resource = ANY(?::text[])"
                           "  GROUP BY resource) per"),
            {sql::textArray(resources)}, "expire audit rows");
        q.next();
        *maxPerReservation = q.value(1).toLongLong();
        return q.value(2).toLongLong();
    }

    qint64 statusCount(const QList<QUuid> &reservations, const QString &status)
    {
        QStringList ids;
        for (const QUuid &id : reservations)
            ids << BookingFixture::idText(id);
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM reservations WHERE id = ANY(?::uuid[])"
                           " AND status = ?"),
            {sql::textArray(ids), status});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, tuneForRaces);
        m_fixture = std::make_unique<BookingFixture>(server());
        m_tenant = m_fixture->addTenant(QStringLiteral("race"));
        m_product = m_fixture->createProduct(m_tenant.managerToken);
        QVERIFY(!m_product.isNull());
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
    }

    // The invariant check must be able to fail, or passing it proves nothing.
    void invariantCheckDetectsDrift()
    {
        const QUuid slot = newSlot(5);
        QVERIFY(!slot.isNull());
        QCOMPARE(holdSeats(slot, 2).size(), 2);
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
        server().superDb().exec(
            QStringLiteral("UPDATE slots SET seats_taken = seats_taken + 1 WHERE id = ?::uuid"),
            {BookingFixture::idText(slot)}, "drift");
        const QString violation = BookingFixture::seatInvariantViolations(db());
        server().superDb().exec(
            QStringLiteral("UPDATE slots SET seats_taken = seats_taken - 1 WHERE id = ?::uuid"),
            {BookingFixture::idText(slot)}, "undo drift");
        QVERIFY(violation.contains(BookingFixture::idText(slot)));
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
    }

    // 200 clients, distinct keys, one slot of 50 seats: exactly 50 win.
    void twoHundredBookingsForFiftySeats()
    {
        const QUuid slot = newSlot(50);
        QVERIFY(!slot.isNull());
        constexpr int kBookers = 25;
        constexpr int kPerBooker = 8;
        std::vector<Outcome> outcomes(size_t(kBookers * kPerBooker));
        std::atomic<int> bookersDone{0};
        std::atomic<int> lowestRemaining{1 << 30};
        std::atomic<int> polls{0};
        const QString slotPath = QStringLiteral("/v1/slots/") + BookingFixture::idText(slot);

        // Thread kBookers watches the slot while the others book: remaining
        // must never go below zero, even mid-race.
        BookingFixture::runConcurrently(kBookers + 1, [&](int t) {
            const auto http = m_fixture->clientAs(m_tenant.staffToken);
            if (t == kBookers) {
                while (bookersDone.load() < kBookers) {
                    const test::TestResponse r = http->get(slotPath);
                    const int remaining = r.json().value(QStringLiteral("remaining")).toInt(-1);
                    if (r.status != 200)
                        lowestRemaining = -1000; // any failure to read is a failure
                    int seen = lowestRemaining.load();
                    while (remaining < seen &&
                           !lowestRemaining.compare_exchange_weak(seen, remaining)) {
                    }
                    ++polls;
                }
                return;
            }
            for (int i = 0; i < kPerBooker; ++i) {
                const QByteArray key =
                    "race-" + QByteArray::number(t) + '-' + QByteArray::number(i);
                outcomes[size_t(t * kPerBooker + i)] =
                    outcomeOf(BookingFixture::book(*http, slot, 1, key));
            }
            ++bookersDone;
        });

        int created = 0;
        int soldOut = 0;
        QSet<QString> ids;
        QStringList unexpected;
        for (const Outcome &o : std::as_const(outcomes)) {
            if (o.status == 201) {
                ++created;
                ids.insert(QJsonDocument::fromJson(o.body)
                               .object()
                               .value(QStringLiteral("id"))
                               .toString());
            } else if (o.status == 409 && o.slug == u"sold-out") {
                ++soldOut;
            } else {
                unexpected << QString::number(o.status) + u' ' + QString::fromUtf8(o.body);
            }
        }
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
        QCOMPARE(created, 50);
        QCOMPARE(soldOut, 150);
        QCOMPARE(ids.size(), 50);
        QVERIFY(polls.load() > 0);
        QVERIFY2(lowestRemaining.load() >= 0, qPrintable(QString::number(lowestRemaining.load())));

        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM reservations WHERE slot_id = ?::uuid"),
                     {BookingFixture::idText(slot)}),
                 50);
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 50);
        const auto http = m_fixture->clientAs(m_tenant.staffToken);
        QCOMPARE(http->get(slotPath).json().value(QStringLiteral("remaining")).toInt(-1), 0);
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
    }

    // 50 clients send the same request with the same key at the same time:
    // one reservation, and 50 identical answers.
    void fiftyDuplicatesOfOneKeyBookOnce()
    {
        const QUuid slot = newSlot(200);
        QVERIFY(!slot.isNull());
        constexpr int kClients = 50;
        std::vector<Outcome> outcomes(static_cast<size_t>(kClients));
        const QByteArray key = "same-key-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        BookingFixture::runConcurrently(kClients, [&](int t) {
            const auto http = m_fixture->clientAs(m_tenant.staffToken);
            outcomes[size_t(t)] = outcomeOf(BookingFixture::book(*http, slot, 2, key));
        });

        int replayed = 0;
        for (const Outcome &o : std::as_const(outcomes)) {
            QVERIFY2(o.status == 201, o.body.constData());
            QCOMPARE(o.body, outcomes.front().body);
            replayed += o.replayed ? 1 : 0;
        }
        QCOMPARE(replayed, kClients - 1); // only the first did the work
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM reservations WHERE slot_id = ?::uuid"),
                     {BookingFixture::idText(slot)}),
                 1);
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 2);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM audit_log"
                                                      " WHERE action = 'reservation.create'"
                                                      " AND detail->>'slot_id' = ?"),
                                       {BookingFixture::idText(slot)}),
                 1);
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE subject = ?"
                                    " AND idempotency_key = ?"),
                     {BookingFixture::idText(m_tenant.staffId), QString::fromLatin1(key)}),
                 1);
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
    }

    // Holds past their expiry, released by several sweepers and by bookings
    // (the lazy check) at the same time: each exactly once.
    void sweepersAndBookingsExpireEachHoldOnce()
    {
        ReservationService service(m_clock, kHoldSeconds);
        for (int round = 0; round < 3; ++round) {
            const QUuid slot = newSlot(30);
            QVERIFY(!slot.isNull());
            const QList<QUuid> holds = holdSeats(slot, 30); // the slot is full
            QCOMPARE(holds.size(), 30);
            m_clock.advance(kHoldSeconds + 1);
            // Earlier rounds' holds are due now too; the sweepers may take any.
            const qint64 due = BookingFixture::count(
                db(),
                QStringLiteral("SELECT count(*) FROM reservations"
                               " WHERE status = 'pending_payment' AND hold_expires_at <= ?"),
                {sql::time(m_clock.now())});
            const qint64 auditMark =
                BookingFixture::count(db(), QStringLiteral("SELECT max(id) FROM audit_log"));

            constexpr int kSweepers = 4;
            constexpr int kBookers = 8;
            std::atomic<int> sweptBySweepers{0};
            std::atomic<int> sweeperFailures{0};
            std::vector<Outcome> outcomes(size_t(kBookers * 2));
            BookingFixture::runConcurrently(kSweepers + kBookers, [&](int t) {
                if (t < kSweepers) {
                    // Its own connection, as the background job has.
                    DbConnection conn(server().server().sessionOptions(),
                                      QStringLiteral("sweeper-%1-%2").arg(round).arg(t));
                    QString error;
                    if (!conn.open(&error)) {
                        ++sweeperFailures;
                        return;
                    }
                    try {
                        for (int pass = 0; pass < 5; ++pass)
                            sweptBySweepers += service.releaseDueHolds(conn, 100);
                    } catch (const std::exception &e) {
                        qWarning("sweeper: %s", e.what());
                        ++sweeperFailures;
                    }
                    return;
                }
                const auto http = m_fixture->clientAs(m_tenant.staffToken);
                for (int i = 0; i < 2; ++i) {
                    const int n = (t - kSweepers) * 2 + i;
                    outcomes[size_t(n)] = outcomeOf(BookingFixture::book(
                        *http, slot, 1, QUuid::createUuid().toByteArray(QUuid::WithoutBraces)));
                }
            });

            QCOMPARE(sweeperFailures.load(), 0);
            for (const Outcome &o : std::as_const(outcomes))
                QVERIFY2(o.status == 201, o.body.constData()); // the due seats were free
            QCOMPARE(statusCount(holds, QStringLiteral("expired")), 30);
            qint64 maxPerReservation = 0;
            QCOMPARE(expireAuditRows(holds, &maxPerReservation), 30);
            QCOMPARE(maxPerReservation, 1);
            // Every due hold was released once: by a sweeper (no request id)
            // or by a booking's lazy check (its request id), never by both.
            QCOMPARE(
                BookingFixture::count(db(),
                                      QStringLiteral("SELECT count(*) FROM audit_log WHERE id > ?"
                                                     " AND action = 'reservation.expire'"),
                                      {auditMark}),
                due);
            QCOMPARE(
                BookingFixture::count(db(),
                                      QStringLiteral("SELECT count(*) FROM audit_log WHERE id > ?"
                                                     " AND action = 'reservation.expire'"
                                                     " AND request_id IS NULL"),
                                      {auditMark}),
                qint64(sweptBySweepers.load()));
            QCOMPARE(BookingFixture::count(db(),
                                           QStringLiteral("SELECT count(*) FROM reservations"
                                                          " WHERE status = 'pending_payment'"
                                                          " AND hold_expires_at <= ?"),
                                           {sql::time(m_clock.now())}),
                     0);
            QCOMPARE(BookingFixture::seatsTaken(db(), slot), qint64(kBookers * 2));
            QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
        }
    }

    // The same race against the server's own background sweeper, on a second
    // instance sharing the database (as instances behind a load balancer do).
    void backgroundSweeperAndBookingsExpireEachHoldOnce()
    {
        const QUuid slot = newSlot(20);
        QVERIFY(!slot.isNull());
        const QList<QUuid> holds = holdSeats(slot, 20);
        QCOMPARE(holds.size(), 20);
        m_clock.advance(kHoldSeconds + 1);

        test::TestServer second(server(), m_clock, [](ServerConfig &c) {
            tuneForRaces(c);
            c.runBackgroundJobs = true;
            c.holdSweepIntervalMs = 5;
        });
        constexpr int kBookers = 10;
        std::vector<Outcome> outcomes(static_cast<size_t>(kBookers));
        BookingFixture::runConcurrently(kBookers, [&](int t) {
            // Half through each instance.
            test::TestHttpClient http = t % 2 ? second.client() : server().client();
            http.setBearer(m_tenant.staffToken);
            outcomes[size_t(t)] = outcomeOf(BookingFixture::book(
                http, slot, 1, QUuid::createUuid().toByteArray(QUuid::WithoutBraces)));
        });
        for (const Outcome &o : std::as_const(outcomes))
            QVERIFY2(o.status == 201, o.body.constData());
        QVERIFY(BookingFixture::waitFor(
            [&] { return statusCount(holds, QStringLiteral("expired")) == 20; }));
        second.stop(); // no sweeper left running while we count
        qint64 maxPerReservation = 0;
        QCOMPARE(expireAuditRows(holds, &maxPerReservation), 20);
        QCOMPARE(maxPerReservation, 1);
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), qint64(kBookers));
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
    }

    // Two clerks cancel the same holds at the same time: each hold's seats
    // come back once and it is cancelled once.
    void concurrentCancelsReleaseOnce()
    {
        const QUuid slot = newSlot(20);
        QVERIFY(!slot.isNull());
        const QList<QUuid> holds = holdSeats(slot, 20);
        QCOMPARE(holds.size(), 20);
        std::vector<int> statuses(size_t(holds.size() * 2));
        BookingFixture::runConcurrently(int(statuses.size()), [&](int t) {
            const auto http = m_fixture->clientAs(m_tenant.staffToken);
            const QUuid id = holds.at(t / 2);
            statuses[size_t(t)] =
                http->request("POST", QStringLiteral("/v1/reservations/") +
                                          BookingFixture::idText(id) + QStringLiteral("/cancel"))
                    .status;
        });
        for (int status : std::as_const(statuses))
            QCOMPARE(status, 200);
        QCOMPARE(statusCount(holds, QStringLiteral("cancelled")), 20);
        QCOMPARE(BookingFixture::count(db(),
                                       QStringLiteral("SELECT count(*) FROM audit_log"
                                                      " WHERE action = 'reservation.cancel'"
                                                      " AND detail->>'slot_id' = ?"),
                                       {BookingFixture::idText(slot)}),
                 20);
        QCOMPARE(BookingFixture::seatsTaken(db(), slot), 0);
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    QUuid m_product;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestBookingConcurrency)
#include "tst_bookingconcurrency.moc"
