// Webhook-to-database: signed Stripe payment_intent.succeeded deliveries
// through a Release `reservad serve` (separate process, managed PostgreSQL
// with fsync on) against pgbench running the same SQL transaction on the same
// database, in the same run, on the same cores. Each delivery is a new event
// for a different intent, so every request takes the full path: signature
// check, delivery row, intent lock, (provider, event id) claim, intent and
// reservation transitions under the slot lock, two audit rows, commit.
//
// The intents are seeded in SQL beforehand (pending reservations spread over
// many slots, a fresh pool per run); one reservation goes through the API and
// the Stripe fake first, as a check that the whole path works. Stripe's API
// base is the in-process fake: the webhook path never calls it.
//
// Checked after every run: exactly once (events claimed = intents succeeded =
// reservations paid = 200 answers), the payment invariants in SQL, the seat
// invariant, the audit sealer's backlog; at the end `reservad audit verify`.
// Reports only: it never asserts speed. It exits non-zero when something is
// broken (the server does not start, pgbench fails, an invariant, a chain).
//
// Options: --connections 32,8  --duration 10  --warmup 2  --workers N  --pool N
// (intents per run and client, default 50000)  --keep; or the environment:
// RESERVA_BENCH_CONNECTIONS, _DURATION, _WARMUP, _WORKERS, _POOL.

#include "benchsupport.h"
#include "crypto/base64url.h"
#include "providers/fake/fakeproviderserver.h"
#include "providers/fake/providerwebhooks.h"
#include "webhooks/stripesignature.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <cctype>
#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

using namespace reserva;
using namespace reserva::bench;

