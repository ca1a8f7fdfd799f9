#pragma once

// What the benchmarks that drive a separate Release `reservad serve` share:
// the server on its managed data dir (fsync on), CPU and memory accounting
// from /proc, an epoll load generator, and pgbench runs measured the same way.
// Linux only, like the managed cluster. Nothing here asserts speed; `fail()`
// is for what is broken (a server that does not start, a failed query).

#include "testhttpclient.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

namespace reserva::bench {

using Clock = std::chrono::steady_clock;

// Something is broken (not slow): unwinds to main(), whose destructors still
// stop reservad and its managed PostgreSQL.
struct BenchFailure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const QString &why);

// The options every server bench takes, each with its RESERVA_BENCH_*
// environment fallback: --connections LIST (RESERVA_BENCH_CONNECTIONS,
// default 32,8), --duration S (_DURATION, 10), --warmup S (_WARMUP, 2),
// --workers N (_WORKERS, reservad's default), --csv FILE (_CSV: report rows
// appended there, see benchreport.h) and --keep.
class RunOptions
{
public:
    // Adds the options to `parser`; --rate-share and --rate-csv too for a
    // bench with a fixed-rate run (`withRateRun`).
    explicit RunOptions(QCommandLineParser &parser, bool withRateRun = false);
    // After parser.process(): reads them; false (with `error`) on a bad list.
    bool read(const QCommandLineParser &parser, QString *error);
    // An option's value, else the environment variable's, else `fallback`.
    static QString value(const QCommandLineParser &parser, const QCommandLineOption &option,
                         const char *env, const QString &fallback);

    QList<int> counts;
    double durationS = 10;
    double warmupS = 2;
    int workers = 0;
    bool keep = false;
    QString csvPath; // empty: no CSV rows
    // The fixed-rate run at 32 connections (benches with latency targets):
    // its offered load as a share of pgbench's closed-loop tps there (0: no
    // such run), and the CSV it appends to (empty: none).
    double rateShare = 0.5;
    QString rateCsvPath;

private:
    bool m_withRateRun;
    QCommandLineOption m_connections;
    QCommandLineOption m_duration;
    QCommandLineOption m_warmup;
    QCommandLineOption m_workers;
    QCommandLineOption m_keep;
    QCommandLineOption m_csv;
    QCommandLineOption m_rateShare;
    QCommandLineOption m_rateCsv;
};

// The connection count of the fixed-rate runs (the latency targets' own).
constexpr int kRateConnections = 32;

// `sorted` ascending; p in [0, 1].
double percentile(std::vector<double> &sorted, double p);

// ---------------------------------------------------------------------------
// CPU and memory accounting from /proc.

QByteArray readProcFile(const QByteArray &path);
// utime + stime of one process, in clock ticks.
qint64 processTicks(qint64 pid);

struct MachineTicks
{
    qint64 busy = 0;
    qint64 total = 0;
};
MachineTicks machineTicks();
QString loadAverage();
double ticksPerSecond();

// A thread that samples reservad's RSS and PostgreSQL's CPU every 200 ms.
// PostgreSQL's CPU is summed over the postmaster's children, including
// backends that come and go (pgbench's): each sample adds what each live
// child used since the previous one, so a backend's last <200 ms is lost.
class Sampler
{
public:
    Sampler(qint64 reservadPid, qint64 postmasterPid);
    ~Sampler();
    qint64 peakRssKb() const { return m_peakRssKb; }
    qint64 windowPeakRssKb() const { return m_windowPeakRssKb; }
    void resetWindowPeak() { m_windowPeakRssKb = 0; }
    qint64 postgresTicks() const { return m_postgresTicks; }

private:
    void run();
    void sample();

    qint64 m_reservad;
    qint64 m_postmaster;
    std::atomic_bool m_stop{false};
    std::atomic<qint64> m_peakRssKb{0};
    std::atomic<qint64> m_windowPeakRssKb{0};
    std::atomic<qint64> m_postgresTicks{0};
    std::unordered_map<qint64, qint64> m_lastTicks;
    bool m_first = true;
    std::thread m_thread; // last: starts after the members it uses
};

