// Booking throughput: POST /v1/reservations through a Release `reservad serve`
// (separate process, managed PostgreSQL with fsync on) against pgbench running
// the same SQL transaction straight on the same database, in the same run, on
// the same cores. pgbench is the floor any server must pay; the ratio
// server/pgbench is what our HTTP engine, JSON, token check and QtSql cost on
// top of it. Two mixes: random slots (no lock contention) and one hot slot (every
// booking waits for the slot's row lock).
//
// Also checked after every run: no oversell (seats_taken equals the seats of
// live reservations and stays within capacity), the audit sealer's backlog and
// how long it takes to drain, reservad's peak RSS, and `reservad audit verify`.
//
// Reports only: it never asserts speed. It exits non-zero when something is
// broken (the server does not start, pgbench fails, oversell, a broken chain).
//
// Options: --connections 32,8  --mixes random,hot  --duration 10  --warmup 2
// --workers N (reservad's, default its own)  --keep (keep the data dir); or the
// environment: RESERVA_BENCH_CONNECTIONS, _MIXES, _DURATION, _WARMUP, _WORKERS.

#include "benchreport.h"
#include "benchsupport.h"
#include "bookingload.h"
#include "crypto/base64url.h"
#include "testhttpclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

using namespace reserva;
using namespace reserva::bench;

namespace {

constexpr int kRandomSlots = 200;
constexpr int kRandomSlotCapacity = 20000; // never sells out: ~100 bookings per slot per run
constexpr int kHotSlotCapacity = 100000;   // the schema's maximum; one fresh hot slot per run
constexpr int kDrainTimeoutMs = 120000;

struct MixResult
{
    QString mix;
    int connections = 0;
    double offeredRps = 0; // a fixed-rate run's offered load; 0: closed loop
    LoadResult server;
    CpuUse serverCpu;
    qint64 serverPeakRssKb = 0;
    PgbenchResult pgbench;
    bool oversellFreeAfterServer = false;
    bool oversellFreeAfterPgbench = false;
    qint64 auditPendingAfterServer = 0;
    qint64 auditDrainMsAfterServer = -1;
    qint64 auditPendingAfterPgbench = 0;
    qint64 auditDrainMsAfterPgbench = -1;
};

class Bench
{
public:
    Bench(QList<int> connections, QStringList mixes, double durationS, double warmupS, int workers,
          bool keep, QString csvPath, double rateShare, QString rateCsvPath)
        : m_connectionCounts(std::move(connections))
        , m_mixes(std::move(mixes))
        , m_durationS(durationS)
        , m_warmupS(warmupS)
        , m_workers(workers)
        , m_keep(keep)
        , m_csvPath(std::move(csvPath))
        , m_rateShare(rateShare)
        , m_rateCsvPath(std::move(rateCsvPath))
        , m_server(QStringLiteral(RESERVAD_PATH), keep)
    {
    }

    int run();

private:
    void startServer() { m_server.start(m_workers); }
    void stopServer() { m_server.stop(); }
    void loginAndCreateCatalog();
    QByteArray createSlot(int capacity, int hoursAhead);
    // rate > 0: at that many requests per second (open loop); else closed loop.
    MixResult runMix(const QString &mix, int connections, double rate = 0);
    PgbenchResult runPgbench(const QString &name, const QList<QByteArray> &slots, int connections,
                             double rate);
    bool oversellFree(const QString &when);
    void auditBacklog(qint64 *pending, qint64 *drainMs);
    void printReport(const QList<MixResult> &results, int verifyExit, const QString &verifyOutput);
    void printRateReport(QList<MixResult> &results);

    QList<int> m_connectionCounts;
    QStringList m_mixes;
    double m_durationS;
    double m_warmupS;
    int m_workers; // 0: reservad's default
    bool m_keep;
    QString m_csvPath; // empty: no CSV rows
    double m_rateShare;
    QString m_rateCsvPath;