namespace {

constexpr int kSlots = 4000;        // departures: a few dozen pending payments each
constexpr int kSlotCapacity = 1000; // never full, whatever the pool sizes
constexpr qint64 kPriceMinor = 12500;
constexpr int kDrainTimeoutMs = 120000;
const QByteArray kWebhookSecret = "whsec_bench_webhooks_0123456789abcdef";
// Replaced per request; unique strings in the event body.
const QByteArray kPiPlaceholder = "pi_PLACEHOLDER_FOR_THE_INTENT";
const QByteArray kEventPlaceholder = "evt_PLACEHOLDER_FOR_THE_EVENT";

QByteArray providerRef(const QByteArray &tag, qint64 k)
{
    return "pi_" + tag + '_' + QByteArray::number(k).rightJustified(9, '0');
}

// POST /v1/webhooks/stripe as Stripe sends it: a new event for the next
// intent of the pool, signed at send time.
std::function<QByteArray(int, qint64)> webhookRequests(const QByteArray &tag, qint64 poolSize,
                                                       qint64 *used)
{
    const providerwebhooks::StripePayment payment{
        QString::fromLatin1(kPiPlaceholder), kPriceMinor, QStringLiteral("USD"), {}};
    const QByteArray templ = providerwebhooks::stripeEvent(QString::fromLatin1(kEventPlaceholder),
                                                           SimulatedOutcome::Succeeded, payment,
                                                           QDateTime::currentSecsSinceEpoch());
    return [=](int, qint64) {
        const qint64 k = ++*used;
        // Past the pool: an intent nobody has (the run is then reported as
        // invalid rather than silently measuring another path).
        const QByteArray ref = k <= poolSize ? providerRef(tag, k) : QByteArray("pi_exhausted");
        QByteArray body = templ;
        body.replace(kPiPlaceholder, ref);
        body.replace(kEventPlaceholder, QByteArray("evt_" + tag + '_' +
                                                   QByteArray::number(k).rightJustified(12, '0')));
        const QByteArray signature =
            StripeSignatureVerifier::sign(kWebhookSecret, body, QDateTime::currentSecsSinceEpoch());
        return QByteArray("POST /v1/webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n"
                          "Content-Type: application/json; charset=utf-8\r\n"
                          "Stripe-Signature: " +
                          signature + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                          "\r\n\r\n" + body);
    };
}

QByteArray sqlText(const QString &text)
{
    QByteArray out = text.toUtf8();
    out.replace('\'', "''");
    return out;
}

// The statements applyVerifiedEvent runs for a payment_intent.succeeded on a
// pending reservation whose hold runs (paymentservice.cpp, webhookstore.cpp,
// paymentintentstore.cpp, reservationstore.cpp, slotstore.cpp,
// reservationservice.cpp, auditlog.cpp), in the same order, with the
// request's values bound as pgbench variables (-M prepared binds them as $n
// like QtSql's prepared statements). What differs, and why it does not favour
// pgbench:
// - times come from now() instead of a bound parameter (the server's clock);
// - the raw body and the redacted headers are constants of the real sizes
//   (the server's own, read back from a delivery it stored);
// - the next intent comes from a sequence inside the locking statement (an
//   InitPlan, so the unique index is still used; no extra round trip);
// - the unscoped lookups pass a literal NULL tenant where the server binds
//   a null parameter (the same plan once folded);
// - the signature check and the JSON parsing happen in the server only:
//   they are part of what the ratio measures.
QByteArray pgbenchScript(const QByteArray &tag, QByteArray headersJson, const QByteArray &body)
{
    // pgbench reads ":name" as a variable even inside a string literal, so a
    // JSON constant must never put a letter or digit right after a colon:
    // such literals are split there ('...:' || '...').
    static const QRegularExpression variableLike(QStringLiteral(":([A-Za-z0-9_])"));
    headersJson =
        QString::fromUtf8(headersJson).replace(variableLike, QStringLiteral(":' || '\\1")).toUtf8();
    const QByteArray sequence = "bench_seq_" + tag;
    const QByteArray eventId = "('evt_' || :client_id::text || '_' || :e::text)";
    return "\\set e random(1, 9000000000000000000)\n"
           "BEGIN;\n"
           // webhookstore::insertDelivery
           "INSERT INTO webhook_deliveries (provider, received_at, request_id, verification,"
           " outcome, event_id, payment_intent_id, http_status, headers, body, detail)"
           " VALUES ('stripe', now(), gen_random_uuid()::text, 'verified', 'applied', " +
           eventId + ", NULL::uuid, 200, ('" + headersJson + "')::jsonb, '\\x" + body.toHex() +
           "'::bytea, '{}'::jsonb) RETURNING id \\gset d_\n"
           // paymentintentstore::lockByProviderRef
           "SELECT id, reservation_id, provider, provider_ref, status, amount_minor, currency,"
           " refunded_minor, needs_refund, client_secret, checkout_url, pix_copy_paste,"
           " created_at, tenant_id, provider_payment_ref FROM payment_intents"
           " WHERE provider = 'stripe' AND provider_ref = (SELECT 'pi_" +
           tag + "_' || lpad(nextval('" + sequence +
           "')::text, 9, '0')) FOR UPDATE \\gset i_\n"
           // webhookstore::claimEvent
           "INSERT INTO webhook_events (provider, event_id, delivery_id, payment_intent_id,"
           " outcome, applied_at) VALUES ('stripe', " +
           eventId +
           ", :d_id::uuid, :i_id::uuid, 'applied', now())"
           " ON CONFLICT (provider, event_id) DO NOTHING RETURNING 1;\n"
           // paymentintentstore::transition
           "UPDATE payment_intents SET status = 'succeeded', refunded_minor ="
           " GREATEST(refunded_minor, 0), provider_payment_ref = COALESCE(NULL::text,"
           " provider_payment_ref), updated_at = now() WHERE id = :i_id::uuid"
           " AND status = 'created';\n"
           // appendAudit: payment.succeeded
           "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
           " request_id, detail) VALUES (now(), 'provider:' || 'stripe', :i_tenant_id::uuid,"
           " 'payment.succeeded', 'payment_intent:' || :i_id::text, 'success',"
           " gen_random_uuid()::text, ('{\"amount_minor\":' || '" +
           QByteArray::number(kPriceMinor) + ",\"event_id\":\"' || " + eventId +
           " || '\",\"from\":\"created\"}')::jsonb);\n"
           // reservationstore::find (unscoped)
           "SELECT id, slot_id, product_id, quantity, customer_name, customer_email,"
           " customer_phone, status, amount_minor, currency, hold_expires_at, created_at,"
           " tenant_id FROM reservations WHERE id = :i_reservation_id::uuid"
           " AND (NULL::uuid IS NULL OR tenant_id = NULL::uuid) \\gset r_\n"
           // slotstore::lockForUpdate (unscoped)
           "SELECT s.id, s.tenant_id, s.product_id, s.starts_at, s.duration_minutes,"
           " s.capacity, s.seats_taken, p.price_minor, p.currency, p.active, p.kind"
           " FROM slots s JOIN products p ON p.id = s.product_id WHERE s.id = :r_slot_id::uuid"
           " AND (NULL::uuid IS NULL OR s.tenant_id = NULL::uuid) FOR UPDATE OF s;\n"
           // reservationstore::expireDueHolds
           "UPDATE reservations SET status = 'expired', updated_at = now()"
           " WHERE slot_id = :r_slot_id::uuid AND status = 'pending_payment'"
           " AND hold_expires_at <= now() RETURNING id, quantity;\n"
           // reservationstore::find ... FOR UPDATE
           "SELECT id, slot_id, product_id, quantity, customer_name, customer_email,"
           " customer_phone, status, amount_minor, currency, hold_expires_at, created_at,"
           " tenant_id FROM reservations WHERE id = :r_id::uuid"
           " AND (NULL::uuid IS NULL OR tenant_id = NULL::uuid) FOR UPDATE;\n"
           // markPaid
           "UPDATE reservations SET status = 'paid', paid_by_intent = :i_id::uuid,"
           " hold_expires_at = NULL, updated_at = now() WHERE id = :r_id::uuid"
           " AND status = 'pending_payment';\n"
           // appendAudit: reservation.paid
           "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
           " request_id, detail) VALUES (now(), 'provider:' || 'stripe', :i_tenant_id::uuid,"
           " 'reservation.paid', 'reservation:' || :r_id::text, 'success',"
           " gen_random_uuid()::text, ('{\"late\":' || 'false,\"payment_intent_id\":\"' ||"
           " :i_id::text || '\"}')::jsonb);\n"
           // webhookstore::setDeliveryOutcome
           "UPDATE webhook_deliveries SET outcome = 'applied', payment_intent_id = :i_id::uuid,"
           " detail = '{\"event_type\":\"payment_intent.succeeded\"}'::jsonb"
           " WHERE id = :d_id::uuid;\n"
           "COMMIT;\n";
}

// Where a script still has ":<letter or digit>" inside a string literal
// (pgbench would take it for a variable): the text around it, or empty.
QByteArray variableInsideLiteral(const QByteArray &script)
{
    bool quoted = false;
    for (qsizetype i = 0; i + 1 < script.size(); ++i) {
        const char c = script.at(i);
        if (c == '\'')
            quoted = !quoted;
        else if (quoted && c == ':' &&
                 (std::isalnum(static_cast<unsigned char>(script.at(i + 1))) ||
                  script.at(i + 1) == '_'))
            return script.mid(qMax<qsizetype>(0, i - 40), 80);
    }
    return {};
}

struct PoolCheck
{
    qint64 events = 0;
    qint64 succeeded = 0;
    qint64 paid = 0;
    qint64 used = 0; // intents the client asked for (server) or the sequence handed out (pgbench)
    bool exhausted = false;
};

struct RunResult
{
    int connections = 0;
    qint64 pool = 0;
    LoadResult server;
    CpuUse serverCpu;
    qint64 serverPeakRssKb = 0;
    PoolCheck serverCheck;
    qint64 serverAcknowledged = 0; // 200 answers, warm-up and drain included
    PgbenchResult pgbench;
    PoolCheck pgbenchCheck;
    QString invariantsAfterServer; // empty: hold
    QString invariantsAfterPgbench;
    qint64 auditPendingAfterServer = 0;
    qint64 auditDrainMsAfterServer = -1;
    qint64 auditPendingAfterPgbench = 0;
    qint64 auditDrainMsAfterPgbench = -1;
};

class Bench
{
public:
    Bench(QList<int> connections, double durationS, double warmupS, int workers, qint64 pool,
          bool keep)
        : m_connectionCounts(std::move(connections))
        , m_durationS(durationS)
        , m_warmupS(warmupS)
        , m_workers(workers)
        , m_pool(pool)
        , m_keep(keep)
        , m_server(QStringLiteral(RESERVAD_PATH), keep)
    {
    }

