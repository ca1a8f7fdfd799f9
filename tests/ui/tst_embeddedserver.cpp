// "This computer": reservad in-process on its own managed PostgreSQL in a
// temporary data folder, the first-run administrator, a sign-in through the
// API, a clean stop, and a second start that finds the administrator.
#include "embedded/inprocessserver.h"
#include "net/session.h"
#include "uitestsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

class TestEmbeddedServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRunCreatesOnlyTheAdministrator()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // As root, PostgreSQL runs as an unprivileged account that must be
        // able to enter the (otherwise 0700) temporary directory.
        QVERIFY(QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ExeGroup | QFileDevice::ExeOther));
        const QString dataDir = dir.filePath(QStringLiteral("server"));
        const QString password = QStringLiteral("first-run-password-1");
        {
            InProcessServer server(dataDir);
            QSignalSpy started(&server, &EmbeddedServer::started);
            QSignalSpy failed(&server, &EmbeddedServer::failed);
            server.start();
            // start() returned at once; the work happens on the server thread.
            QVERIFY(!server.isRunning());
            QTRY_VERIFY_WITH_TIMEOUT(started.size() + failed.size() > 0, 180000);
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
            const QUrl url = started.first().at(0).toUrl();
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            QVERIFY(url.port() > 0);
            QCOMPARE(started.first().at(1).toBool(), true); // needs an administrator

            QSignalSpy created(&server, &EmbeddedServer::administratorCreated);
            QSignalSpy refused(&server, &EmbeddedServer::administratorFailed);
            server.createAdministrator(QStringLiteral("owner"), password);
            QTRY_VERIFY_WITH_TIMEOUT(created.size() + refused.size() > 0, 60000);
            QVERIFY2(refused.isEmpty(), qPrintable(refused.value(0).value(0).toString()));

            // A second administrator through the first-run path is refused.
            server.createAdministrator(QStringLiteral("intruder"), password);
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 60000);

            ApiClient api;
            api.setBaseUrl(url);
            Session session(api, nullptr);
            QVERIFY(!signIn(session, QStringLiteral("owner"), password));
            QCOMPARE(session.claims().roles, QStringList{QStringLiteral("admin")});
            QVERIFY(signIn(session, QStringLiteral("intruder"), password).has_value());

            // No demo data: the only rows are the administrator's.
            ApiRequest products;
            products.path = QStringLiteral("/v1/products");
            QVERIFY(!signIn(session, QStringLiteral("owner"), password));
            const auto list = call(api, products);
            QVERIFY(list.ok());
            QVERIFY(list.object().value(u"items").toArray().isEmpty());
            server.stop();
            QVERIFY(!server.isRunning());
        }
        {
            InProcessServer again(dataDir);
            QSignalSpy started(&again, &EmbeddedServer::started);
            QSignalSpy failed(&again, &EmbeddedServer::failed);
            again.start();
            QTRY_VERIFY_WITH_TIMEOUT(started.size() + failed.size() > 0, 180000);
            QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
            QCOMPARE(started.first().at(1).toBool(), false); // the administrator exists
        } // destroyed: stops the server and its PostgreSQL
        QVERIFY(!QFile::exists(dataDir + QStringLiteral("/pg/postmaster.pid")));
    }
};

QTEST_MAIN(TestEmbeddedServer)
#include "tst_embeddedserver.moc"
