// PostgreSQL restarted under load (issue 8, faults): a real `reservad serve`
// on a cluster of this test's own (durable: fsync and synchronous commit on,
// as in production), bookings streaming in from several clients, and the
// cluster stopped (fast, then immediate: no checkpoint, recovery from the WAL
// at the next start) and started again on the same data directory and port.
// While it is down reservad answers every request 503 problem+json with
// Retry-After (never 500, never a dropped connection) and /readyz is 503;
// once it is back reservad reconnects by itself (the same process) and every
// booking it answered 201 is in the database. Replaying each refused request
// with its Idempotency-Key then books it exactly once.
#include "bookingfixture.h"
#include "db/dbconnection.h"
#include "db/localpostgres.h"
#include "db/migrator.h"
#include "paymentfixture.h"
#include "reservadprocess.h"
#include "reservadserver.h"
#include "testhttpclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace reserva;
using test::BookingFixture;

namespace {

const QString kPassword = QStringLiteral("db restart test password");
constexpr int kClients = 4;

} // namespace

class TestDbRestart : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_clusterDir;
    std::unique_ptr<LocalPostgres> m_postgres;
    ConnectionSettings m_database;
    QString m_databaseUrl;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<test::ReservadServer> m_reservad;
    qint64 m_pid = 0;
    QString m_token;
    QUuid m_slot;
    QMutex m_mutex;
    QList<QByteArray> m_keys;             // every key sent, every round; guarded by m_mutex
    QHash<QByteArray, QString> m_created; // key -> reservation id, for the 201s
    int m_round = 0;

    std::unique_ptr<test::TestHttpClient> client() const
    {
        auto http = std::make_unique<test::TestHttpClient>(m_reservad->port());
        http->setBearer(m_token);
        return http;
    }

    // A fresh superuser connection for the checks (the old one died with the cluster).
    std::unique_ptr<DbConnection> checker()
    {
        DbSessionOptions options;
        options.settings = m_database;
        options.role.clear();
        auto db = std::make_unique<DbConnection>(options, QStringLiteral("restart-check-") +
                                                              QUuid::createUuid().toString());
        QString error;
        if (!db->open(&error))
            qWarning("check connection: %s", qPrintable(error));
        return db;
    }

    static bool isProblem503(const test::TestResponse &r)
    {
        return r.status == 503 && r.header("retry-after").toInt() >= 1 &&
               r.header("content-type") == "application/problem+json" &&
               r.problemSlug() == u"service-unavailable";
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Short path (the Unix socket lives inside it); an owner.pid so that
        // a crashed run's cluster is reaped by the next one (TestCluster).
        m_clusterDir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/rsv-XXXXXX"));
        QVERIFY(m_clusterDir->isValid());
        QFile owner(m_clusterDir->filePath(QStringLiteral("owner.pid")));
        QVERIFY(owner.open(QIODevice::WriteOnly));
        owner.write(QByteArray::number(QCoreApplication::applicationPid()));
        owner.close();
        QFile::setPermissions(m_clusterDir->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                        QFile::ExeOwner | QFile::ExeGroup |
                                                        QFile::ExeOther);
        LocalPostgres::Options options;
        options.dataDir = m_clusterDir->path();
        options.durable = true; // what a 201 promises must survive an immediate stop
        options.database = QStringLiteral("restart");
        m_postgres = std::make_unique<LocalPostgres>(options);
        QString error;
        QVERIFY2(m_postgres->start(&error), qPrintable(error));
        m_database = m_postgres->connectionSettings();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                        QStringLiteral("restart-migrate"));
            m_database.applyTo(db);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QVERIFY2(Migrator::migrate(db, nullptr, &error), qPrintable(error));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restart-migrate"));
        m_databaseUrl = test::cliDatabaseUrl(m_database);
        QVERIFY(test::seedTenantManager(m_database, QStringLiteral("restart"),
                                        QStringLiteral("restart.manager"), kPassword));

        m_dataDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dataDir->isValid());
        m_reservad = std::make_unique<test::ReservadServer>(QStringLiteral(RESERVAD_PATH),
                                                            m_databaseUrl, m_dataDir->path());
        const QString started = m_reservad->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_pid = m_reservad->pid();

        test::TestHttpClient http(m_reservad->port());
        const test::TestResponse login =
            http.post(QStringLiteral("/v1/auth/login"),
                      {{QStringLiteral("username"), QStringLiteral("restart.manager")},
                       {QStringLiteral("password"), kPassword}});
        QCOMPARE(login.status, 200);
        m_token = login.json().value(QStringLiteral("access_token")).toString();
        const test::TestResponse product =
            client()->post(QStringLiteral("/v1/products"),
                           {{QStringLiteral("name"), QStringLiteral("Restart tour")},
                            {QStringLiteral("kind"), QStringLiteral("tour")},
                            {QStringLiteral("price_minor"), 7000},
                            {QStringLiteral("currency"), QStringLiteral("USD")}});
        QCOMPARE(product.status, 201);
        const test::TestResponse slot = client()->post(
            QStringLiteral("/v1/products/") +
                product.json().value(QStringLiteral("id")).toString() + QStringLiteral("/slots"),
            {{QStringLiteral("starts_at"),
              QDateTime::currentDateTimeUtc().addDays(40).toString(Qt::ISODate)},
             {QStringLiteral("duration_minutes"), 60},
             {QStringLiteral("capacity"), 5000}});
        QCOMPARE(slot.status, 201);
        m_slot = QUuid::fromString(slot.json().value(QStringLiteral("id")).toString());
    }

    void cleanupTestCase()
    {
        m_reservad.reset();
        m_postgres.reset(); // stops the cluster
    }

    void restartUnderLoad_data()
    {
        QTest::addColumn<bool>("immediate");
        QTest::newRow("fast") << false;
        QTest::newRow("immediate") << true;
    }

    void restartUnderLoad()
    {
        QFETCH(bool, immediate);
        const int round = ++m_round;
        enum Phase { Before, Down, After, Done };
        std::atomic<int> phase{Before};
        std::atomic<int> createdBefore{0};
        std::atomic<int> refusedWhileDown{0};
        std::atomic<int> createdAfter{0};
        std::atomic<int> unexpected{0};
        std::atomic<int> readyWhileDown{0}; // /readyz 200 seen while the cluster was stopped
        std::atomic<int> notReadyWhileDown{0};
        QByteArray firstUnexpected;
        QMutex unexpectedMutex;

        // kClients bookers plus one /readyz poller, until the phase is Done.
        std::thread load([&] {
            BookingFixture::runConcurrently(kClients + 1, [&](int thread) {
                const auto http = client();
                for (int i = 0; phase.load() != Done; ++i) {
                    if (thread == kClients) {
                        const int seenIn = phase.load();
                        const test::TestResponse r = http->get(QStringLiteral("/readyz"));
                        if (seenIn == Down && phase.load() == Down) {
                            if (r.status == 200)
                                ++readyWhileDown;
                            else if (isProblem503(r))
                                ++notReadyWhileDown;
                        }
                        QThread::msleep(20);
                        continue;
                    }
                    // A client that honours Retry-After: the same request,
                    // with the same key, after the delay; a new one once
                    // the last was booked.
                    const QByteArray key = "restart-" + QByteArray::number(round) + '-' +
                                           QByteArray::number(thread) + '-' + QByteArray::number(i);
                    {
                        QMutexLocker lock(&m_mutex);
                        m_keys << key;
                    }
                    for (bool booked = false; !booked && phase.load() != Done;) {
                        const int seenIn = phase.load();
                        const test::TestResponse r = BookingFixture::book(*http, m_slot, 1, key);
                        if (r.status == 201) {
                            booked = true;
                            (seenIn == After ? createdAfter : createdBefore)++;
                            QMutexLocker lock(&m_mutex);
                            m_created.insert(key, r.json().value(QStringLiteral("id")).toString());
                        } else if (isProblem503(r)) {
                            if (seenIn == Down && phase.load() == Down)
                                ++refusedWhileDown;
                            QThread::sleep(r.header("retry-after").toULong());
                        } else {
                            // Not 201, not a proper 503: a 500, a missing
                            // Retry-After, or no answer at all.
                            ++unexpected;
                            QMutexLocker lock(&unexpectedMutex);
                            if (firstUnexpected.isEmpty())
                                firstUnexpected = QByteArray::number(r.status) + ' ' + r.body;
                            booked = true; // give up on this one; counted above
                        }
                    }
                }
            });
        });
        // However the round ends (a failed QVERIFY returns): stop the load.
        const auto stopLoad = qScopeGuard([&] {
            phase = Done;
            if (load.joinable())
                load.join();
        });

        // Under load first.
        QVERIFY(BookingFixture::waitFor([&] { return createdBefore.load() >= 20; }, 60000));
        m_postgres->stop(immediate ? LocalPostgres::Shutdown::Immediate
                                   : LocalPostgres::Shutdown::Fast);
        // Down only once stopped: while pg_ctl is still on its way, a probe
        // may rightly find the database answering (CI's ASan lane saw one).
        phase = Down;
        // Down: refusals, and a not-ready probe, observed while it stays down.
        QVERIFY2(BookingFixture::waitFor(
                     [&] { return refusedWhileDown.load() >= 8 && notReadyWhileDown.load() >= 1; },
                     60000),
                 qPrintable(QStringLiteral("while down: %1 bookings refused, %2 not-ready probes")
                                .arg(refusedWhileDown.load())
                                .arg(notReadyWhileDown.load())));
        QCOMPARE(readyWhileDown.load(), 0);
        QVERIFY(m_reservad->isRunning());

        // Back, on the same data directory and socket: reservad reconnects
        // by itself and books again.
        QString error;
        QVERIFY2(m_postgres->start(&error), qPrintable(error));
        phase = After;
        QVERIFY2(BookingFixture::waitFor([&] { return createdAfter.load() >= 20; }, 60000),
                 "no booking succeeded after the cluster came back");
        phase = Done;
        load.join();

        QVERIFY2(unexpected.load() == 0, firstUnexpected.constData());
        QVERIFY(m_reservad->isRunning());
        QCOMPARE(m_reservad->pid(), m_pid); // reconnected, not restarted
        test::TestHttpClient probe(m_reservad->port());
        QCOMPARE(probe.get(QStringLiteral("/readyz")).status, 200);
        qInfo("round %d: %d booked before, %d refused while down, %d booked after", round,
              createdBefore.load(), refusedWhileDown.load(), createdAfter.load());
    }

    // Every 201 is in the database; every key never answered 201, replayed
    // now, books exactly once; nothing is doubled.
    void everyAnsweredBookingIsThereAndReplaysBookOnce()
    {
        const auto db = checker();
        QVERIFY(!m_created.isEmpty());
        const QStringList ids = m_created.values();
        QCOMPARE(BookingFixture::count(*db,
                                       QStringLiteral("SELECT count(*) FROM reservations WHERE"
                                                      " id = ANY(string_to_array(?, ',')::uuid[])"),
                                       {ids.join(u',')}),
                 qint64(ids.size()));

        const auto http = client();
        QSet<QString> reservations(ids.cbegin(), ids.cend());
        for (const QByteArray &key : std::as_const(m_keys)) {
            const test::TestResponse r = BookingFixture::book(*http, m_slot, 1, key);
            QVERIFY2(r.status == 201, r.body.constData());
            const QString id = r.json().value(QStringLiteral("id")).toString();
            if (m_created.contains(key)) // answered before: the same reservation, replayed
                QCOMPARE(id, m_created.value(key));
            reservations.insert(id);
        }
        // One reservation per key sent, whatever was answered when.
        QCOMPARE(reservations.size(), m_keys.size());
        QCOMPARE(BookingFixture::count(
                     *db,
                     QStringLiteral("SELECT count(*) FROM reservations WHERE slot_id = ?::uuid"),
                     {BookingFixture::idText(m_slot)}),
                 qint64(m_keys.size()));
        QCOMPARE(BookingFixture::seatsTaken(*db, m_slot), qint64(m_keys.size()));
        QCOMPARE(test::PaymentFixture::invariantViolations(*db), QString());
    }

    void auditChainIntact()
    {
        QCOMPARE(m_reservad->stop(), 0);
        QCOMPARE(test::auditChainProblem(QStringLiteral(RESERVAD_PATH), m_databaseUrl), QString());
    }
};

QTEST_GUILESS_MAIN(TestDbRestart)
#include "tst_dbrestart.moc"
