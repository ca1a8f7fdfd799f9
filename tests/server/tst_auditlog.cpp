// Invariant 11: audit rows commit in the action's own transaction, the tables
// are append-only for the application and (by trigger) for the owner too, and
// the sealer links every committed row into the hash chain exactly once, in
// commit order, without ever making a writer wait. verify() names the first
// link an attacker with superuser rights broke.
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "crypto/threadcleanup.h"
#include "db/sqlerror.h"
#include "db/transaction.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QThread>
#include <QUuid>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>

using namespace reserva;

namespace {

// Failures seen on other threads, asserted on the test thread (QVERIFY only
// works there).
class ThreadFailures
{
public:
    void add(const QString &what)
    {
        QMutexLocker lock(&m_mutex);
        m_list << what;
    }
    QString summary() const
    {
        QMutexLocker lock(&m_mutex);
        return m_list.join(u"; ");
    }
    bool isEmpty() const
    {
        QMutexLocker lock(&m_mutex);
        return m_list.isEmpty();
    }

private:
    mutable QMutex m_mutex;
    QStringList m_list;
};

DbSessionOptions appSession(const ConnectionSettings &settings)
{
    DbSessionOptions options;
    options.settings = settings;
    return options;
}

// Threads of one test, each with its own connection as the application role:
// QtSql connections are thread-affine, and each writer must be its own
// PostgreSQL session for commits to interleave as they do across workers.
// When the test returns early (a failed QVERIFY, an exception) the group runs
// `release` (stop a loop, free a lock the test holds) and joins its threads,
// so none outlives the test or stays blocked.
class ThreadGroup
{
public:
    explicit ThreadGroup(ThreadFailures &failures, std::function<void()> release = {})
        : m_failures(failures)
        , m_release(std::move(release))
    {
    }
    ~ThreadGroup()
    {
        if (m_release)
            m_release();
        for (auto &thread : m_threads)
            thread->wait();
    }
    Q_DISABLE_COPY_MOVE(ThreadGroup)

    QThread *start(const DbSessionOptions &options, std::function<void(DbConnection &)> work)
    {
        ThreadFailures *failures = &m_failures;
        m_threads.emplace_back(QThread::create([options, failures, work] {
            DbConnection db(options,
                            QStringLiteral("audit-test-") + QUuid::createUuid().toString());
            QString error;
            if (!db.open(&error)) {
                failures->add(error);
                return;
            }
            try {
                work(db);
            } catch (const std::exception &e) {
                failures->add(QString::fromUtf8(e.what()));
            }
            releaseThreadCryptoState(); // the sealer hashes with OpenSSL
        }));
        m_threads.back()->start();
        return m_threads.back().get();
    }

