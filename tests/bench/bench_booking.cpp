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

#include "crypto/base64url.h"
#include "testhttpclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <map>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <random>
#include <stdexcept>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

using namespace reserva;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRandomSlots = 200;
constexpr int kRandomSlotCapacity = 20000; // never sells out: ~100 bookings per slot per run
constexpr int kHotSlotCapacity = 100000;   // the schema's maximum; one fresh hot slot per run
constexpr int kDrainTimeoutMs = 120000;

// Something is broken (not slow): unwinds to main(), whose Bench destructor
// still stops reservad and its managed PostgreSQL.
struct BenchFailure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const QString &why)
{
    throw BenchFailure(why.toStdString());
}

double percentile(std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto index = size_t(p * double(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

// ---------------------------------------------------------------------------
// CPU and memory accounting from /proc (Linux only, like the managed cluster).

QByteArray readProcFile(const QByteArray &path)
{
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.readAll();
}

// utime + stime of one process, in clock ticks, from /proc/<pid>/stat (fields
// 14 and 15, counted after the parenthesised command name, which may hold spaces).
qint64 processTicks(qint64 pid)
{
    const QByteArray stat = readProcFile("/proc/" + QByteArray::number(pid) + "/stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

struct MachineTicks
{
    qint64 busy = 0;
    qint64 total = 0;
};

MachineTicks machineTicks()
{
    const QByteArray stat = readProcFile("/proc/stat");
    const QList<QByteArray> f = stat.left(stat.indexOf('\n')).simplified().split(' ');
    MachineTicks t;
    for (qsizetype i = 1; i < f.size() && i <= 8; ++i) // user..steal
        t.total += f.at(i).toLongLong();
    t.busy = t.total - f.value(4).toLongLong() - f.value(5).toLongLong(); // minus idle, iowait
    return t;
}

QString loadAverage()
{
    return QString::fromLatin1(
        readProcFile("/proc/loadavg").simplified().split(' ').mid(0, 3).join(' '));
}

const double kTicksPerSecond = double(sysconf(_SC_CLK_TCK));

// A thread that samples reservad's RSS and PostgreSQL's CPU every 200 ms.
// PostgreSQL's CPU is summed over the postmaster's children, including
// backends that come and go (pgbench's): each sample adds what each live
// child used since the previous one, so a backend's last <200 ms is lost.
class Sampler
{
public:
    Sampler(qint64 reservadPid, qint64 postmasterPid)
        : m_reservad(reservadPid)
        , m_postmaster(postmasterPid)
        , m_thread([this] { run(); })
    {
    }
    ~Sampler()
    {
        m_stop = true;
        m_thread.join();
    }
    qint64 peakRssKb() const { return m_peakRssKb; }
    qint64 windowPeakRssKb() const { return m_windowPeakRssKb; }
    void resetWindowPeak() { m_windowPeakRssKb = 0; }
    qint64 postgresTicks() const { return m_postgresTicks; }

private:
    void run()
    {
        while (!m_stop) {
            sample();
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    void sample()
    {
        const QByteArray status =
            readProcFile("/proc/" + QByteArray::number(m_reservad) + "/status");
        const qsizetype at = status.indexOf("VmRSS:");
        if (at >= 0) {
            const QByteArray line = status.mid(at + 6, status.indexOf('\n', at) - at - 6);
            const qint64 kb = line.simplified().split(' ').value(0).toLongLong();
            m_peakRssKb = std::max<qint64>(m_peakRssKb, kb);
            m_windowPeakRssKb = std::max<qint64>(m_windowPeakRssKb, kb);
        }
        const QByteArray pm = QByteArray::number(m_postmaster);
        QList<qint64> pids{m_postmaster};
        for (const QByteArray &child :
             readProcFile("/proc/" + pm + "/task/" + pm + "/children").simplified().split(' ')) {
            if (!child.isEmpty())
                pids << child.toLongLong();
        }
        std::unordered_map<qint64, qint64> seen;
        qint64 added = 0;
        for (qint64 pid : pids) {
            const qint64 ticks = processTicks(pid);
            if (ticks < 0)
                continue;
            const auto previous = m_lastTicks.find(pid);
            added +=
                ticks - (previous == m_lastTicks.end() ? (m_first ? ticks : 0) : previous->second);
            seen[pid] = ticks;
        }
        m_first = false;
        m_lastTicks = std::move(seen);
        m_postgresTicks += added;
    }

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

    static CpuSnapshot take(qint64 reservadPid, const Sampler &sampler)
    {
        CpuSnapshot s;
        s.machine = machineTicks();
        s.reservad = processTicks(reservadPid);
        s.postgres = sampler.postgresTicks();
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        s.childrenS = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        return s;
    }
};

struct CpuUse
{
    double machineBusyPct = 0; // of all cores
    double reservadS = 0;
    double postgresS = 0;
    double clientS = 0; // our load generator or pgbench
    double wallS = 0;
};

CpuUse cpuBetween(const CpuSnapshot &a, const CpuSnapshot &b, double wallS, double clientS)
{
    CpuUse u;
    const qint64 total = b.machine.total - a.machine.total;
    u.machineBusyPct =
        total > 0 ? 100.0 * double(b.machine.busy - a.machine.busy) / double(total) : 0;
    u.reservadS = double(b.reservad - a.reservad) / kTicksPerSecond;
    u.postgresS = double(b.postgres - a.postgres) / kTicksPerSecond;
    u.clientS = clientS;
    u.wallS = wallS;
    return u;
}

// ---------------------------------------------------------------------------
// The load generator: C keep-alive connections in a closed loop, driven by one
// epoll thread so it costs little next to the server (whose cores it shares,
// as pgbench's client does). Each connection sends its next booking as soon as
// the previous answer arrives.

struct LoadSpec
{
    quint16 port = 0;
    QByteArray bearer;
    QList<QByteArray> slotIds;
    int connections = 32;
    double warmupS = 2;
    double durationS = 10;
    QByteArray keyPrefix;
};

struct LoadResult
{
    qint64 answered = 0; // answers completed inside the measured window
    std::map<int, qint64> statuses;
    qint64 transportErrors = 0;
    std::vector<double> latencyMs;
    double clientCpuS = 0;
};

class LoadGenerator
{
public:
    using WindowEdge = std::function<void(bool start)>;

    LoadGenerator(LoadSpec spec, WindowEdge edge)
        : m_spec(std::move(spec))
        , m_edge(std::move(edge))
        , m_random(std::random_device{}())
    {
    }

    LoadResult run()
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        m_connections.resize(size_t(m_spec.connections));
        for (size_t i = 0; i < m_connections.size(); ++i) {
            m_connections[i].index = int(i);
            open(m_connections[i]);
        }
        const auto start = Clock::now();
        m_windowStart = start + toDuration(m_spec.warmupS);
        m_windowEnd = m_windowStart + toDuration(m_spec.durationS);
        bool windowOpen = false;
        double cpuAtWindowStart = 0;
        std::vector<epoll_event> events(m_connections.size());
        for (;;) {
            const auto now = Clock::now();
            if (!windowOpen && now >= m_windowStart) {
                windowOpen = true;
                cpuAtWindowStart = threadCpuS();
                m_edge(true);
            }
            if (!m_stopping && now >= m_windowEnd) {
                m_result.clientCpuS = threadCpuS() - cpuAtWindowStart;
                m_edge(false);
                m_stopping = true;
            }
            if (m_stopping && (inFlight() == 0 || now >= m_windowEnd + std::chrono::seconds(10)))
                break;
            const int n = epoll_wait(m_epoll, events.data(), int(events.size()), 20);
            for (int i = 0; i < n; ++i) {
                Connection &c = m_connections[events[size_t(i)].data.u32];
                if (events[size_t(i)].events & (EPOLLERR | EPOLLHUP) &&
                    !(events[size_t(i)].events & EPOLLIN)) {
                    broken(c);
                    continue;
                }
                if (events[size_t(i)].events & EPOLLOUT)
                    writeSome(c);
                if (events[size_t(i)].events & EPOLLIN)
                    readSome(c);
            }
        }
        for (Connection &c : m_connections) {
            if (c.fd >= 0)
                ::close(c.fd);
        }
        ::close(m_epoll);
        return std::move(m_result);
    }

private:
    struct Connection
    {
        int index = 0;
        int fd = -1;
        bool connected = false;
        QByteArray out;
        qsizetype sent = 0;
        QByteArray in;
        Clock::time_point sentAt;
        bool waiting = false; // a request is in flight
        qint64 sequence = 0;
    };

    static Clock::duration toDuration(double seconds)
    {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    }
    static double threadCpuS()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    }
    int inFlight() const
    {
        return int(std::count_if(m_connections.begin(), m_connections.end(),
                                 [](const Connection &c) { return c.waiting; }));
    }

    void open(Connection &c)
    {
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_spec.port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        c.connected = false;
        c.in.clear();
        if (::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
            errno != EINPROGRESS) {
            ::close(c.fd);
            c.fd = -1;
            ++m_result.transportErrors;
            return;
        }
        epoll_event event{};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u32 = quint32(c.index);
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
        prepareRequest(c);
    }

    void prepareRequest(Connection &c)
    {
        const QByteArray &slot =
            m_spec.slotIds.at(qsizetype(m_random() % quint32(m_spec.slotIds.size())));
        const QByteArray body =
            R"({"slot_id":")" + slot +
            R"(","quantity":1,"customer":{"name":"Bench Customer",)"
            R"("email":"bench.customer@example.com","phone":"+54 11 5555 0000"}})";
        c.out = "POST /v1/reservations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Authorization: Bearer " +
                m_spec.bearer +
                "\r\nContent-Type: application/json\r\nIdempotency-Key: " + m_spec.keyPrefix + '-' +
                QByteArray::number(c.index) + '-' + QByteArray::number(++c.sequence) +
                "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        c.sent = 0;
        c.waiting = true;
        c.sentAt = Clock::now();
    }

    void watch(Connection &c, bool writable)
    {
        epoll_event event{};
        event.events = EPOLLIN | (writable ? EPOLLOUT : 0u);
        event.data.u32 = quint32(c.index);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
    }

    void writeSome(Connection &c)
    {
        if (!c.connected) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0) {
                broken(c);
                return;
            }
            c.connected = true;
        }
        while (c.sent < c.out.size()) {
            const ssize_t n = ::send(c.fd, c.out.constData() + c.sent,
                                     size_t(c.out.size() - c.sent), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EAGAIN) {
                    watch(c, true);
                    return;
                }
                broken(c);
                return;
            }
            c.sent += n;
        }
        watch(c, false);
    }

    void readSome(Connection &c)
    {
        if (!c.connected)
            return; // a stale event for the connection this one replaced
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                c.in.append(buffer, n);
                continue;
            }
            if (n < 0 && errno == EAGAIN)
                break;
            broken(c); // closed by the server or an error
            return;
        }
        const qsizetype headerEnd = c.in.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray head = c.in.left(headerEnd).toLower();
        const qsizetype lengthAt = head.indexOf("\r\ncontent-length:");
        const qsizetype lengthEnd = head.indexOf("\r\n", lengthAt + 2);
        const qsizetype bodyLength =
            lengthAt < 0
                ? 0
                : head.mid(lengthAt + 17, (lengthEnd < 0 ? head.size() : lengthEnd) - lengthAt - 17)
                      .trimmed()
                      .toLongLong();
        if (c.in.size() < headerEnd + 4 + bodyLength)
            return;
        const int status = head.mid(9, 3).toInt();
        const bool close = head.contains("\r\nconnection: close");
        c.in.remove(0, headerEnd + 4 + bodyLength);
        c.waiting = false;
        const auto now = Clock::now();
        if (now >= m_windowStart && now <= m_windowEnd && !m_stopping) {
            ++m_result.answered;
            ++m_result.statuses[status];
            m_result.latencyMs.push_back(
                std::chrono::duration<double, std::milli>(now - c.sentAt).count());
        }
        if (close) { // e.g. the server's max requests per connection
            reconnect(c);
            return;
        }
        if (m_stopping)
            return;
        prepareRequest(c);
        writeSome(c);
    }

    void broken(Connection &c)
    {
        if (c.waiting && !m_stopping)
            ++m_result.transportErrors;
        c.waiting = false;
        reconnect(c);
    }

    void reconnect(Connection &c)
    {
        if (c.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
            c.fd = -1;
        }
        c.waiting = false;
        if (!m_stopping)
            open(c);
    }

    LoadSpec m_spec;
    WindowEdge m_edge;
    std::mt19937 m_random;
    int m_epoll = -1;
    std::vector<Connection> m_connections;
    Clock::time_point m_windowStart;
    Clock::time_point m_windowEnd;
    bool m_stopping = false;
    LoadResult m_result;
};