    int run();

private:
    void startServer();
    void createCatalogAndCheckThePath();
    void exec(const QString &sql, const QVariantList &params = {});
    void seedPool(const QByteArray &tag, qint64 count);
    PoolCheck checkPool(const QByteArray &tag);
    QString invariantViolations();
    void auditBacklog(qint64 *pending, qint64 *drainMs);
    RunResult runOne(int connections);
    void printReport(const QList<RunResult> &results, int verifyExit, const QString &verdict);

    QList<int> m_connectionCounts;
    double m_durationS;
    double m_warmupS;
    int m_workers;
    qint64 m_pool;
    bool m_keep;

    FakeProviderServer m_fake; // Stripe's API, for the one intent made through the API
    BenchServer m_server;
    QByteArray m_subject;
    QByteArray m_tenant;
    QString m_productId;
    QByteArray m_headersJson; // what the server stored for a real delivery
    QByteArray m_sampleBody;
    QString m_loadBefore;
};

void Bench::startServer()
{
    QString error;
    if (!m_fake.start(QHostAddress::LocalHost, 0, &error))
        fail(QStringLiteral("cannot start the fake providers: ") + error);
    QProcessEnvironment env;
    env.insert(QStringLiteral("RESERVA_STRIPE_API_KEY"), QStringLiteral("sk_test_bench"));
    env.insert(QStringLiteral("RESERVA_STRIPE_API_BASE"), m_fake.baseUrl().toString());
    env.insert(QStringLiteral("RESERVA_STRIPE_WEBHOOK_SECRET"),
               QString::fromLatin1(kWebhookSecret));
    m_server.start(m_workers, env);
}

void Bench::exec(const QString &sql, const QVariantList &params)
{
    // Statements without parameters run unprepared: QPSQL prepares with SQL
    // PREPARE, which takes no DDL or ANALYZE.
    QSqlQuery q(m_server.sql());
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

void Bench::createCatalogAndCheckThePath()
{
    const QList<QByteArray> parts = m_server.bearer().split('.');
    const QJsonObject claims =
        QJsonDocument::fromJson(base64UrlDecode(parts.value(1)).value_or(QByteArray())).object();
    m_subject = claims.value(QStringLiteral("sub")).toString().toUtf8();
    m_tenant = claims.value(QStringLiteral("tenant")).toString().toUtf8();
    if (m_subject.isEmpty() || m_tenant.isEmpty())
        fail(QStringLiteral("the manager's token has no sub or tenant"));
    test::TestHttpClient &http = m_server.http();
    http.setBearer(QString::fromLatin1(m_server.bearer()));
    const test::TestResponse product = http.post(
        QStringLiteral("/v1/products"), {{QStringLiteral("name"), QStringLiteral("Bench tour")},
                                         {QStringLiteral("kind"), QStringLiteral("tour")},
                                         {QStringLiteral("price_minor"), kPriceMinor},
                                         {QStringLiteral("currency"), QStringLiteral("USD")}});
    if (product.status != 201)
        fail(QStringLiteral("cannot create the product: %1 %2")
                 .arg(product.status)
                 .arg(QString::fromUtf8(product.body)));
    m_productId = product.json().value(QStringLiteral("id")).toString();
    std::fprintf(stderr, "seeding %d slots...\n", kSlots);
    exec(QStringLiteral("INSERT INTO slots (product_id, tenant_id, starts_at, duration_minutes,"
                        " capacity) SELECT ?::uuid, ?::uuid, date_trunc('hour', now())"
                        " + interval '60 days' + g * interval '1 hour', 60, ?"
                        " FROM generate_series(1, ?) g"),
         {m_productId, QString::fromUtf8(m_tenant), kSlotCapacity, kSlots});

    // One payment through the API, the Stripe fake and a signed webhook: the
    // path works, and its stored delivery gives pgbench the real header bytes.
    QSqlQuery slot(m_server.sql());
    slot.prepare(QStringLiteral("SELECT id FROM slots WHERE product_id = ?::uuid LIMIT 1"));
    slot.bindValue(0, m_productId);
    if (!slot.exec() || !slot.next())
        fail(QStringLiteral("no slot"));
    const test::TestResponse booked =
        http.request("POST", QStringLiteral("/v1/reservations"),
                     R"({"slot_id":")" + slot.value(0).toString().toLatin1() +
                         R"(","quantity":1,"customer":{"name":"Bench Customer",)"
                         R"("email":"bench.customer@example.com","phone":"+54 11 5555 0000"}})",
                     {{"Content-Type", "application/json"}, {"Idempotency-Key", "bench-sample"}});
    if (booked.status != 201)
        fail(QStringLiteral("a first booking failed: %1").arg(booked.status));
    const QString reservation = booked.json().value(QStringLiteral("id")).toString();
    const test::TestResponse intent = http.request(
        "POST",
        QStringLiteral("/v1/reservations/") + reservation + QStringLiteral("/payment-intents"),
        R"({"provider":"stripe"})",
        {{"Content-Type", "application/json"}, {"Idempotency-Key", "bench-intent"}});
    if (intent.status != 201)
        fail(QStringLiteral("creating a Stripe intent failed: %1 %2")
                 .arg(intent.status)
                 .arg(QString::fromUtf8(intent.body)));
    const providerwebhooks::StripePayment payment{
        intent.json().value(QStringLiteral("provider_ref")).toString(),
        kPriceMinor,
        QStringLiteral("USD"),
        {}};
    m_sampleBody = providerwebhooks::stripeEvent(providerwebhooks::newStripeEventId(),
                                                 SimulatedOutcome::Succeeded, payment,
                                                 QDateTime::currentSecsSinceEpoch());
    const ProviderDelivery delivery =
        providerwebhooks::stripeDelivery(QUrl(QStringLiteral("http://127.0.0.1/")), kWebhookSecret,
                                         m_sampleBody, QDateTime::currentSecsSinceEpoch());
    http.clearBearer();
    const test::TestResponse answer =
        http.request("POST", QStringLiteral("/v1/webhooks/stripe"), m_sampleBody, delivery.headers);
    if (answer.status != 200 ||
        answer.json().value(QStringLiteral("outcome")).toString() != u"applied")
        fail(QStringLiteral("the sample webhook was not applied: %1 %2")
                 .arg(answer.status)
                 .arg(QString::fromUtf8(answer.body)));
    QSqlQuery stored(m_server.sql());
    if (!stored.exec(QStringLiteral("SELECT headers::text FROM webhook_deliveries"
                                    " ORDER BY received_at DESC LIMIT 1")) ||
        !stored.next())
        fail(QStringLiteral("the sample delivery was not stored"));
    m_headersJson = sqlText(stored.value(0).toString());
}

// `count` pending reservations (one seat each, holds running for hours)
// spread over every slot, each with a created Stripe intent pi_<tag>_<k>;
// seats taken accordingly. One transaction, then fresh statistics.
void Bench::seedPool(const QByteArray &tag, qint64 count)
{
    std::fprintf(stderr, "seeding %lld intents for %s...\n", static_cast<long long>(count),
                 tag.constData());
    QSqlDatabase &db = m_server.sql();
    if (!db.transaction())
        fail(QStringLiteral("begin: ") + db.lastError().text());
    exec(QStringLiteral("CREATE TEMP TABLE bench_pool (k bigint PRIMARY KEY, rid uuid NOT NULL)"
                        " ON COMMIT DROP"));
    exec(QStringLiteral("INSERT INTO bench_pool SELECT k, gen_random_uuid()"
                        " FROM generate_series(1, ?) k"),
         {count});
    exec(QStringLiteral(
             "INSERT INTO reservations (id, tenant_id, slot_id, product_id, quantity,"
             " customer_name, customer_email, customer_phone, status, unit_price_minor,"
             " amount_minor, currency, hold_expires_at, created_by, created_at, updated_at)"
             " SELECT p.rid, s.tenant_id, s.id, s.product_id, 1, 'Bench Customer',"
             " 'bench.customer@example.com', '+54 11 5555 0000', 'pending_payment', ?, ?, 'USD',"
             " now() + interval '3 hours', ?, now(), now() FROM bench_pool p"
             " JOIN (SELECT id, tenant_id, product_id, row_number() OVER (ORDER BY id) - 1 AS n"
             "   FROM slots WHERE product_id = ?::uuid) s ON s.n = p.k % ?"),
         {kPriceMinor, kPriceMinor, QString::fromUtf8(m_subject), m_productId, kSlots});
    exec(QStringLiteral(
             "INSERT INTO payment_intents (id, tenant_id, reservation_id, provider, provider_ref,"
             " status, amount_minor, currency, client_secret, created_by, created_at, updated_at)"
             " SELECT gen_random_uuid(), ?::uuid, p.rid, 'stripe',"
             " 'pi_' || ? || '_' || lpad(p.k::text, 9, '0'), 'created', ?, 'USD',"
             " 'pi_' || ? || '_' || lpad(p.k::text, 9, '0') || '_secret_bench', ?, now(), now()"
             " FROM bench_pool p"),
         {QString::fromUtf8(m_tenant), QString::fromLatin1(tag), kPriceMinor,
          QString::fromLatin1(tag), QString::fromUtf8(m_subject)});
    exec(QStringLiteral("UPDATE slots s SET seats_taken = s.seats_taken + c.n, updated_at = now()"
                        " FROM (SELECT r.slot_id, count(*) AS n FROM reservations r"
                        "   JOIN bench_pool p ON p.rid = r.id GROUP BY r.slot_id) c"
                        " WHERE s.id = c.slot_id"));
    exec(QStringLiteral("CREATE SEQUENCE bench_seq_") + QString::fromLatin1(tag) +
         QStringLiteral(" MAXVALUE ") + QString::number(count));
    if (!db.commit())
        fail(QStringLiteral("commit: ") + db.lastError().text());
    exec(QStringLiteral("ANALYZE reservations"));
    exec(QStringLiteral("ANALYZE payment_intents"));
    exec(QStringLiteral("ANALYZE slots"));
}

PoolCheck Bench::checkPool(const QByteArray &tag)
{
    const QString like = QStringLiteral("'pi_") + QString::fromLatin1(tag) + QStringLiteral("_%'");
    PoolCheck c;
    c.succeeded = m_server.queryCount(
        QStringLiteral("SELECT count(*) FROM payment_intents WHERE provider = 'stripe'"
                       " AND provider_ref LIKE ") +
        like + QStringLiteral(" AND status = 'succeeded'"));
    c.paid = m_server.queryCount(
        QStringLiteral("SELECT count(*) FROM payment_intents pi JOIN reservations r"
                       " ON r.id = pi.reservation_id WHERE pi.provider = 'stripe'"
                       " AND pi.provider_ref LIKE ") +
        like + QStringLiteral(" AND r.status = 'paid' AND r.paid_by_intent = pi.id"));
    c.events = m_server.queryCount(
        QStringLiteral("SELECT count(*) FROM webhook_events we JOIN payment_intents pi"
                       " ON pi.id = we.payment_intent_id WHERE we.provider = 'stripe'"
                       " AND we.outcome = 'applied' AND pi.provider_ref LIKE ") +
        like);
    return c;
}

// The payment invariants and the seat invariant over the whole database;
// empty when they hold.
QString Bench::invariantViolations()
{
    QStringList broken;
    auto check = [&](const char *what, const QString &sql) {
        const qint64 n = m_server.queryCount(sql);
        if (n != 0)
            broken << QStringLiteral("%1: %2").arg(QLatin1String(what)).arg(n);
    };
    check("paid without a succeeded intent and its applied event",
          QStringLiteral("SELECT count(*) FROM reservations r WHERE r.status = 'paid'"
                         " AND NOT EXISTS (SELECT 1 FROM payment_intents pi"
                         "   JOIN webhook_events we ON we.payment_intent_id = pi.id"
                         "    AND we.outcome = 'applied'"
                         "   WHERE pi.id = r.paid_by_intent AND pi.status = 'succeeded')"));
    check("succeeded intent on an unpaid reservation",
          QStringLiteral("SELECT count(*) FROM payment_intents pi JOIN reservations r"
                         " ON r.id = pi.reservation_id WHERE pi.status = 'succeeded'"
                         " AND r.status <> 'paid' AND NOT pi.needs_refund"));
    check("event claimed twice", QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM webhook_events"
                                                " GROUP BY provider, event_id"
                                                " HAVING count(*) > 1) d"));
    check("slots whose seats_taken is not their live seats",
          QStringLiteral("SELECT count(*) FROM slots s WHERE s.seats_taken > s.capacity OR"
                         " s.seats_taken <> COALESCE((SELECT sum(r.quantity) FROM reservations r"
                         "   WHERE r.slot_id = s.id AND r.status IN ('pending_payment', 'paid')),"
                         " 0)"));
    return broken.join(QStringLiteral("; "));
}

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