    bool waitAll(int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (auto &thread : m_threads) {
            if (!thread->wait(deadline))
                return false;
        }
        return true;
    }

private:
    ThreadFailures &m_failures;
    std::function<void()> m_release;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

AuditEvent testEvent(const QString &action)
{
    AuditEvent event;
    event.action = action;
    event.actor = QStringLiteral("tester");
    event.resource = QStringLiteral("test:") + action;
    // A unique request id lets the writer find its own row: the application
    // role may not read the identity sequence (currval/lastval).
    event.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.detail = {{QStringLiteral("n"), 1}};
    return event;
}

// Appends one row with `db` (inside its open transaction, if any) and returns its id.
qint64 appendRow(DbConnection &db, const QString &action = QStringLiteral("test.row"))
{
    const AuditEvent event = testEvent(action);
    appendAudit(db, event, QDateTime::currentDateTimeUtc());
    DbRows q = db.exec(QStringLiteral("SELECT id FROM audit_log WHERE request_id = ?"),
                       {event.requestId}, "find test audit row");
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 scalar(DbConnection &db, const QString &sql, const QVariantList &params = {})
{
    DbRows q = db.exec(sql, params, "test scalar");
    return q.next() ? q.value(0).toLongLong() : -1;
}

// Sequential scans of audit_chain so far, the application session's own
// included: its pending statistics are flushed first (PostgreSQL 15 sends
// them at the next idle moment once asked), and each read is its own
// transaction, so it sees them.
qint64 chainSequentialScans(DbConnection &db)
{
    scalar(db, QStringLiteral("SELECT 1 FROM (SELECT pg_stat_force_next_flush()) f"));
    return scalar(db, QStringLiteral("SELECT seq_scan FROM pg_stat_user_tables"
                                     " WHERE relname = 'audit_chain'"));
}

// The statement must fail with insufficient_privilege and a message naming
// why (the grant or the trigger), so each defence is proven on its own.
void expectRefused(const std::function<void()> &statement, const char *why)
{
    try {
        statement();
    } catch (const DatabaseFailure &failure) {
        QCOMPARE(failure.sqlState(), QLatin1String(sqlstate::kInsufficientPrivilege));
        QVERIFY2(QString::fromUtf8(failure.what()).contains(QLatin1String(why)), failure.what());
        return;
    }
    QFAIL("the statement was not refused");
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    DbConnection &app() { return m_server->appDb(); }
    DbConnection &super() { return m_server->superDb(); }
    const ConnectionSettings &settings() { return m_server->database(); }

    // Every audit row is chained exactly once, positions run 1..N without a
    // gap, nothing is left queued, and verify() agrees.
    void expectCompleteChain()
    {
        const qint64 rows = scalar(app(), QStringLiteral("SELECT count(*) FROM audit_log"));
        DbRows c = app().exec(QStringLiteral("SELECT count(*), count(DISTINCT audit_id),"
                                             " coalesce(min(position), 1), "
                                             "coalesce(max(position), 0) FROM audit_chain"),
                              {}, "chain shape");
        QVERIFY(c.next());
        QCOMPARE(c.value(0).toLongLong(), rows);
        QCOMPARE(c.value(1).toLongLong(), rows);
        QCOMPARE(c.value(2).toLongLong(), 1);
        QCOMPARE(c.value(3).toLongLong(), rows);
        QCOMPARE(scalar(app(), QStringLiteral("SELECT count(*) FROM audit_log a WHERE NOT EXISTS"
                                              " (SELECT 1 FROM audit_chain c"
                                              " WHERE c.audit_id = a.id)")),
                 0);
        QCOMPARE(scalar(app(), QStringLiteral("SELECT count(*) FROM audit_pending")), 0);
        const auditchain::Report report = auditchain::verify(app());
        QVERIFY2(report.intact, qPrintable(report.reason));
        QCOMPARE(report.checked, rows);
        QCOMPARE(report.unsealed, 0);
    }

    qint64 positionOf(qint64 auditId)
    {
        return scalar(app(), QStringLiteral("SELECT position FROM audit_chain WHERE audit_id = ?"),
                      {auditId});
    }

    // `count` sealed rows; returns their ids, oldest first.
    QList<qint64> sealedRows(int count = 5)
    {
        QList<qint64> ids;
        for (int i = 0; i < count; ++i)
            ids << appendRow(app());
        auditchain::sealPending(app());
        return ids;
    }

    // Runs `statement` as the superuser with every user trigger and foreign
    // key bypassed: what an attacker with the owner's password can do.
    void tamper(const QString &statement, const QVariantList &params)
    {
        super().execDirect(QStringLiteral("SET session_replication_role = replica"),
                           "tamper: bypass triggers");
        super().exec(statement, params, "tamper");
        super().execDirect(QStringLiteral("RESET session_replication_role"), "tamper: restore");
    }

    void expectBroken(qint64 position, std::optional<qint64> auditId, const QString &reason)
    {
        const auditchain::Report report = auditchain::verify(app());
        QVERIFY(!report.intact);
        QVERIFY(report.brokenPosition.has_value());
        QCOMPARE(*report.brokenPosition, position);
        QCOMPARE(report.brokenAuditId.has_value(), auditId.has_value());
        if (auditId)
            QCOMPARE(*report.brokenAuditId, *auditId);
        QVERIFY2(report.reason.contains(reason), qPrintable(report.reason));
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(QStringLiteral("intact")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("first_broken"))
                     .toObject()
                     .value(QStringLiteral("position"))
                     .toInteger(),
                 position);
    }

private Q_SLOTS:
    // A fresh database per test: tampering is permanent. The background
    // sealer is off so each test decides when sealing happens.
    void init()
    {
        m_server = std::make_unique<test::TestServer>(
            SystemClock::instance(), [](ServerConfig &c) { c.runBackgroundJobs = false; });
    }
    void cleanup() { m_server.reset(); }

    // The role reservad's sessions run as is not a superuser, and on our own
    // cluster the session logged in as it: RESET ROLE cannot climb back to a
    // role that could switch the audit triggers off.
    void runtimeSessionCannotEscalate()
    {
        DbConnection session(m_server->server().sessionOptions(), QStringLiteral("escalate"));
        QString error;
        QVERIFY2(session.open(&error), qPrintable(error));
        QCOMPARE(scalar(session, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                                "session_user AND NOT rolsuper")),
                 1);
        session.execDirect(QStringLiteral("RESET ROLE"), "reset role");
        const qint64 id = appendRow(session);
        expectRefused(
            [&] {
                session.exec(
                    QStringLiteral("UPDATE audit_log SET outcome = 'failure' WHERE id = ?"), {id},
                    "update after reset role");
            },
            "permission denied");
        expectRefused(
            [&] {
                session.execDirect(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"),
                                   "disable triggers");
            },
            "must be owner");
    }

