#include "benchsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace reserva::bench {

RunOptions::RunOptions(QCommandLineParser &parser, bool withRateRun)
    : m_withRateRun(withRateRun)
    , m_connections(QStringLiteral("connections"), QStringLiteral("Client counts (default 32,8)."),
                    QStringLiteral("LIST"))
    , m_duration(QStringLiteral("duration"),
                 QStringLiteral("Measured seconds per run (default 10)."), QStringLiteral("S"))
    , m_warmup(QStringLiteral("warmup"), QStringLiteral("Warm-up seconds per run (default 2)."),
               QStringLiteral("S"))
    , m_workers(QStringLiteral("workers"),
                QStringLiteral("reservad --workers (default: its own default, 4 x cores)."),
                QStringLiteral("N"))
    , m_keep(QStringLiteral("keep"), QStringLiteral("Keep the data directory afterwards."))
    , m_csv(QStringLiteral("csv"), QStringLiteral("Append the report rows to this CSV file."),
            QStringLiteral("FILE"))
    , m_rateShare(QStringLiteral("rate-share"),
                  QStringLiteral("Offered load of the fixed-rate run at 32 connections, as a share"
                                 " of pgbench's closed-loop tps there (default 0.5; 0: no such"
                                 " run; needs 32 among --connections)."),
                  QStringLiteral("F"))
    , m_rateCsv(QStringLiteral("rate-csv"),
                QStringLiteral("Append the fixed-rate rows to this CSV file."),
                QStringLiteral("FILE"))
{
    parser.addOptions({m_connections, m_duration, m_warmup, m_workers, m_keep, m_csv});
    if (withRateRun)
        parser.addOptions({m_rateShare, m_rateCsv});
}

QString RunOptions::value(const QCommandLineParser &parser, const QCommandLineOption &option,
                          const char *env, const QString &fallback)
{
    if (parser.isSet(option))
        return parser.value(option);
    const QString fromEnv = qEnvironmentVariable(env);
    return fromEnv.isEmpty() ? fallback : fromEnv;
}

bool RunOptions::read(const QCommandLineParser &parser, QString *error)
{
    counts.clear();
    const QString list =
        value(parser, m_connections, "RESERVA_BENCH_CONNECTIONS", QStringLiteral("32,8"));
    for (const QString &part : list.split(u',', Qt::SkipEmptyParts)) {
        const int n = part.trimmed().toInt();
        if (n > 0 && n <= 1000)
            counts << n;
    }
    if (counts.isEmpty()) {
        *error = QStringLiteral("--connections wants a list like 32,8");
        return false;
    }
    durationS = std::max(
        1, value(parser, m_duration, "RESERVA_BENCH_DURATION", QStringLiteral("10")).toInt());
    warmupS =
        std::max(0, value(parser, m_warmup, "RESERVA_BENCH_WARMUP", QStringLiteral("2")).toInt());
    workers = value(parser, m_workers, "RESERVA_BENCH_WORKERS", QStringLiteral("0")).toInt();
    keep = parser.isSet(m_keep);
    csvPath = value(parser, m_csv, "RESERVA_BENCH_CSV", QString());
    if (!m_withRateRun) {
        rateShare = 0;
        return true;
    }
    bool numeric = false;
    rateShare = value(parser, m_rateShare, "RESERVA_BENCH_RATE_SHARE", QStringLiteral("0.5"))
                    .toDouble(&numeric);
    if (!numeric || rateShare < 0 || rateShare > 1) {
        *error = QStringLiteral("--rate-share wants a share between 0 and 1, like 0.5");
        return false;
    }
    rateCsvPath = value(parser, m_rateCsv, "RESERVA_BENCH_RATE_CSV", QString());
    return true;
}

void fail(const QString &why)
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

QByteArray readProcFile(const QByteArray &path)
{
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.readAll();
}

// Fields 14 and 15 of /proc/<pid>/stat, counted after the parenthesised
// command name, which may hold spaces.
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

double ticksPerSecond()
{
    static const double ticks = double(sysconf(_SC_CLK_TCK));
    return ticks;
}

Sampler::Sampler(qint64 reservadPid, qint64 postmasterPid)
    : m_reservad(reservadPid)
    , m_postmaster(postmasterPid)
    , m_thread([this] { run(); })
{
}

Sampler::~Sampler()
{
    m_stop = true;
    m_thread.join();
}

