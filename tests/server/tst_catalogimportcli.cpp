// `reservad catalog import` run as an operator runs it (the built binary):
// exit 0 when every row was accepted, 1 when a row was rejected or the
// import failed, 2 on usage errors; the text and JSON reports; dry runs.
#include "bookingfixture.h"
#include "reservadprocess.h"
#include "testdata.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

class TestCatalogImportCli : public QObject
{
    Q_OBJECT

private:
    test::ReservadRun importCli(const QStringList &arguments)
    {
        return test::runReservad(QStringLiteral(RESERVAD_PATH),
                                 QStringList{QStringLiteral("catalog"), QStringLiteral("import"),
                                             QStringLiteral("--database"),
                                             test::cliDatabaseUrl(m_server->database())} +
                                     arguments);
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    qint64 products()
    {
        return BookingFixture::count(
            m_server->appDb(),
            QStringLiteral("SELECT count(*) FROM products WHERE tenant_id = ?::uuid"),
            {m_tenant.id.toString(QUuid::WithoutBraces)});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>();
        m_tenant = m_server->createTenant(QStringLiteral("cli-andes"));
        m_good = writeFile(QStringLiteral("good.json"), R"({"provider": "andes", "products": [
            {"external_id": "G-1", "name": " Glacier   walk ", "kind": "excursion",
             "price": "120.00", "currency": "USD", "capacity": 10, "duration_minutes": 300,
             "time_zone": "Etc/GMT+3",
             "slots": [{"external_id": "G-1-a", "starts_at_local": "2031-01-10T09:00:00"},
                       {"external_id": "G-1-b", "starts_at": "2031-01-11T12:00:00Z"}]}]})");
        m_fixture = test::testDataPath(QStringLiteral("feeds/andes-trails.json"));
    }
    void cleanupTestCase() { m_server.reset(); }

    void cleanFeedExitsZeroAndReimportIsUnchanged()
    {
        const auto first =
            importCli({QStringLiteral("--tenant"), QStringLiteral("cli-andes"),
                       QStringLiteral("--provider"), QStringLiteral("andes"), m_good});
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        QVERIFY2(first.out.contains(u"line 0 G-1: created (slots: 2 created)"),
                 qPrintable(first.out));
        QVERIFY(first.out.contains(u"products: 1 created, 0 updated, 0 unchanged, 0 rejected"));
        QCOMPARE(products(), qint64(1));
        const auto again = importCli({QStringLiteral("--tenant"), QStringLiteral("cli-andes"),
                                      QStringLiteral("--provider"), QStringLiteral("ANDES"),
                                      QStringLiteral("--json"), m_good});
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        const QJsonObject report = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(report.value(u"unchanged").toInt(), 1);
        QCOMPARE(report.value(u"provider").toString(), QStringLiteral("andes"));
        QCOMPARE(products(), qint64(1));
        QCOMPARE(
            BookingFixture::count(m_server->appDb(),
                                  QStringLiteral("SELECT count(*) FROM audit_log WHERE action ="
                                                 " 'catalog.import' AND actor = 'cli'")),
            qint64(2));
    }

    void rejectedRowsExitOneAndDryRunWritesNothing()
    {
        const qint64 before = products();
        const qint64 audits = BookingFixture::count(
            m_server->appDb(), QStringLiteral("SELECT count(*) FROM audit_log"));
        const auto r = importCli({QStringLiteral("--tenant"), QStringLiteral("cli-andes"),
                                  QStringLiteral("--provider"), QStringLiteral("andes-trails"),
                                  QStringLiteral("--dry-run"), m_fixture});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY(r.out.startsWith(u"dry run: nothing was written"));
        QVERIFY2(
            r.out.contains(u"line 3 P-400: rejected: transfer_kind: is required for a transfer"),
            qPrintable(r.out));
        QVERIFY(r.out.contains(u"line 0 P-100: created"));
        QCOMPARE(products(), before);
        QCOMPARE(BookingFixture::count(m_server->appDb(),
                                       QStringLiteral("SELECT count(*) FROM audit_log")),
                 audits);
    }

    void csvByItsExtension()
    {
        const QString csv = writeFile(
            QStringLiteral("feed.csv"),
            "product_external_id,name,kind,price,currency,slot_external_id,starts_at,capacity,"
            "duration_minutes\nC-1,Colonia,excursion,65000,CLP,C-1-a,2031-02-01T11:00:00Z,20,"
            "600\n");
        const auto r = importCli({QStringLiteral("--tenant"), QStringLiteral("cli-andes"),
                                  QStringLiteral("--provider"), QStringLiteral("pampa"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(u"line 2 C-1: created"));
    }

    void failuresExitOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown tenant")
            << QStringList{QStringLiteral("--tenant"), QStringLiteral("nobody"),
                           QStringLiteral("--provider"), QStringLiteral("andes"),
                           QStringLiteral("GOOD")}
            << QStringLiteral("no tenant with slug 'nobody'");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("--tenant"), QStringLiteral("cli-andes"),
                           QStringLiteral("--provider"), QStringLiteral("andes"),
                           QStringLiteral("/nonexistent/feed.json")}
            << QStringLiteral("cannot read");
        QTest::newRow("another provider's feed")
            << QStringList{QStringLiteral("--tenant"), QStringLiteral("cli-andes"),
                           QStringLiteral("--provider"), QStringLiteral("other"),
                           QStringLiteral("GOOD")}
            << QStringLiteral("provider: names another provider");
        QTest::newRow("json read as csv")
            << QStringList{QStringLiteral("--tenant"),   QStringLiteral("cli-andes"),
                           QStringLiteral("--provider"), QStringLiteral("andes"),
                           QStringLiteral("--format"),   QStringLiteral("csv"),
                           QStringLiteral("GOOD")}
            << QStringLiteral("the feed cannot be read");
    }
    void failuresExitOne()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments.replaceInStrings(QStringLiteral("GOOD"), m_good);
        const auto r = importCli(arguments);
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no file") << QStringList{
            QStringLiteral("--tenant"), QStringLiteral("cli-andes"), QStringLiteral("--provider"),
            QStringLiteral("andes")};
        QTest::newRow("no tenant") << QStringList{QStringLiteral("--provider"),
                                                  QStringLiteral("andes"), QStringLiteral("GOOD")};
        QTest::newRow("no provider") << QStringList{
            QStringLiteral("--tenant"), QStringLiteral("cli-andes"), QStringLiteral("GOOD")};
        QTest::newRow("bad provider") << QStringList{
            QStringLiteral("--tenant"), QStringLiteral("cli-andes"), QStringLiteral("--provider"),
            QStringLiteral("a b"), QStringLiteral("GOOD")};
        QTest::newRow("bad format") << QStringList{
            QStringLiteral("--tenant"), QStringLiteral("cli-andes"), QStringLiteral("--provider"),
            QStringLiteral("andes"),    QStringLiteral("--format"),  QStringLiteral("xml"),
            QStringLiteral("GOOD")};
        QTest::newRow("two files") << QStringList{
            QStringLiteral("--tenant"), QStringLiteral("cli-andes"), QStringLiteral("--provider"),
            QStringLiteral("andes"),    QStringLiteral("GOOD"),      QStringLiteral("GOOD")};
        QTest::newRow("unknown flag")
            << QStringList{QStringLiteral("--color"), QStringLiteral("GOOD")};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        arguments.replaceInStrings(QStringLiteral("GOOD"), m_good);
        const qint64 before = products();
        const auto r = importCli(arguments);
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QCOMPARE(products(), before);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestServer> m_server;
    TenantView m_tenant;
    QString m_good;
    QString m_fixture;
};

QTEST_GUILESS_MAIN(TestCatalogImportCli)
#include "tst_catalogimportcli.moc"
