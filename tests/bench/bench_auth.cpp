// Authentication under load through a Release `reservad serve` (separate
// process, managed PostgreSQL with fsync on), each beside pgbench running the
// same SQL on the same database, in the same run, on the same cores:
//
// - token verification: GET /v1/slots/{id} with a bearer token, the
//   cheapest authenticated read (Ed25519 verification, RBAC, one indexed
//   SELECT). Its pgbench counterpart is that one SELECT, so the ratio is what
//   HTTP, JSON and the token check cost around it: a CPU-bound row.
// - login: POST /v1/auth/login (two throttle upserts, the user lookup, scrypt
//   at its production cost, the token family, the refresh token and the audit
//   row in one transaction, the throttle reset, the access token). Each login
//   comes from its own loopback address on a new connection, as browsers
//   behind many addresses do, so the per-address throttle does not refuse the
//   bench; each connection logs in as its own user. pgbench runs the same
//   statements without the scrypt: the ratio shows that the password hash,
//   not the database, bounds logins (by design: it is what makes guessing
//   expensive).
//
// Reports only: it never asserts speed. It exits non-zero when something is
// broken. Options: the common ones (--connections, --duration, --warmup,
// --workers, --csv, --keep) and --scenarios tokens,login.

#include "benchreport.h"
#include "benchsupport.h"
#include "crypto/base64url.h"
#include "identity/passwordhasher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <random>

using namespace reserva;
using namespace reserva::bench;

namespace {

constexpr int kSlots = 200;
const QByteArray kPassword = "correct horse battery staple";

// slotstore::find, as the route runs it for a partner's token.
QByteArray slotPgbenchScript(int slots)
{
    return "\\set n random(1, " + QByteArray::number(slots) +
           ")\n"
           "SELECT s.id, s.product_id, s.starts_at, s.duration_minutes, s.capacity,"
           " s.capacity - s.seats_taken + COALESCE((SELECT sum(r.quantity) FROM reservations r"
           " WHERE r.slot_id = s.id AND r.status = 'pending_payment'"
           " AND r.hold_expires_at <= now()), 0)"
           " FROM slots s WHERE s.id = (SELECT id FROM bench_slots WHERE n = :n)"
           " AND (:tenant::uuid IS NULL OR s.tenant_id = :tenant::uuid);\n";
}

// The statements AuthService::login runs for an active user without an
// identity document (identity check not configured), in order. The buckets
// differ per transaction like the server's (a new address each time).
QByteArray loginPgbenchScript()
{
    const QByteArray upsert =
        " ON CONFLICT (bucket) DO UPDATE SET"
        "  hits = CASE WHEN c.window_start <= now() - make_interval(secs => %1)"
        "              THEN 1 ELSE c.hits + 1 END,"
        "  window_start = CASE WHEN c.window_start <= now() - make_interval(secs => %1)"
        "              THEN EXCLUDED.window_start ELSE c.window_start END"
        " RETURNING hits, window_start;\n";
    QByteArray byAddress = upsert;
    QByteArray byUser = upsert;
    byAddress.replace("%1", "60");
    byUser.replace("%1", "900");
    const QByteArray userBucket = "('login-fail' || chr(58) || 'user' || chr(58) || 'bench' ||"
                                  " :client_id::text)";
    return "\\set a random(1, 2000000000)\n"
           "INSERT INTO throttle_counters AS c (bucket, window_start, hits) VALUES"
           " ('login' || chr(58) || 'addr' || chr(58) || 'pg-' || :client_id::text || '-' ||"
           " :a::text, now(), 1)" +
           byAddress + "INSERT INTO throttle_counters AS c (bucket, window_start, hits) VALUES (" +
           userBucket + ", now(), 1)" + byUser +
           "SELECT id, username, roles, tenant_id, active, document_type, document_number,"
           " identity_verified, identity_check_outcome, identity_checked_at, created_at,"
           " updated_at, password_hash FROM users"
           " WHERE lower(username) = lower('bench.login.' || :client_id::text) \\gset u_\n"
           "BEGIN;\n"
           "INSERT INTO token_families (user_id, created_at) VALUES (:u_id::uuid, now())"
           " RETURNING id \\gset f_\n"
           "INSERT INTO refresh_tokens (family_id, token_hash, issued_at, expires_at)"
           " VALUES (:f_id::uuid, sha256(gen_random_uuid()::text::bytea), now(),"
           " now() + interval '30 days');\n"
           "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
           " request_id, detail) VALUES (now(), :u_id::text, :u_tenant_id::uuid, 'auth.login',"
           " 'user' || chr(58) || :u_id::text, 'success', gen_random_uuid()::text,"
           " ('{\"identity\"' || chr(58) || '\"not_configured\",\"token_family\"' || chr(58) ||"
           " '\"' || :f_id::text || '\"}')::jsonb);\n"
           "COMMIT;\n"
           "DELETE FROM throttle_counters WHERE bucket = " +
           userBucket + ";\n";
}

class Bench
{
public:
    Bench(const RunOptions &options, QStringList scenarios)
        : m_options(options)
        , m_scenarios(std::move(scenarios))
        , m_server(QStringLiteral(RESERVAD_PATH), options.keep)
    {
    }