    BenchServer m_server; // stops reservad (and its PostgreSQL) when the bench ends
    QByteArray m_subject;
    QByteArray m_tenant;
    QString m_productId;
    QList<QByteArray> m_randomSlots;
    int m_nextSlotHour = 24 * 40;
    QByteArray m_answerSample;
    QString m_loadBefore;
};

void Bench::loginAndCreateCatalog()
{
    // The token's subject and tenant: pgbench writes as the same client.
    const QList<QByteArray> parts = m_server.bearer().split('.');
    const auto payload = base64UrlDecode(parts.value(1));
    const QJsonObject claims = QJsonDocument::fromJson(payload.value_or(QByteArray())).object();
    m_subject = claims.value(QStringLiteral("sub")).toString().toUtf8();
    m_tenant = claims.value(QStringLiteral("tenant")).toString().toUtf8();
    if (m_subject.isEmpty() || m_tenant.isEmpty())
        fail(QStringLiteral("the manager's token has no sub or tenant"));
    m_server.http().setBearer(QString::fromLatin1(m_server.bearer()));
    const test::TestResponse product = m_server.http().post(
        QStringLiteral("/v1/products"), {{QStringLiteral("name"), QStringLiteral("Bench tour")},
                                         {QStringLiteral("kind"), QStringLiteral("tour")},
                                         {QStringLiteral("price_minor"), 12500},
                                         {QStringLiteral("currency"), QStringLiteral("USD")}});
    if (product.status != 201)
        fail(QStringLiteral("cannot create the product: %1 %2")
                 .arg(product.status)
                 .arg(QString::fromUtf8(product.body)));
    m_productId = product.json().value(QStringLiteral("id")).toString();
    for (int i = 0; i < kRandomSlots; ++i)
        m_randomSlots << createSlot(kRandomSlotCapacity, 24 * 30 + i);

    // One real answer: its size is what pgbench stores as the idempotent answer.
    const test::TestResponse sample = m_server.http().request(
        "POST", QStringLiteral("/v1/reservations"),
        R"({"slot_id":")" + m_randomSlots.first() +
            R"(","quantity":1,"customer":{"name":"Bench Customer",)"
            R"("email":"bench.customer@example.com","phone":"+54 11 5555 0000"}})",
        {{"Content-Type", "application/json"}, {"Idempotency-Key", "bench-sample"}});
    if (sample.status != 201)
        fail(QStringLiteral("a first booking failed: %1 %2")
                 .arg(sample.status)
                 .arg(QString::fromUtf8(sample.body)));
    m_answerSample = sample.body;
}

QByteArray Bench::createSlot(int capacity, int hoursAhead)
{
    const QDateTime starts = QDateTime::currentDateTimeUtc().addSecs(qint64(hoursAhead) * 3600);
    const test::TestResponse r = m_server.http().post(
        QStringLiteral("/v1/products/") + m_productId + QStringLiteral("/slots"),
        {{QStringLiteral("starts_at"), starts.toString(QStringLiteral("yyyy-MM-ddTHH:mm:00Z"))},
         {QStringLiteral("duration_minutes"), 60},
         {QStringLiteral("capacity"), capacity}});
    if (r.status != 201)
        fail(QStringLiteral("cannot create a slot: %1 %2")
                 .arg(r.status)
                 .arg(QString::fromUtf8(r.body)));
    return r.json().value(QStringLiteral("id")).toString().toLatin1();
}

// Zero oversell: every slot's seats_taken equals the seats of its live
// reservations and stays within capacity.
bool Bench::oversellFree(const QString &when)
{
    const qint64 bad = m_server.queryCount(QStringLiteral(
        "SELECT count(*) FROM slots s WHERE s.seats_taken > s.capacity OR s.seats_taken <>"
        " COALESCE((SELECT sum(r.quantity) FROM reservations r WHERE r.slot_id = s.id"
        "   AND r.status IN ('pending_payment', 'paid')), 0)"));
    if (bad != 0)
        std::fprintf(stderr, "OVERSELL after %s: %lld slot(s) inconsistent\n", qUtf8Printable(when),
                     static_cast<long long>(bad));
    return bad == 0;
}

// How far behind the sealer is right now, and how long until it catches up.
void Bench::auditBacklog(qint64 *pending, qint64 *drainMs)
{
    *pending = m_server.queryCount(QStringLiteral("SELECT count(*) FROM audit_pending"));
    const auto start = Clock::now();
    *drainMs = -1;
    while (Clock::now() - start < std::chrono::milliseconds(kDrainTimeoutMs)) {
        if (m_server.queryCount(QStringLiteral("SELECT count(*) FROM audit_pending")) == 0) {
            *drainMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            return;
        }
        QThread::msleep(50);
    }
}

