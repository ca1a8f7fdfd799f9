// The dashboard page against a real reservad (on a hand-moved clock, at noon
// of today in this computer's zone): what it shows is what GET /v1/dashboard
// says, the charts carry the server's numbers, the hold window and the
// tenant are asked of the server, errors reach the user, and the page is
// there only for the roles the server lets in.
#include "common/displayformat.h"
#include "common/tenantchooser.h"
#include "dashboard/dashboardview.h"
#include "domain/role.h"
#include "manualclock.h"
#include "net/connectionmonitor.h"
#include "paymentfixture.h"
#include "shell/mainwindow.h"
#include "shell/viewaccess.h"
#include "uitestsupport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

constexpr qint64 kUsdPrice = 12500;
constexpr qint64 kArsPrice = 30000;

QStringList column(QTableWidget *table, int c)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << (table->item(row, c) ? table->item(row, c)->text() : QString());
    return out;
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out << set->at(i);
    return out;
}

} // namespace

class TestDashboardView : public QObject
{
    Q_OBJECT

private:
    QString succeed(const Payable &p, const QString &currency)
    {
        const QByteArray body = PaymentFixture::stripeEvent(
            QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128),
            QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(p.ref, p.amount, currency,
                                               QStringLiteral("succeeded")));
        return PaymentFixture::outcomeOf(m_payments->postStripeSigned(body, m_clock.now()));
    }

    QUuid book(const BookingTenant &tenant, const QUuid &slot, int quantity)
    {
        const TestResponse r =
            BookingFixture::book(*m_booking->clientAs(tenant.staffToken), slot, quantity,
                                 QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        return r.status == 201 ? QUuid::fromString(r.json().value(u"id").toString()) : QUuid();
    }

    // What the server answers the same question, through the same client.
    std::optional<DashboardSnapshot> fromServer(const QList<QPair<QString, QString>> &query)
    {
        ApiRequest request;
        request.path = QStringLiteral("/v1/dashboard");
        request.query.addQueryItem(QStringLiteral("tz"), DashboardView::localTimeZoneId());
        for (const auto &[name, value] : query)
            request.query.addQueryItem(name, value);
        const ApiResponse r = call(*m_api, request);
        if (!r.ok())
            return std::nullopt;
        return DashboardSnapshot::fromJson(r.object());
    }

    void signInAs(const QString &username)
    {
        m_session.reset(); // its destructor unhooks it from the client
        m_session = std::make_unique<Session>(*m_api, nullptr);
        QVERIFY(!signIn(*m_session, username, BookingFixture::kPassword));
    }

    static bool waitLoaded(DashboardView &view)
    {
        return QTest::qWaitFor([&] { return !view.isLoading() && view.snapshot().has_value(); },
                               60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Noon today in the zone the page asks in: "today" is the same day
        // whatever the wall clock says while the test runs.
        const QString zoneId = DashboardView::localTimeZoneId();
        const QTimeZone zone(zoneId.toLatin1());
        QVERIFY(zone.isValid());
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
        m_noon = QDateTime(today, QTime(12, 0), zone).toUTC();
        m_clock.set(m_noon.addSecs(-3 * 3600));
        m_server = std::make_unique<TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.holdSeconds = 900;
            c.tokens.accessTokenSeconds = 24 * 3600;
            PaymentFixture::configure(c, m_apis);
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_acme = m_booking->addTenant(QStringLiteral("acme"));
        m_other = m_booking->addTenant(QStringLiteral("other"));
        m_booking->addUser(QStringLiteral("ada.admin"), {role::kAdmin});
        m_booking->addUser(QStringLiteral("aud.auditor"), {role::kAuditor});
        const QUuid walk = m_booking->createProduct(
            m_acme.managerToken, {{QStringLiteral("name"), QStringLiteral("Glacier walk")},
                                  {QStringLiteral("price_minor"), kUsdPrice},
                                  {QStringLiteral("currency"), QStringLiteral("USD")}});
        const QUuid tango = m_booking->createProduct(
            m_acme.managerToken, {{QStringLiteral("name"), QStringLiteral("Tango night")},
                                  {QStringLiteral("price_minor"), kArsPrice},
                                  {QStringLiteral("currency"), QStringLiteral("ARS")}});
        const QUuid boat = m_booking->createProduct(
            m_other.managerToken, {{QStringLiteral("name"), QStringLiteral("Harbour boat")}});
        m_morning = m_booking->createSlot(m_acme.managerToken, walk, m_noon.addSecs(-3600), 10);
        m_afternoon =
            m_booking->createSlot(m_acme.managerToken, tango, m_noon.addSecs(3 * 3600), 6);
        m_later = m_booking->createSlot(m_acme.managerToken, walk, m_noon.addDays(2), 4);
        m_otherToday = m_booking->createSlot(m_other.managerToken, boat, m_noon.addSecs(1800), 3);
        QVERIFY(!m_morning.isNull() && !m_afternoon.isNull() && !m_later.isNull() &&
                !m_otherToday.isNull());

        // 09:00: two seats of the walk and one of the tango paid; a hold on
        // the walk that will have run out by noon.
        const Payable walkPaid =
            m_payments->payable(m_acme, m_morning, QStringLiteral("stripe"), 2);
        QCOMPARE(succeed(walkPaid, QStringLiteral("usd")), QStringLiteral("applied"));
        const Payable tangoPaid =
            m_payments->payable(m_acme, m_afternoon, QStringLiteral("stripe"), 1);
        QCOMPARE(succeed(tangoPaid, QStringLiteral("ars")), QStringLiteral("applied"));
        QVERIFY(!book(m_acme, m_morning, 1).isNull());

        // Noon: two live holds, both ending at 12:15.
        m_clock.set(m_noon);
        QVERIFY(!book(m_acme, m_later, 2).isNull());
        QVERIFY(!book(m_acme, m_afternoon, 1).isNull());

        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(localUrl(m_server->port()));
    }
    void cleanupTestCase()
    {
        m_session.reset();
        m_api.reset();
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
    }
    void init() { signInAs(QStringLiteral("acme-staff")); }
    void cleanup() { m_session.reset(); }

    void showsWhatTheServerSays()
    {
        DashboardView view(*m_api, false);
        view.resize(1200, 800);
        view.show();
        view.refresh();
        QVERIFY(waitLoaded(view));
        const auto server = fromServer({});
        QVERIFY(server);
        const DashboardSnapshot &shown = *view.snapshot();
        QCOMPARE(shown.departuresToday, server->departuresToday);
        QCOMPARE(shown.pendingPayments, server->pendingPayments);
        QCOMPARE(shown.expiringHolds, server->expiringHolds);
        QCOMPARE(shown.occupancy, server->occupancy);
        QCOMPARE(shown.revenue, server->revenue);

        // And the server's numbers are the scenario's.
        QCOMPARE(shown.today, m_noon.toTimeZone(QTimeZone(shown.timeZone.toLatin1())).date());
        QCOMPARE(shown.departuresToday.size(), 2);
        QCOMPARE(shown.departuresToday.at(0).slotId, m_morning);
        QCOMPARE(shown.departuresToday.at(0).seatsTaken, 2); // the lapsed hold is free
        QCOMPARE(shown.departuresToday.at(1).slotId, m_afternoon);
        QCOMPARE(shown.departuresToday.at(1).seatsTaken, 2);
        QCOMPARE(shown.departuresToday.at(1).seatsPaid, 1);

        auto *departures = widgetNamed<QTableWidget>(&view, QStringLiteral("Today's departures"));
        QVERIFY(departures);
        QCOMPARE(column(departures, 1),
                 QStringList({QStringLiteral("Glacier walk"), QStringLiteral("Tango night")}));
        QCOMPARE(column(departures, 2),
                 QStringList({QStringLiteral("2 of 10"), QStringLiteral("2 of 6")}));
        QCOMPARE(column(departures, 3), QStringList({QStringLiteral("2"), QStringLiteral("1")}));

        auto *pending = widgetNamed<QTableWidget>(&view, QStringLiteral("Pending payments"));
        QVERIFY(pending);
        QCOMPARE(column(pending, 0),
                 QStringList({DisplayFormat::money(kArsPrice, QStringLiteral("ARS")),
                              DisplayFormat::money(2 * kUsdPrice, QStringLiteral("USD"))}));
        QCOMPARE(column(pending, 1), QStringList({QStringLiteral("1"), QStringLiteral("1")}));
        QCOMPARE(column(pending, 2), QStringList({QStringLiteral("1"), QStringLiteral("2")}));

        auto *holds = widgetNamed<QTableWidget>(&view, QStringLiteral("Holds about to expire"));
        QVERIFY(holds);
        QCOMPARE(holds->rowCount(), 2);
        QStringList products = column(holds, 1);
        products.sort();
        QCOMPARE(products,
                 QStringList({QStringLiteral("Glacier walk"), QStringLiteral("Tango night")}));
        for (int row = 0; row < holds->rowCount(); ++row)
            QCOMPARE(holds->item(row, 0)->data(Qt::UserRole).toString(),
                     server->expiringHolds.at(row).reservationId.toString(QUuid::WithoutBraces));
    }

    void chartsCarryTheNumbers()
    {
        DashboardView view(*m_api, false);
        view.show();
        view.refresh();
        QVERIFY(waitLoaded(view));
        const auto server = fromServer({});
        QVERIFY(server);

        // Occupancy: one stacked bar per departure of the 14 days.
        QCOMPARE(view.occupancyChart()->series().size(), 1);
        auto *bars =
            qobject_cast<QHorizontalStackedBarSeries *>(view.occupancyChart()->series().first());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 3);
        const QList<QBarSet *> sets = bars->barSets();
        QCOMPARE(sets.at(0)->label(), QStringLiteral("Paid"));
        QCOMPARE(sets.at(1)->label(), QStringLiteral("Held"));
        QCOMPARE(sets.at(2)->label(), QStringLiteral("Free"));
        // Bars count from the bottom: the soonest departure is the last, on top.
        QList<qreal> paid, held, open;
        for (const DashboardSlot &s : server->occupancy) {
            paid.prepend(s.seatsPaid);
            held.prepend(s.seatsTaken - s.seatsPaid);
            open.prepend(s.capacity - s.seatsTaken);
        }
        QCOMPARE(values(sets.at(0)), paid);
        QCOMPARE(values(sets.at(1)), held);
        QCOMPARE(values(sets.at(2)), open);
        // The scenario, from the top: the walk this morning, the tango this
        // afternoon, the walk in two days.
        QCOMPARE(paid, (QList<qreal>{0, 1, 2}));
        QCOMPARE(held, (QList<qreal>{2, 1, 0}));
        QCOMPARE(open, (QList<qreal>{2, 4, 8}));
        auto *categories =
            qobject_cast<QBarCategoryAxis *>(view.occupancyChart()->axes(Qt::Vertical).first());
        QVERIFY(categories);
        QCOMPARE(categories->count(), 3);

        // Revenue: one line per currency, 14 days, in major units.
        QMap<QString, QList<QPointF>> lines;
        const auto series = view.revenueChart()->series();
        for (QAbstractSeries *s : series) {
            auto *line = qobject_cast<QLineSeries *>(s);
            QVERIFY(line);
            lines.insert(line->name(), line->points());
        }
        QCOMPARE(lines.keys(), QStringList({QStringLiteral("ARS"), QStringLiteral("USD")}));
        for (const QString &code : lines.keys()) {
            const QList<QPointF> points = lines.value(code);
            QCOMPARE(points.size(), 14);
            for (int day = 0; day < 14; ++day) {
                qint64 minor = 0;
                for (const RevenueTotal &t : server->revenue.at(day).byCurrency) {
                    if (t.currency == code)
                        minor = t.amountMinor;
                }
                QCOMPARE(points.at(day).x(), qreal(day));
                QCOMPARE(points.at(day).y(), qreal(minor) / 100.0);
            }
        }
        QCOMPARE(lines.value(QStringLiteral("USD")).last().y(), 2 * kUsdPrice / 100.0);
        QCOMPARE(lines.value(QStringLiteral("ARS")).last().y(), kArsPrice / 100.0);
        QCOMPARE(lines.value(QStringLiteral("USD")).first().y(), 0.0);
    }

    void chartsFollowThePalette()
    {
        DashboardView view(*m_api, false);
        view.show();
        view.refresh();
        QVERIFY(waitLoaded(view));
        // A dark scheme arrives (the OS switched): the charts take its colours.
        QPalette dark = view.palette();
        dark.setColor(QPalette::Window, QColor(32, 33, 36));
        dark.setColor(QPalette::Base, QColor(24, 25, 28));
        dark.setColor(QPalette::Text, QColor(232, 234, 237));
        dark.setColor(QPalette::Highlight, QColor(90, 150, 230));
        view.setPalette(dark);
        for (QChart *chart : {view.occupancyChart(), view.revenueChart()}) {
            QCOMPARE(chart->backgroundBrush().color(), dark.color(QPalette::Base));
            QCOMPARE(chart->theme(), QChart::ChartThemeDark);
            const auto axes = chart->axes();
            QVERIFY(!axes.isEmpty());
            for (QAbstractAxis *axis : axes)
                QCOMPARE(axis->labelsBrush().color(), dark.color(QPalette::Text));
        }
        auto *bars =
            qobject_cast<QHorizontalStackedBarSeries *>(view.occupancyChart()->series().first());
        QCOMPARE(bars->barSets().first()->color(), dark.color(QPalette::Highlight));
        // Reloading keeps them.
        view.refresh();
        QVERIFY(waitLoaded(view));
        QCOMPARE(view.occupancyChart()->backgroundBrush().color(), dark.color(QPalette::Base));
    }

    void holdWindowIsAskedOfTheServer()
    {
        DashboardView view(*m_api, false);
        view.show();
        view.refresh();
        QVERIFY(waitLoaded(view));
        auto *holds = widgetNamed<QTableWidget>(&view, QStringLiteral("Holds about to expire"));
        QCOMPARE(holds->rowCount(), 2);
        auto *window =
            widgetNamed<QSpinBox>(&view, QStringLiteral("Holds expiring within, in minutes"));
        QVERIFY(window);
        window->setValue(10); // both holds end in 15 minutes
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.snapshot()->expiringWithinMinutes == 10,
                                 60000);
        QCOMPARE(holds->rowCount(), 0);
        QCOMPARE(fromServer({{QStringLiteral("expiring_within_minutes"), QStringLiteral("10")}})
                     ->expiringHolds.size(),
                 0);
    }

    void administratorChoosesTheTenant()
    {
        signInAs(QStringLiteral("ada.admin"));
        DashboardView view(*m_api, true);
        view.show();
        view.refresh();
        QVERIFY(waitLoaded(view));
        QVERIFY(view.snapshot()->tenantId.isNull());
        QList<QUuid> all;
        for (const DashboardSlot &s : view.snapshot()->departuresToday)
            all << s.slotId;
        QVERIFY(all.contains(m_otherToday));
        QVERIFY(all.contains(m_morning));

        auto *tenant = view.findChild<TenantChooser *>();
        QVERIFY(tenant);
        const QString acme = m_acme.id.toString(QUuid::WithoutBraces);
        QTRY_VERIFY_WITH_TIMEOUT(tenant->findData(acme) > 0, 60000);
        tenant->setCurrentIndex(tenant->findData(acme));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.snapshot()->tenantId == m_acme.id,
                                 60000);
        QList<QUuid> acmeOnly;
        for (const DashboardSlot &s : view.snapshot()->departuresToday)
            acmeOnly << s.slotId;
        QCOMPARE(acmeOnly, (QList<QUuid>{m_morning, m_afternoon}));
    }

    void refusalsAreShownToTheUser()
    {
        // An auditor never gets the page; a view built anyway gets the
        // server's 403, and the user sees it in the usual error box.
        signInAs(QStringLiteral("aud.auditor"));
        DashboardView view(*m_api, true);
        QSignalSpy failed(&view, &DashboardView::loadFailed);
        view.show();
        view.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QCOMPARE(failed.first().first().value<ApiError>().status, 403);
        QVERIFY(!view.snapshot());
        auto *status = widgetNamed<QLabel>(&view, QStringLiteral("Dashboard status"));
        QCOMPARE(status->text(), QStringLiteral("Not loaded"));
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = view.findChild<QMessageBox *>()) != nullptr, 60000);
        QCOMPARE(box->text(), QStringLiteral("The dashboard could not be loaded."));
        QVERIFY(box->informativeText().contains(QStringLiteral("Request ID")));
    }

    void pageFollowsTheRoles()
    {
        for (const QString &username :
             {QStringLiteral("acme-staff"), QStringLiteral("acme-manager"),
              QStringLiteral("ada.admin"), QStringLiteral("aud.auditor")}) {
            signInAs(username);
            const bool allowed = username != u"aud.auditor";
            QCOMPARE(allowedViews(m_session->claims()).contains(ViewKind::Dashboard), allowed);
            TemporarySettings settings;
            ConnectionMonitor monitor(*m_api);
            MainWindow window(*m_api, *m_session, monitor, settings.settings(),
                              QStringLiteral("test"));
            window.show();
            const auto pages = window.findChildren<DashboardView *>();
            QCOMPARE(pages.size(), allowed ? 1 : 0);
            if (!allowed)
                continue;
            // The first page, and it loads without a refusal.
            QCOMPARE(window.views().first(), ViewKind::Dashboard);
            QCOMPARE(window.currentView(), static_cast<WorkspaceView *>(pages.first()));
            QVERIFY2(waitLoaded(*pages.first()), qPrintable(username));
        }
    }

private:
    ManualClock m_clock;
    FakePaymentApis m_apis;
    QDateTime m_noon;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    BookingTenant m_acme;
    BookingTenant m_other;
    QUuid m_morning;
    QUuid m_afternoon;
    QUuid m_later;
    QUuid m_otherToday;
};

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
