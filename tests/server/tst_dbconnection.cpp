// DbConnection::exec against a real PostgreSQL: statements are prepared once
// per connection at the protocol level (extended protocol, parameters sent
// apart from the SQL text, never spliced into it), rows come back with the
// types the stores expect, an error carries its SQLSTATE but not the row's
// values, a transaction whose BEGIN is pipelined with its first statement is
// still one transaction, deferred statements run in order with the next
// statement or the COMMIT and fail the transaction where they are sent, and a
// connection killed under it is noticed and replaced.
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "testserver.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QtTest>

using namespace reserva;

class TestDbConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestServer> m_server;

    DbConnection &db() { return m_server->superDb(); }

    // One row, positioned on it.
    DbRows row(const QString &sql, const QVariantList &params = {})
    {
        DbRows rows = db().exec(sql, params, "dbconnection test");
        if (!rows.next())
            QTest::qFail("no row", __FILE__, __LINE__);
        return rows;
    }

    qint64 preparedCount(const QString &like, bool fromSql)
    {
        DbRows rows = db().exec(QStringLiteral("SELECT count(*) FROM pg_prepared_statements"
                                               " WHERE statement LIKE ? AND from_sql = ?"),
                                {like, fromSql}, "prepared statements");
        return rows.next() ? rows.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<test::TestServer>(); }
    void cleanupTestCase() { m_server.reset(); }

    void preparesEachStatementOnceAtTheProtocolLevel()
    {
        const QString sql = QStringLiteral("SELECT ?::int + 1 AS protocol_marker");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(row(sql, {i}).value(0).toInt(), i + 1);
        // One statement, prepared by a Parse message (from_sql false), not
        // by an SQL PREPARE (what QtSql's driver sends, then EXECUTE with
        // the values written into the text).
        QCOMPARE(preparedCount(QStringLiteral("%protocol_marker%"), false), 1);
        QCOMPARE(preparedCount(QStringLiteral("%protocol_marker%"), true), 0);
    }

    void readsColumnsWithTheirTypes()
    {
        const DbRows r = row(QStringLiteral(
            "SELECT true, 32767::int2, 2147483647, 9223372036854775807, 12.50::numeric,"
            " 0.1::float8, DATE '2026-11-25', TIMESTAMPTZ '2026-11-25 09:31:03.1234+03',"
            " TIMESTAMP '2026-11-25 06:31:03', '\\x00ff'::bytea,"
            " '6f1c0d8e-4a63-4c4e-9d39-1d2e3f405162'::uuid, ARRAY['a', 'b c']::text[],"
            " '{\"a\": 1}'::jsonb, 'ação'::text"));
        QCOMPARE(r.value(0), QVariant(true));
        QCOMPARE(r.value(1), QVariant(32767));
        QCOMPARE(r.value(2), QVariant(2147483647));
        QCOMPARE(r.value(3).toLongLong(), 9223372036854775807LL);
        QCOMPARE(r.value(4), QVariant(12.5));
        QCOMPARE(r.value(5), QVariant(0.1));
        QCOMPARE(r.value(6), QVariant(QDate(2026, 11, 25)));
        const QDateTime instant(QDate(2026, 11, 25), QTime(6, 31, 3, 123), Qt::UTC);
        QCOMPARE(sql::toUtc(r.value(7)), instant);
        QCOMPARE(sql::toUtc(r.value(8)), instant.addMSecs(-123));
        QCOMPARE(r.value(9), QVariant(QByteArray("\x00\xff", 2)));
        QCOMPARE(sql::toUuid(r.value(10)),
                 QUuid(QStringLiteral("6f1c0d8e-4a63-4c4e-9d39-1d2e3f405162")));
        QCOMPARE(sql::fromTextArray(r.value(11)),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b c")}));
        QCOMPARE(r.value(12).toString(), QStringLiteral("{\"a\": 1}"));
        QCOMPARE(r.value(13).toString(), QStringLiteral("ação"));
        QCOMPARE(r.columnCount(), 14);
        // Outside the columns: an invalid QVariant, not a crash.
        QVERIFY(!r.value(14).isValid());
        QVERIFY(!r.value(-1).isValid());
    }

    void readsNullAsANullOfTheColumnType()
    {
        const DbRows r = row(QStringLiteral("SELECT NULL::int, NULL::timestamptz, NULL::text"));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(r.isNull(i));
            QVERIFY(r.value(i).isNull());
        }
        QCOMPARE(r.value(0).metaType().id(), int(QMetaType::Int));
        QCOMPARE(r.value(1).metaType().id(), int(QMetaType::QDateTime));
        QVERIFY(!sql::toUtc(r.value(1)).isValid());
    }

    void bindsValuesApartFromTheStatement()
    {
        // A value that would end a literal and start a statement stays a value.
        const QString hostile = QStringLiteral("x'); DROP TABLE tenants; --");
        QCOMPARE(row(QStringLiteral("SELECT ?::text"), {hostile}).value(0).toString(), hostile);
        QVERIFY(row(QStringLiteral("SELECT count(*) FROM tenants")).value(0).isValid());
        // A ? inside a literal or a comment is not a placeholder.
        const DbRows r =
            row(QStringLiteral("SELECT '?' || ?::text -- and this?\n"), {QStringLiteral("!")});
        QCOMPARE(r.value(0).toString(), QStringLiteral("?!"));
    }

    void bindsNullTheWayQtSqlDid()
    {
        const DbRows r = row(QStringLiteral("SELECT ?::text IS NULL, ?::text IS NULL,"
                                            " ?::uuid IS NULL, ?::timestamptz IS NULL"),
                             {QVariant(QString()), sql::text(QString()), sql::uuid(QUuid()),
                              sql::time(QDateTime())});
        QCOMPARE(r.value(0), QVariant(true));  // a null QString is NULL
        QCOMPARE(r.value(1), QVariant(false)); // sql::text makes it ''
        QCOMPARE(r.value(2), QVariant(true));
        QCOMPARE(r.value(3), QVariant(true));
    }

    void roundTripsValues()
    {
        const QDateTime offset(QDate(2026, 11, 25), QTime(4, 0, 0, 250), QTimeZone(19800));
        const QByteArray bytes("\x00'\\x\xff", 5);
        const DbRows r = row(QStringLiteral("SELECT ?::timestamptz, ?::bytea, ?::bigint, ?::bool,"
                                            " ?::float8, ?::text"),
                             {offset, bytes, qlonglong(-9223372036854775807LL - 1), false, 1e-300,
                              QStringLiteral("ação \u2603")});
        QCOMPARE(sql::toUtc(r.value(0)), offset.toUTC());
        QCOMPARE(r.value(1).toByteArray(), bytes);
        QCOMPARE(r.value(2).toLongLong(), -9223372036854775807LL - 1);
        QCOMPARE(r.value(3), QVariant(false));
        QCOMPARE(r.value(4).toDouble(), 1e-300);
        QCOMPARE(r.value(5).toString(), QStringLiteral("ação \u2603"));
    }

    void countsTheRowsAStatementTouched()
    {
        db().execDirect(QStringLiteral("CREATE TEMP TABLE touched (n int)"), "test table");
        DbRows inserted = db().exec(
            QStringLiteral("INSERT INTO touched SELECT generate_series(1, ?)"), {7}, "insert");
        QCOMPARE(inserted.numRowsAffected(), 7);
        QVERIFY(!inserted.next());
        DbRows selected = db().exec(QStringLiteral("SELECT n FROM touched ORDER BY n"), {}, "rows");
        QCOMPARE(selected.size(), 7);
        int n = 0;
        while (selected.next())
            QCOMPARE(selected.value(0).toInt(), ++n);
        QCOMPARE(n, 7);
        QVERIFY(!selected.next());
        QVERIFY(!selected.value(0).isValid());
    }

    void errorsCarryTheirStateButNotTheRow()
    {
        db().execDirect(QStringLiteral("CREATE TEMP TABLE unique_emails (email text UNIQUE)"),
                        "test table");
        const QString email = QStringLiteral("canary.row.value@example.test");
        const QString insert = QStringLiteral("INSERT INTO unique_emails VALUES (?)");
        db().exec(insert, {email}, "first insert");
        try {
            db().exec(insert, {email}, "second insert");
            QFAIL("a duplicate key was accepted");
        } catch (const DatabaseFailure &failure) {
            QCOMPARE(failure.sqlState(), QString::fromLatin1(sqlstate::kUniqueViolation));
            QVERIFY(!failure.isTransient());
            const QString text = QString::fromUtf8(failure.what());
            QVERIFY2(text.contains(u"second insert"), qPrintable(text));
            // DETAIL ("Key (email)=(...) already exists") stays out: this
            // text is what reaches the log.
            QVERIFY2(!text.contains(email), qPrintable(text));
        }
        // The connection is still good for the next statement.
        QCOMPARE(row(QStringLiteral("SELECT 1")).value(0).toInt(), 1);
    }

    // BEGIN travels with the transaction's first statement (one pipeline):
    // what the statements do must still be one transaction, committed or
    // rolled back as a whole, and a failure of that first statement must
    // leave the session usable.
    void transactionsCommitAndRollBackAsAWhole()
    {
        db().execDirect(QStringLiteral("CREATE TEMP TABLE tx_rows (n int PRIMARY KEY)"),
                        "test table");
        const QString insert = QStringLiteral("INSERT INTO tx_rows VALUES (?)");
        const QString count = QStringLiteral("SELECT count(*) FROM tx_rows");
        {
            Transaction tx(db());
            db().exec(insert, {1}, "insert 1");
            db().exec(insert, {2}, "insert 2");
            // Both statements run in the one transaction.
            QCOMPARE(row(QStringLiteral("SELECT count(DISTINCT xmin::text) FROM tx_rows"))
                         .value(0)
                         .toInt(),
                     1);
        } // not committed: rolled back
        QCOMPARE(row(count).value(0).toInt(), 0);
        {
            Transaction tx(db());
            db().exec(insert, {3}, "insert 3");
            tx.commit();
        }
        QCOMPARE(row(count).value(0).toInt(), 1);
        {
            Transaction tx(db());
            tx.commit(); // ran nothing: nothing to send, nothing to fail
        }
    }

    void aFailedFirstStatementLeavesTheSessionUsable()
    {
        db().execDirect(QStringLiteral("CREATE TEMP TABLE tx_unique (n int PRIMARY KEY)"),
                        "test table");
        db().exec(QStringLiteral("INSERT INTO tx_unique VALUES (1)"), {}, "seed");
        try {
            Transaction tx(db());
            db().exec(QStringLiteral("INSERT INTO tx_unique VALUES (?)"), {1}, "first statement");
            QFAIL("a duplicate key was accepted");
        } catch (const DatabaseFailure &failure) {
            // The statement's own error, not the pipeline's abort.
            QCOMPARE(failure.sqlState(), QString::fromLatin1(sqlstate::kUniqueViolation));
        }
        // Out of the transaction and out of pipeline mode: plain statements
        // and a new transaction work.
        QCOMPARE(row(QStringLiteral("SELECT count(*) FROM tx_unique")).value(0).toInt(), 1);
        Transaction tx(db());
        db().exec(QStringLiteral("INSERT INTO tx_unique VALUES (?)"), {2}, "second");
        tx.commit();
        QCOMPARE(row(QStringLiteral("SELECT count(*) FROM tx_unique")).value(0).toInt(), 2);
    }

    void aDirectStatementBeginsThePendingTransaction()
    {
        // SET LOCAL outside a transaction has no effect: that it holds here
        // shows the pending BEGIN went out before it.
        const QString show = QStringLiteral("SELECT current_setting('lock_timeout')");
        const QString session = row(show).value(0).toString();
        {
            Transaction tx(db());
            db().execDirect(QStringLiteral("SET LOCAL lock_timeout = '1234ms'"), "set local");
            QCOMPARE(row(show).value(0).toString(), QStringLiteral("1234ms"));
            tx.commit();
        }
        QCOMPARE(row(show).value(0).toString(), session);
    }

    // execDeferred: queued in the transaction, sent in order with the next
    // statement that returns something (which sees their effects), or with
    // COMMIT; not sent at all if the transaction rolls back.
    void deferredStatementsRunInOrderWithTheNextStatement()
    {
        db().execDirect(QStringLiteral("CREATE TEMP TABLE deferred_rows (n int PRIMARY KEY)"),
                        "test table");
        const QString insert = QStringLiteral("INSERT INTO deferred_rows VALUES (?)");
        const QString count = QStringLiteral("SELECT count(*) FROM deferred_rows");
        {
            Transaction tx(db());
            db().execDeferred(insert, {1}, "deferred 1");
            db().execDeferred(QStringLiteral("UPDATE deferred_rows SET n = n + 10"), {},
                              "deferred update");
            db().execDeferred(insert, {2}, "deferred 2");
            // The update ran between the inserts, and all in this transaction.
            QCOMPARE(row(QStringLiteral("SELECT string_agg(n::text, ',' ORDER BY n),"
                                        " count(DISTINCT xmin::text) FROM deferred_rows"))
                         .value(0)
                         .toString(),
                     QStringLiteral("2,11"));
            db().execDeferred(insert, {3}, "deferred 3"); // goes out with the COMMIT
            tx.commit();
        }
        QCOMPARE(row(count).value(0).toInt(), 3);
        {
            Transaction tx(db());
            db().execDeferred(insert, {4}, "deferred 4"); // BEGIN, it and COMMIT together
            tx.commit();
        }
        QCOMPARE(row(count).value(0).toInt(), 4);
        {
            Transaction tx(db());
            db().execDeferred(insert, {5}, "deferred 5");
        } // rolled back: never sent
        {
            Transaction tx(db());
            db().exec(insert, {6}, "insert 6");
            db().execDeferred(insert, {7}, "deferred 7");
        } // rolled back after a statement ran: neither is kept
        QCOMPARE(row(count).value(0).toInt(), 4);
        // A deferred statement before a direct one (QtSql) goes out first.
        {
            Transaction tx(db());
            db().execDeferred(insert, {8}, "deferred 8");
            QSqlQuery q(db().db());
            QVERIFY(q.exec(count) && q.next());
            QCOMPARE(q.value(0).toInt(), 5);
        }
    }

    // A deferred statement's failure is thrown where it is sent, under its
    // own context and SQLSTATE, fails the whole transaction, and leaves the
    // session usable and out of any transaction.
    void aFailedDeferredStatementFailsTheTransaction()
    {
        db().execDirect(QStringLiteral("CREATE TEMP TABLE deferred_unique (n int PRIMARY KEY)"),
                        "test table");
        const QString insert = QStringLiteral("INSERT INTO deferred_unique VALUES (?)");
        const QString count = QStringLiteral("SELECT count(*) FROM deferred_unique");
        db().exec(insert, {1}, "seed");
        const auto expectDuplicate = [](const DatabaseFailure &failure) {
            QCOMPARE(failure.sqlState(), QString::fromLatin1(sqlstate::kUniqueViolation));
            QVERIFY2(QByteArray(failure.what()).startsWith("deferred duplicate:"), failure.what());
        };
        // Sent with the next statement: that statement does not run.
        try {
            Transaction tx(db());
            db().exec(insert, {2}, "insert 2");
            db().execDeferred(insert, {1}, "deferred duplicate"); // not thrown yet
            db().execDeferred(insert, {3}, "deferred 3");
            db().exec(insert, {4}, "insert 4");
            QFAIL("the duplicate was not reported with the next statement");
        } catch (const DatabaseFailure &failure) {
            expectDuplicate(failure);
        }
        QCOMPARE(row(count).value(0).toInt(), 1);
        // Sent with the COMMIT: the commit fails and nothing is written.
        try {
            Transaction tx(db());
            db().exec(insert, {5}, "insert 5");
            db().execDeferred(insert, {1}, "deferred duplicate");
            tx.commit();
            QFAIL("a commit with a failed deferred statement succeeded");
        } catch (const DatabaseFailure &failure) {
            expectDuplicate(failure);
        }
        QCOMPARE(row(count).value(0).toInt(), 1);
        // The session is out of that transaction: SET LOCAL outside one has
        // no effect, and a new transaction commits.
        const QString show = QStringLiteral("SELECT current_setting('lock_timeout')");
        const QString session = row(show).value(0).toString();
        db().execDirect(QStringLiteral("SET LOCAL lock_timeout = '1234ms'"), "set local");
        QCOMPARE(row(show).value(0).toString(), session);
        {
            Transaction tx(db());
            db().execDeferred(insert, {6}, "deferred 6");
            tx.commit();
        }
        QCOMPARE(row(count).value(0).toInt(), 2);
        // Outside a transaction it runs, and fails, at once.
        try {
            db().execDeferred(insert, {1}, "deferred duplicate");
            QFAIL("a deferred statement outside a transaction was not run at once");
        } catch (const DatabaseFailure &failure) {
            expectDuplicate(failure);
        }
    }

    void aKilledConnectionIsReplaced()
    {
        DbConnection &app = m_server->appDb();
        const QString probe = QStringLiteral("SELECT pg_backend_pid(), ?::int AS killed_probe");
        DbRows before = app.exec(probe, {1}, "pid");
        QVERIFY(before.next());
        const int pid = before.value(0).toInt();
        db().exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {pid}, "kill");
        try {
            app.exec(probe, {2}, "after kill");
            QFAIL("a statement on a terminated connection succeeded");
        } catch (const DatabaseFailure &failure) {
            QVERIFY2(failure.isTransient(), failure.what());
        }
        QVERIFY(app.ensureHealthy());
        // The new session has none of the old prepared statements: the
        // cache was dropped with the connection and this one is prepared anew.
        DbRows after = app.exec(probe, {3}, "after reconnect");
        QVERIFY(after.next());
        QVERIFY(after.value(0).toInt() != pid);
        QCOMPARE(after.value(1).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestDbConnection)
#include "tst_dbconnection.moc"