// ---------------------------------------------------------------------------
// The pgbench script: the statements POST /v1/reservations runs (see
// idempotency.cpp, reservationservice.cpp and the stores), in the same order,
// with the same parameters bound as pgbench variables (-M prepared binds them
// as $n like QtSql's prepared statements). What differs, and why it does not
// favour pgbench:
// - times come from now() instead of a bound parameter (the server's clock);
// - the request hash and the stored answer are constants of the real sizes
//   (the server computes them in C++, not in the database);
// - the capacity check and the "expire due holds" follow-up run in the server
//   only when they matter: holds last 15 min and no slot sells out here, so
//   neither branch is ever taken in either client;
// - the random mix picks its slot from a constant array subscripted by a
//   random index, inside the locking statement (no extra round trip).
QByteArray pgbenchScript(const QList<QByteArray> &slotIds, const QByteArray &answerBody)
{
    QByteArray slotExpr;
    QByteArray prelude = "\\set k random(1, 9000000000000000000)\n";
    if (slotIds.size() == 1) {
        slotExpr = "'" + slotIds.first() + "'::uuid";
    } else {
        prelude += "\\set n random(1, " + QByteArray::number(slotIds.size()) + ")\n";
        slotExpr = "('{" + slotIds.join(',') + "}'::uuid[])[:n]";
    }
    const QByteArray key = "('pgbench-' || :client_id::text || '-' || :k::text)";
    return prelude +
           "BEGIN;\n"
           // idempotency.cpp: claim the key first, in the request's transaction.
           "INSERT INTO idempotency_keys (subject, idempotency_key, request_hash, created_at)"
           " VALUES (:subject, " +
           key + ", '\\x" + QByteArray(32, '\x5a').toHex() +
           "'::bytea, now())"
           " ON CONFLICT (subject, idempotency_key) DO UPDATE SET"
           "  request_hash = EXCLUDED.request_hash, response_status = NULL,"
           "  response_type = NULL, response_body = NULL, created_at = EXCLUDED.created_at"
           " WHERE idempotency_keys.created_at <= now() - interval '24 hours'"
           " RETURNING 1;\n"
           // slotstore::lockForUpdate (the tenant scope bound twice, as the server does).
           "SELECT s.id AS slot_id, s.tenant_id, s.product_id, s.starts_at, s.duration_minutes,"
           " s.capacity, s.seats_taken, p.price_minor, p.currency, p.active, p.kind"
           " FROM slots s JOIN products p ON p.id = s.product_id"
           " WHERE s.id = " +
           slotExpr +
           " AND (:tenant::uuid IS NULL OR s.tenant_id = :tenant::uuid)"
           " FOR UPDATE OF s \\gset\n"
           // reservationstore::expireDueHolds
           "UPDATE reservations SET status = 'expired', updated_at = now()"
           " WHERE slot_id = :slot_id::uuid AND status = 'pending_payment'"
           " AND hold_expires_at <= now() RETURNING id, quantity;\n"
           // reservationstore::insert
           "INSERT INTO reservations (tenant_id, slot_id, product_id, quantity, customer_name,"
           " customer_email, customer_phone, status, unit_price_minor, amount_minor, currency,"
           " hold_expires_at, created_by, created_at, updated_at)"
           " VALUES (:tenant_id::uuid, :slot_id::uuid, :product_id::uuid, 1, 'Bench Customer',"
           " 'bench.customer@example.com', '+54 11 5555 0000', 'pending_payment', :price_minor,"
           " :price_minor, :currency, now() + interval '15 minutes', :subject, now(), now())"
           " RETURNING id, slot_id, product_id, quantity, customer_name, customer_email,"
           " customer_phone, status, amount_minor, currency, hold_expires_at, created_at, tenant_id"
           " \\gset r_\n"
           // slotstore::addSeats
           "UPDATE slots SET seats_taken = seats_taken + 1, updated_at = now()"
           " WHERE id = :slot_id::uuid;\n"
           // appendAudit (the audit_log_enqueue trigger fills audit_pending)
           "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
           " request_id, detail) VALUES (now(), :subject, :tenant_id::uuid, 'reservation.create',"
           " 'reservation:' || :r_id::text, 'success', gen_random_uuid()::text,"
           " ('{\"amount_minor\":' || :price_minor::text || ',\"currency\":\"' || :currency::text"
           " || '\",\"quantity\":1,\"slot_id\":\"' || :slot_id::text || '\"}')::jsonb);\n"
           // idempotency.cpp: store the answer.
           "UPDATE idempotency_keys SET response_status = 201, response_type = 'application/json',"
           " response_body = '\\x" +
           answerBody.toHex() + "'::bytea WHERE subject = :subject AND idempotency_key = " + key +
           ";\n"
           "COMMIT;\n";
}

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