    void applicationRoleCannotChangeOrDeleteAuditRows()
    {
        const qint64 id = appendRow(app());
        QVERIFY(id > 0);
        auditchain::sealPending(app());
        QVERIFY(positionOf(id) > 0);

        // The grants are the first line: the message is the privilege
        // check's, not the trigger's.
        const char *denied = "permission denied";
        expectRefused(
            [&] {
                app().exec(QStringLiteral("UPDATE audit_log SET outcome = 'failure' WHERE id = ?"),
                           {id}, "app update audit_log");
            },
            denied);
        expectRefused(
            [&] {
                app().exec(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {id},
                           "app delete audit_log");
            },
            denied);
        expectRefused(
            [&] {
                app().exec(QStringLiteral("UPDATE audit_chain SET hash = prev_hash WHERE "
                                          "audit_id = ?"),
                           {id}, "app update audit_chain");
            },
            denied);
        expectRefused(
            [&] {
                app().exec(QStringLiteral("DELETE FROM audit_chain WHERE audit_id = ?"), {id},
                           "app delete audit_chain");
            },
            denied);
        expectRefused([&] { app().execDirect(QStringLiteral("TRUNCATE audit_log CASCADE"), "t"); },
                      denied);
        expectRefused([&] { app().execDirect(QStringLiteral("TRUNCATE audit_chain"), "t"); },
                      denied);
        // Nothing moved, and the application can still append.
        QCOMPARE(scalar(app(),
                        QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ? AND "
                                       "outcome = 'success'"),
                        {id}),
                 1);
        QVERIFY(appendRow(app()) > id);
        auditchain::sealPending(app());
        expectCompleteChain();
    }

    void triggerRefusesChangesEvenForTheOwner()
    {
        const qint64 id = appendRow(app());
        auditchain::sealPending(app());
        const char *trigger = "append-only";
        expectRefused(
            [&] {
                super().exec(QStringLiteral("UPDATE audit_log SET detail = '{}' WHERE id = ?"),
                             {id}, "super update audit_log");
            },
            trigger);
        expectRefused(
            [&] {
                super().exec(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {id},
                             "super delete audit_log");
            },
            trigger);
        // CASCADE: without it the foreign key from audit_chain refuses first
        // and the trigger would not be what stopped it. (Quiet: PostgreSQL
        // notices which tables the cascade would reach.)
        super().execDirect(QStringLiteral("SET client_min_messages = warning"), "quiet");
        expectRefused(
            [&] { super().execDirect(QStringLiteral("TRUNCATE audit_log CASCADE"), "t"); },
            trigger);
        expectRefused(
            [&] {
                super().exec(QStringLiteral("UPDATE audit_chain SET sealed_at = now() WHERE "
                                            "audit_id = ?"),
                             {id}, "super update audit_chain");
            },
            trigger);
        expectRefused(
            [&] {
                super().exec(QStringLiteral("DELETE FROM audit_chain WHERE audit_id = ?"), {id},
                             "super delete audit_chain");
            },
            trigger);
        expectRefused([&] { super().execDirect(QStringLiteral("TRUNCATE audit_chain"), "t"); },
                      trigger);
        // INSERT stays open to the owner too (migrations, the CLI).
        QVERIFY(appendRow(super()) > id);
        auditchain::sealPending(app());
        expectCompleteChain();
    }

