// The desktop app on the embedded server with 100,000 reservations: the time
// from signing in to the first rows painted on the Reservations page (target
// under 300 ms), beside the same two requests (login, first page) sent by the
// same HTTP client with no page at all, measured in the same run; and the
// process's memory after scrolling to the last row (target under 200 MB RSS),
// beside its memory before the page was opened. The embedded server runs in
// this process, as in the app, so its memory is counted too. Reports only;
// asserts nothing about speed.

#include "common/pagedjsonmodel.h"
#include "db/dbconnection.h"
#include "db/localpostgres.h"
#include "embedded/inprocessserver.h"
#include "net/apiclient.h"
#include "net/session.h"
#include "reservations/reservationfeedpoller.h"
#include "reservations/reservationsview.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace reserva;
using namespace reserva::ui;

namespace {

constexpr int kReservations = 100000;
constexpr int kRuns = 7;
const QString kAdmin = QStringLiteral("owner");
const QString kPassword = QStringLiteral("bench-password-1");

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_desktop: %s\n", qPrintable(why));
    std::exit(1);
}

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

QJsonObject post(ApiClient &api, const QString &path, const QJsonObject &body)
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    const ApiResponse answer = test::call(api, r);
    if (!answer.ok())
        fail(path + QStringLiteral(": ") + answer.error->plainMessage());
    return answer.object();
}

// A tenant with one product and one departure, through the API; then the
// reservations straight into the database (the API would take minutes), in
// the past states that hold no seats.
void seed(const QString &dataDir, ApiClient &api)
{
    const QString tenant = post(api, QStringLiteral("/v1/tenants"),
                                {{QStringLiteral("slug"), QStringLiteral("bench")},
                                 {QStringLiteral("name"), QStringLiteral("Bench Tours")}})
                               .value(u"id")
                               .toString();
    const QString product = post(api, QStringLiteral("/v1/products"),
                                 {{QStringLiteral("tenant_id"), tenant},
                                  {QStringLiteral("name"), QStringLiteral("Harbour cruise")},
                                  {QStringLiteral("kind"), QStringLiteral("tour")},
                                  {QStringLiteral("price_minor"), 10000},
                                  {QStringLiteral("currency"), QStringLiteral("USD")}})
                                .value(u"id")
                                .toString();
    const QString slot =
        post(api, QStringLiteral("/v1/products/") + product + QStringLiteral("/slots"),
             {{QStringLiteral("starts_at"),
               QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate)},
              {QStringLiteral("duration_minutes"), 120},
              {QStringLiteral("capacity"), 50}})
            .value(u"id")
            .toString();

    LocalPostgres::Options options;
    options.dataDir = dataDir;
    const LocalPostgres cluster(options); // not started here: only its settings
    DbSessionOptions session;
    session.settings = cluster.connectionSettings();
    session.role.clear();
    session.statementTimeoutMs = 0;
    DbConnection db(session, QStringLiteral("bench-seed"));
    QString error;
    if (!db.open(&error))
        fail(error);
    db.exec(QStringLiteral("INSERT INTO reservations (tenant_id, slot_id, product_id, quantity,"
                           " customer_name, customer_email, status, unit_price_minor, amount_minor,"
                           " currency, created_by, created_at, updated_at)"
                           " SELECT ?::uuid, ?::uuid, ?::uuid, 1 + g % 4, 'Customer ' || g,"
                           " 'customer' || g || '@example.com',"
                           " CASE WHEN g % 3 = 0 THEN 'cancelled' ELSE 'expired' END, 10000,"
                           " 10000 * (1 + g % 4), 'USD', 'bench', now() - g * interval '1 minute',"
                           " now() - g * interval '1 minute' FROM generate_series(1, ?) AS g"),
            {tenant, slot, product, kReservations}, "seed reservations");
    db.execDirect(QStringLiteral("ANALYZE reservations"), "analyze");
}

// Sign in, then the first page: the same requests the page makes, with no page.
double baselineMs(const QUrl &url)
{
    ApiClient api;
    api.setBaseUrl(url);
    QElapsedTimer t;
    t.start();
    ApiRequest login;
    login.method = "POST";
    login.path = QStringLiteral("/v1/auth/login");
    login.authenticated = false;
    login.body =
        QJsonObject{{QStringLiteral("username"), kAdmin}, {QStringLiteral("password"), kPassword}};
    const ApiResponse tokens = test::call(api, login);
    if (!tokens.ok())
        fail(QStringLiteral("baseline login: ") + tokens.error->plainMessage());
    ApiRequest page;
    page.path = QStringLiteral("/v1/reservations");
    page.authenticated = false;
    page.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    page.headers = {{"Authorization",
                     "Bearer " + tokens.object().value(u"access_token").toString().toLatin1()}};
    const ApiResponse first = test::call(api, page);
    if (!first.ok() || first.object().value(u"items").toArray().isEmpty())
        fail(QStringLiteral("baseline page failed"));
    return double(t.nsecsElapsed()) / 1e6;
}