// CPU seconds each party used between two points in time.
struct CpuSnapshot
{
    MachineTicks machine;
    qint64 reservad = 0;
    qint64 postgres = 0;
    double childrenS = 0; // terminated, waited-for children: pgbench

    static CpuSnapshot take(qint64 reservadPid, const Sampler &sampler);
};

struct CpuUse
{
    double machineBusyPct = 0; // of all cores
    double reservadS = 0;
    double postgresS = 0;
    double clientS = 0; // our load generator or pgbench
    double wallS = 0;
};

CpuUse cpuBetween(const CpuSnapshot &a, const CpuSnapshot &b, double wallS, double clientS);

// ---------------------------------------------------------------------------
// The load generator: C keep-alive connections driven by one epoll thread, so
// it costs little next to the server (whose cores it shares, as pgbench's
// client does). In a closed loop (the default) each connection sends its next
// request as soon as the previous answer arrives. At a fixed rate (open loop,
// like pgbench -R) requests are due on a Poisson schedule spread over the
// connections; one that is due while its connection still waits is sent when
// the answer arrives, and its latency counts from when it was due, so a slow
// answer is not hidden by the requests it delayed (coordinated omission).

struct LoadSpec
{
    quint16 port = 0;
    int connections = 32;
    double warmupS = 2;
    double durationS = 10;
    // The complete HTTP/1.1 request a connection sends next (its index and
    // its own request count, from 1). Runs on the generator's thread.
    std::function<QByteArray(int connection, qint64 sequence)> nextRequest;
    // When set: the IPv4 loopback address (host order) each new socket binds
    // to before it connects, e.g. one per login so a per-address throttle
    // sees many clients. Unset: the kernel's choice (127.0.0.1).
    std::function<quint32()> sourceAddress;
    // Requests per second over all connections; 0: closed loop.
    double ratePerSecond = 0;
};

struct LoadResult
{
    qint64 answered = 0; // answers completed inside the measured window
    std::map<int, qint64> statuses;
    qint64 transportErrors = 0;
    std::vector<double> latencyMs;
    double clientCpuS = 0;
    // Every answer, warm-up and drain included, by status: what reached the
    // server and was acknowledged.
    std::map<int, qint64> allStatuses;
};

class LoadGenerator
{
public:
    using WindowEdge = std::function<void(bool start)>;

    LoadGenerator(LoadSpec spec, WindowEdge edge);
    LoadResult run();

private:
    struct Connection
    {
        int index = 0;
        int fd = -1;
        bool connected = false;
        QByteArray out;
        qsizetype sent = 0;
        QByteArray in;
        Clock::time_point sentAt; // at a fixed rate: when the request was due
        bool waiting = false;     // a request is in flight
        qint64 sequence = 0;
        Clock::time_point due; // at a fixed rate: when the next request is due
        bool parked = false;   // at a fixed rate: idle until `due`
    };

    int inFlight() const;
    void open(Connection &c);
    void prepareRequest(Connection &c);
    void watch(Connection &c, bool writable);
    void writeSome(Connection &c);
    void readSome(Connection &c);
    void broken(Connection &c);
    void reconnect(Connection &c);
    void sendNext(Connection &c);
    void sendDue(Clock::time_point now);
    int msUntilNextDue(Clock::time_point now) const;

    LoadSpec m_spec;
    WindowEdge m_edge;
    int m_epoll = -1;
    std::vector<Connection> m_connections;
    Clock::time_point m_windowStart;
    Clock::time_point m_windowEnd;
    bool m_stopping = false;
    LoadResult m_result;
    std::mt19937_64 m_random{20261125};
    std::exponential_distribution<double> m_gap; // seconds between a connection's requests
};

quint16 freePort();

