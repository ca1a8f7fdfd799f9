// A slot's row lock held by someone else past lock_timeout (issue 8,
// faults): a real `reservad serve` started with a 300 ms lock_timeout, and a
// direct SQL session that takes the same row lock the booking takes (SELECT
// ... FOR UPDATE on the slot) and keeps it. Bookings for that slot are then
// answered 503 problem+json with Retry-After, not 500 and not a hang, and
// write nothing; meanwhile the workers stay free for everything else
// (another slot's booking, the catalog, /healthz), which is answered while
// the lock is still held. Once it is released, retrying each request with
// its same Idempotency-Key books exactly once.
#include "bookingfixture.h"
#include "db/dbconnection.h"
#include "paymentfixture.h"
#include "reservadprocess.h"
#include "reservadserver.h"
#include "testcluster.h"
#include "testhttpclient.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <vector>

using namespace reserva;
using test::BookingFixture;

namespace {

const QString kPassword = QStringLiteral("lock timeout test password");
constexpr int kBlockedBookings = 6; // more than the 4 workers: they queue, and still return

struct Answer
{
    int status = 0;
    QString slug;
    QByteArray retryAfter;
    QByteArray contentType;
    bool lockStillHeld = false; // the blocking transaction was open when it arrived
};

} // namespace

class TestLockTimeout : public QObject
{
    Q_OBJECT

private:
    ConnectionSettings m_database;
    QString m_databaseUrl;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<DbConnection> m_db;     // superuser: the checks
    std::unique_ptr<DbConnection> m_locker; // superuser: holds the slot's row lock
    std::unique_ptr<test::ReservadServer> m_reservad;
    QString m_token;
    QUuid m_product;
    QUuid m_heldSlot;
    QUuid m_freeSlot;
    int m_lockerPid = 0;

    std::unique_ptr<test::TestHttpClient> client() const
    {
        auto http = std::make_unique<test::TestHttpClient>(m_reservad->port());
        http->setBearer(m_token);
        return http;
    }

    std::unique_ptr<DbConnection> superuser(const QString &name)
    {
        DbSessionOptions options;
        options.settings = m_database;
        options.role.clear();
        options.idleInTransactionTimeoutMs = 0; // the locker sits idle in its transaction
        auto db = std::make_unique<DbConnection>(options, name);
        QString error;
        if (!db->open(&error))
            qWarning("%s: %s", qPrintable(name), qPrintable(error));
        return db;
    }

    // Asked on the checking connection: is the locker's transaction still open?
    bool lockHeld()
    {
        return BookingFixture::count(
                   *m_db,
                   QStringLiteral("SELECT count(*) FROM pg_stat_activity"
                                  " WHERE pid = ? AND state = 'idle in transaction'"),
                   {m_lockerPid}) == 1;
    }

    QUuid newSlot()
    {
        const auto http = client();
        static int days = 30;
        const test::TestResponse r =
            http->post(QStringLiteral("/v1/products/") + BookingFixture::idText(m_product) +
                           QStringLiteral("/slots"),
                       {{QStringLiteral("starts_at"),
                         QDateTime::currentDateTimeUtc().addDays(days++).toString(Qt::ISODate)},
                        {QStringLiteral("duration_minutes"), 90},
                        {QStringLiteral("capacity"), 500}});
        if (r.status != 201)
            qWarning("slot: %d %s", r.status, r.body.constData());
        return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    }