RunResult Bench::runOne(int connections)
{
    RunResult r;
    r.connections = connections;
    r.pool = m_pool;
    const QByteArray serverTag = "s" + QByteArray::number(connections);
    const QByteArray pgbenchTag = "p" + QByteArray::number(connections);
    seedPool(serverTag, m_pool);
    seedPool(pgbenchTag, m_pool);

    std::fprintf(stderr, "running %d connections: reservad...\n", connections);
    LoadSpec spec;
    spec.port = m_server.port();
    spec.connections = connections;
    spec.warmupS = m_warmupS;
    spec.durationS = m_durationS;
    qint64 used = 0;
    spec.nextRequest = webhookRequests(serverTag, m_pool, &used);
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
    const auto ok = r.server.allStatuses.find(200);
    r.serverAcknowledged = ok == r.server.allStatuses.end() ? 0 : ok->second;
    r.serverCheck = checkPool(serverTag);
    r.serverCheck.used = used;
    r.serverCheck.exhausted = used > m_pool;
    r.invariantsAfterServer = invariantViolations();
    auditBacklog(&r.auditPendingAfterServer, &r.auditDrainMsAfterServer);

    std::fprintf(stderr, "running %d connections: pgbench...\n", connections);
    PgbenchSpec pg;
    pg.pgbenchPath = QStringLiteral(PGBENCH_PATH);
    pg.dir = m_server.dir() + QStringLiteral("/pgbench-") + QString::number(connections);
    pg.scriptName = QStringLiteral("webhook.sql");
    pg.script = pgbenchScript(pgbenchTag, m_headersJson, m_sampleBody);
    if (const QByteArray at = variableInsideLiteral(pg.script); !at.isEmpty())
        fail(QStringLiteral("the pgbench script has a variable-like colon in a literal: ") +
             QString::fromUtf8(at));
    pg.connections = connections;
    pg.warmupS = m_warmupS;
    pg.durationS = m_durationS;
    r.pgbench = runPgbench(pg, m_server);
    r.pgbenchCheck = checkPool(pgbenchTag);
    r.pgbenchCheck.used = m_server.queryCount(QStringLiteral("SELECT last_value FROM bench_seq_") +
                                              QString::fromLatin1(pgbenchTag));
    r.pgbenchCheck.exhausted = r.pgbenchCheck.used >= m_pool;
    r.invariantsAfterPgbench = invariantViolations();
    auditBacklog(&r.auditPendingAfterPgbench, &r.auditDrainMsAfterPgbench);
    return r;
}