struct AppRun
{
    double firstRowsMs = 0;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<Session> session;
    std::unique_ptr<ReservationsView> view;
};

// Sign in through the Session, open the Reservations page, and stop the clock
// once its first rows are painted.
AppRun appRun(const QUrl &url)
{
    AppRun run;
    run.api = std::make_unique<ApiClient>();
    run.api->setBaseUrl(url);
    run.session = std::make_unique<Session>(*run.api, nullptr);
    QElapsedTimer t;
    t.start();
    if (test::signIn(*run.session, kAdmin, kPassword))
        fail(QStringLiteral("sign-in failed"));
    run.view = std::make_unique<ReservationsView>(*run.api);
    run.view->resize(1200, 700);
    run.view->show();
    run.view->refresh();
    if (!QTest::qWaitFor([&] { return run.view->model()->rowCount() > 0; }, 60000))
        fail(QStringLiteral("no rows shown"));
    run.view->table()->viewport()->repaint();
    run.firstRowsMs = double(t.nsecsElapsed()) / 1e6;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    // As root, PostgreSQL runs as an unprivileged account that must enter it.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                          QFileDevice::ExeOther);
    const QString dataDir = dir.filePath(QStringLiteral("server"));
    InProcessServer server(dataDir);
    QSignalSpy started(&server, &EmbeddedServer::started);
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    server.start();
    if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, 300000) ||
        !failed.isEmpty())
        fail(QStringLiteral("the embedded server did not start: ") +
             failed.value(0).value(0).toString());
    const QUrl url = started.first().at(0).toUrl();
    QSignalSpy created(&server, &EmbeddedServer::administratorCreated);
    server.createAdministrator(kAdmin, kPassword);
    if (!QTest::qWaitFor([&] { return !created.isEmpty(); }, 60000))
        fail(QStringLiteral("no administrator"));
    {
        ApiClient api;
        api.setBaseUrl(url);
        Session session(api, nullptr);
        if (test::signIn(session, kAdmin, kPassword))
            fail(QStringLiteral("seed sign-in failed"));
        QElapsedTimer seeding;
        seeding.start();
        seed(dataDir, api);
        std::printf("seeded %d reservations in %.1f s\n", kReservations,
                    double(seeding.elapsed()) / 1000.0);
    }

    // Warm-up: connections, prepared statements, the first paint's fonts.
    baselineMs(url);
    appRun(url);

    QList<double> baseline;
    QList<double> withUi;
    for (int i = 0; i < kRuns; ++i) {
        baseline << baselineMs(url);
        withUi << appRun(url).firstRowsMs;
    }

    const double rssBefore = rssMb();
    AppRun scroll = appRun(url);
    QElapsedTimer scrolling;
    scrolling.start();
    PagedJsonModel *model = scroll.view->model();
    while (model->canFetchMore({}) || model->isLoading()) {
        scroll.view->table()->scrollToBottom();
        if (model->canFetchMore({}))
            model->fetchMore({});
        if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 60000))
            fail(QStringLiteral("a page did not load"));
    }
    scroll.view->table()->viewport()->repaint();
    const double scrollS = double(scrolling.elapsed()) / 1000.0;
    const double rssAfter = rssMb();
    if (model->rowCount() != kReservations)
        fail(QStringLiteral("scrolled to %1 rows, not %2")
                 .arg(model->rowCount())
                 .arg(kReservations));

    std::printf("\nDesktop, embedded server, %d reservations (median of %d runs)\n", kReservations,
                kRuns);
    std::printf("| measure | app | baseline | ratio | target |\n|---|---|---|---|---|\n");
    std::printf("| sign-in to first rows painted | %.0f ms | %.0f ms (login + first page, no UI)"
                " | %.2f | < 300 ms |\n",
                median(withUi), median(baseline), median(withUi) / median(baseline));
    std::printf("| RSS after scrolling to row %d | %.0f MB | %.0f MB (before the page) | %.2f"
                " | < 200 MB |\n",
                model->rowCount(), rssAfter, rssBefore, rssAfter / rssBefore);
    std::printf("scrolling through %d pages took %.1f s\n", kReservations / 100, scrollS);
    server.stop();
    return 0;
}