    void rolledBackActionLeavesNoAuditRow()
    {
        qint64 rolledBack = 0;
        {
            Transaction tx(app());
            rolledBack = appendRow(app());
            QVERIFY(rolledBack > 0);
            // Visible inside the transaction, queued by the trigger...
            QCOMPARE(scalar(app(),
                            QStringLiteral("SELECT count(*) FROM audit_pending WHERE "
                                           "audit_id = ?"),
                            {rolledBack}),
                     1);
            // ...and invisible to everyone else until commit.
            QCOMPARE(scalar(super(), QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ?"),
                            {rolledBack}),
                     0);
            tx.rollback();
        }
        QCOMPARE(scalar(super(), QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ?"),
                        {rolledBack}),
                 0);
        QCOMPARE(scalar(super(),
                        QStringLiteral("SELECT count(*) FROM audit_pending WHERE audit_id = ?"),
                        {rolledBack}),
                 0);

        qint64 committed = 0;
        {
            Transaction tx(app());
            committed = appendRow(app());
            tx.commit();
        }
        QCOMPARE(scalar(super(), QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ?"),
                        {committed}),
                 1);
        QCOMPARE(scalar(super(),
                        QStringLiteral("SELECT count(*) FROM audit_pending WHERE audit_id = ?"),
                        {committed}),
                 1);
        auditchain::sealPending(app());
        expectCompleteChain();
    }

    void concurrentWritersAreChainedExactlyOnce()
    {
        constexpr int kWriters = 4;
        constexpr int kPerWriter = 25;
        ThreadFailures failures;
        std::atomic<bool> writing{true};
        // The sealer runs in small batches throughout, so rows commit before,
        // during and after each of its transactions.
        ThreadGroup sealer(failures, [&] { writing = false; });
        sealer.start(appSession(settings()), [&](DbConnection &db) {
            while (writing.load()) {
                auditchain::sealPending(db, 7);
                QThread::yieldCurrentThread();
            }
        });
        ThreadGroup writers(failures);
        for (int w = 0; w < kWriters; ++w) {
            writers.start(appSession(settings()), [](DbConnection &db) {
                for (int i = 0; i < kPerWriter; ++i) {
                    Transaction tx(db);
                    appendRow(db, QStringLiteral("test.concurrent"));
                    QThread::yieldCurrentThread(); // interleave the commits
                    tx.commit();
                }
            });
        }
        QVERIFY(writers.waitAll(60000));
        writing = false;
        QVERIFY(sealer.waitAll(60000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.summary()));
        QCOMPARE(scalar(app(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                              "'test.concurrent'")),
                 kWriters * kPerWriter);
        auditchain::sealPending(app());
        expectCompleteChain();
    }

    void concurrentSealersNeverDuplicateOrSkipAPosition()
    {
        constexpr int kWriters = 3;
        constexpr int kPerWriter = 30;
        ThreadFailures failures;
        std::atomic<bool> writing{true};
        // Two sealers in a loop: without the sealing lock both would read the
        // same head and collide on a position (a failure recorded here).
        ThreadGroup sealers(failures, [&] { writing = false; });
        for (int s = 0; s < 2; ++s) {
            sealers.start(appSession(settings()), [&](DbConnection &db) {
                while (writing.load())
                    auditchain::sealPending(db, 5);
            });
        }
        ThreadGroup writers(failures);
        for (int w = 0; w < kWriters; ++w) {
            writers.start(appSession(settings()), [](DbConnection &db) {
                for (int i = 0; i < kPerWriter; ++i) {
                    Transaction tx(db);
                    appendRow(db);
                    tx.commit();
                }
            });
        }
        QVERIFY(writers.waitAll(60000));
        writing = false;
        QVERIFY(sealers.waitAll(60000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.summary()));
        auditchain::sealPending(app());
        expectCompleteChain();
    }