void Sampler::run()
{
    while (!m_stop) {
        sample();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

void Sampler::sample()
{
    const QByteArray status = readProcFile("/proc/" + QByteArray::number(m_reservad) + "/status");
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
        added += ticks - (previous == m_lastTicks.end() ? (m_first ? ticks : 0) : previous->second);
        seen[pid] = ticks;
    }
    m_first = false;
    m_lastTicks = std::move(seen);
    m_postgresTicks += added;
}

CpuSnapshot CpuSnapshot::take(qint64 reservadPid, const Sampler &sampler)
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

CpuUse cpuBetween(const CpuSnapshot &a, const CpuSnapshot &b, double wallS, double clientS)
{
    CpuUse u;
    const qint64 total = b.machine.total - a.machine.total;
    u.machineBusyPct =
        total > 0 ? 100.0 * double(b.machine.busy - a.machine.busy) / double(total) : 0;
    u.reservadS = double(b.reservad - a.reservad) / ticksPerSecond();
    u.postgresS = double(b.postgres - a.postgres) / ticksPerSecond();
    u.clientS = clientS;
    u.wallS = wallS;
    return u;
}

// ---------------------------------------------------------------------------

namespace {

Clock::duration toDuration(double seconds)
{
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

double threadCpuS()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

LoadGenerator::LoadGenerator(LoadSpec spec, WindowEdge edge)
    : m_spec(std::move(spec))
    , m_edge(std::move(edge))
    , m_gap(m_spec.ratePerSecond > 0 ? m_spec.ratePerSecond / std::max(1, m_spec.connections) : 1.0)
{
}

LoadResult LoadGenerator::run()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_connections.resize(size_t(m_spec.connections));
    const auto start = Clock::now();
    for (size_t i = 0; i < m_connections.size(); ++i) {
        m_connections[i].index = int(i);
        m_connections[i].due = start + toDuration(m_gap(m_random));
        open(m_connections[i]);
    }
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
        const int n = epoll_wait(m_epoll, events.data(), int(events.size()), msUntilNextDue(now));
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
        if (m_spec.ratePerSecond > 0 && !m_stopping)
            sendDue(Clock::now());
    }
    for (Connection &c : m_connections) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    ::close(m_epoll);
    return std::move(m_result);
}

int LoadGenerator::inFlight() const
{
    return int(std::count_if(m_connections.begin(), m_connections.end(),
                             [](const Connection &c) { return c.waiting; }));
}

void LoadGenerator::open(Connection &c)
{
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_spec.port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (m_spec.sourceAddress) {
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl(m_spec.sourceAddress());
        if (::bind(c.fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0)
            fail(QStringLiteral("cannot bind a client socket to its source address"));
    }
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
    if (m_spec.ratePerSecond > 0 && Clock::now() < c.due) {
        c.out.clear(); // connects now, sends when due
        c.sent = 0;
        c.parked = true;
        return;
    }
    prepareRequest(c);
}

void LoadGenerator::prepareRequest(Connection &c)
{
    c.out = m_spec.nextRequest(c.index, ++c.sequence);
    c.sent = 0;
    c.waiting = true;
    c.parked = false;
    if (m_spec.ratePerSecond > 0) {
        c.sentAt = c.due; // latency from when it was due, however late it goes out
        c.due += toDuration(m_gap(m_random));
    } else {
        c.sentAt = Clock::now();
    }
}

// The next request, now (closed loop, or already due) or parked until due.
void LoadGenerator::sendNext(Connection &c)
{
    if (m_spec.ratePerSecond > 0 && Clock::now() < c.due) {
        c.parked = true;
        return;
    }
    prepareRequest(c);
    writeSome(c);
}

void LoadGenerator::sendDue(Clock::time_point now)
{
    for (Connection &c : m_connections) {
        if (!c.parked || c.fd < 0 || now < c.due)
            continue;
        prepareRequest(c);
        if (c.connected)
            writeSome(c);
        else
            watch(c, true); // sent by writeSome once the connection is up
    }
}

// How long epoll may wait: until the next parked request is due (at a fixed
// rate), and never more than 20 ms, so the window's edges are kept. Rounded up
// to whole milliseconds, so a request may go out up to 1 ms after it was due:
// that counts in reservad's latency, never in its favour.
int LoadGenerator::msUntilNextDue(Clock::time_point now) const
{
    int wait = 20;
    if (m_spec.ratePerSecond <= 0 || m_stopping)
        return wait;
    for (const Connection &c : m_connections) {
        if (!c.parked)
            continue;
        if (c.due <= now)
            return 0;
        const auto ms = std::chrono::ceil<std::chrono::milliseconds>(c.due - now).count();
        wait = std::min(wait, int(ms));
    }
    return wait;
}

void LoadGenerator::watch(Connection &c, bool writable)
{
    epoll_event event{};
    event.events = EPOLLIN | (writable ? EPOLLOUT : 0u);
    event.data.u32 = quint32(c.index);
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
}

void LoadGenerator::writeSome(Connection &c)
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
        const ssize_t n =
            ::send(c.fd, c.out.constData() + c.sent, size_t(c.out.size() - c.sent), MSG_NOSIGNAL);
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

void LoadGenerator::readSome(Connection &c)
{
    if (!c.connected)
        return; // a stale event for the connection this one replaced
    char buffer[16384];
    // The server's answer and its FIN often arrive in one wake-up (a
    // "Connection: close" answer): the answer is read before the end counts.
    bool ended = false;
    for (;;) {
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            c.in.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EAGAIN)
            break;
        ended = true; // closed by the server or an error
        break;
    }
    const qsizetype headerEnd = c.in.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (ended)
            broken(c);
        return;
    }
    const QByteArray head = c.in.left(headerEnd).toLower();
    const qsizetype lengthAt = head.indexOf("\r\ncontent-length:");
    const qsizetype lengthEnd = head.indexOf("\r\n", lengthAt + 2);
    const qsizetype bodyLength =
        lengthAt < 0
            ? 0
            : head.mid(lengthAt + 17, (lengthEnd < 0 ? head.size() : lengthEnd) - lengthAt - 17)
                  .trimmed()
                  .toLongLong();
    if (c.in.size() < headerEnd + 4 + bodyLength) {
        if (ended)
            broken(c);
        return;
    }
    const int status = head.mid(9, 3).toInt();
    const bool close = head.contains("\r\nconnection: close");
    c.in.remove(0, headerEnd + 4 + bodyLength);
    c.waiting = false;
    ++m_result.allStatuses[status];
    const auto now = Clock::now();
    if (now >= m_windowStart && now <= m_windowEnd && !m_stopping) {
        ++m_result.answered;
        ++m_result.statuses[status];
        m_result.latencyMs.push_back(
            std::chrono::duration<double, std::milli>(now - c.sentAt).count());
    }
    if (close || ended) { // e.g. the server's max requests per connection
        reconnect(c);
        return;
    }
    if (m_stopping)
        return;
    sendNext(c);
}

