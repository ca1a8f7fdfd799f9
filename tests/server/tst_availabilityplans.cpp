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