// ---------------------------------------------------------------------------

struct MixResult
{
    QString mix;
    int connections = 0;
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
          bool keep)
        : m_connectionCounts(std::move(connections))
        , m_mixes(std::move(mixes))
        , m_durationS(durationS)
        , m_warmupS(warmupS)
        , m_workers(workers)
        , m_keep(keep)
    {
    }
    ~Bench() { stopServer(); }

    int run();

private:
    void startServer();
    void stopServer();
    void loginAndCreateCatalog();
    QByteArray createSlot(int capacity, int hoursAhead);
    MixResult runMix(const QString &mix, int connections);
    PgbenchResult runPgbench(const QString &name, const QList<QByteArray> &slots, int connections);
    bool oversellFree(const QString &when);
    void auditBacklog(qint64 *pending, qint64 *drainMs);
    qint64 queryCount(const QString &sql);
    void printReport(const QList<MixResult> &results, int verifyExit, const QString &verifyOutput);

    QList<int> m_connectionCounts;
    QStringList m_mixes;
    double m_durationS;
    double m_warmupS;
    int m_workers; // 0: reservad's default
    bool m_keep;

    QTemporaryDir m_tmp{QDir::tempPath() + QStringLiteral("/reserva-bench-XXXXXX")};
    QString m_dir;
    quint16 m_port = 0;
    QProcess m_reservad;
    std::unique_ptr<Sampler> m_sampler;
    QSqlDatabase m_sql;
    std::unique_ptr<test::TestHttpClient> m_http;
    QByteArray m_bearer;
    QByteArray m_subject;
    QByteArray m_tenant;
    QString m_productId;
    QList<QByteArray> m_randomSlots;
    int m_nextSlotHour = 24 * 40;
    QByteArray m_answerSample;
    QString m_loadBefore;
};

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        fail(QStringLiteral("no free port"));
    return probe.serverPort();
}

