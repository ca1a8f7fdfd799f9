// Migrations: applied once, in one transaction, under an advisory lock;
// applying them again is a no-op; an applied migration that changed is refused.
#include "db/migrator.h"
#include "testcluster.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QtTest>

using namespace reserva;

namespace {

// An open connection on the calling thread, removed when it goes out of scope.
class Connection
{
public:
    explicit Connection(const ConnectionSettings &s)
        : m_name(QStringLiteral("mig-") + QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        s.applyTo(db);
        if (!db.open())
            qFatal("connect: %s", qPrintable(db.lastError().text()));
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    qint64 scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q.value(0).toLongLong();
    }

private:
    QString m_name;
};

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compiledMigrationsAreNumberedInOrder()
    {
        const QList<Migration> migrations = Migrator::compiledMigrations();
        QVERIFY(migrations.size() >= 2);
        for (qsizetype i = 0; i < migrations.size(); ++i)
            QCOMPARE(migrations[i].version, int(i + 1));
    }

    void applyingTwiceIsANoOp()
    {
        const ConnectionSettings settings = test::TestCluster::createDatabase();
        Connection c(settings);
        QSqlDatabase db = c.db();
        int applied = -1;
        QString error;
        QVERIFY2(Migrator::migrate(db, &applied, &error), qPrintable(error));
        QCOMPARE(applied, int(Migrator::compiledMigrations().size()));
        const qint64 tables = c.scalar(QStringLiteral(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));

        QVERIFY2(Migrator::migrate(db, &applied, &error), qPrintable(error));
        QCOMPARE(applied, 0);
        QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")),
                 qint64(Migrator::compiledMigrations().size()));
        QCOMPARE(
            c.scalar(QStringLiteral(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")),
            tables);
    }

    // An upgrade with data in it: 0006 gives every transfer product that
    // existed before it a transfer_kind guessed from its words (then a CHECK
    // requires one), and leaves the other kinds without.
    void transferKindsAreGuessedForTransfersThatExistedBefore()
    {
        const ConnectionSettings settings = test::TestCluster::createDatabase();
        Connection c(settings);
        QSqlDatabase db = c.db();
        const QList<Migration> all = Migrator::compiledMigrations();
        QVERIFY(all.size() >= 6);
        QCOMPARE(all[5].version, 6);
        QString error;
        QVERIFY2(Migrator::migrate(db, all.mid(0, 5), nullptr, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO tenants (slug, name) VALUES ('old', 'Old')")),
                 qPrintable(q.lastError().text()));
        const QList<std::pair<QString, QString>> products{
            {QStringLiteral("Ezeiza shuttle"), QStringLiteral("transfer")},
            {QStringLiteral("Traslado al aeropuerto"), QStringLiteral("transfer")},
            {QStringLiteral("Transfer ao porto de Santos"), QStringLiteral("transfer")},
            {QStringLiteral("Cruise terminal pickup"), QStringLiteral("transfer")},
            {QStringLiteral("Hotel to hotel car"), QStringLiteral("transfer")},
            {QStringLiteral("Airport walking tour"), QStringLiteral("tour")},
        };
        for (const auto &[name, kind] : products) {
            q.prepare(QStringLiteral("INSERT INTO products (tenant_id, name, kind, price_minor,"
                                     " currency) SELECT id, ?, ?, 100, 'USD' FROM tenants"));
            q.addBindValue(name);
            q.addBindValue(kind);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY2(Migrator::migrate(db, all, nullptr, &error), qPrintable(error));
        QVERIFY(q.exec(QStringLiteral("SELECT name, COALESCE(transfer_kind, '-') FROM products"
                                      " ORDER BY name")));
        QStringList kinds;
        while (q.next())
            kinds << q.value(0).toString() + u'=' + q.value(1).toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("Airport walking tour=-"),
                                     QStringLiteral("Cruise terminal pickup=port_transfer"),
                                     QStringLiteral("Ezeiza shuttle=airport_pickup"),
                                     QStringLiteral("Hotel to hotel car=hotel_to_hotel"),
                                     QStringLiteral("Transfer ao porto de Santos=port_transfer"),
                                     QStringLiteral("Traslado al aeropuerto=airport_pickup")}));
        // And from now on a transfer without a kind is refused by the table.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO products (tenant_id, name, kind, price_minor,"
                                       " currency) SELECT id, 'New', 'transfer', 1, 'USD'"
                                       " FROM tenants")));
    }

    void aChangedAppliedMigrationIsRefused()
    {
        const ConnectionSettings settings = test::TestCluster::createDatabase();
        Connection c(settings);
        QSqlDatabase db = c.db();
        QString error;
        QVERIFY(Migrator::migrate(db, nullptr, &error));
        QList<Migration> edited = Migrator::compiledMigrations();
        edited[0].checksum = "0000";
        QVERIFY(!Migrator::migrate(db, edited, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("changed")), qPrintable(error));
    }

    void aFailingMigrationAppliesNothing()
    {
        const ConnectionSettings settings = test::TestCluster::createDatabase();
        Connection c(settings);
        QSqlDatabase db = c.db();
        QList<Migration> migrations = Migrator::compiledMigrations();
        migrations.append({int(migrations.size()) + 1, QStringLiteral("broken"),
                           QStringLiteral("CREATE TABLE fine (x int); SELECT no_such_function();"),
                           "x"});
        QString error;
        QVERIFY(!Migrator::migrate(db, migrations, nullptr, &error));
        // One transaction: not even the valid earlier migrations stayed.
        QCOMPARE(c.scalar(QStringLiteral(
                     "SELECT count(*) FROM information_schema.tables"
                     " WHERE table_schema = 'public' AND table_name IN ('tenants', 'fine')")),
                 qint64(0));
    }

    void concurrentMigratorsApplyOnce()
    {
        const ConnectionSettings settings = test::TestCluster::createDatabase();
        QList<QThread *> threads;
        QAtomicInt failures = 0;
        QAtomicInt appliedTotal = 0;
        for (int i = 0; i < 4; ++i) {
            threads << QThread::create([&] {
                Connection c(settings);
                QSqlDatabase db = c.db();
                int applied = 0;
                QString error;
                if (!Migrator::migrate(db, &applied, &error))
                    failures.fetchAndAddRelaxed(1);
                appliedTotal.fetchAndAddRelaxed(applied);
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(failures.loadRelaxed(), 0);
        QCOMPARE(appliedTotal.loadRelaxed(), int(Migrator::compiledMigrations().size()));
    }

    void splitterKeepsDollarQuotedBodiesWhole()
    {
        const QStringList parts = Migrator::splitStatements(QStringLiteral(
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\n"
            "-- a comment; with a semicolon\n"
            "INSERT INTO t VALUES ('a;b', \"x;y\"); /* c; */ SELECT 1"));
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts[0].contains(QStringLiteral("RETURN 1; END $$")));
        QVERIFY(parts[1].contains(QStringLiteral("'a;b'")));
        QCOMPARE(parts[2], QStringLiteral("SELECT 1"));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