void Bench::printReport(const QList<RunResult> &results, int verifyExit, const QString &verdict)
{
    std::printf("\nWebhook benchmark: signed Stripe payment_intent.succeeded deliveries through"
                " reservad vs the same SQL transaction in pgbench (-M prepared)\n");
    std::printf("%d cores, reservad workers: %s, warm-up %.0f s, measured %.0f s per run, fsync on,"
                " each event new and for a different intent;\nload average before: %s, at the"
                " end: %s\n\n",
                QThread::idealThreadCount(),
                m_workers > 0 ? qUtf8Printable(QString::number(m_workers)) : "default (4 x cores)",
                m_warmupS, m_durationS, qUtf8Printable(m_loadBefore),
                qUtf8Printable(loadAverage()));
    std::printf("| conns | client   | req/s or tps | p50 ms | p95 ms | p99 ms | avg ms | non-200 |"
                " ratio | CPU busy | reservad cpu | postgres cpu | client cpu |\n");
    std::printf("|-------|----------|--------------|--------|--------|--------|--------|---------|"
                "-------|----------|--------------|--------------|------------|\n");
    auto cpuCell = [](double s, double wall) {
        return QStringLiteral("%1 s (%2%)")
            .arg(s, 0, 'f', 1)
            .arg(wall > 0 ? 100 * s / wall : 0, 0, 'f', 0);
    };
    for (const RunResult &r : results) {
        std::vector<double> lat = r.server.latencyMs;
        double sum = 0;
        for (double v : lat)
            sum += v;
        const double rps = double(r.server.answered) / m_durationS;
        qint64 non200 = r.server.transportErrors;
        for (const auto &[status, count] : r.server.statuses) {
            if (status != 200)
                non200 += count;
        }
        std::vector<double> pl = r.pgbench.latencyMs;
        const double ratio = r.pgbench.tps > 0 ? rps / r.pgbench.tps : 0;
        std::printf("| %5d | reservad | %12.0f | %6.2f | %6.2f | %6.2f | %6.2f | %7lld | %5.2f |"
                    " %7.0f%% | %12s | %12s | %10s |\n",
                    r.connections, rps, percentile(lat, 0.5), percentile(lat, 0.95),
                    percentile(lat, 0.99), lat.empty() ? 0 : sum / double(lat.size()),
                    static_cast<long long>(non200), ratio, r.serverCpu.machineBusyPct,
                    qUtf8Printable(cpuCell(r.serverCpu.reservadS, r.serverCpu.wallS)),
                    qUtf8Printable(cpuCell(r.serverCpu.postgresS, r.serverCpu.wallS)),
                    qUtf8Printable(cpuCell(r.serverCpu.clientS, r.serverCpu.wallS)));
        std::printf("| %5d | pgbench  | %12.0f | %6.2f | %6.2f | %6.2f | %6.2f | %7lld |  1.00 |"
                    " %7.0f%% | %12s | %12s | %10s |\n",
                    r.connections, r.pgbench.tps, percentile(pl, 0.5), percentile(pl, 0.95),
                    percentile(pl, 0.99), r.pgbench.latencyAvgMs,
                    static_cast<long long>(r.pgbench.failed), r.pgbench.cpu.machineBusyPct, "-",
                    qUtf8Printable(cpuCell(r.pgbench.cpu.postgresS, r.pgbench.cpu.wallS)),
                    qUtf8Printable(cpuCell(r.pgbench.cpu.clientS, r.pgbench.cpu.wallS)));
    }
    std::printf("\nCPU columns: seconds used during the measured window (%% of one core);"
                " CPU busy: all cores, whole machine (other users included).\n");

    std::printf("\n| check | result |\n|---|---|\n");
    for (const RunResult &r : results) {
        QString statuses;
        for (const auto &[status, count] : r.server.allStatuses)
            statuses += QStringLiteral("%1x%2 ").arg(status).arg(count);
        std::printf("| c=%d: every answer (warm-up and drain included) | %s transport errors %lld"
                    " |\n",
                    r.connections, qUtf8Printable(statuses),
                    static_cast<long long>(r.server.transportErrors));
        const PoolCheck &s = r.serverCheck;
        const bool serverOnce = s.events == s.succeeded && s.succeeded == s.paid &&
                                s.paid == r.serverAcknowledged && !s.exhausted;
        std::printf("| c=%d: reservad exactly once | %s: 200 answers %lld, events applied %lld,"
                    " intents succeeded %lld, reservations paid %lld (pool %lld, used %lld%s) |\n",
                    r.connections, serverOnce ? "yes" : "NO",
                    static_cast<long long>(r.serverAcknowledged), static_cast<long long>(s.events),
                    static_cast<long long>(s.succeeded), static_cast<long long>(s.paid),
                    static_cast<long long>(r.pool), static_cast<long long>(s.used),
                    s.exhausted ? ", EXHAUSTED: invalid" : "");
        const PoolCheck &p = r.pgbenchCheck;
        std::printf("| c=%d: pgbench exactly once | %s: events %lld, intents succeeded %lld,"
                    " reservations paid %lld (pool %lld, used %lld%s) |\n",
                    r.connections, p.events == p.succeeded && p.succeeded == p.paid ? "yes" : "NO",
                    static_cast<long long>(p.events), static_cast<long long>(p.succeeded),
                    static_cast<long long>(p.paid), static_cast<long long>(r.pool),
                    static_cast<long long>(p.used), p.exhausted ? ", EXHAUSTED: invalid" : "");
        std::printf(
            "| c=%d: payment and seat invariants | after reservad %s; after pgbench %s |\n",
            r.connections,
            r.invariantsAfterServer.isEmpty() ? "hold" : qUtf8Printable(r.invariantsAfterServer),
            r.invariantsAfterPgbench.isEmpty() ? "hold" : qUtf8Printable(r.invariantsAfterPgbench));
        std::printf("| c=%d: audit_pending at end | after reservad %lld rows, drained in %lld ms;"
                    " after pgbench %lld rows, drained in %lld ms |\n",
                    r.connections, static_cast<long long>(r.auditPendingAfterServer),
                    static_cast<long long>(r.auditDrainMsAfterServer),
                    static_cast<long long>(r.auditPendingAfterPgbench),
                    static_cast<long long>(r.auditDrainMsAfterPgbench));
        std::printf("| c=%d: reservad peak RSS during the run | %.1f MB |\n", r.connections,
                    double(r.serverPeakRssKb) / 1024.0);
    }
    std::printf("| reservad audit verify | exit %d: %s |\n", verifyExit,
                qUtf8Printable(verdict.simplified().left(200)));
    std::printf("\nTargets (issue 4): p95 < 10 ms and ratio >= 0.70 at 32 connections. Reported,"
                " not asserted. In a closed loop the mean latency is connections / throughput:"
                " a 10 ms p95 at 32 connections needs well over 3,200 deliveries/s.\n");
    for (const RunResult &r : results) {
        if (r.connections == m_connectionCounts.value(0) && !r.pgbench.statementLatencies.isEmpty())
            std::printf("\npgbench per-statement latency, %d connections:\n%s", r.connections,
                        qUtf8Printable(r.pgbench.statementLatencies));
    }
    std::fflush(stdout);
}

