// The admin lists read what their filters select, not the whole table. A
// cached prepared statement may switch to a generic plan after five runs,
// and there an optional filter written "(? IS NULL OR column = ?)" is no
// index condition, and a LIMIT the planner cannot see makes a walk in id
// order look cheap: a list of one resource's audit rows read the whole log
// (20,003 rows here) for its 10. The lists now write only the filters given
// (SqlFilter) and run as unnamed statements, planned for each call's values
// (DbConnection::execOneShot). Each list is run more than five times and the
// rows its last read fetched are taken from pg_stat_xact_user_tables:
// counts, not timings.
#include "audit/auditquery.h"
#include "booking/reservationstore.h"
#include "bookingfixture.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "testserver.h"

#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

constexpr int kRows = 20000;     // reservations of the tenant, audit rows in all
constexpr int kCustomers = 2000; // each customer has kRows / kCustomers of them
constexpr int kPerCustomer = kRows / kCustomers;
// What a read of one customer (or one resource) may touch: its own rows, a
// few index pages' worth of slack; far below the kRows a walk would read.
constexpr qint64 kBound = 10 * kPerCustomer;

} // namespace

class TestListPlans : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestServer> m_server;
    QUuid m_tenant;

    DbConnection &app() { return m_server->appDb(); }

    void exec(DbConnection &db, const QString &sql, const QVariantList &params = {})
    {
        try {
            db.exec(sql, params, "list plans fixture");
        } catch (const DatabaseFailure &failure) {
            QTest::qFail(failure.what(), __FILE__, __LINE__);
        }
    }

    // Tuples read from `table` (index fetches and sequential reads) so far in
    // the current transaction of the application's session.
    qint64 read(const QString &table)
    {
        DbRows q = app().exec(QStringLiteral("SELECT COALESCE(idx_tup_fetch, 0) + seq_tup_read"
                                             " FROM pg_stat_xact_user_tables WHERE relname = ?"),
                              {table}, "tuples read");
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    // The rows `readList` fetched from `table` on its eighth call (after the
    // five custom plans a cached statement gets).
    template <typename Read>
    qint64 measure(const QString &planMode, const QString &table, Read readList)
    {
        app().execDirect(QStringLiteral("SET plan_cache_mode = ") + planMode, "plan mode");
        for (int i = 0; i < 7; ++i)
            readList();
        qint64 used = -1;
        {
            Transaction tx(app());
            const qint64 before = read(table);
            readList();
            used = read(table) - before;
            tx.commit();
        }
        app().execDirect(QStringLiteral("RESET plan_cache_mode"), "plan mode");
        return used;
    }

    qint64 cachedStatementsLike(const QString &pattern)
    {
        DbRows q = app().exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements"
                                             " WHERE statement LIKE ?"),
                              {pattern}, "cached statements");
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>();
        BookingFixture fixture(*m_server);
        const test::BookingTenant tenant = fixture.addTenant(QStringLiteral("lists"));
        m_tenant = tenant.id;
        const QUuid product = fixture.createProduct(tenant.managerToken);
        QVERIFY(!product.isNull());
        DbConnection &super = m_server->superDb();
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(30);
        exec(super,
             QStringLiteral("INSERT INTO slots (tenant_id, product_id, starts_at, duration_minutes,"
                            " capacity, seats_taken, created_at, updated_at)"
                            " SELECT ?::uuid, ?::uuid, ?::timestamptz + make_interval(hours => n),"
                            " 60, 1000, 100, now(), now() FROM generate_series(0, 199) n"),
             {sql::uuid(m_tenant), sql::uuid(product), sql::time(start)});
        // Customers interleaved in time: one customer's rows are spread over
        // the whole created_at order the list is sorted by.
        exec(super,
             QStringLiteral(
                 "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                 " customer_name, customer_email, customer_phone, status, unit_price_minor,"
                 " amount_minor, currency, created_by, created_at, updated_at)"
                 " SELECT s.tenant_id, s.id, s.product_id, 1, 'List Customer',"
                 " 'customer' || (n % ?) || '@example.com', '+54 11 5555 0000', 'paid', 1000,"
                 " 1000, 'USD', 'lists', now() - make_interval(secs => n), now()"
                 " FROM generate_series(1, ?) n"
                 " JOIN LATERAL (SELECT id, tenant_id, product_id FROM slots"
                 "   WHERE product_id = ?::uuid ORDER BY starts_at OFFSET n % 200 LIMIT 1) s"
                 " ON true"),
             {kCustomers, kRows, sql::uuid(product)});
        exec(super,
             QStringLiteral(
                 "INSERT INTO audit_log (occurred_at, actor, tenant_id, action,"
                 " resource, outcome, request_id, detail)"
                 " SELECT now() - make_interval(secs => n), 'user:lists', ?::uuid,"
                 " 'reservation.viewed', 'reservation:' || (n % ?), 'success', 'req-' || n,"
                 " '{}'::jsonb FROM generate_series(1, ?) n"),
             {sql::uuid(m_tenant), kCustomers, kRows});
        super.execDirect(QStringLiteral("ANALYZE reservations, audit_log"), "analyze");
    }

    void cleanupTestCase() { m_server.reset(); }

    void plans_data()
    {
        QTest::addColumn<QString>("planMode");
        QTest::newRow("default plan choice") << QStringLiteral("auto");
        QTest::newRow("custom plan") << QStringLiteral("force_custom_plan");
    }

    void oneCustomersReservationsReadOnlyTheirRows_data() { plans_data(); }
    void oneCustomersReservationsReadOnlyTheirRows()
    {
        QFETCH(QString, planMode);
        ReservationFilter filter;
        filter.tenantId = m_tenant;
        filter.customerEmail = QStringLiteral("Customer7@example.com"); // any case
        filter.limit = 50;
        QList<ReservationView> found;
        const qint64 used = measure(planMode, QStringLiteral("reservations"),
                                    [&] { found = reservationstore::list(app(), filter); });
        QCOMPARE(found.size(), kPerCustomer);
        for (const ReservationView &r : std::as_const(found))
            QCOMPARE(r.customer.email, QStringLiteral("customer7@example.com"));
        QVERIFY2(used >= kPerCustomer && used <= kBound,
                 qPrintable(QStringLiteral("read %1 reservation rows").arg(used)));
    }

    void oneResourcesAuditRowsReadOnlyTheirRows_data() { plans_data(); }
    void oneResourcesAuditRowsReadOnlyTheirRows()
    {
        QFETCH(QString, planMode);
        AuditFilter filter;
        filter.resource = QStringLiteral("reservation:7");
        filter.limit = 100;
        QList<AuditEntry> found;
        const qint64 used = measure(planMode, QStringLiteral("audit_log"),
                                    [&] { found = auditquery::list(app(), filter); });
        QCOMPARE(found.size(), kPerCustomer);
        for (const AuditEntry &e : std::as_const(found))
            QCOMPARE(e.resource, QStringLiteral("reservation:7"));
        QVERIFY2(used >= kPerCustomer && used <= kBound,
                 qPrintable(QStringLiteral("read %1 audit rows").arg(used)));
    }

    void listsAreNotCachedStatements()
    {
        ReservationFilter byEmail;
        byEmail.tenantId = m_tenant;
        byEmail.customerEmail = QStringLiteral("customer8@example.com");
        AuditFilter byResource;
        byResource.resource = QStringLiteral("reservation:8");
        for (int i = 0; i < 6; ++i) {
            reservationstore::list(app(), byEmail);
            auditquery::list(app(), byResource);
        }
        QCOMPARE(cachedStatementsLike(QStringLiteral("%lower(customer_email) = lower(%")), 0);
        QCOMPARE(cachedStatementsLike(QStringLiteral("%a.resource = $%")), 0);
        // ...while the hot statements are (the control: the view works).
        QVERIFY(cachedStatementsLike(QStringLiteral("%FROM pg_prepared_statements%")) > 0);
    }

    void unfilteredListsStillPage()
    {
        // Without filters the statement has no WHERE at all, and pages.
        ReservationFilter all;
        all.tenantId = m_tenant;
        all.limit = 50;
        QCOMPARE(reservationstore::list(app(), all).size(), 50);
        AuditFilter log;
        log.limit = 100;
        QCOMPARE(auditquery::list(app(), log).size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestListPlans)
#include "tst_listplans.moc"