    void secondSealerReturnsAtOnceAndWritersNeverWait()
    {
        QList<qint64> queued;
        for (int i = 0; i < 5; ++i)
            queued << appendRow(app());
        // Hold the sealer mid-flight: it links rows in id order, so a lock on
        // the last queued row stops it at its last step, with every chain row
        // inserted and the rest of the queue deleted, and the sealing lock held.
        const qint64 blockerPid = scalar(super(), QStringLiteral("SELECT pg_backend_pid()"));
        Transaction blocker(super());
        super().exec(QStringLiteral("SELECT audit_id FROM audit_pending WHERE audit_id = ? FOR "
                                    "UPDATE"),
                     {queued.last()}, "hold the last queued row");

        ThreadFailures failures;
        std::atomic<int> sealedByFirst{-1};
        DbSessionOptions patient = appSession(settings());
        patient.lockTimeoutMs = 0; // no timeout: it waits until released
        patient.statementTimeoutMs = 0;
        ThreadGroup sealerGroup(failures, [&] { blocker.rollback(); });
        QThread *sealer = sealerGroup.start(
            patient, [&](DbConnection &db) { sealedByFirst = auditchain::sealPending(db); });
        const QString blocked =
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE ?::int = ANY "
                           "(pg_blocking_pids(pid))");
        QTRY_VERIFY_WITH_TIMEOUT(scalar(app(), blocked, {blockerPid}) == 1, 20000);

        // One sealer at a time: the second returns at once instead of
        // queueing behind (or colliding with) the first.
        int sealedBySecond = -1;
        try {
            sealedBySecond = auditchain::sealPending(app());
        } catch (const DatabaseFailure &failure) {
            QFAIL(failure.what()); // e.g. a lock timeout behind the first sealer
        }
        QCOMPARE(sealedBySecond, 0);

        // Writers commit while the sealer is stuck holding the chain: none
        // waits on it (a wait would end in a lock timeout after 5 s and be
        // recorded as a failure).
        ThreadGroup writers(failures);
        for (int w = 0; w < 4; ++w) {
            writers.start(appSession(settings()), [](DbConnection &db) {
                for (int i = 0; i < 20; ++i) {
                    Transaction tx(db);
                    appendRow(db, QStringLiteral("test.during_seal"));
                    tx.commit();
                }
            });
        }
        QVERIFY(writers.waitAll(60000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.summary()));
        QVERIFY(!sealer->isFinished());
        QCOMPARE(scalar(app(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                              "'test.during_seal'")),
                 80);

