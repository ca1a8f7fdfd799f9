// A mixed, realistic workload through a Release `reservad serve` (separate
// process, managed PostgreSQL with fsync on): browse availability 70%, book
// 20%, signed Stripe webhooks 10%, against pgbench running the same three SQL
// scripts with the same weights on the same database, in the same run, on the
// same cores. Then a soak: the same mix at 32 connections for --soak seconds,
// reservad's RSS sampled at the end of every window, to show whether memory
// stays flat under a long load.
//
// The catalog: one product with 4,000 hourly departures; browsing asks for
// one random day of them (24 slots), booking takes a seat on a random one,
// each webhook pays the next intent of a pool seeded in SQL (webhookload.h).
//
// Checked after every run: the payment and seat invariants, the audit
// sealer's backlog, and at the end `reservad audit verify`. Reports only: it
// never asserts speed; it exits non-zero when something is broken.
//
// Options: the common ones (--connections, --duration, --warmup, --workers,
// --csv, --keep), --pool N (intents seeded per run and client, default
// 50000), --soak S (default 0: no soak; run-all.sh passes 600, or 60 with
// --quick) and --soak-csv FILE (time, RSS and throughput per window).

#include "benchchecks.h"
#include "benchreport.h"
#include "benchsupport.h"
#include "bookingload.h"
#include "providers/fake/fakeproviderserver.h"
#include "webhookload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <memory>
#include <random>

using namespace reserva;
using namespace reserva::bench;

namespace {

constexpr int kSlots = 4000;         // hourly departures from 60 days ahead
constexpr int kSlotCapacity = 20000; // never full, whatever the runs book
constexpr int kDays = kSlots / 24 - 1;
constexpr int kSoakConnections = 32;
constexpr double kSoakWindowS = 30;

// GET /v1/availability for one random day of the catalog.
QByteArray availabilityRequest(std::mt19937 &random, const QByteArray &bearer,
                               const QString &productId, const QDateTime &firstDay)
{
    const QDateTime from = firstDay.addDays(qint64(random() % kDays));
    const QByteArray query = "product=" + productId.toLatin1() +
                             "&from=" + from.toString(Qt::ISODate).toLatin1() +
                             "&to=" + from.addDays(1).toString(Qt::ISODate).toLatin1();
    return "GET /v1/availability?" + query +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer + "\r\n\r\n";
}

// The statement GET /v1/availability runs (slotstore::availability: the
// product's visibility and its departures in one round trip), for one random
// day like the HTTP client's.
QByteArray availabilityPgbenchScript(const QDateTime &firstDay)
{
    // The day's bounds as pgbench variables (epoch seconds) turned into
    // timestamps by to_timestamp(), which is immutable: the bounds stay index
    // conditions in pgbench's generic plan as they do in the server's.
    const QByteArray first = QByteArray::number(firstDay.toSecsSinceEpoch());
    return "\\set d random(0, " + QByteArray::number(kDays - 1) +
           ")\n"
           "\\set f " +
           first +
           " + :d * 86400\n"
           "\\set t :f + 86400\n"
           "SELECT s.id, s.product_id, s.starts_at, s.duration_minutes, s.capacity, s.remaining"
           " FROM products p LEFT JOIN LATERAL (SELECT s.id, s.product_id, s.starts_at,"
           " s.duration_minutes, s.capacity,"
           " s.capacity - s.seats_taken + COALESCE((SELECT sum(r.quantity) FROM reservations r"
           " WHERE r.slot_id = s.id AND r.status = 'pending_payment'"
           " AND r.hold_expires_at <= now()), 0) AS remaining"
           " FROM slots s WHERE s.product_id = p.id"
           " AND s.starts_at >= to_timestamp(:f) AND s.starts_at < to_timestamp(:t)"
           " ORDER BY s.starts_at, s.id LIMIT 5000) s ON true"
           " WHERE p.id = :product::uuid AND (:tenant::uuid IS NULL OR p.tenant_id = "
           ":tenant::uuid);\n";
}

struct RunResult
{
    int connections = 0;
    LoadResult server;
    qint64 serverPeakRssKb = 0;
    PgbenchResult pgbench;
    QString invariants; // empty: hold
};

struct SoakWindow
{
    double atS = 0;
    double rssMb = 0;
    double throughputRps = 0;
    double p95Ms = 0;
};

class Bench
{
public:
    Bench(const RunOptions &options, qint64 pool, double soakS, QString soakCsv)
        : m_options(options)
        , m_pool(pool)
        , m_soakS(soakS)
        , m_soakCsv(std::move(soakCsv))
        , m_server(QStringLiteral(RESERVAD_PATH), options.keep)
    {
    }