PgbenchResult Bench::runPgbench(const QString &name, const QList<QByteArray> &slots,
                                int connections, double rate)
{
    PgbenchSpec spec;
    spec.pgbenchPath = QStringLiteral(PGBENCH_PATH);
    spec.dir = m_server.dir() + QStringLiteral("/pgbench-") + name;
    spec.scripts = {{QStringLiteral("booking.sql"), bookingPgbenchScript(slots, m_answerSample)}};
    spec.connections = connections;
    spec.warmupS = m_warmupS;
    spec.durationS = m_durationS;
    spec.ratePerSecond = rate;
    spec.variables = {QStringLiteral("subject=") + QString::fromUtf8(m_subject),
                      QStringLiteral("tenant=") + QString::fromUtf8(m_tenant)};
    return reserva::bench::runPgbench(spec, m_server);
}

MixResult Bench::runMix(const QString &mix, int connections, double rate)
{
    const bool hot = mix == u"hot";
    MixResult r;
    r.mix = mix;
    r.connections = connections;
    r.offeredRps = rate;
    const QString how = rate > 0 ? QStringLiteral(" at %1 req/s").arg(rate, 0, 'f', 0) : QString();
    std::fprintf(stderr, "running %s mix, %d connections%s: reservad...\n", qUtf8Printable(mix),
                 connections, qUtf8Printable(how));
    m_server.checkpoint();

    // A fresh hot slot for each run, so every run starts from the same state.
    const QList<QByteArray> serverSlots =
        hot ? QList<QByteArray>{createSlot(kHotSlotCapacity, m_nextSlotHour++)} : m_randomSlots;
    LoadSpec spec;
    spec.port = m_server.port();
    spec.connections = connections;
    spec.warmupS = m_warmupS;
    spec.durationS = m_durationS;
    spec.ratePerSecond = rate;
    spec.nextRequest =
        bookingRequests(m_server.bearer(), serverSlots,
                        "bench-" + mix.toLatin1() + '-' + QByteArray::number(connections) + '-' +
                            QUuid::createUuid().toByteArray(QUuid::Id128));
    CpuSnapshot atStart;
    CpuSnapshot atEnd;
    Clock::time_point startedAt;
    double wall = 0;
    m_server.sampler().resetWindowPeak();
    LoadGenerator generator(spec, [&](bool start) {
        if (start) {
            startedAt = Clock::now();
            atStart = CpuSnapshot::take(m_server.pid(), m_server.sampler());
        } else {
            wall = std::chrono::duration<double>(Clock::now() - startedAt).count();
            atEnd = CpuSnapshot::take(m_server.pid(), m_server.sampler());
        }
    });
    r.server = generator.run();
    r.serverCpu = cpuBetween(atStart, atEnd, wall, r.server.clientCpuS);
    r.serverPeakRssKb = m_server.sampler().windowPeakRssKb();
    std::sort(r.server.latencyMs.begin(), r.server.latencyMs.end());
    auditBacklog(&r.auditPendingAfterServer, &r.auditDrainMsAfterServer);
    r.oversellFreeAfterServer = oversellFree(QStringLiteral("reservad ") + mix);

    std::fprintf(stderr, "running %s mix, %d connections%s: pgbench...\n", qUtf8Printable(mix),
                 connections, qUtf8Printable(how));
    const QList<QByteArray> pgbenchSlots =
        hot ? QList<QByteArray>{createSlot(kHotSlotCapacity, m_nextSlotHour++)} : m_randomSlots;
    r.pgbench = runPgbench(mix + u'-' + QString::number(connections) +
                               (rate > 0 ? QStringLiteral("-rate") : QString()),
                           pgbenchSlots, connections, rate);
    auditBacklog(&r.auditPendingAfterPgbench, &r.auditDrainMsAfterPgbench);
    r.oversellFreeAfterPgbench = oversellFree(QStringLiteral("pgbench ") + mix);
    return r;
}