        blocker.rollback();
        QVERIFY(sealerGroup.waitAll(30000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.summary()));
        QVERIFY(sealedByFirst.load() >= queued.size());
        auditchain::sealPending(app());
        expectCompleteChain();
    }

    void positionsFollowCommitOrderNotIdOrder()
    {
        auditchain::sealPending(app());
        DbConnection a(appSession(settings()), QStringLiteral("audit-test-a"));
        DbConnection b(appSession(settings()), QStringLiteral("audit-test-b"));
        QString error;
        QVERIFY2(a.open(&error), qPrintable(error));
        QVERIFY2(b.open(&error), qPrintable(error));

        Transaction txA(a);
        const qint64 early = appendRow(a); // the lower id...
        Transaction txB(b);
        const qint64 late = appendRow(b);
        QVERIFY(early < late);
        txB.commit();
        QVERIFY(auditchain::sealPending(app()) >= 1);
        QVERIFY(positionOf(late) > 0);
        QCOMPARE(positionOf(early), -1); // not committed yet: not visible to the sealer

        txA.commit(); // ...commits last
        QVERIFY(auditchain::sealPending(app()) >= 1);
        QVERIFY(positionOf(early) > positionOf(late));
        expectCompleteChain();
    }

    void intactAfterNormalSealingInSeveralRounds()
    {
        auditchain::sealPending(app()); // whatever the server wrote at start
        QCOMPARE(auditchain::verify(app()).intact, true);
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 4; ++i)
                appendRow(app());
            const auditchain::Report before = auditchain::verify(app());
            QVERIFY(before.intact);
            QCOMPARE(before.unsealed, 4);
            QCOMPARE(auditchain::sealPending(app(), 3), 3); // a batch smaller than the queue
            QCOMPARE(auditchain::sealPending(app()), 1);
            expectCompleteChain();
        }
    }

    void staleQueueEntryDoesNotWedgeTheSealer()
    {
        const QList<qint64> ids = sealedRows(3);
        // The application role may INSERT into the queue (the enqueue trigger
        // runs as the writer), so a bug or an injected statement can queue a
        // row that is already chained. The sealer must not fail on it forever:
        // that would stop the chain on every instance and, once the job has
        // failed for 10 s, take /readyz down with it.
        app().exec(QStringLiteral("INSERT INTO audit_pending (audit_id) VALUES (?)"), {ids.at(1)},
                   "re-queue a chained row");
        const qint64 fresh = appendRow(app());
        int sealed = -1;
        try {
            sealed = auditchain::sealPending(app());
        } catch (const DatabaseFailure &failure) {
            QFAIL(failure.what());
        }
        QCOMPARE(sealed, 1);
        QVERIFY(positionOf(fresh) > positionOf(ids.at(2)));
        expectCompleteChain();
    }

    void sealingDoesNotScanTheWholeChain()
    {
        // The chain only grows; the sealer runs every few hundred
        // milliseconds. Its work must follow the queue, not the chain: no
        // sequential scan of audit_chain however long it is.
        super().exec(QStringLiteral("INSERT INTO audit_log (occurred_at, actor, action, resource,"
                                    " outcome, request_id, detail)"
                                    " SELECT now(), 'bulk', 'test.bulk', 'bulk:' || n, 'success',"
                                    " 'bulk-' || n, '{}' FROM generate_series(1, 20000) n"),
                     {}, "bulk audit rows");
        while (auditchain::sealPending(app(), 1000) > 0) {
        }
        // A backlog in the queue, as under load, with one stale entry.
        super().exec(QStringLiteral("INSERT INTO audit_log (occurred_at, actor, action, resource,"
                                    " outcome, request_id, detail)"
                                    " SELECT now(), 'bulk', 'test.bulk', 'late:' || n, 'success',"
                                    " 'late-' || n, '{}' FROM generate_series(1, 500) n"),
                     {}, "queued audit rows");
        app().exec(QStringLiteral("INSERT INTO audit_pending (audit_id)"
                                  " SELECT min(audit_id) FROM audit_chain"),
                   {}, "re-queue a chained row");
        super().execDirect(QStringLiteral("ANALYZE audit_chain, audit_pending"), "analyze");
        const qint64 before = chainSequentialScans(app());
        QCOMPARE(auditchain::sealPending(app()), 500);
        QCOMPARE(chainSequentialScans(app()), before);
        expectCompleteChain();
    }

    void verifyWalksAChainLongerThanOnePage()
    {
        // verify() reads the chain in pages of 2000 links: a tampered link on
        // a later page, or a gap right at a page boundary, must still be found.
        app().exec(QStringLiteral("INSERT INTO audit_log (occurred_at, actor, action, outcome, "
                                  "detail) SELECT now(), 'bulk', 'test.bulk', 'success', "
                                  "jsonb_build_object('n', g) FROM generate_series(1, 4500) g"),
                   {}, "bulk audit rows");
        int rounds = 0;
        while (auditchain::sealPending(app()) > 0)
            ++rounds;
        QCOMPARE(rounds, 5); // batches of at most 1000
        expectCompleteChain();

        auto auditIdAt = [&](qint64 position) {
            return scalar(app(),
                          QStringLiteral("SELECT audit_id FROM audit_chain WHERE position = ?"),
                          {position});
        };
        const qint64 onThirdPage = auditIdAt(4100);
        tamper(QStringLiteral("UPDATE audit_log SET detail = '{\"n\": 0}' WHERE id = ?"),
               {onThirdPage});
        expectBroken(4100, onThirdPage, QStringLiteral("changed"));

        tamper(QStringLiteral("DELETE FROM audit_chain WHERE position = ?"), {2001});
        expectBroken(2001, std::nullopt, QStringLiteral("missing"));
    }

    void detectsAChangedRow()
    {
        const QList<qint64> ids = sealedRows();
        const qint64 middle = ids.at(2);
        tamper(QStringLiteral("UPDATE audit_log SET detail = '{\"n\": 2}' WHERE id = ?"), {middle});
        expectBroken(positionOf(middle), middle, QStringLiteral("changed"));
    }

    void detectsAChangedRowWithTriggersDisabled()
    {
        const QList<qint64> ids = sealedRows();
        const qint64 middle = ids.at(1);
        super().execDirect(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"), "t");
        super().exec(QStringLiteral("UPDATE audit_log SET outcome = 'failure' WHERE id = ?"),
                     {middle}, "tamper");
        super().execDirect(QStringLiteral("ALTER TABLE audit_log ENABLE TRIGGER USER"), "t");
        expectBroken(positionOf(middle), middle, QStringLiteral("changed"));
    }

    void detectsADeletedRow()
    {
        const QList<qint64> ids = sealedRows();
        const qint64 middle = ids.at(2);
        const qint64 position = positionOf(middle);
        // Replica mode also skips the foreign key from audit_chain.
        tamper(QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {middle});
        QCOMPARE(
            scalar(app(), QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ?"), {middle}),
            0);
        expectBroken(position, middle, QStringLiteral("gone"));
    }

    void detectsADeletedLink()
    {
        const QList<qint64> ids = sealedRows();
        const qint64 middle = ids.at(2);
        const qint64 position = positionOf(middle);
        tamper(QStringLiteral("DELETE FROM audit_chain WHERE audit_id = ?"), {middle});
        // The walk notices the gap where the link was; which row it held is
        // unknown once the link is gone.
        expectBroken(position, std::nullopt, QStringLiteral("missing"));
    }

    void detectsAChangedHashAtThatLink()
    {
        const QList<qint64> ids = sealedRows();
        const qint64 middle = ids.at(2);
        tamper(QStringLiteral("UPDATE audit_chain SET hash = sha256(hash) WHERE audit_id = ?"),
               {middle});
        // The stored hash no longer matches the row it seals: reported at the
        // same link (the next link's prev_hash is checked against the
        // recomputed hash, so it does not also break).
        expectBroken(positionOf(middle), middle, QStringLiteral("changed"));
    }

    void detectsAChangedPreviousHash()
    {
        const QList<qint64> ids = sealedRows();
        const qint64 middle = ids.at(3);
        tamper(QStringLiteral("UPDATE audit_chain SET prev_hash = sha256(prev_hash) WHERE "
                              "audit_id = ?"),
               {middle});
        expectBroken(positionOf(middle), middle, QStringLiteral("predecessor"));
    }

    void detectsARowRemovedFromTheQueue()
    {
        sealedRows();
        const qint64 chained = scalar(app(), QStringLiteral("SELECT count(*) FROM audit_chain"));
        const qint64 unsealed = appendRow(app());
        QCOMPARE(auditchain::verify(app()).unsealed, 1);
        // audit_pending has no trigger (the sealer deletes from it): an owner
        // can drop a row from the queue so it would never be chained.
        super().exec(QStringLiteral("DELETE FROM audit_pending WHERE audit_id = ?"), {unsealed},
                     "tamper queue");
        expectBroken(chained + 1, unsealed, QStringLiteral("neither chained nor queued"));
        QCOMPARE(auditchain::sealPending(app()), 0); // and the sealer cannot fix it
    }

private:
    std::unique_ptr<test::TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
