// The login dialog and the main window against a real reservad: signing in,
// errors in plain words with the request id, the https rule, role gating of
// the pages, the connection state in the status bar, remembered settings.
#include "audit/auditview.h"
#include "common/pagedjsonmodel.h"
#include "dashboard/dashboardview.h"
#include "embedded/firstrundialog.h"
#include "login/certificatedialog.h"
#include "login/logindialog.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "reservations/reservationsview.h"
#include "shell/mainwindow.h"
#include "shell/signinflow.h"
#include "testserver.h"
#include "tlstestserver.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

class TestSignInWindows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        const QUuid tenant = m_server->createTenant(QStringLiteral("acme")).id;
        m_server->createUser(QStringLiteral("ada.admin"), m_password, {QStringLiteral("admin")});
        m_server->createUser(QStringLiteral("sam.staff"), m_password,
                             {QStringLiteral("partner_staff")}, tenant);
        m_server->createUser(QStringLiteral("aud.auditor"), m_password,
                             {QStringLiteral("auditor")});
    }
    void cleanupTestCase() { m_server.reset(); }

    void signsInAndRemembersTheServer()
    {
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        Session session(api, nullptr);
        LoginDialog dialog(api, session, pins, settings.settings(), nullptr);
        dialog.show();
        QVERIFY(!widgetNamed<QLineEdit>(&dialog, QStringLiteral("Server address"))
                     ->text()
                     .contains(u'/')); // nothing remembered yet
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Server address"))
            ->setText(localUrl(m_server->port()).toString());
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("sam.staff"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Password"))->setText(m_password);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        buttonLabelled(&dialog, QStringLiteral("Sign in"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 60000);
        QVERIFY(session.isSignedIn());
        QCOMPARE(settings.settings().value(QStringLiteral("login/server")).toString(),
                 localUrl(m_server->port()).toString());
        QCOMPARE(settings.settings().value(QStringLiteral("login/username")).toString(),
                 QStringLiteral("sam.staff"));
        // No secret ever lands in the settings file.
        settings.settings().sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(!stored.contains(m_password.toUtf8()));
        QVERIFY(!stored.contains(session.accessToken()));
    }

    void wrongPasswordIsExplainedWithACopyableRequestId()
    {
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        Session session(api, nullptr);
        LoginDialog dialog(api, session, pins, settings.settings(), nullptr);
        dialog.show();
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Server address"))
            ->setText(localUrl(m_server->port()).toString());
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("sam.staff"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Password"))
            ->setText(QStringLiteral("not-the-password"));
        buttonLabelled(&dialog, QStringLiteral("Sign in"))->click();
        QLabel *status = widgetNamed<QLabel>(&dialog, QStringLiteral("Sign-in status"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("not correct")), 60000);
        QVERIFY(status->text().contains(QStringLiteral("Request ID: ")));
        QPushButton *copy = buttonLabelled(&dialog, QStringLiteral("Copy request ID"));
        QVERIFY(copy && copy->isVisible());
        QVERIFY(!session.isSignedIn());
        QVERIFY(dialog.isVisible());
    }

    void plainHttpToARemoteServerIsRefused()
    {
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        Session session(api, nullptr);
        LoginDialog dialog(api, session, pins, settings.settings(), nullptr);
        dialog.show();
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Server address"))
            ->setText(QStringLiteral("http://reserva.example.com"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("sam.staff"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Password"))->setText(m_password);
        buttonLabelled(&dialog, QStringLiteral("Sign in"))->click();
        QLabel *status = widgetNamed<QLabel>(&dialog, QStringLiteral("Sign-in status"));
        QVERIFY(status->text().contains(QStringLiteral("must use https://")));
        QCOMPARE(api.pendingCount(), 0);
    }

    void selfSignedCertificateIsShownAndPinnedOnlyWhenTrusted()
    {
        TlsTestServer tls;
        QString error;
        QVERIFY2(tls.useNewCertificate(QStringLiteral("reserva.local"), &error), qPrintable(error));
        const QString fingerprint = CertificateInfo::fingerprintOf(tls.certificate());
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        Session session(api, nullptr);
        LoginDialog dialog(api, session, pins, settings.settings(), nullptr);
        dialog.show();
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Server address"))
            ->setText(QStringLiteral("https://127.0.0.1:%1").arg(tls.serverPort()));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("sam.staff"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Password"))->setText(m_password);

        // The certificate dialog is modal: answer it from the event loop.
        const auto answerCertificate = [&](const QString &button, bool *shown) {
            auto *poll = new QTimer(&dialog);
            connect(poll, &QTimer::timeout, poll, [&dialog, poll, button, shown, fingerprint] {
                auto *question = dialog.findChild<CertificateDialog *>();
                if (!question || !question->isVisible())
                    return;
                poll->stop();
                poll->deleteLater();
                bool fingerprintShown = false;
                for (QLabel *label : question->findChildren<QLabel *>())
                    fingerprintShown |= label->text() == fingerprint;
                *shown = fingerprintShown;
                buttonLabelled(question, button)->click();
            });
            poll->start(20);
        };

        bool shown = false;
        answerCertificate(QStringLiteral("Cancel"), &shown);
        buttonLabelled(&dialog, QStringLiteral("Sign in"))->click();
        QLabel *status = widgetNamed<QLabel>(&dialog, QStringLiteral("Sign-in status"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("certificate")), 60000);
        QVERIFY(shown); // with its SHA-256 fingerprint
        QVERIFY(!pins.matches(QStringLiteral("127.0.0.1"), tls.serverPort(), fingerprint));

        shown = false;
        answerCertificate(QStringLiteral("Trust this certificate"), &shown);
        status->clear();
        buttonLabelled(&dialog, QStringLiteral("Sign in"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            pins.matches(QStringLiteral("127.0.0.1"), tls.serverPort(), fingerprint), 60000);
        QVERIFY(shown);
        // The sign-in was retried over the now-trusted connection (this test
        // server is not reservad, so its answer is not understood).
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("does not understand")),
                                 60000);
    }

    void pagesFollowTheRoles_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QList<ViewKind>>("expected");
        QTest::newRow("admin") << QStringLiteral("ada.admin")
                               << QList<ViewKind>{ViewKind::Dashboard, ViewKind::Reservations,
                                                  ViewKind::Catalog,   ViewKind::Promotions,
                                                  ViewKind::Audit,     ViewKind::Payments,
                                                  ViewKind::Users};
        QTest::newRow("partner staff")
            << QStringLiteral("sam.staff")
            << QList<ViewKind>{ViewKind::Dashboard, ViewKind::Reservations, ViewKind::Catalog,
                               ViewKind::Promotions};
        QTest::newRow("auditor") << QStringLiteral("aud.auditor")
                                 << QList<ViewKind>{ViewKind::Catalog, ViewKind::Promotions,
                                                    ViewKind::Audit};
    }
    void pagesFollowTheRoles()
    {
        QFETCH(QString, username);
        QFETCH(QList<ViewKind>, expected);
        TemporarySettings settings;
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, username, m_password));
        ConnectionMonitor monitor(api);
        MainWindow window(api, session, monitor, settings.settings(), QStringLiteral("test"));
        window.show();
        QCOMPARE(window.views(), expected);
        QCOMPARE(window.findChildren<ReservationsView *>().size(),
                 expected.contains(ViewKind::Reservations) ? 1 : 0);
        QCOMPARE(window.findChildren<AuditView *>().size(),
                 expected.contains(ViewKind::Audit) ? 1 : 0);
        // The first page loads without a 403 (the server agrees with the gating).
        if (auto *dashboard = qobject_cast<DashboardView *>(window.currentView())) {
            QSignalSpy refused(dashboard, &DashboardView::loadFailed);
            QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading() && dashboard->snapshot(), 60000);
            QCOMPARE(refused.size(), 0);
            return;
        }
        auto *model = qobject_cast<PagedJsonModel *>(
            window.currentView()->findChild<QTableView *>()->model());
        QVERIFY(model);
        QSignalSpy failed(model, &PagedJsonModel::loadFailed);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 60000);
        QCOMPARE(failed.size(), 0);
    }

    void shortcutsReachTheCurrentPage()
    {
        TemporarySettings settings;
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("sam.staff"), m_password));
        ConnectionMonitor monitor(api);
        MainWindow window(api, session, monitor, settings.settings(), QStringLiteral("test"));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // The dashboard comes first; the reservations page has the filter to reach.
        window.findChild<QListWidget *>()->setCurrentRow(
            int(window.views().indexOf(ViewKind::Reservations)));
        QCOMPARE(window.filterAction()->shortcut(), QKeySequence(QKeySequence::Find));
        window.filterAction()->trigger();
        QLineEdit *filter =
            widgetNamed<QLineEdit>(&window, QStringLiteral("Customer email filter"));
        QVERIFY(filter);
        QTRY_VERIFY(filter->hasFocus());
        QVERIFY(window.refreshAction()->shortcuts().contains(QKeySequence(Qt::Key_F5)));
    }

    void connectionStateIsShownAndRecovered()
    {
        TemporarySettings settings;
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.admin"), m_password));
        ConnectionMonitor monitor(api);
        monitor.setPollIntervalMs(50);
        MainWindow window(api, session, monitor, settings.settings(), QStringLiteral("test"));
        window.show();
        QCOMPARE(window.connectionLabel()->text(), QStringLiteral("● Connected"));
        // The server goes away (a closed port), then comes back.
        const QUrl real = api.baseUrl();
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            deadPort = probe.serverPort();
        }
        api.setBaseUrl(localUrl(deadPort));
        window.refreshAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionLabel()->text().contains(QStringLiteral("Connection lost")), 60000);
        api.setBaseUrl(real);
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionLabel()->text(), QStringLiteral("● Connected"),
                                  60000);
    }

    void geometryIsRemembered()
    {
        TemporarySettings settings;
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.admin"), m_password));
        ConnectionMonitor monitor(api);
        {
            MainWindow window(api, session, monitor, settings.settings(), QStringLiteral("test"));
            window.resize(1011, 677);
            window.show();
            window.close();
        }
        MainWindow again(api, session, monitor, settings.settings(), QStringLiteral("test"));
        QCOMPARE(again.size(), QSize(1011, 677));
    }

    // Column widths too, per page and table; which columns show stays the
    // page's decision.
    void columnWidthsAreRemembered()
    {
        TemporarySettings settings;
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.admin"), m_password));
        ConnectionMonitor monitor(api);
        const auto reservationsHeader = [](MainWindow &window) {
            return window.findChild<ReservationsView *>()->table()->horizontalHeader();
        };
        {
            MainWindow window(api, session, monitor, settings.settings(), QStringLiteral("test"));
            window.show();
            reservationsHeader(window)->resizeSection(1, 313);
            reservationsHeader(window)->resizeSection(2, 97);
            window.close();
        }
        MainWindow again(api, session, monitor, settings.settings(), QStringLiteral("test"));
        QCOMPARE(reservationsHeader(again)->sectionSize(1), 313);
        QCOMPARE(reservationsHeader(again)->sectionSize(2), 97);
        // Another account's settings file starts with the page's own widths.
        TemporarySettings fresh;
        MainWindow other(api, session, monitor, fresh.settings(), QStringLiteral("test"));
        QVERIFY(reservationsHeader(other)->sectionSize(1) != 313);
    }

    void serverEndingTheSessionReturnsToLogin()
    {
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        ConnectionMonitor monitor(api);
        SignInFlow flow(api, session, monitor, pins, settings.settings(), nullptr);
        QSignalSpy shown(&flow, &SignInFlow::mainWindowShown);
        flow.start(false);
        QVERIFY(flow.loginDialog());
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Server address"))
            ->setText(localUrl(m_server->port()).toString());
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Username"))
            ->setText(QStringLiteral("ada.admin"));
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Password"))->setText(m_password);
        buttonLabelled(flow.loginDialog(), QStringLiteral("Sign in"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 60000);
        QVERIFY(flow.mainWindow());
        // The session ends at the server's word (e.g. a revoked family).
        Q_EMIT session.signedOut(QStringLiteral("Your session was ended by the server."));
        QTRY_VERIFY(flow.loginDialog() && flow.loginDialog()->isVisible());
        QTRY_VERIFY(!flow.mainWindow());
        QVERIFY(flow.loginDialog()->findChild<QLabel *>() != nullptr);
        bool noticeShown = false;
        const auto labels = flow.loginDialog()->findChildren<QLabel *>();
        for (QLabel *label : labels)
            noticeShown |= label->text() == QStringLiteral("Your session was ended by the server.");
        QVERIFY(noticeShown);
    }

    void firstRunRules()
    {
        QVERIFY(FirstRunDialog::usernameProblem(QStringLiteral("admin")).isEmpty());
        QVERIFY(!FirstRunDialog::usernameProblem(QStringLiteral("a b")).isEmpty());
        QVERIFY(!FirstRunDialog::passwordProblem(QStringLiteral("short"), QStringLiteral("short"))
                     .isEmpty());
        QVERIFY(!FirstRunDialog::passwordProblem(QStringLiteral("long-enough-1"),
                                                 QStringLiteral("long-enough-2"))
                     .isEmpty());
        QVERIFY(FirstRunDialog::passwordProblem(QStringLiteral("long-enough-1"),
                                                QStringLiteral("long-enough-1"))
                    .isEmpty());
        FirstRunDialog dialog;
        QSignalSpy requested(&dialog, &FirstRunDialog::administratorRequested);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Administrator password"))
            ->setText(QStringLiteral("long-enough-1"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Repeat the password"))
            ->setText(QStringLiteral("long-enough-1"));
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("admin"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    const QString m_password = QStringLiteral("correct-horse-1");
};

QTEST_MAIN(TestSignInWindows)
#include "tst_signinwindows.moc"