void Bench::printReport(const QList<MixResult> &results, int verifyExit,
                        const QString &verifyOutput)
{
    std::printf("\nBooking benchmark: POST /v1/reservations through reservad vs the same SQL"
                " transaction in pgbench (-M prepared)\n");
    std::printf("%d cores, reservad workers: %s, warm-up %.0f s, measured %.0f s per run, fsync on;"
                " load average before: %s, at the end: %s\n\n",
                QThread::idealThreadCount(),
                m_workers > 0 ? qUtf8Printable(QString::number(m_workers)) : "default (4 x cores)",
                m_warmupS, m_durationS, qUtf8Printable(m_loadBefore),
                qUtf8Printable(loadAverage()));
    std::printf("| mix    | conns | client   | req/s or tps | p50 ms | p95 ms | p99 ms | avg ms |"
                " non-201 | ratio | CPU busy | reservad cpu | postgres cpu | client cpu |\n");
    std::printf("|--------|-------|----------|--------------|--------|--------|--------|--------|"
                "---------|-------|----------|--------------|--------------|------------|\n");
    auto cpuCell = [](double s, double wall) {
        return QStringLiteral("%1 s (%2%)")
            .arg(s, 0, 'f', 1)
            .arg(wall > 0 ? 100 * s / wall : 0, 0, 'f', 0);
    };
    for (const MixResult &r : results) {
        std::vector<double> lat = r.server.latencyMs;
        double sum = 0;
        for (double v : lat)
            sum += v;
        const double rps = double(r.server.answered) / m_durationS;
        qint64 non201 = r.server.transportErrors;
        for (const auto &[status, count] : r.server.statuses) {
            if (status != 201)
                non201 += count;
        }
        std::vector<double> pl = r.pgbench.latencyMs;
        const double ratio = r.pgbench.tps > 0 ? rps / r.pgbench.tps : 0;
        std::printf(
            "| %-6s | %5d | reservad | %12.0f | %6.2f | %6.2f | %6.2f | %6.2f | %7lld | %5.2f |"
            " %7.0f%% | %12s | %12s | %10s |\n",
            qUtf8Printable(r.mix), r.connections, rps, percentile(lat, 0.5), percentile(lat, 0.95),
            percentile(lat, 0.99), lat.empty() ? 0 : sum / double(lat.size()),
            static_cast<long long>(non201), ratio, r.serverCpu.machineBusyPct,
            qUtf8Printable(cpuCell(r.serverCpu.reservadS, r.serverCpu.wallS)),
            qUtf8Printable(cpuCell(r.serverCpu.postgresS, r.serverCpu.wallS)),
            qUtf8Printable(cpuCell(r.serverCpu.clientS, r.serverCpu.wallS)));
        std::printf(
            "| %-6s | %5d | pgbench  | %12.0f | %6.2f | %6.2f | %6.2f | %6.2f | %7lld |  1.00 |"
            " %7.0f%% | %12s | %12s | %10s |\n",
            qUtf8Printable(r.mix), r.connections, r.pgbench.tps, percentile(pl, 0.5),
            percentile(pl, 0.95), percentile(pl, 0.99), r.pgbench.latencyAvgMs,
            static_cast<long long>(r.pgbench.failed), r.pgbench.cpu.machineBusyPct, "-",
            qUtf8Printable(cpuCell(r.pgbench.cpu.postgresS, r.pgbench.cpu.wallS)),
            qUtf8Printable(cpuCell(r.pgbench.cpu.clientS, r.pgbench.cpu.wallS)));
    }
    std::printf("\nCPU columns: seconds used during the measured window (%% of one core);"
                " CPU busy: all cores, whole machine (other users included).\n");
    std::printf("Per transaction (machine-wide CPU busy x cores / rate):\n");
    for (const MixResult &r : results) {
        const double rps = double(r.server.answered) / m_durationS;
        const double cores = QThread::idealThreadCount();
        auto us = [](double seconds, double wall, double rate) {
            return rate > 0 && wall > 0 ? 1e6 * seconds / wall / rate : 0;
        };
        std::printf(
            "  %-6s c=%-3d reservad: total %.0f us (reservad %.0f, postgres %.0f, client %.0f);"
            " pgbench: total %.0f us (postgres %.0f, client %.0f)\n",
            qUtf8Printable(r.mix), r.connections,
            rps > 0 ? 1e6 * cores * r.serverCpu.machineBusyPct / 100 / rps : 0,
            us(r.serverCpu.reservadS, r.serverCpu.wallS, rps),
            us(r.serverCpu.postgresS, r.serverCpu.wallS, rps),
            us(r.serverCpu.clientS, r.serverCpu.wallS, rps),
            r.pgbench.tps > 0 ? 1e6 * cores * r.pgbench.cpu.machineBusyPct / 100 / r.pgbench.tps
                              : 0,
            us(r.pgbench.cpu.postgresS, r.pgbench.cpu.wallS, r.pgbench.tps),
            us(r.pgbench.cpu.clientS, r.pgbench.cpu.wallS, r.pgbench.tps));
    }

    std::printf("\n| check | result |\n|---|---|\n");
    for (const MixResult &r : results) {
        QString statuses;
        for (const auto &[status, count] : r.server.statuses)
            statuses += QStringLiteral("%1x%2 ").arg(status).arg(count);
        std::printf("| %s c=%d: answers | %s transport errors %lld |\n", qUtf8Printable(r.mix),
                    r.connections, qUtf8Printable(statuses),
                    static_cast<long long>(r.server.transportErrors));
        std::printf("| %s c=%d: oversell | after reservad %s, after pgbench %s |\n",
                    qUtf8Printable(r.mix), r.connections,
                    r.oversellFreeAfterServer ? "none" : "FOUND",
                    r.oversellFreeAfterPgbench ? "none" : "FOUND");
        std::printf(
            "| %s c=%d: audit_pending at end | after reservad %lld rows, drained in %lld ms;"
            " after pgbench %lld rows, drained in %lld ms |\n",
            qUtf8Printable(r.mix), r.connections, static_cast<long long>(r.auditPendingAfterServer),
            static_cast<long long>(r.auditDrainMsAfterServer),
            static_cast<long long>(r.auditPendingAfterPgbench),
            static_cast<long long>(r.auditDrainMsAfterPgbench));
        std::printf("| %s c=%d: reservad peak RSS during the run | %.1f MB |\n",
                    qUtf8Printable(r.mix), r.connections, double(r.serverPeakRssKb) / 1024.0);
    }
    std::printf("| reservad peak RSS, whole bench (target < 100 MB) | %.1f MB |\n",
                double(m_server.sampler().peakRssKb()) / 1024.0);
    std::printf("| reservad audit verify | exit %d: %s |\n", verifyExit,
                qUtf8Printable(verifyOutput.simplified().left(200)));
    std::printf("\nTargets (issue 3): ratio >= 0.70 on both mixes, p95 < 20 ms at 32 connections,"
                " zero oversell, RSS < 100 MB. Reported, not asserted.\n");
    for (const MixResult &r : results) {
        if (r.connections == m_connectionCounts.value(0) && !r.pgbench.statementLatencies.isEmpty())
            std::printf("\npgbench per-statement latency, %s mix, %d connections:\n%s",
                        qUtf8Printable(r.mix), r.connections,
                        qUtf8Printable(r.pgbench.statementLatencies));
    }
    std::fflush(stdout);
}