void Bench::startServer()
{
    if (!m_tmp.isValid())
        fail(QStringLiteral("cannot create a temporary directory"));
    m_tmp.setAutoRemove(!m_keep);
    m_dir = m_tmp.path();
    // As root the managed PostgreSQL runs as an unprivileged account, which must
    // be able to reach <dir>/pg.
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                     QFile::ExeGroup | QFile::ExeOther);
    m_port = freePort();
    // The access log goes to a file, as it would to journald: written, not dropped.
    m_reservad.setStandardOutputFile(m_dir + QStringLiteral("/reservad.out"));
    m_reservad.setStandardErrorFile(m_dir + QStringLiteral("/reservad.err"));
    QStringList arguments{QStringLiteral("serve"),
                          QStringLiteral("--data-dir"),
                          m_dir,
                          QStringLiteral("--seed-demo"),
                          QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(m_port)};
    if (m_workers > 0)
        arguments << QStringLiteral("--workers") << QString::number(m_workers);
    m_reservad.start(QStringLiteral(RESERVAD_PATH), arguments);
    if (!m_reservad.waitForStarted(10000))
        fail(QStringLiteral("cannot start %1: %2")
                 .arg(QStringLiteral(RESERVAD_PATH), m_reservad.errorString()));
    // Ready once the demo credentials exist (written by the seed after the
    // listener is up) and a login succeeds (the seed commits just after).
    m_http = std::make_unique<test::TestHttpClient>(m_port);
    const QString credentialsPath = m_dir + QStringLiteral("/demo-credentials.json");
    const auto deadline = Clock::now() + std::chrono::seconds(180);
    for (;;) {
        if (m_reservad.state() != QProcess::Running) {
            QFile err(m_dir + QStringLiteral("/reservad.err"));
            err.open(QIODevice::ReadOnly);
            fail(QStringLiteral("reservad exited during start: ") +
                 QString::fromUtf8(err.readAll().right(2000)));
        }
        if (Clock::now() > deadline)
            fail(QStringLiteral("reservad did not become ready in 180 s"));
        QFile f(credentialsPath);
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonObject c = QJsonDocument::fromJson(f.readAll()).object();
            const test::TestResponse r = m_http->post(
                QStringLiteral("/v1/auth/login"),
                {{QStringLiteral("username"), c.value(QStringLiteral("manager_user"))},
                 {QStringLiteral("password"), c.value(QStringLiteral("manager_password"))}});
            if (r.status == 200) {
                m_bearer = r.json().value(QStringLiteral("access_token")).toString().toLatin1();
                break;
            }
        }
        QThread::msleep(200);
    }
    const QByteArray pidFile =
        readProcFile(QFile::encodeName(m_dir + QStringLiteral("/pg/postmaster.pid")));
    const qint64 postmaster = pidFile.left(pidFile.indexOf('\n')).toLongLong();
    if (postmaster <= 0)
        fail(QStringLiteral("cannot read the postmaster pid"));
    m_sampler = std::make_unique<Sampler>(m_reservad.processId(), postmaster);

    m_sql = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-check"));
    m_sql.setHostName(m_dir + QStringLiteral("/pg"));
    m_sql.setPort(5432);
    m_sql.setUserName(QStringLiteral("reserva"));
    m_sql.setDatabaseName(QStringLiteral("reserva"));
    if (!m_sql.open())
        fail(QStringLiteral("cannot connect to the managed cluster: ") + m_sql.lastError().text());
}