    int run();

private:
    void start();
    std::function<QByteArray(int, qint64)> requests(const QByteArray &tag, qint64 pool,
                                                    qint64 *used);
    LoadResult load(int connections, double warmupS, double durationS,
                    std::function<QByteArray(int, qint64)> next);
    RunResult runOne(int connections);
    QList<SoakWindow> soak();
    void printReport(const QList<RunResult> &results, const QList<SoakWindow> &soakWindows,
                     int verifyExit, const QString &verdict);

    RunOptions m_options;
    qint64 m_pool;
    double m_soakS;
    QString m_soakCsv;
    FakeProviderServer m_fake; // Stripe's API, for the catalog's one intent made through the API
    BenchServer m_server;
    WebhookCatalog m_catalog;
    QList<QByteArray> m_slots;
    QDateTime m_firstDay;
    QByteArray m_answerSample;
    std::mt19937 m_random{std::random_device{}()};
    int m_runs = 0;
    QString m_loadBefore;
};

void Bench::start()
{
    startWithStripeFake(m_server, m_fake, m_options.workers);
    m_catalog = createWebhookCatalog(m_server, kSlots, kSlotCapacity);
    QSqlQuery q(m_server.sql());
    q.prepare(QStringLiteral("SELECT id, starts_at FROM slots WHERE product_id = ?::uuid"
                             " ORDER BY starts_at"));
    q.addBindValue(m_catalog.productId);
    if (!q.exec())
        fail(QStringLiteral("cannot list the slots"));
    while (q.next()) {
        if (m_slots.isEmpty())
            m_firstDay = q.value(1).toDateTime().toUTC();
        m_slots << q.value(0).toString().toLatin1();
    }
    if (m_slots.size() != kSlots)
        fail(QStringLiteral("the catalog has %1 slots, not %2").arg(m_slots.size()).arg(kSlots));
    // One real booking: its answer is what pgbench stores as the idempotent answer.
    test::TestHttpClient &http = m_server.http();
    http.setBearer(QString::fromLatin1(m_server.bearer()));
    const test::TestResponse sample =
        http.request("POST", QStringLiteral("/v1/reservations"),
                     "{\"slot_id\":\"" + m_slots.first() +
                         "\",\"quantity\":1,\"customer\":{\"name\":\"Bench Customer\","
                         "\"email\":\"bench.customer@example.com\","
                         "\"phone\":\"+54 11 5555 0000\"}}",
                     {{"Content-Type", "application/json"}, {"Idempotency-Key", "mixed-sample"}});
    if (sample.status != 201)
        fail(QStringLiteral("a first booking failed: %1").arg(sample.status));
    m_answerSample = sample.body;
}

// 70% browse, 20% book, 10% webhook, drawn per request.
std::function<QByteArray(int, qint64)> Bench::requests(const QByteArray &tag, qint64 pool,
                                                       qint64 *used)
{
    auto book = bookingRequests(m_server.bearer(), m_slots, "mixed-" + tag);
    auto pay = webhookRequests(tag, pool, used);
    auto random = std::make_shared<std::mt19937>(m_random());
    const QByteArray bearer = m_server.bearer();
    const QString product = m_catalog.productId;
    const QDateTime firstDay = m_firstDay;
    return [=](int connection, qint64 sequence) {
        const quint32 draw = (*random)() % 100;
        if (draw < 70)
            return availabilityRequest(*random, bearer, product, firstDay);
        if (draw < 90)
            return book(connection, sequence);
        return pay(connection, sequence);
    };
}

LoadResult Bench::load(int connections, double warmupS, double durationS,
                       std::function<QByteArray(int, qint64)> next)
{
    LoadSpec spec;
    spec.port = m_server.port();
    spec.connections = connections;
    spec.warmupS = warmupS;
    spec.durationS = durationS;
    spec.nextRequest = std::move(next);
    m_server.sampler().resetWindowPeak();
    LoadGenerator generator(spec, [](bool) {});
    return generator.run();
}

RunResult Bench::runOne(int connections)
{
    RunResult r;
    r.connections = connections;
    const QByteArray run = QByteArray::number(++m_runs);
    const QByteArray serverTag = "ms" + run;
    const QByteArray pgbenchTag = "mp" + run;
    seedIntentPool(m_server, m_catalog, kSlots, serverTag, m_pool);
    seedIntentPool(m_server, m_catalog, kSlots, pgbenchTag, m_pool);

    std::fprintf(stderr, "mixed, %d connections: reservad...\n", connections);
    m_server.checkpoint();
    qint64 used = 0;
    r.server = load(connections, m_options.warmupS, m_options.durationS,
                    requests(serverTag, m_pool, &used));
    r.serverPeakRssKb = m_server.sampler().windowPeakRssKb();
    if (used > m_pool)
        fail(QStringLiteral("the webhook pool ran out: raise --pool"));

    std::fprintf(stderr, "mixed, %d connections: pgbench...\n", connections);
    PgbenchSpec pg;
    pg.pgbenchPath = QStringLiteral(PGBENCH_PATH);
    pg.dir = m_server.dir() + QStringLiteral("/pgbench-mixed-") + QString::number(connections);
    pg.scripts = {
        {QStringLiteral("browse.sql"), availabilityPgbenchScript(m_firstDay), 70},
        {QStringLiteral("booking.sql"), bookingPgbenchScript(m_slots, m_answerSample), 20},
        {QStringLiteral("webhook.sql"),
         webhookPgbenchScript(pgbenchTag, m_catalog.headersJson, m_catalog.sampleBody), 10}};
    if (const QByteArray at = variableInsideLiteral(pg.scripts.last().text); !at.isEmpty())
        fail(QStringLiteral("webhook.sql has a variable-like colon in a literal: ") +
             QString::fromUtf8(at));
    pg.connections = connections;
    pg.warmupS = m_options.warmupS;
    pg.durationS = m_options.durationS;
    pg.variables = {QStringLiteral("subject=") + QString::fromUtf8(m_catalog.subject),
                    QStringLiteral("tenant=") + QString::fromUtf8(m_catalog.tenant),
                    QStringLiteral("product=") + m_catalog.productId};
    r.pgbench = runPgbench(pg, m_server);
    if (!r.pgbench.ok)
        fail(QStringLiteral("pgbench failed: ") + r.pgbench.error);
    r.invariants = invariantViolations(m_server);
    qint64 pending = 0;
    qint64 drainMs = 0;
    auditBacklog(m_server, &pending, &drainMs);
    return r;
}

// The mix at 32 connections in back-to-back windows; reservad's RSS at the
// end of each. New connections per window, as clients come and go.
QList<SoakWindow> Bench::soak()
{
    QList<SoakWindow> windows;
    if (m_soakS <= 0)
        return windows;
    const QByteArray tag = "soak";
    // Enough intents for webhooks at 10% of a generous 2,000 requests/s.
    const qint64 pool = std::max<qint64>(m_pool, qint64(m_soakS * 200));
    seedIntentPool(m_server, m_catalog, kSlots, tag, pool);
    qint64 used = 0;
    const auto next = requests(tag, pool, &used);
    const auto started = Clock::now();
    const int count = std::max(2, int(m_soakS / kSoakWindowS + 0.5));
    for (int i = 0; i < count; ++i) {
        std::fprintf(stderr, "soak: window %d of %d\n", i + 1, count);
        LoadResult result =
            load(kSoakConnections, i == 0 ? m_options.warmupS : 0, m_soakS / count, next);
        std::sort(result.latencyMs.begin(), result.latencyMs.end());
        SoakWindow w;
        w.atS = std::chrono::duration<double>(Clock::now() - started).count();
        w.rssMb = double(m_server.rssKb()) / 1024.0;
        w.throughputRps = double(successes(result)) / (m_soakS / count);
        w.p95Ms = percentile(result.latencyMs, 0.95);
        windows << w;
        if (used > pool)
            fail(QStringLiteral("the soak's webhook pool ran out"));
    }
    if (!m_soakCsv.isEmpty()) {
        QFile f(m_soakCsv);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail(QStringLiteral("cannot write ") + m_soakCsv);
        f.write("elapsed_s,rss_mb,throughput_rps,p95_ms\n");
        for (const SoakWindow &w : std::as_const(windows))
            f.write(QByteArray::number(w.atS, 'f', 1) + ',' + QByteArray::number(w.rssMb, 'f', 1) +
                    ',' + QByteArray::number(w.throughputRps, 'f', 1) + ',' +
                    QByteArray::number(w.p95Ms, 'f', 3) + '\n');
    }
    return windows;
}

void Bench::printReport(const QList<RunResult> &results, const QList<SoakWindow> &soakWindows,
                        int verifyExit, const QString &verdict)
{
    std::printf("\nMixed workload: availability 70%%, booking 20%%, Stripe webhook 10%% through"
                " reservad vs the same three scripts in pgbench (-M prepared, same weights)\n");
    std::printf("load average before: %s, at the end: %s\n\n", qUtf8Printable(m_loadBefore),
                qUtf8Printable(loadAverage()));
    std::printf("| conns | reservad req/s | p50 ms | p95 ms | p99 ms | pgbench tps | ratio |"
                " non-2xx | RSS MB | invariants |\n");
    std::printf("|-------|----------------|--------|--------|--------|-------------|-------|"
                "---------|--------|------------|\n");
    for (RunResult r : results) {
        const ReportRow row = reportRow(QStringLiteral("mixed"), r.connections, r.server,
                                        m_options.durationS, r.serverPeakRssKb, &r.pgbench);
        const qint64 non2xx = r.server.answered - successes(r.server) + r.server.transportErrors;
        std::printf("| %5d | %14.0f | %6.2f | %6.2f | %6.2f | %11.0f | %5.2f | %7lld | %6.1f |"
                    " %s |\n",
                    r.connections, row.throughputRps, row.p50Ms, row.p95Ms, row.p99Ms,
                    row.pgbenchTps, row.ratio(), static_cast<long long>(non2xx), row.rssMb,
                    r.invariants.isEmpty() ? "hold" : qUtf8Printable(r.invariants));
    }
    if (!soakWindows.isEmpty()) {
        // Flat: the last window's RSS against the first window's (after warm-up).
        const double first = soakWindows.first().rssMb;
        const double last = soakWindows.last().rssMb;
        std::printf("\nSoak: %d connections, %.0f s in %lld windows; reservad RSS %.1f MB after"
                    " the first window, %.1f MB at the end (%+.1f%%; target within 10%%)\n",
                    kSoakConnections, m_soakS, static_cast<long long>(soakWindows.size()), first,
                    last, first > 0 ? 100 * (last - first) / first : 0);
        for (const SoakWindow &w : soakWindows)
            std::printf("  %6.0f s  RSS %6.1f MB  %7.0f req/s  p95 %6.2f ms\n", w.atS, w.rssMb,
                        w.throughputRps, w.p95Ms);
    }
    for (const RunResult &r : results) {
        if (r.connections == m_options.counts.value(0) && !r.pgbench.statementLatencies.isEmpty())
            std::printf("\npgbench per script and statement, %d connections:\n%s", r.connections,
                        qUtf8Printable(r.pgbench.statementLatencies));
    }
    std::printf("\nreservad audit verify: exit %d: %s\n", verifyExit,
                qUtf8Printable(verdict.simplified().left(200)));
    std::fflush(stdout);
}

int Bench::run()
{
    m_loadBefore = loadAverage();
    start();
    QList<RunResult> results;
    QList<ReportRow> rows;
    bool broken = false;
    for (int connections : std::as_const(m_options.counts)) {
        RunResult r = runOne(connections);
        broken = broken || !r.invariants.isEmpty();
        RunResult copy = r;
        rows << reportRow(QStringLiteral("mixed"), copy.connections, copy.server,
                          m_options.durationS, copy.serverPeakRssKb, &copy.pgbench);
        results << std::move(r);
    }
    const QList<SoakWindow> soakWindows = soak();
    if (!soakWindows.isEmpty()) {
        const QString invariants = invariantViolations(m_server);
        if (!invariants.isEmpty()) {
            std::fprintf(stderr, "after the soak: %s\n", qUtf8Printable(invariants));
            broken = true;
        }
    }
    QString verdict;
    const int verifyExit = m_server.auditVerify(&verdict);
    broken = broken || verifyExit != 0;
    appendReportRows(m_options.csvPath, rows);
    printReport(results, soakWindows, verifyExit, verdict);
    m_server.stop();
    return broken ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("reservad mixed workload vs pgbench, soak"));
    parser.addHelpOption();
    RunOptions options(parser);
    const QCommandLineOption pool(QStringLiteral("pool"),
                                  QStringLiteral("Intents seeded per run and client (50000)."),
                                  QStringLiteral("N"));
    const QCommandLineOption soak(QStringLiteral("soak"),
                                  QStringLiteral("Soak seconds at 32 connections (default 0)."),
                                  QStringLiteral("S"));
    const QCommandLineOption soakCsv(QStringLiteral("soak-csv"),
                                     QStringLiteral("Write the soak's windows to this CSV file."),
                                     QStringLiteral("FILE"));
    parser.addOptions({pool, soak, soakCsv});
    parser.process(app);
    if (QString error; !options.read(parser, &error)) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return 2;
    }
    const qint64 poolSize =
        RunOptions::value(parser, pool, "RESERVA_BENCH_POOL", QStringLiteral("50000")).toLongLong();
    const double soakS =
        RunOptions::value(parser, soak, "RESERVA_BENCH_SOAK", QStringLiteral("0")).toDouble();
    if (poolSize < 100 || poolSize > 10000000 || soakS < 0) {
        std::fprintf(stderr, "--pool wants 100 to 10000000, --soak a number of seconds\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN); // a socket closed by the server must not kill us
    try {
        Bench bench(options, poolSize, soakS, parser.value(soakCsv));
        return bench.run();
    } catch (const BenchFailure &failure) {
        std::fprintf(stderr, "bench_mixed: FAILED: %s\n", failure.what());
        return 1;
    }
}