void Bench::printRateReport(QList<MixResult> &results)
{
    if (results.isEmpty())
        return;
    std::printf("\nAt a fixed offered load (open loop, Poisson arrivals; pgbench -R), %d"
                " connections, %.0f %% of pgbench's closed-loop tps: latency counted from when"
                " each request was due\n\n",
                kRateConnections, 100 * m_rateShare);
    std::printf("| mix    | offered/s | reservad req/s | p50 ms | p95 ms | p99 ms | pgbench tps |"
                " p50 ms | p95 ms | p99 ms | non-201 |\n");
    std::printf("|--------|-----------|----------------|--------|--------|--------|-------------|"
                "--------|--------|--------|---------|\n");
    QList<RateRow> rows;
    for (MixResult &r : results) {
        const RateRow row = rateRow(QStringLiteral("booking-") + r.mix, r.connections, r.offeredRps,
                                    r.server, m_durationS, r.pgbench);
        qint64 non201 = r.server.transportErrors;
        for (const auto &[status, count] : r.server.statuses) {
            if (status != 201)
                non201 += count;
        }
        std::printf("| %-6s | %9.0f | %14.0f | %6.2f | %6.2f | %6.2f | %11.0f | %6.2f | %6.2f |"
                    " %6.2f | %7lld |\n",
                    qUtf8Printable(r.mix), row.offeredRps, row.throughputRps, row.p50Ms, row.p95Ms,
                    row.p99Ms, row.pgbenchTps, row.pgbenchP50Ms, row.pgbenchP95Ms, row.pgbenchP99Ms,
                    static_cast<long long>(non201));
        rows << row;
    }
    std::fflush(stdout);
    appendRateRows(m_rateCsvPath, rows);
}