void Bench::stopServer()
{
    m_sampler.reset();
    if (m_sql.isValid()) {
        m_sql.close();
        m_sql = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("bench-check"));
    }
    m_http.reset();
    if (m_reservad.state() == QProcess::NotRunning)
        return;
    m_reservad.terminate(); // SIGTERM: drains, stops the managed PostgreSQL
    if (!m_reservad.waitForFinished(60000)) {
        m_reservad.kill();
        m_reservad.waitForFinished(5000);
    }
}

void Bench::loginAndCreateCatalog()
{
    // The token's subject and tenant: pgbench writes as the same client.
    const QList<QByteArray> parts = m_bearer.split('.');
    const auto payload = base64UrlDecode(parts.value(1));
    const QJsonObject claims = QJsonDocument::fromJson(payload.value_or(QByteArray())).object();
    m_subject = claims.value(QStringLiteral("sub")).toString().toUtf8();
    m_tenant = claims.value(QStringLiteral("tenant")).toString().toUtf8();
    if (m_subject.isEmpty() || m_tenant.isEmpty())
        fail(QStringLiteral("the manager's token has no sub or tenant"));
    m_http->setBearer(QString::fromLatin1(m_bearer));
    const test::TestResponse product = m_http->post(
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
    const test::TestResponse sample = m_http->request(
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
    const test::TestResponse r = m_http->post(
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

qint64 Bench::queryCount(const QString &sql)
{
    QSqlQuery q(m_sql);
    if (!q.exec(sql) || !q.next())
        fail(QStringLiteral("check query failed: ") + q.lastError().text());
    return q.value(0).toLongLong();
}

// Zero oversell: every slot's seats_taken equals the seats of its live
// reservations and stays within capacity.
bool Bench::oversellFree(const QString &when)
{
    const qint64 bad = queryCount(QStringLiteral(
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
    *pending = queryCount(QStringLiteral("SELECT count(*) FROM audit_pending"));
    const auto start = Clock::now();
    *drainMs = -1;
    while (Clock::now() - start < std::chrono::milliseconds(kDrainTimeoutMs)) {
        if (queryCount(QStringLiteral("SELECT count(*) FROM audit_pending")) == 0) {
            *drainMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            return;
        }
        QThread::msleep(50);
    }
}

PgbenchResult Bench::runPgbench(const QString &name, const QList<QByteArray> &slots,
                                int connections)
{
    PgbenchResult result;
    const QString dir = m_dir + QStringLiteral("/pgbench-") + name;
    QDir().mkpath(dir);
    const QString scriptPath = dir + QStringLiteral("/booking.sql");
    {
        QFile script(scriptPath);
        if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail(QStringLiteral("cannot write ") + scriptPath);
        script.write(pgbenchScript(slots, m_answerSample));
    }
    const QStringList common{QStringLiteral("-h"),
                             m_dir + QStringLiteral("/pg"),
                             QStringLiteral("-U"),
                             QStringLiteral("reserva"),
                             QStringLiteral("-n"),
                             QStringLiteral("-M"),
                             QStringLiteral("prepared"),
                             QStringLiteral("-c"),
                             QString::number(connections),
                             QStringLiteral("-j"),
                             QString::number(std::min(2, connections)),
                             QStringLiteral("-D"),
                             QStringLiteral("subject=") + QString::fromUtf8(m_subject),
                             QStringLiteral("-D"),
                             QStringLiteral("tenant=") + QString::fromUtf8(m_tenant),
                             QStringLiteral("-f"),
                             scriptPath};
    auto runOnce = [&](const QStringList &extra, double seconds, QByteArray *out) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(PGBENCH_PATH),
                common + extra +
                    QStringList{QStringLiteral("-T"), QString::number(int(seconds)),
                                QStringLiteral("reserva")});
        if (!p.waitForFinished(int(seconds * 1000) + 120000)) {
            p.kill();
            p.waitForFinished();
        }
        *out = p.readAll();
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    QByteArray output;
    if (!runOnce({}, std::max(1.0, m_warmupS), &output)) { // warm-up: plans, caches
        result.error = QString::fromUtf8(output.right(2000));
        return result;
    }
    const CpuSnapshot before = CpuSnapshot::take(m_reservad.processId(), *m_sampler);
    const auto started = Clock::now();
    const bool ok = runOnce({QStringLiteral("-r"), QStringLiteral("-l"),
                             QStringLiteral("--log-prefix=") + dir + QStringLiteral("/txlog")},
                            m_durationS, &output);
    const double wall = std::chrono::duration<double>(Clock::now() - started).count();
    const CpuSnapshot after = CpuSnapshot::take(m_reservad.processId(), *m_sampler);
    result.cpu = cpuBetween(before, after, wall, after.childrenS - before.childrenS);
    const QString text = QString::fromUtf8(output);
    auto number = [&](const QString &pattern) {
        const auto m = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text);
        return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
    };
    result.tps = number(QStringLiteral("^tps = ([0-9.]+)"));
    result.latencyAvgMs = number(QStringLiteral("^latency average = ([0-9.]+) ms"));
    result.transactions =
        qint64(number(QStringLiteral("^number of transactions actually processed: ([0-9]+)")));
    result.failed = qint64(number(QStringLiteral("^number of failed transactions: ([0-9]+)")));
    const qsizetype statements = text.indexOf(QStringLiteral("statement latencies"));
    if (statements >= 0)
        result.statementLatencies = text.mid(statements);
    if (!ok || result.tps < 0) {
        result.error = text.right(3000);
        return result;
    }
    // Per-transaction log lines: client_id transaction_no latency_us script_no epoch us.
    for (const QString &file : QDir(dir).entryList({QStringLiteral("txlog.*")}, QDir::Files)) {
        QFile f(dir + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        while (!f.atEnd()) {
            const QList<QByteArray> fields = f.readLine().split(' ');
            if (fields.size() >= 3)
                result.latencyMs.push_back(fields.at(2).toDouble() / 1000.0);
        }
    }
    std::sort(result.latencyMs.begin(), result.latencyMs.end());
    result.ok = true;
    return result;
}

MixResult Bench::runMix(const QString &mix, int connections)
{
    const bool hot = mix == u"hot";
    MixResult r;
    r.mix = mix;
    r.connections = connections;
    std::fprintf(stderr, "running %s mix, %d connections: reservad...\n", qUtf8Printable(mix),
                 connections);

    // A fresh hot slot for each run, so every run starts from the same state.
    const QList<QByteArray> serverSlots =
        hot ? QList<QByteArray>{createSlot(kHotSlotCapacity, m_nextSlotHour++)} : m_randomSlots;
    LoadSpec spec;
    spec.port = m_port;
    spec.bearer = m_bearer;
    spec.slotIds = serverSlots;
    spec.connections = connections;
    spec.warmupS = m_warmupS;
    spec.durationS = m_durationS;
    spec.keyPrefix = "bench-" + mix.toLatin1() + '-' + QByteArray::number(connections) + '-' +
                     QUuid::createUuid().toByteArray(QUuid::Id128);
    CpuSnapshot atStart;
    CpuSnapshot atEnd;
    Clock::time_point startedAt;
    double wall = 0;
    m_sampler->resetWindowPeak();
    LoadGenerator generator(spec, [&](bool start) {
        if (start) {
            startedAt = Clock::now();
            atStart = CpuSnapshot::take(m_reservad.processId(), *m_sampler);
        } else {
            wall = std::chrono::duration<double>(Clock::now() - startedAt).count();
            atEnd = CpuSnapshot::take(m_reservad.processId(), *m_sampler);
        }
    });
    r.server = generator.run();
    r.serverCpu = cpuBetween(atStart, atEnd, wall, r.server.clientCpuS);
    r.serverPeakRssKb = m_sampler->windowPeakRssKb();
    std::sort(r.server.latencyMs.begin(), r.server.latencyMs.end());
    auditBacklog(&r.auditPendingAfterServer, &r.auditDrainMsAfterServer);
    r.oversellFreeAfterServer = oversellFree(QStringLiteral("reservad ") + mix);

    std::fprintf(stderr, "running %s mix, %d connections: pgbench...\n", qUtf8Printable(mix),
                 connections);
    const QList<QByteArray> pgbenchSlots =
        hot ? QList<QByteArray>{createSlot(kHotSlotCapacity, m_nextSlotHour++)} : m_randomSlots;
    r.pgbench = runPgbench(mix + u'-' + QString::number(connections), pgbenchSlots, connections);
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
                double(m_sampler->peakRssKb()) / 1024.0);
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
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(QStringLiteral(RESERVAD_PATH), {QStringLiteral("audit"), QStringLiteral("verify"),
                                                 QStringLiteral("--data-dir"), m_dir});
    verify.waitForFinished(300000);
    const int verifyExit = verify.exitStatus() == QProcess::NormalExit ? verify.exitCode() : -1;
    // Its last line is the verdict; the lines before it are the log.
    const QStringList verifyLines =
        QString::fromUtf8(verify.readAll()).split(u'\n', Qt::SkipEmptyParts);
    const QString verifyOutput = verifyLines.isEmpty() ? QString() : verifyLines.last();
    broken = broken || verifyExit != 0;
    printReport(results, verifyExit, verifyOutput);
    stopServer();
    if (m_keep)
        std::printf("data kept in %s\n", qUtf8Printable(m_dir));
    return broken ? 1 : 0;
}

QList<int> parseCounts(const QString &text)
{
    QList<int> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const int n = part.trimmed().toInt();
        if (n > 0 && n <= 1000)
            out << n;
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("reservad booking throughput vs pgbench"));
    parser.addHelpOption();
    const QCommandLineOption connections(QStringLiteral("connections"),
                                         QStringLiteral("Client counts (default 32,8)."),
                                         QStringLiteral("LIST"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Measured seconds per run (default 10)."),
                                      QStringLiteral("S"));
    const QCommandLineOption warmup(QStringLiteral("warmup"),
                                    QStringLiteral("Warm-up seconds per run (default 2)."),
                                    QStringLiteral("S"));
    const QCommandLineOption mixes(QStringLiteral("mixes"),
                                   QStringLiteral("Mixes to run (default random,hot)."),
                                   QStringLiteral("LIST"));
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        QStringLiteral("reservad --workers (default: its own default, 4 x cores)."),
        QStringLiteral("N"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the data directory afterwards."));
    parser.addOptions({connections, mixes, duration, warmup, workers, keep});
    parser.process(app);
    auto value = [&](const QCommandLineOption &option, const char *env, const QString &fallback) {
        if (parser.isSet(option))
            return parser.value(option);
        const QString fromEnv = qEnvironmentVariable(env);
        return fromEnv.isEmpty() ? fallback : fromEnv;
    };
    const QList<int> counts =
        parseCounts(value(connections, "RESERVA_BENCH_CONNECTIONS", QStringLiteral("32,8")));
    const double durationS =
        std::max(1, value(duration, "RESERVA_BENCH_DURATION", QStringLiteral("10")).toInt());
    const double warmupS =
        std::max(0, value(warmup, "RESERVA_BENCH_WARMUP", QStringLiteral("2")).toInt());
    QStringList mixList;
    for (const QString &mix : value(mixes, "RESERVA_BENCH_MIXES", QStringLiteral("random,hot"))
                                  .split(u',', Qt::SkipEmptyParts)) {
        if (mix != u"random" && mix != u"hot") {
            std::fprintf(stderr, "--mixes wants random, hot or both\n");
            return 2;
        }
        mixList << mix;
    }
    const int workerCount = value(workers, "RESERVA_BENCH_WORKERS", QStringLiteral("0")).toInt();
    if (counts.isEmpty()) {
        std::fprintf(stderr, "--connections wants a list like 32,8\n");
        return 2;
    }
    // A load-generator socket closed by the server must not kill us.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        Bench bench(counts, mixList, durationS, warmupS, workerCount, parser.isSet(keep));
        return bench.run();
    } catch (const BenchFailure &failure) {
        std::fprintf(stderr, "bench_booking: FAILED: %s\n", failure.what());
        return 1;
    }
}
