// The desktop app end to end against a live reservad on a test database:
// a staff member signs in through the login dialog, books a reservation
// through the booking dialog, starts a Mercado Pago payment from the detail
// pane, and `reservad simulate-webhook` (a separate process, signing like the
// provider) pays it. The app shows it paid within seconds without anyone
// refreshing: through the change feed, not a reload of the list.
#include "bookingfixture.h"
#include "common/pagedjsonmodel.h"
#include "login/logindialog.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "providers/fake/fakeproviderserver.h"
#include "reservadprocess.h"
#include "reservations/newreservationdialog.h"
#include "reservations/paymentdialog.h"
#include "reservations/reservationdetailpane.h"
#include "reservations/reservationfeedpoller.h"
#include "reservations/reservationsview.h"
#include "runtime/serverconfig.h"
#include "shell/mainwindow.h"
#include "shell/signinflow.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

const QByteArray kMercadoPagoSecret = "mp-e2e-secret";

QString statusOf(TestServer &server, const QString &id)
{
    DbRows q = server.superDb().exec(
        QStringLiteral("SELECT status FROM reservations WHERE id = ?::uuid"), {id}, "status");
    return q.next() ? q.value(0).toString() : QString();
}

// What the provider answered, as reservad stored it.
QString checkoutUrlOf(TestServer &server, const QString &reservation)
{
    DbRows q = server.superDb().exec(
        QStringLiteral("SELECT checkout_url FROM payment_intents WHERE reservation_id = ?::uuid"),
        {reservation}, "checkout url");
    return q.next() ? q.value(0).toString() : QStringLiteral("(no intent)");
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_fake = std::make_unique<FakeProviderServer>();
        QString error;
        QVERIFY2(m_fake->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QUrl base = m_fake->baseUrl();
        m_server =
            std::make_unique<TestServer>(SystemClock::instance(), [&base](ServerConfig &config) {
                PaymentSettings &p = config.payments;
                p.timeoutMs = 5000;
                p.mercadoPago.apiBase = base;
                p.mercadoPago.accessToken = QStringLiteral("TEST-e2e");
                p.mercadoPago.webhookSecrets = {kMercadoPagoSecret};
            });
        BookingFixture fixture(*m_server);
        const BookingTenant tenant = fixture.addTenant(QStringLiteral("e2e"));
        const QUuid product = fixture.createProduct(
            tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Iguazu falls")},
                                  {QStringLiteral("price_minor"), 25000},
                                  {QStringLiteral("currency"), QStringLiteral("BRL")}});
        QVERIFY(!product.isNull());
        QVERIFY(!fixture
                     .createSlot(tenant.managerToken, product,
                                 QDateTime::currentDateTimeUtc().addDays(10), 40)
                     .isNull());
    }
    void cleanupTestCase()
    {
        m_server.reset();
        m_fake.reset();
    }

    void bookPayAndSeeItPaidWithoutRefreshing()
    {
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        Session session(api, nullptr);
        ConnectionMonitor monitor(api);
        SignInFlow flow(api, session, monitor, pins, settings.settings(), nullptr);
        QSignalSpy shown(&flow, &SignInFlow::mainWindowShown);

        // Sign in as a partner's staff member, through the login dialog.
        flow.start(false);
        QVERIFY(flow.loginDialog());
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Server address"))
            ->setText(localUrl(m_server->port()).toString());
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Username"))
            ->setText(QStringLiteral("e2e-staff"));
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Password"))
            ->setText(BookingFixture::kPassword);
        buttonLabelled(flow.loginDialog(), QStringLiteral("Sign in"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 60000);
        MainWindow *window = flow.mainWindow();
        QVERIFY(window);

        // The Reservations page.
        auto *view = window->findChild<ReservationsView *>();
        QVERIFY(view);
        auto *navigation = window->findChild<QListWidget *>();
        const auto items = navigation->findItems(QStringLiteral("Reservations"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        navigation->setCurrentItem(items.first());
        QTRY_VERIFY_WITH_TIMEOUT(view->feed()->isReady() && !view->model()->isLoading(), 60000);
        QCOMPARE(view->model()->rowCount(), 0);

        // Book through the dialog (Ctrl+N on this page).
        view->createNew();
        NewReservationDialog *booking = nullptr;
        QTRY_VERIFY((booking = openWindow<NewReservationDialog>()) != nullptr);
        auto *slot = widgetNamed<QComboBox>(booking, QStringLiteral("Departure"));
        QTRY_COMPARE_WITH_TIMEOUT(slot->count(), 1, 60000);
        widgetNamed<QLineEdit>(booking, QStringLiteral("Customer name"))
            ->setText(QStringLiteral("Joana Prado"));
        widgetNamed<QLineEdit>(booking, QStringLiteral("Customer email"))
            ->setText(QStringLiteral("joana@example.com.br"));
        QSignalSpy created(booking, &NewReservationDialog::reservationCreated);
        buttonLabelled(booking, QStringLiteral("Book"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 60000);
        const QString id = created.first().first().toJsonObject().value(u"id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 60000);
        QCOMPARE(view->model()->item(0).value(u"id").toString(), id);

        // Select it: the detail pane shows it pending, with its history.
        view->table()->setCurrentIndex(view->model()->index(0, 0));
        ReservationDetailPane *detail = view->detailPane();
        QCOMPARE(detail->reservationId(), id);
        QCOMPARE(detail->statusText(), QStringLiteral("Awaiting payment"));
        QTRY_COMPARE_WITH_TIMEOUT(detail->trailList()->topLevelItemCount(), 1, 60000);
        QVERIFY(detail->payButton()->isEnabled());

        // Start a Mercado Pago payment: the checkout link to send the customer.
        detail->payButton()->click();
        PaymentDialog *payment = nullptr;
        QTRY_VERIFY((payment = openWindow<PaymentDialog>()) != nullptr);
        payment->providerBox()->setCurrentIndex(
            payment->providerBox()->findData(QStringLiteral("mercadopago")));
        payment->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!payment->handoverText().isEmpty(), 60000);
        QCOMPARE(payment->handoverText(), checkoutUrlOf(*m_server, id));
        payment->close();
        QTRY_COMPARE_WITH_TIMEOUT(detail->intentsList()->topLevelItemCount(), 1, 60000);
        QCOMPARE(detail->intentsList()->topLevelItem(0)->text(0), QStringLiteral("Mercado Pago"));

        // From here on nobody touches the app: no refresh, no list reload.
        QSignalSpy reloads(view->model(), &QAbstractItemModel::modelReset);
        const ReservadRun run =
            runReservad(QStringLiteral(RESERVAD_PATH),
                        {QStringLiteral("simulate-webhook"), QStringLiteral("--provider"),
                         QStringLiteral("mercadopago"), QStringLiteral("--reservation"), id,
                         QStringLiteral("--outcome"), QStringLiteral("succeeded"),
                         QStringLiteral("--url"), localUrl(m_server->port()).toString(),
                         QStringLiteral("--fake-providers"), m_fake->baseUrl().toString(),
                         QStringLiteral("--database"), cliDatabaseUrl(m_server->database()),
                         QStringLiteral("--secret"), QString::fromLatin1(kMercadoPagoSecret)});
        QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(run.describe()));
        QCOMPARE(statusOf(*m_server, id), QStringLiteral("paid"));

        QTRY_COMPARE_WITH_TIMEOUT(view->model()->item(0).value(u"status").toString(),
                                  QStringLiteral("paid"), 20000);
        QCOMPARE(view->model()->data(view->model()->index(0, 5), Qt::DisplayRole).toString(),
                 QStringLiteral("Paid"));
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusText(), QStringLiteral("Paid"), 20000);
        QVERIFY(!detail->payButton()->isEnabled());
        QVERIFY(!detail->cancelButton()->isEnabled());
        // The history now tells of the payment too.
        QTRY_VERIFY_WITH_TIMEOUT(detail->trailList()->topLevelItemCount() >= 3, 20000);
        QCOMPARE(reloads.size(), 0);
    }

private:
    std::unique_ptr<FakeProviderServer> m_fake;
    std::unique_ptr<TestServer> m_server;
};

QTEST_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