    static QByteArray key(int i) { return "lock-timeout-" + QByteArray::number(i); }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = test::TestCluster::createMigratedDatabase(QStringLiteral("locktimeout"));
        m_databaseUrl = test::cliDatabaseUrl(m_database);
        m_dataDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dataDir->isValid());
        m_db = superuser(QStringLiteral("lock-check"));
        m_locker = superuser(QStringLiteral("lock-holder"));
        QVERIFY(m_db->db().isOpen() && m_locker->db().isOpen());
        QVERIFY(test::seedTenantManager(m_database, QStringLiteral("locks"),
                                        QStringLiteral("locks.manager"), kPassword));

        m_reservad = std::make_unique<test::ReservadServer>(QStringLiteral(RESERVAD_PATH),
                                                            m_databaseUrl, m_dataDir->path());
        // Short, so that the test waits little; 5 s in production.
        m_reservad->setEnvironment(
            {{QStringLiteral("RESERVA_LOCK_TIMEOUT_MS"), QStringLiteral("300")}});
        const QString started = m_reservad->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));

        test::TestHttpClient http(m_reservad->port());
        const test::TestResponse login =
            http.post(QStringLiteral("/v1/auth/login"),
                      {{QStringLiteral("username"), QStringLiteral("locks.manager")},
                       {QStringLiteral("password"), kPassword}});
        QCOMPARE(login.status, 200);
        m_token = login.json().value(QStringLiteral("access_token")).toString();
        const test::TestResponse product = client()->post(
            QStringLiteral("/v1/products"), {{QStringLiteral("name"), QStringLiteral("Lock tour")},
                                             {QStringLiteral("kind"), QStringLiteral("tour")},
                                             {QStringLiteral("price_minor"), 4500},
                                             {QStringLiteral("currency"), QStringLiteral("USD")}});
        QCOMPARE(product.status, 201);
        m_product = QUuid::fromString(product.json().value(QStringLiteral("id")).toString());
        m_heldSlot = newSlot();
        m_freeSlot = newSlot();
        QVERIFY(!m_heldSlot.isNull() && !m_freeSlot.isNull());

        DbRows pid = m_locker->exec(QStringLiteral("SELECT pg_backend_pid()"), {}, "pid");
        QVERIFY(pid.next());
        m_lockerPid = pid.value(0).toInt();
    }

    void cleanupTestCase()
    {
        m_reservad.reset();
        m_locker.reset();
        m_db.reset();
    }

    void bookingsOnALockedSlotGetRetryable503WhileOthersAreServed()
    {
        const test::WriteCounts before = BookingFixture::writeCounts(*m_db);
        // The row lock reservad's booking takes (slotstore::lockForUpdate).
        m_locker->execDirect(QStringLiteral("BEGIN"), "begin");
        m_locker->exec(QStringLiteral("SELECT id FROM slots WHERE id = ?::uuid FOR UPDATE"),
                       {BookingFixture::idText(m_heldSlot)}, "hold the slot's row lock");
        QVERIFY(lockHeld());
        // Released however this test ends: the next one retries on a free slot.
        const auto release = qScopeGuard(
            [this] { m_locker->execDirect(QStringLiteral("ROLLBACK"), "release the lock"); });

        // Bookings for the held slot, all at once from their own connections,
        // while this thread asks for everything else.
        std::vector<Answer> blocked(kBlockedBookings);
        std::atomic<int> blockedDone{0};
        std::vector<Answer> others;
        BookingFixture::runConcurrently(kBlockedBookings + 1, [&](int thread) {
            if (thread < kBlockedBookings) {
                const auto http = client();
                const test::TestResponse r =
                    BookingFixture::book(*http, m_heldSlot, 1, key(thread));
                blocked[size_t(thread)] = {r.status, r.problemSlug(), r.header("retry-after"),
                                           r.header("content-type"), false};
                ++blockedDone;
                return;
            }
            // Every other kind of request, again and again while the
            // bookings wait: answered by free workers meanwhile.
            const auto http = client();
            int round = 0;
            do {
                const test::TestResponse health = http->get(QStringLiteral("/healthz"));
                const test::TestResponse catalog = http->get(QStringLiteral("/v1/products"));
                const test::TestResponse other = BookingFixture::book(
                    *http, m_freeSlot, 1, "lock-timeout-free-" + QByteArray::number(round++));
                for (const test::TestResponse *r : {&health, &catalog, &other})
                    others.push_back({r->status, r->problemSlug(), {}, {}, false});
            } while (blockedDone.load() < kBlockedBookings && round < 400);
        });
        // The blocking transaction is still open: every answer above arrived
        // while the lock was held.
        QVERIFY(lockHeld());

        for (const Answer &a : blocked) {
            QCOMPARE(a.status, 503);
            QCOMPARE(a.slug, QStringLiteral("service-unavailable"));
            QVERIFY2(a.retryAfter.toInt() >= 1, a.retryAfter.constData());
            QCOMPARE(a.contentType, QByteArrayLiteral("application/problem+json"));
        }
        // Each waited for the row lock and gave up at lock_timeout (SQLSTATE
        // 55P03), as the server's log says; nothing else refused them.
        BookingFixture::waitFor(
            [&] { return m_reservad->log().count("[55P03]") >= kBlockedBookings; });
        QCOMPARE(m_reservad->log().count("[55P03]"), qsizetype(kBlockedBookings));
        QVERIFY(others.size() >= 3);
        for (size_t i = 0; i < others.size(); ++i) {
            QVERIFY2(others[i].status == (i % 3 == 2 ? 201 : 200),
                     qPrintable(QString::number(others[i].status) + u' ' + others[i].slug));
        }

        // A retry while the lock is still held: the same answer, and the
        // refused bookings left nothing behind (not even their keys).
        const test::TestResponse again = BookingFixture::book(*client(), m_heldSlot, 1, key(0));
        QCOMPARE(again.status, 503);
        QVERIFY(!again.header("retry-after").isEmpty());
        QVERIFY(lockHeld());
        QCOMPARE(BookingFixture::count(
                     *m_db,
                     QStringLiteral("SELECT count(*) FROM reservations WHERE slot_id = ?::uuid"),
                     {BookingFixture::idText(m_heldSlot)}),
                 0);
        QCOMPARE(BookingFixture::count(
                     *m_db, QStringLiteral("SELECT count(*) FROM idempotency_keys"
                                           " WHERE idempotency_key LIKE 'lock-timeout-_'")),
                 0);
        const qint64 freeBooked = qint64(others.size() / 3);
        QCOMPARE(BookingFixture::writeCounts(*m_db).reservations, before.reservations + freeBooked);
    }

    void retryingTheSameKeysAfterTheReleaseBooksExactlyOnce()
    {
        QList<QString> ids;
        const auto http = client();
        for (int i = 0; i < kBlockedBookings; ++i) {
            const test::TestResponse r = BookingFixture::book(*http, m_heldSlot, 1, key(i));
            QVERIFY2(r.status == 201, r.body.constData());
            ids << r.json().value(QStringLiteral("id")).toString();
        }
        // Once more each: the stored answers, not new bookings.
        for (int i = 0; i < kBlockedBookings; ++i) {
            const test::TestResponse r = BookingFixture::book(*http, m_heldSlot, 1, key(i));
            QCOMPARE(r.status, 201);
            QCOMPARE(r.header("idempotent-replayed"), QByteArrayLiteral("true"));
            QCOMPARE(r.json().value(QStringLiteral("id")).toString(), ids.at(i));
        }
        QCOMPARE(BookingFixture::count(
                     *m_db,
                     QStringLiteral("SELECT count(*) FROM reservations WHERE slot_id = ?::uuid"),
                     {BookingFixture::idText(m_heldSlot)}),
                 qint64(kBlockedBookings));
        QCOMPARE(BookingFixture::seatsTaken(*m_db, m_heldSlot), qint64(kBlockedBookings));
    }

    void sqlInvariantsAndAuditChainHold()
    {
        QCOMPARE(test::PaymentFixture::invariantViolations(*m_db), QString());
        QCOMPARE(m_reservad->stop(), 0); // the sealer links the last rows on its way out
        QCOMPARE(test::auditChainProblem(QStringLiteral(RESERVAD_PATH), m_databaseUrl), QString());
    }
};

QTEST_GUILESS_MAIN(TestLockTimeout)
#include "tst_locktimeout.moc"
