// The work behind an availability read is bounded by what it asks for, not
// by the size of the catalog or the sales of a departure, in the plan
// PostgreSQL actually runs. A prepared statement gets custom plans for its
// first five runs and may then keep a generic one, where an optional bound
// written "? IS NULL OR starts_at >= ?" cannot be folded: the read then
// visited every departure of the product, and each row's held-seat subquery
// visited every reservation of its slot. Both plans are forced here
// (plan_cache_mode) and the rows each read fetched are taken from
// pg_stat_xact_user_tables, in the same session and transaction: counts,
// not timings.
#include "bookingfixture.h"
#include "catalog/slotstore.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "testserver.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

constexpr int kSlots = 300;        // hourly departures of one product
constexpr int kBusySlot = 150;     // the departure that sold a lot
constexpr int kPaid = 40;          // sold seats on it (one per reservation)
constexpr int kLiveHolds = 5;      // pending, hold still running
constexpr int kDueHolds = 2;       // pending, hold run out: seats free again
constexpr int kSoldElsewhere = 10; // seats sold on each other departure
constexpr int kCapacity = 100;

struct Fetched
{
    qint64 slots = 0;
    qint64 reservations = 0;
    qint64 seqScans = 0;
};

} // namespace

class TestAvailabilityPlans : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestServer> m_server;
    QUuid m_product;
    QUuid m_tenant;
    QDateTime m_first;
    QDateTime m_now;

    DbConnection &app() { return m_server->appDb(); }

    void exec(DbConnection &db, const QString &sql, const QVariantList &params = {})
    {
        try {
            db.exec(sql, params, "availability plans fixture");
        } catch (const DatabaseFailure &failure) {
            QTest::qFail(failure.what(), __FILE__, __LINE__);
        }
    }

    // Rows fetched through indexes and sequential scans so far in the
    // current transaction of the application's session.
    Fetched fetched()
    {
        Fetched f;
        QSqlQuery q(app().db());
        if (!q.exec(QStringLiteral(
                "SELECT relname, idx_tup_fetch, seq_scan FROM pg_stat_xact_user_tables"
                " WHERE relname IN ('slots', 'reservations')"))) {
            QTest::qFail(qPrintable(q.lastError().text()), __FILE__, __LINE__);
            return f;
        }
        while (q.next()) {
            if (q.value(0).toString() == u"slots")
                f.slots = q.value(1).toLongLong();
            else
                f.reservations = q.value(1).toLongLong();
            f.seqScans += q.value(2).toLongLong();
        }
        return f;
    }

    QDateTime startOf(int slot) const { return m_first.addSecs(qint64(slot) * 3600); }

    // One read of the busy departure's hour, by GET /v1/availability's
    // statement or the slot page's, and what it fetched.
    Fetched readBusyHour(const QString &planMode, bool availability, QList<SlotView> *out)
    {
        app().execDirect(QStringLiteral("SET plan_cache_mode = ") + planMode, "plan mode");
        Transaction tx(app());
        const Fetched before = fetched();
        if (availability)
            *out = slotstore::availability(app(), m_product, QUuid(), startOf(kBusySlot),
                                           startOf(kBusySlot + 1), m_now, 5000)
                       .value_or(QList<SlotView>());
        else
            *out = slotstore::listForProduct(app(), m_product, startOf(kBusySlot),
                                             startOf(kBusySlot + 1), m_now, 5000);
        const Fetched after = fetched();
        tx.commit();
        app().execDirect(QStringLiteral("RESET plan_cache_mode"), "plan mode");
        return {after.slots - before.slots, after.reservations - before.reservations,
                after.seqScans - before.seqScans};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>();
        BookingFixture fixture(*m_server);
        const test::BookingTenant tenant = fixture.addTenant(QStringLiteral("plans"));
        m_product = fixture.createProduct(tenant.managerToken);
        m_tenant = tenant.id;
        QVERIFY(!m_product.isNull());
        m_now = QDateTime::currentDateTimeUtc();
        m_first = QDateTime(m_now.date().addDays(30), QTime(0, 0), Qt::UTC);

        DbConnection &super = m_server->superDb();
        exec(super,
             QStringLiteral(
                 "INSERT INTO slots (tenant_id, product_id, starts_at, duration_minutes, capacity,"
                 " seats_taken, created_at, updated_at)"
                 " SELECT ?::uuid, ?::uuid, ?::timestamptz + make_interval(hours => n), 60, ?,"
                 " 0, now(), now() FROM generate_series(0, ? - 1) n"),
             {sql::uuid(tenant.id), sql::uuid(m_product), sql::time(m_first), kCapacity, kSlots});
        // The busy departure's reservations: sold, held, and holds run out.
        const auto add = [&](int count, const QString &status, const QVariant &holdUntil) {
            exec(super,
                 QStringLiteral(
                     "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                     " customer_name, customer_email, customer_phone, status, unit_price_minor,"
                     " amount_minor, currency, hold_expires_at, created_by, created_at,"
                     " updated_at)"
                     " SELECT s.tenant_id, s.id, s.product_id, 1, 'Plan Customer',"
                     " 'plan@example.com', '+54 11 5555 0000', ?, 1000, 1000, 'USD',"
                     " ?::timestamptz, 'plans', now(), now()"
                     " FROM slots s, generate_series(1, ?) n"
                     " WHERE s.product_id = ?::uuid AND s.starts_at = ?"),
                 {status, holdUntil, count, sql::uuid(m_product), sql::time(startOf(kBusySlot))});
        };
        // Every other departure sold some seats too: a catalog, not a toy
        // table the planner would rather scan whole.
        exec(super,
             QStringLiteral(
                 "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                 " customer_name, customer_email, customer_phone, status, unit_price_minor,"
                 " amount_minor, currency, created_by, created_at, updated_at)"
                 " SELECT s.tenant_id, s.id, s.product_id, 1, 'Plan Customer',"
                 " 'plan@example.com', '+54 11 5555 0000', 'paid', 1000, 1000, 'USD',"
                 " 'plans', now(), now() FROM slots s, generate_series(1, ?) n"
                 " WHERE s.product_id = ?::uuid AND s.starts_at <> ?"),
             {kSoldElsewhere, sql::uuid(m_product), sql::time(startOf(kBusySlot))});
        // ...and holds there have run out too, not yet released by the
        // expiry job (it runs every few seconds, or is behind).
        exec(super,
             QStringLiteral(
                 "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                 " customer_name, customer_email, customer_phone, status, unit_price_minor,"
                 " amount_minor, currency, hold_expires_at, created_by, created_at, updated_at)"
                 " SELECT s.tenant_id, s.id, s.product_id, 1, 'Plan Customer',"
                 " 'plan@example.com', '+54 11 5555 0000', 'pending_payment', 1000, 1000, 'USD',"
                 " ?::timestamptz, 'plans', now(), now() FROM slots s, generate_series(1, ?) n"
                 " WHERE s.product_id = ?::uuid AND s.starts_at <> ?"),
             {sql::time(m_now.addSecs(-600)), kDueHolds, sql::uuid(m_product),
              sql::time(startOf(kBusySlot))});
        exec(super,
             QStringLiteral("UPDATE slots SET seats_taken = ? WHERE product_id = ?::uuid"
                            " AND starts_at <> ?"),
             {kSoldElsewhere + kDueHolds, sql::uuid(m_product), sql::time(startOf(kBusySlot))});
        add(kPaid, QStringLiteral("paid"), QVariant(QMetaType(QMetaType::QDateTime)));
        add(kLiveHolds, QStringLiteral("pending_payment"), sql::time(m_now.addSecs(600)));
        add(kDueHolds, QStringLiteral("pending_payment"), sql::time(m_now.addSecs(-600)));
        exec(super,
             QStringLiteral("UPDATE slots SET seats_taken = ? WHERE product_id = ?::uuid"
                            " AND starts_at = ?"),
             {kPaid + kLiveHolds + kDueHolds, sql::uuid(m_product), sql::time(startOf(kBusySlot))});
        super.execDirect(QStringLiteral("ANALYZE slots, reservations"), "analyze");
    }

    void cleanupTestCase() { m_server.reset(); }

    void readIsBoundedByTheHourAsked_data()
    {
        QTest::addColumn<QString>("planMode");
        QTest::addColumn<bool>("availability");
        for (const bool availability : {true, false}) {
            const char *read = availability ? "availability" : "slot page";
            QTest::addRow("%s, generic plan", read)
                << QStringLiteral("force_generic_plan") << availability;
            QTest::addRow("%s, custom plan", read)
                << QStringLiteral("force_custom_plan") << availability;
        }
    }

    void readIsBoundedByTheHourAsked()
    {
        QFETCH(QString, planMode);
        QFETCH(bool, availability);
        QList<SlotView> slots;
        const Fetched f = readBusyHour(planMode, availability, &slots);

        // The answer: the one departure, its due holds counted as free.
        QCOMPARE(slots.size(), 1);
        QCOMPARE(slots.first().startsAt, startOf(kBusySlot));
        QCOMPARE(slots.first().remaining, kCapacity - kPaid - kLiveHolds);

        // The work: that departure's row, and its due holds only; never a
        // sequential scan, never the product's other departures (kSlots) or
        // the departure's sold seats (kPaid).
        QVERIFY2(f.seqScans == 0, qPrintable(QStringLiteral("%1 sequential scans; fetched %2 slots,"
                                                            " %3 reservations")
                                                 .arg(f.seqScans)
                                                 .arg(f.slots)
                                                 .arg(f.reservations)));
        QVERIFY2(f.slots <= 1, qPrintable(QString::number(f.slots)));
        QVERIFY2(f.reservations <= kDueHolds, qPrintable(QString::number(f.reservations)));
    }

    void slotLockReadsOneHold_data()
    {
        QTest::addColumn<QString>("planMode");
        QTest::addRow("generic plan") << QStringLiteral("force_generic_plan");
        QTest::addRow("custom plan") << QStringLiteral("force_custom_plan");
    }

    // The lock every booking and payment takes asks whether a hold of the
    // slot is due: one entry of the slot's pending holds, however many
    // seats it sold (the busy departure: 40 paid and 5 held before its 2 due
    // holds; a departure of its own here: 60 paid and 5 held, none due).
    void slotLockReadsOneHold()
    {
        QFETCH(QString, planMode);
        app().execDirect(QStringLiteral("SET plan_cache_mode = ") + planMode, "plan mode");
        Transaction tx(app());
        const QDateTime start = startOf(kSlots + 20);
        exec(app(),
             QStringLiteral(
                 "INSERT INTO slots (tenant_id, product_id, starts_at, duration_minutes, capacity,"
                 " seats_taken, created_at, updated_at) VALUES (?::uuid, ?::uuid, ?, 60, 100,"
                 " 65, now(), now())"),
             {sql::uuid(m_tenant), sql::uuid(m_product), sql::time(start)});
        for (const auto &[count, status, holdUntil] :
             {std::tuple{60, QStringLiteral("paid"), QVariant(QMetaType(QMetaType::QDateTime))},
              std::tuple{5, QStringLiteral("pending_payment"), sql::time(m_now.addSecs(600))}}) {
            exec(app(),
                 QStringLiteral(
                     "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                     " customer_name, customer_email, status, unit_price_minor, amount_minor,"
                     " currency, hold_expires_at, created_by, created_at, updated_at)"
                     " SELECT s.tenant_id, s.id, s.product_id, 1, 'Plan Customer',"
                     " 'plan@example.com', ?, 1000, 1000, 'USD', ?::timestamptz, 'plans', now(),"
                     " now() FROM slots s, generate_series(1, ?) n WHERE s.product_id = ?::uuid"
                     " AND s.starts_at = ?"),
                 {status, holdUntil, count, sql::uuid(m_product), sql::time(start)});
        }
        const auto slotAt = [&](const QDateTime &at) {
            DbRows q = app().exec(
                QStringLiteral("SELECT id FROM slots WHERE product_id = ?::uuid AND starts_at = ?"),
                {sql::uuid(m_product), sql::time(at)}, "slot at");
            return q.next() ? sql::toUuid(q.value(0)) : QUuid();
        };
        const QUuid busy = slotAt(startOf(kBusySlot));
        const QUuid quiet = slotAt(start);
        for (const auto &[slot, due] : {std::pair{busy, true}, std::pair{quiet, false}}) {
            for (int run = 0; run < 6; ++run) { // past the five custom plans of a cached statement
                const Fetched before = fetched();
                const auto locked = slotstore::lockForUpdate(app(), slot, QUuid(), m_now);
                const Fetched after = fetched();
                QVERIFY(locked);
                QCOMPARE(locked->hasDueHolds, due);
                QCOMPARE(after.seqScans - before.seqScans, 0);
                QVERIFY2(after.reservations - before.reservations <= 1,
                         qPrintable(QString::number(after.reservations - before.reservations)));
            }
        }
        tx.rollback();
        app().execDirect(QStringLiteral("RESET plan_cache_mode"), "plan mode");
    }

    // The same on a database like the booking bench's after a minute: a
    // few departures, thousands of holds on one, none due yet, statistics
    // taken then. There the planner, costing EXISTS (... <= ?) by its first
    // row, chose the slot's small index of live reservations and read every
    // one of them on each lock (4,410 on the bench's hot departure).
    void slotLockReadsOneHoldOnAHotDeparture()
    {
        test::TestServer server;
        BookingFixture fixture(server);
        const test::BookingTenant tenant = fixture.addTenant(QStringLiteral("hot"));
        const QUuid product = fixture.createProduct(tenant.managerToken);
        QVERIFY(!product.isNull());
        DbConnection &super = server.superDb();
        exec(super,
             QStringLiteral(
                 "INSERT INTO slots (tenant_id, product_id, starts_at, duration_minutes, capacity,"
                 " seats_taken, created_at, updated_at)"
                 " SELECT ?::uuid, ?::uuid, ?::timestamptz + make_interval(hours => n), 60,"
                 " 100000, 0, now(), now() FROM generate_series(0, 2) n"),
             {sql::uuid(tenant.id), sql::uuid(product), sql::time(m_first)});
        exec(super,
             QStringLiteral(
                 "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                 " customer_name, customer_email, status, unit_price_minor, amount_minor,"
                 " currency, hold_expires_at, created_by, created_at, updated_at)"
                 " SELECT s.tenant_id, s.id, s.product_id, 1, 'Bench Customer',"
                 " 'bench@example.com', 'pending_payment', 1000, 1000, 'USD',"
                 " ?::timestamptz + make_interval(secs => n / 100.0), 'plans', now(), now()"
                 " FROM slots s, generate_series(1, 3000) n WHERE s.product_id = ?::uuid"
                 " AND s.starts_at = ?"),
             {sql::time(m_now.addSecs(900)), sql::uuid(product), sql::time(m_first)});
        exec(super,
             QStringLiteral("UPDATE slots SET seats_taken = 3000 WHERE product_id = ?::uuid"
                            " AND starts_at = ?"),
             {sql::uuid(product), sql::time(m_first)});
        super.execDirect(QStringLiteral("ANALYZE slots, reservations"), "analyze");
        DbRows q = super.exec(
            QStringLiteral("SELECT id FROM slots WHERE product_id = ?::uuid AND starts_at = ?"),
            {sql::uuid(product), sql::time(m_first)}, "hot slot");
        QVERIFY(q.next());
        const QUuid hot = sql::toUuid(q.value(0));

        DbConnection &db = server.appDb();
        for (const QString &mode :
             {QStringLiteral("force_generic_plan"), QStringLiteral("force_custom_plan")}) {
            db.execDirect(QStringLiteral("SET plan_cache_mode = ") + mode, "plan mode");
            Transaction tx(db);
            const auto reservationsFetched = [&] {
                DbRows f = db.exec(QStringLiteral("SELECT idx_tup_fetch + seq_tup_read FROM"
                                                  " pg_stat_xact_user_tables"
                                                  " WHERE relname = 'reservations'"),
                                   {}, "fetched");
                return f.next() ? f.value(0).toLongLong() : -1;
            };
            const qint64 before = reservationsFetched();
            const auto locked = slotstore::lockForUpdate(db, hot, QUuid(), m_now);
            const qint64 after = reservationsFetched();
            QVERIFY(locked);
            QVERIFY(!locked->hasDueHolds);
            QVERIFY2(after - before <= 1,
                     qPrintable(mode + QStringLiteral(": ") + QString::number(after - before)));
            tx.rollback();
            db.execDirect(QStringLiteral("RESET plan_cache_mode"), "plan mode");
        }
    }

    // One statement answers both "is the product there for this caller" and
    // "which departures": no row, a row of NULLs, or the departures.
    void availabilityTellsMissingFromEmpty()
    {
        const QDateTime from = startOf(10);
        const QDateTime to = startOf(13);
        const auto read = [&](const QUuid &product, const QUuid &scope, const QDateTime &f,
                              const QDateTime &t) {
            return slotstore::availability(app(), product, scope, f, t, m_now, 5000);
        };
        const auto three = read(m_product, QUuid(), from, to);
        QVERIFY(three.has_value());
        QCOMPARE(three->size(), 3);
        QCOMPARE(three->first().startsAt, from);
        QCOMPARE(three->last().startsAt, startOf(12));
        QCOMPARE(three->first().remaining, kCapacity - kSoldElsewhere); // due holds are free
        // In the product's tenant scope: the same departures.
        QCOMPARE(read(m_product, m_tenant, from, to)->size(), 3);
        // A range with no departure: the product is there, the list is empty.
        const auto none = read(m_product, QUuid(), startOf(kSlots + 5), startOf(kSlots + 9));
        QVERIFY(none.has_value());
        QVERIFY(none->isEmpty());
        // Another tenant's scope, or no such product: not found.
        QVERIFY(!read(m_product, QUuid::createUuid(), from, to).has_value());
        QVERIFY(!read(QUuid::createUuid(), QUuid(), from, to).has_value());
    }

    void pagesStayCorrectWithTheBoundsRewritten()
    {
        // A cursor and a `from` bound together: the scan starts at the later
        // of them (GREATEST skips a missing one).
        const QDateTime from = startOf(10);
        const QDateTime to = startOf(20);
        const QList<SlotView> first =
            slotstore::listForProduct(app(), m_product, from, to, m_now, 4);
        QCOMPARE(first.size(), 4);
        QCOMPARE(first.first().startsAt, startOf(10));
        const SlotView &last = first.last();
        const QList<SlotView> next = slotstore::listForProduct(app(), m_product, from, to, m_now,
                                                               100, last.startsAt, last.id);
        QCOMPARE(next.size(), 6);
        QCOMPARE(next.first().startsAt, startOf(14));
        QCOMPARE(next.last().startsAt, startOf(19));
        // A cursor from before `from` does not reach back past `from`.
        const QList<SlotView> early =
            slotstore::listForProduct(app(), m_product, from, to, m_now, 100, startOf(2), QUuid());
        QCOMPARE(early.size(), 10);
        QCOMPARE(early.first().startsAt, startOf(10));
        // No bounds at all: every departure, from the first.
        const QList<SlotView> all =
            slotstore::listForProduct(app(), m_product, {}, {}, m_now, 5000);
        QCOMPARE(all.size(), kSlots);
        QCOMPARE(all.first().startsAt, startOf(0));
    }
};

QTEST_GUILESS_MAIN(TestAvailabilityPlans)
#include "tst_availabilityplans.moc"