void LoadGenerator::broken(Connection &c)
{
    if (c.waiting && !m_stopping)
        ++m_result.transportErrors;
    c.waiting = false;
    reconnect(c);
}

void LoadGenerator::reconnect(Connection &c)
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

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        fail(QStringLiteral("no free port"));
    return probe.serverPort();
}

// ---------------------------------------------------------------------------

BenchServer::BenchServer(QString reservadPath, bool keep)
    : m_reservadPath(std::move(reservadPath))
    , m_keep(keep)
    , m_tmp(QDir::tempPath() + QStringLiteral("/reserva-bench-XXXXXX"))
{
}

BenchServer::~BenchServer()
{
    stop();
}

void BenchServer::start(int workers, const QProcessEnvironment &environment)
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
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Metrics are not what a bench measures, and a fixed port could be taken.
    env.insert(QStringLiteral("RESERVA_METRICS_LISTEN"), QStringLiteral("off"));
    for (const QString &name : environment.keys())
        env.insert(name, environment.value(name));
    m_reservad.setProcessEnvironment(env);
    // The access log goes to a file, as it would to journald: written, not dropped.
    m_reservad.setStandardOutputFile(m_dir + QStringLiteral("/reservad.out"));
    m_reservad.setStandardErrorFile(m_dir + QStringLiteral("/reservad.err"));
    QStringList arguments{QStringLiteral("serve"),
                          QStringLiteral("--data-dir"),
                          m_dir,
                          QStringLiteral("--seed-demo"),
                          QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(m_port)};
    if (workers > 0)
        arguments << QStringLiteral("--workers") << QString::number(workers);
    m_reservad.start(m_reservadPath, arguments);
    if (!m_reservad.waitForStarted(10000))
        fail(QStringLiteral("cannot start %1: %2").arg(m_reservadPath, m_reservad.errorString()));
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

void BenchServer::stop()
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