int Bench::run()
{
    m_loadBefore = loadAverage();
    std::fprintf(stderr, "load average before: %s\n", qUtf8Printable(m_loadBefore));
    startServer();
    createCatalogAndCheckThePath();
    QList<RunResult> results;
    bool broken = false;
    for (int connections : std::as_const(m_connectionCounts)) {
        RunResult r = runOne(connections);
        if (!r.pgbench.ok) {
            std::fprintf(stderr, "pgbench failed: %s\n", qUtf8Printable(r.pgbench.error));
            broken = true;
        }
        const PoolCheck &s = r.serverCheck;
        const PoolCheck &p = r.pgbenchCheck;
        broken = broken || s.events != s.succeeded || s.succeeded != s.paid ||
                 s.paid != r.serverAcknowledged || p.events != p.succeeded ||
                 p.succeeded != p.paid || !r.invariantsAfterServer.isEmpty() ||
                 !r.invariantsAfterPgbench.isEmpty();
        results << std::move(r);
    }
    QString verdict;
    const int verifyExit = m_server.auditVerify(&verdict);
    broken = broken || verifyExit != 0;
    printReport(results, verifyExit, verdict);
    m_server.stop();
    if (m_keep)
        std::printf("data kept in %s\n", qUtf8Printable(m_server.dir()));
    return broken ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("reservad webhook throughput vs pgbench"));
    parser.addHelpOption();
    RunOptions options(parser);
    const QCommandLineOption pool(
        QStringLiteral("pool"),
        QStringLiteral("Pending intents seeded per run and client (default 50000)."),
        QStringLiteral("N"));
    parser.addOption(pool);
    parser.process(app);
    if (QString error; !options.read(parser, &error)) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return 2;
    }
    const qint64 poolSize =
        RunOptions::value(parser, pool, "RESERVA_BENCH_POOL", QStringLiteral("50000")).toLongLong();
    if (poolSize < 100 || poolSize > 10000000) {
        std::fprintf(stderr, "--pool wants a number from 100 to 10000000\n");
        return 2;
    }
    // A load-generator socket closed by the server must not kill us.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        Bench bench(options.counts, options.durationS, options.warmupS, options.workers, poolSize,
                    options.keep);
        return bench.run();
    } catch (const BenchFailure &failure) {
        std::fprintf(stderr, "bench_webhooks: FAILED: %s\n", failure.what());
        return 1;
    }
}