// ---------------------------------------------------------------------------
// `reservad serve --seed-demo` (separate process) on a managed data dir with
// fsync on, ready once the demo partner manager can log in; with a sampler on
// it and its PostgreSQL, and a superuser connection for checks.

class BenchServer
{
public:
    BenchServer(QString reservadPath, bool keep);
    ~BenchServer();
    Q_DISABLE_COPY_MOVE(BenchServer)

    // workers 0: reservad's default. `environment` adds to the inherited one.
    void start(int workers, const QProcessEnvironment &environment = {});
    void stop();

    const QString &dir() const { return m_dir; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_reservad.processId(); }
    // reservad's resident set right now (VmRSS), in kB.
    qint64 rssKb() const;
    Sampler &sampler() { return *m_sampler; }
    QSqlDatabase &sql() { return m_sql; }
    test::TestHttpClient &http() { return *m_http; }
    // The demo partner manager's access token.
    const QByteArray &bearer() const { return m_bearer; }
    qint64 queryCount(const QString &sql);
    // Runs a seed or check statement on the superuser connection; fail() on
    // error. Without parameters it runs unprepared (QPSQL prepares with SQL
    // PREPARE, which takes no DDL or ANALYZE).
    void exec(const QString &sql, const QVariantList &params = {});
    // CHECKPOINT: every measurement (reservad's and pgbench's) starts from a
    // fresh checkpoint, so neither pays for the other's dirty pages, or runs
    // into a checkpoint (and the full-page writes after it) the other missed.
    // No VACUUM ANALYZE here: tried, it halved reservad's webhook rate. Taken
    // while webhook_events was still nearly empty, its statistics made the
    // first run's cached plans seq-scan the table as it grew (6,110 seq scans
    // in one 10 s run); pgbench, run second, got statistics of a full table.
    void checkpoint() { exec(QStringLiteral("CHECKPOINT")); }
    // `reservad audit verify` on the data dir: exit code and its verdict line.
    int auditVerify(QString *verdict);

private:
    QString m_reservadPath;
    bool m_keep;
    QTemporaryDir m_tmp;
    QString m_dir;
    quint16 m_port = 0;
    QProcess m_reservad;
    std::unique_ptr<Sampler> m_sampler;
    QSqlDatabase m_sql;
    std::unique_ptr<test::TestHttpClient> m_http;
    QByteArray m_bearer;
};

// ---------------------------------------------------------------------------
// pgbench: a warm-up run (plans, caches), then the measured run with -r and a
// per-transaction log; CPU measured like the server's window.

struct PgbenchScript
{
    QString name; // file name in the spec's `dir`
    QByteArray text;
    int weight = 1; // relative, as pgbench's -f file@weight
};

struct PgbenchSpec
{
    QString pgbenchPath;
    QString dir; // working directory: scripts and transaction logs
    QList<PgbenchScript> scripts;
    int connections = 32;
    double warmupS = 2;
    double durationS = 10;
    QStringList variables; // "name=value", each passed as -D
    // Transactions per second over all clients (pgbench -R); 0: as fast as it can.
    double ratePerSecond = 0;
};

struct PgbenchResult
{
    bool ok = false;
    QString error;
    double tps = 0;
    double latencyAvgMs = 0;
    qint64 transactions = 0;
    qint64 failed = 0;
    std::vector<double> latencyMs; // from the per-transaction log
    QString statementLatencies;    // pgbench -r
    CpuUse cpu;
};

PgbenchResult runPgbench(const PgbenchSpec &spec, BenchServer &server);

// A SQL expression for an id made the way reservad makes its rows' ids (a
// version 7 UUID, core/uuidv7.h): the transaction's start time in
// milliseconds, then hex digits of md5(`randomText`), with the version and
// variant nibbles set. The same within one transaction, so two statements
// of a script can name the row.
QByteArray pgbenchTimeOrderedId(const QByteArray &randomText);

} // namespace reserva::bench