qint64 BenchServer::rssKb() const
{
    const QByteArray status = readProcFile("/proc/" + QByteArray::number(pid()) + "/status");
    const qsizetype at = status.indexOf("VmRSS:");
    if (at < 0)
        return 0;
    return status.mid(at + 6, status.indexOf('\n', at) - at - 6)
        .trimmed()
        .split(' ')
        .value(0)
        .toLongLong();
}

void BenchServer::exec(const QString &sql, const QVariantList &params)
{
    QSqlQuery q(m_sql);
    bool ok = false;
    if (params.isEmpty()) {
        ok = q.exec(sql);
    } else if (q.prepare(sql)) {
        for (qsizetype i = 0; i < params.size(); ++i)
            q.bindValue(int(i), params.at(i));
        ok = q.exec();
    }
    if (!ok)
        fail(QStringLiteral("seed query failed: ") + q.lastError().text());
}

qint64 BenchServer::queryCount(const QString &sql)
{
    QSqlQuery q(m_sql);
    if (!q.exec(sql) || !q.next())
        fail(QStringLiteral("check query failed: ") + q.lastError().text());
    return q.value(0).toLongLong();
}

int BenchServer::auditVerify(QString *verdict)
{
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(m_reservadPath, {QStringLiteral("audit"), QStringLiteral("verify"),
                                  QStringLiteral("--data-dir"), m_dir});
    verify.waitForFinished(300000);
    const int exitCode = verify.exitStatus() == QProcess::NormalExit ? verify.exitCode() : -1;
    // Its last line is the verdict; the lines before it are the log.
    const QStringList lines = QString::fromUtf8(verify.readAll()).split(u'\n', Qt::SkipEmptyParts);
    *verdict = lines.isEmpty() ? QString() : lines.last();
    return exitCode;
}

// ---------------------------------------------------------------------------

PgbenchResult runPgbench(const PgbenchSpec &spec, BenchServer &server)
{
    PgbenchResult result;
    const QString &dir = spec.dir;
    QDir().mkpath(dir);
    QStringList scriptArguments;
    for (const PgbenchScript &s : spec.scripts) {
        const QString scriptPath = dir + u'/' + s.name;
        QFile script(scriptPath);
        if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail(QStringLiteral("cannot write ") + scriptPath);
        script.write(s.text);
        scriptArguments << QStringLiteral("-f")
                        << (spec.scripts.size() == 1
                                ? scriptPath
                                : scriptPath + u'@' + QString::number(s.weight));
    }
    QStringList common{QStringLiteral("-h"),
                       server.dir() + QStringLiteral("/pg"),
                       QStringLiteral("-U"),
                       QStringLiteral("reserva"),
                       QStringLiteral("-n"),
                       QStringLiteral("-M"),
                       QStringLiteral("prepared"),
                       QStringLiteral("-c"),
                       QString::number(spec.connections),
                       QStringLiteral("-j"),
                       QString::number(std::min(2, spec.connections))};
    for (const QString &variable : spec.variables)
        common << QStringLiteral("-D") << variable;
    if (spec.ratePerSecond > 0)
        common << QStringLiteral("-R") << QString::number(spec.ratePerSecond, 'f', 1);
    common << scriptArguments;
    auto runOnce = [&](const QStringList &extra, double seconds, QByteArray *out) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(spec.pgbenchPath,
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
    server.checkpoint(); // as before reservad's run of the same scenario
    if (!runOnce({}, std::max(1.0, spec.warmupS), &output)) { // warm-up: plans, caches
        result.error = QString::fromUtf8(output.right(2000));
        return result;
    }
    const CpuSnapshot before = CpuSnapshot::take(server.pid(), server.sampler());
    const auto started = Clock::now();
    const bool ok = runOnce({QStringLiteral("-r"), QStringLiteral("-l"),
                             QStringLiteral("--log-prefix=") + dir + QStringLiteral("/txlog")},
                            spec.durationS, &output);
    const double wall = std::chrono::duration<double>(Clock::now() - started).count();
    const CpuSnapshot after = CpuSnapshot::take(server.pid(), server.sampler());
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
    // Per-transaction log lines: client_id transaction_no latency_us script_no
    // epoch us [schedule_lag_us]. With -R the latency counts from when the
    // transaction was due, its lag included, as the load generator's does.
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

QByteArray pgbenchTimeOrderedId(const QByteArray &randomText)
{
    return "overlay(overlay(left(lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12,"
           " '0') || md5(" +
           randomText + "), 32) PLACING '7' FROM 13) PLACING '8' FROM 17)::uuid";
}

} // namespace reserva::bench