    int run();

private:
    void prepare();
    ReportRow measure(const QString &scenario, int connections);
    LoadResult load(int connections, std::function<QByteArray(int, qint64)> next,
                    std::function<quint32()> sourceAddress);

    RunOptions m_options;
    QStringList m_scenarios;
    BenchServer m_server;
    QByteArray m_tenant;
    QList<QByteArray> m_slots;
    std::mt19937 m_random{std::random_device{}()};
    int m_runs = 0;
};

void Bench::prepare()
{
    m_server.start(m_options.workers);
    const QList<QByteArray> parts = m_server.bearer().split('.');
    const QJsonObject claims =
        QJsonDocument::fromJson(base64UrlDecode(parts.value(1)).value_or(QByteArray())).object();
    m_tenant = claims.value(QStringLiteral("tenant")).toString().toUtf8();
    if (m_tenant.isEmpty())
        fail(QStringLiteral("the manager's token has no tenant"));
    test::TestHttpClient &http = m_server.http();
    http.setBearer(QString::fromLatin1(m_server.bearer()));
    const test::TestResponse product = http.post(
        QStringLiteral("/v1/products"), {{QStringLiteral("name"), QStringLiteral("Bench tour")},
                                         {QStringLiteral("kind"), QStringLiteral("tour")},
                                         {QStringLiteral("price_minor"), 12500},
                                         {QStringLiteral("currency"), QStringLiteral("USD")}});
    if (product.status != 201)
        fail(QStringLiteral("cannot create the product: %1").arg(product.status));
    const QString productId = product.json().value(QStringLiteral("id")).toString();
    m_server.exec(QStringLiteral("INSERT INTO slots (product_id, tenant_id, starts_at,"
                                 " duration_minutes, capacity) SELECT ?::uuid, ?::uuid,"
                                 " date_trunc('hour', now()) + interval '30 days'"
                                 " + g * interval '1 hour', 60, 100 FROM generate_series(1, ?) g"),
                  {productId, QString::fromUtf8(m_tenant), kSlots});
    // pgbench picks the n-th slot through this table (an index lookup).
    m_server.exec(QStringLiteral("CREATE TABLE bench_slots (n int PRIMARY KEY, id uuid NOT NULL)"));
    m_server.exec(QStringLiteral("INSERT INTO bench_slots SELECT row_number() OVER (ORDER BY id),"
                                 " id FROM slots WHERE product_id = ?::uuid"),
                  {productId});
    QSqlQuery q(m_server.sql());
    if (!q.exec(QStringLiteral("SELECT id FROM bench_slots ORDER BY n")))
        fail(QStringLiteral("cannot list the slots"));
    while (q.next())
        m_slots << q.value(0).toString().toLatin1();

    // One staff user per possible connection, all with the same password
    // (hashed once, at the production cost: every login verifies it).
    int most = 1;
    for (int c : std::as_const(m_options.counts))
        most = std::max(most, c);
    m_server.exec(
        QStringLiteral("INSERT INTO users (username, password_hash, roles, tenant_id)"
                       " SELECT 'bench.login.' || (g - 1), ?, ARRAY['partner_staff'], ?::uuid"
                       " FROM generate_series(1, ?) g"),
        {PasswordHasher::hash(QString::fromLatin1(kPassword)), QString::fromUtf8(m_tenant), most});
    m_server.exec(QStringLiteral("ANALYZE"));
}

LoadResult Bench::load(int connections, std::function<QByteArray(int, qint64)> next,
                       std::function<quint32()> sourceAddress)
{
    LoadSpec spec;
    spec.port = m_server.port();
    spec.connections = connections;
    spec.warmupS = m_options.warmupS;
    spec.durationS = m_options.durationS;
    spec.nextRequest = std::move(next);
    spec.sourceAddress = std::move(sourceAddress);
    m_server.sampler().resetWindowPeak();
    LoadGenerator generator(spec, [](bool) {});
    return generator.run();
}

ReportRow Bench::measure(const QString &scenario, int connections)
{
    const bool login = scenario == u"login";
    std::fprintf(stderr, "%s, %d connections: reservad...\n", qUtf8Printable(scenario),
                 connections);
    m_server.checkpoint();
    LoadResult result;
    if (login) {
        // 127.1.0.0/16 and up: a new source address for every login.
        auto next = std::make_shared<std::atomic<quint32>>((127u << 24) | (1u << 16) | ++m_runs);
        result = load(
            connections,
            [](int connection, qint64) -> QByteArray {
                const QByteArray body = "{\"username\":\"bench.login." +
                                        QByteArray::number(connection) + "\",\"password\":\"" +
                                        kPassword + "\"}";
                return "POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                       "Content-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\n\r\n" + body;
            },
            [next] {
                quint32 address = next->fetch_add(256);
                if ((address & 0xff) == 0 || (address & 0xff) == 0xff)
                    address = next->fetch_add(256);
                return address;
            });
    } else {
        auto random = std::make_shared<std::mt19937>(m_random());
        const QByteArray bearer = m_server.bearer();
        const QList<QByteArray> slots = m_slots;
        result = load(connections,
                      [=](int, qint64) -> QByteArray {
                          return "GET /v1/slots/" +
                                 slots.at(qsizetype((*random)() % quint32(slots.size()))) +
                                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer +
                                 "\r\n\r\n";
                      },
                      {});
    }
    const qint64 rssKb = m_server.sampler().windowPeakRssKb();
    if (result.answered > 0 && successes(result) * 100 < result.answered * 99)
        fail(QStringLiteral("%1: %2 of %3 answers were not 2xx")
                 .arg(scenario)
                 .arg(result.answered - successes(result))
                 .arg(result.answered));

    std::fprintf(stderr, "%s, %d connections: pgbench...\n", qUtf8Printable(scenario), connections);
    PgbenchSpec pg;
    pg.pgbenchPath = QStringLiteral(PGBENCH_PATH);
    pg.dir = m_server.dir() + QStringLiteral("/pgbench-") + scenario + u'-' +
             QString::number(connections);
    pg.scripts = {{scenario + QStringLiteral(".sql"),
                   login ? loginPgbenchScript() : slotPgbenchScript(int(m_slots.size()))}};
    pg.connections = connections;
    pg.warmupS = m_options.warmupS;
    pg.durationS = m_options.durationS;
    pg.variables = {QStringLiteral("tenant=") + QString::fromUtf8(m_tenant)};
    const PgbenchResult pgbench = runPgbench(pg, m_server);
    if (!pgbench.ok)
        fail(QStringLiteral("pgbench failed: ") + pgbench.error);
    return reportRow(login ? QStringLiteral("login") : QStringLiteral("token-verification"),
                     connections, result, m_options.durationS, rssKb, &pgbench);
}

int Bench::run()
{
    const QString loadBefore = loadAverage();
    prepare();
    QList<ReportRow> rows;
    for (const QString &scenario : std::as_const(m_scenarios)) {
        for (int connections : std::as_const(m_options.counts))
            rows << measure(scenario, connections);
    }
    QString verdict;
    const int verifyExit = m_server.auditVerify(&verdict);
    appendReportRows(m_options.csvPath, rows);
    std::printf("\nAuthentication through reservad vs its SQL in pgbench (-M prepared)\n");
    std::printf("load average before: %s, at the end: %s\n\n", qUtf8Printable(loadBefore),
                qUtf8Printable(loadAverage()));
    std::printf("| scenario           | conns | reservad req/s | p50 ms | p95 ms | p99 ms |"
                " pgbench tps | ratio | RSS MB |\n");
    std::printf("|--------------------|-------|----------------|--------|--------|--------|"
                "-------------|-------|--------|\n");
    for (const ReportRow &r : std::as_const(rows))
        std::printf("| %-18s | %5d | %14.0f | %6.2f | %6.2f | %6.2f | %11.0f | %5.2f | %6.1f |\n",
                    qUtf8Printable(r.scenario), r.connections, r.throughputRps, r.p50Ms, r.p95Ms,
                    r.p99Ms, r.pgbenchTps, r.ratio(), r.rssMb);
    std::printf("\nreservad audit verify: exit %d: %s\n", verifyExit,
                qUtf8Printable(verdict.simplified().left(200)));
    std::fflush(stdout);
    m_server.stop();
    return verifyExit == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("reservad token checks and logins vs pgbench"));
    parser.addHelpOption();
    RunOptions options(parser);
    const QCommandLineOption scenarios(QStringLiteral("scenarios"),
                                       QStringLiteral("tokens, login or both (default both)."),
                                       QStringLiteral("LIST"));
    parser.addOption(scenarios);
    parser.process(app);
    if (QString error; !options.read(parser, &error)) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return 2;
    }
    QStringList list;
    for (const QString &s : RunOptions::value(parser, scenarios, "RESERVA_BENCH_SCENARIOS",
                                              QStringLiteral("tokens,login"))
                                .split(u',', Qt::SkipEmptyParts)) {
        if (s != u"tokens" && s != u"login") {
            std::fprintf(stderr, "--scenarios wants tokens, login or both\n");
            return 2;
        }
        list << s;
    }
    std::signal(SIGPIPE, SIG_IGN); // a socket closed by the server must not kill us
    try {
        Bench bench(options, list);
        return bench.run();
    } catch (const BenchFailure &failure) {
        std::fprintf(stderr, "bench_auth: FAILED: %s\n", failure.what());
        return 1;
    }
}