int Bench::run()
{
    m_loadBefore = loadAverage();
    std::fprintf(stderr, "load average before: %s\n", qUtf8Printable(m_loadBefore));
    startServer();
    loginAndCreateCatalog();
    QList<MixResult> results;
    bool broken = false;
    for (int connections : std::as_const(m_connectionCounts)) {
        for (const QString &mix : std::as_const(m_mixes)) {
            MixResult r = runMix(mix, connections);
            if (!r.pgbench.ok) {
                std::fprintf(stderr, "pgbench failed: %s\n", qUtf8Printable(r.pgbench.error));
                broken = true;
            }
            broken = broken || !r.oversellFreeAfterServer || !r.oversellFreeAfterPgbench;
            results << std::move(r);
        }
    }
    // Latency at a fixed share of pgbench's capacity at 32 connections, open
    // loop for both: what a client sees while the server is busy, not saturated.
    QList<MixResult> rateResults;
    for (const MixResult &closed : std::as_const(results)) {
        if (m_rateShare <= 0 || closed.connections != kRateConnections || !closed.pgbench.ok)
            continue;
        MixResult r = runMix(closed.mix, kRateConnections, m_rateShare * closed.pgbench.tps);
        if (!r.pgbench.ok) {
            std::fprintf(stderr, "pgbench failed: %s\n", qUtf8Printable(r.pgbench.error));
            broken = true;
        }
        broken = broken || !r.oversellFreeAfterServer || !r.oversellFreeAfterPgbench;
        rateResults << std::move(r);
    }
    QString verifyOutput;
    const int verifyExit = m_server.auditVerify(&verifyOutput);
    broken = broken || verifyExit != 0;
    printReport(results, verifyExit, verifyOutput);
    QList<ReportRow> rows;
    for (MixResult &r : results)
        rows << reportRow(QStringLiteral("booking-") + r.mix, r.connections, r.server, m_durationS,
                          r.serverPeakRssKb, &r.pgbench);
    appendReportRows(m_csvPath, rows);
    printRateReport(rateResults);
    stopServer();
    if (m_keep)
        std::printf("data kept in %s\n", qUtf8Printable(m_server.dir()));
    return broken ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("reservad booking throughput vs pgbench"));
    parser.addHelpOption();
    RunOptions options(parser, true);
    const QCommandLineOption mixes(QStringLiteral("mixes"),
                                   QStringLiteral("Mixes to run (default random,hot)."),
                                   QStringLiteral("LIST"));
    parser.addOption(mixes);
    parser.process(app);
    if (QString error; !options.read(parser, &error)) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return 2;
    }
    QStringList mixList;
    for (const QString &mix :
         RunOptions::value(parser, mixes, "RESERVA_BENCH_MIXES", QStringLiteral("random,hot"))
             .split(u',', Qt::SkipEmptyParts)) {
        if (mix != u"random" && mix != u"hot") {
            std::fprintf(stderr, "--mixes wants random, hot or both\n");
            return 2;
        }
        mixList << mix;
    }
    // A load-generator socket closed by the server must not kill us.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        Bench bench(options.counts, mixList, options.durationS, options.warmupS, options.workers,
                    options.keep, options.csvPath, options.rateShare, options.rateCsvPath);
        return bench.run();
    } catch (const BenchFailure &failure) {
        std::fprintf(stderr, "bench_booking: FAILED: %s\n", failure.what());
        return 1;
    }
}
