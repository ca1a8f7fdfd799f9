#include "webhookload.h"

#include "crypto/base64url.h"
#include "providers/fake/providerwebhooks.h"
#include "webhooks/stripesignature.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <cctype>
#include <cstdio>

namespace reserva::bench {

const QByteArray kWebhookSecret = "whsec_bench_webhooks_0123456789abcdef";

namespace {

// Replaced per request; unique strings in the event body.
const QByteArray kPiPlaceholder = "pi_PLACEHOLDER_FOR_THE_INTENT";
const QByteArray kEventPlaceholder = "evt_PLACEHOLDER_FOR_THE_EVENT";

} // namespace

void startWithStripeFake(BenchServer &server, FakeProviderServer &fake, int workers)
{
    QString error;
    if (!fake.start(QHostAddress::LocalHost, 0, &error))
        fail(QStringLiteral("cannot start the fake providers: ") + error);
    QProcessEnvironment env;
    env.insert(QStringLiteral("RESERVA_STRIPE_API_KEY"), QStringLiteral("sk_test_bench"));
    env.insert(QStringLiteral("RESERVA_STRIPE_API_BASE"), fake.baseUrl().toString());
    env.insert(QStringLiteral("RESERVA_STRIPE_WEBHOOK_SECRET"),
               QString::fromLatin1(kWebhookSecret));
    server.start(workers, env);
}

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
//   they are part of what the ratio measures;
// - the statements reservad defers (execDeferred) are pipelined here too,
//   with \startpipeline; BEGIN is not, since pgbench cannot \gset the
//   intent's lock inside a pipeline: pgbench makes 6 round trips where
//   reservad makes 5.
QByteArray webhookPgbenchScript(const QByteArray &tag, QByteArray headersJson,
                                const QByteArray &body)
{
    // pgbench reads ":name" as a variable even inside a string literal, so a
    // JSON constant must never put a letter or digit right after a colon:
    // such literals are split there ('...:' || '...').
    static const QRegularExpression variableLike(QStringLiteral(":([A-Za-z0-9_])"));
    headersJson =
        QString::fromUtf8(headersJson).replace(variableLike, QStringLiteral(":' || '\\1")).toUtf8();
    const QByteArray sequence = "bench_seq_" + tag;
    const QByteArray eventId = "('evt_' || :client_id::text || '_' || :e::text)";
    const QByteArray deliveryId = pgbenchTimeOrderedId(":client_id::text || '-' || :e::text");
    return "\\set e random(1, 9000000000000000000)\n"
           "BEGIN;\n"
           // paymentintentstore::lockByProviderRef
           "SELECT id, reservation_id, provider, provider_ref, status, amount_minor, currency,"
           " refunded_minor, needs_refund, client_secret, checkout_url, pix_copy_paste,"
           " created_at, tenant_id, provider_payment_ref FROM payment_intents"
           " WHERE provider = 'stripe' AND provider_ref = (SELECT 'pi_" +
           tag + "_' || lpad(nextval('" + sequence +
           "')::text, 9, '0')) FOR UPDATE \\gset i_\n"
           // webhookstore::eventRecorded, then the deferred intent transition
           // and its audit row, which reservad sends with the slot's lock
           // (pgbench cannot \gset inside a pipeline, so they ride with this
           // SELECT instead: the same statements, the same count).
           "\\startpipeline\n"
           "SELECT 1 FROM webhook_events WHERE provider = 'stripe' AND event_id = " +
           eventId +
           ";\n"
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
           "\\endpipeline\n"
           // slotstore::lockSlotOfReservation
           "SELECT s.id, s.tenant_id, s.product_id, s.starts_at, s.duration_minutes,"
           " s.capacity, s.seats_taken, p.price_minor, p.currency, p.active, p.kind,"
           " p.transfer_kind, COALESCE((SELECT min(r.hold_expires_at) FROM reservations r"
           "   WHERE r.slot_id = s.id AND r.status = 'pending_payment') <= now(), false)"
           " AS due_holds"
           " FROM slots s JOIN products p ON p.id = s.product_id WHERE s.id ="
           " (SELECT slot_id FROM reservations WHERE id = :i_reservation_id::uuid)"
           " FOR UPDATE OF s \\gset s_\n"
           // reservationstore::expireDueHolds, when the lock saw due holds
           "\\if :s_due_holds\n"
           "UPDATE reservations SET status = 'expired', updated_at = now()"
           " WHERE slot_id = :s_id::uuid AND status = 'pending_payment'"
           " AND hold_expires_at <= now() RETURNING id, quantity;\n"
           "\\endif\n"
           // reservationstore::find ... FOR UPDATE (reservad waits for it: it
           // decides what follows, so pgbench does too)
           "SELECT id, slot_id, product_id, quantity, customer_name, customer_email,"
           " customer_phone, status, amount_minor, currency, hold_expires_at, created_at,"
           " tenant_id, trf_detail, unit_price_minor * quantity, discount_minor"
           " FROM reservations WHERE id = :i_reservation_id::uuid"
           " AND (NULL::uuid IS NULL OR tenant_id = NULL::uuid) FOR UPDATE;\n"
           // Deferred (execDeferred): markPaid, its audit row, the delivery
           // and the event's row go with the COMMIT.
           "\\startpipeline\n"
           // markPaid
           "UPDATE reservations SET status = 'paid', paid_by_intent = :i_id::uuid,"
           " hold_expires_at = NULL, updated_at = now() WHERE id = :i_reservation_id::uuid"
           " AND status = 'pending_payment';\n"
           // appendAudit: reservation.paid
           "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
           " request_id, detail) VALUES (now(), 'provider:' || 'stripe', :i_tenant_id::uuid,"
           " 'reservation.paid', 'reservation:' || :i_reservation_id::text, 'success',"
           " gen_random_uuid()::text, ('{\"late\":' || 'false,\"payment_intent_id\":\"' ||"
           " :i_id::text || '\"}')::jsonb);\n"
           // webhookstore::insertDelivery, with its outcome (the id made by
           // the client, time-ordered: reservad's uuidV7, the same in SQL here)
           "INSERT INTO webhook_deliveries (id, provider, received_at, request_id, verification,"
           " outcome, event_id, payment_intent_id, http_status, headers, query, body, detail)"
           " VALUES (" +
           deliveryId + ", 'stripe', now(), gen_random_uuid()::text, 'verified', 'applied', " +
           eventId + ", :i_id::uuid, 200, ('" + headersJson + "')::jsonb, '{}'::jsonb, '\\x" +
           body.toHex() +
           "'::bytea, '{\"event_type\":\"payment_intent.succeeded\"}'::jsonb);\n"
           // webhookstore::recordEvent
           "INSERT INTO webhook_events (provider, event_id, delivery_id, payment_intent_id,"
           " outcome, applied_at) VALUES ('stripe', " +
           eventId + ", " + deliveryId +
           ", :i_id::uuid, 'applied', now());\n"
           "COMMIT;\n"
           "\\endpipeline\n";
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

WebhookCatalog createWebhookCatalog(BenchServer &server, int slots, int capacity)
{
    WebhookCatalog catalog;
    const QList<QByteArray> parts = server.bearer().split('.');
    const QJsonObject claims =
        QJsonDocument::fromJson(base64UrlDecode(parts.value(1)).value_or(QByteArray())).object();
    catalog.subject = claims.value(QStringLiteral("sub")).toString().toUtf8();
    catalog.tenant = claims.value(QStringLiteral("tenant")).toString().toUtf8();
    if (catalog.subject.isEmpty() || catalog.tenant.isEmpty())
        fail(QStringLiteral("the manager's token has no sub or tenant"));
    test::TestHttpClient &http = server.http();
    http.setBearer(QString::fromLatin1(server.bearer()));
    const test::TestResponse product = http.post(
        QStringLiteral("/v1/products"), {{QStringLiteral("name"), QStringLiteral("Bench tour")},
                                         {QStringLiteral("kind"), QStringLiteral("tour")},
                                         {QStringLiteral("price_minor"), kPriceMinor},
                                         {QStringLiteral("currency"), QStringLiteral("USD")}});
    if (product.status != 201)
        fail(QStringLiteral("cannot create the product: %1 %2")
                 .arg(product.status)
                 .arg(QString::fromUtf8(product.body)));
    catalog.productId = product.json().value(QStringLiteral("id")).toString();
    std::fprintf(stderr, "seeding %d slots...\n", slots);
    server.exec(
        QStringLiteral("INSERT INTO slots (product_id, tenant_id, starts_at, duration_minutes,"
                       " capacity) SELECT ?::uuid, ?::uuid, date_trunc('hour', now())"
                       " + interval '60 days' + g * interval '1 hour', 60, ?"
                       " FROM generate_series(1, ?) g"),
        {catalog.productId, QString::fromUtf8(catalog.tenant), capacity, slots});

    // One payment through the API, the Stripe fake and a signed webhook: the
    // path works, and its stored delivery gives pgbench the real header bytes.
    QSqlQuery slot(server.sql());
    slot.prepare(QStringLiteral("SELECT id FROM slots WHERE product_id = ?::uuid LIMIT 1"));
    slot.bindValue(0, catalog.productId);
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
    catalog.sampleBody = providerwebhooks::stripeEvent(providerwebhooks::newStripeEventId(),
                                                       SimulatedOutcome::Succeeded, payment,
                                                       QDateTime::currentSecsSinceEpoch());
    const ProviderDelivery delivery =
        providerwebhooks::stripeDelivery(QUrl(QStringLiteral("http://127.0.0.1/")), kWebhookSecret,
                                         catalog.sampleBody, QDateTime::currentSecsSinceEpoch());
    http.clearBearer();
    const test::TestResponse answer = http.request("POST", QStringLiteral("/v1/webhooks/stripe"),
                                                   catalog.sampleBody, delivery.headers);
    if (answer.status != 200 ||
        answer.json().value(QStringLiteral("outcome")).toString() != u"applied")
        fail(QStringLiteral("the sample webhook was not applied: %1 %2")
                 .arg(answer.status)
                 .arg(QString::fromUtf8(answer.body)));
    QSqlQuery stored(server.sql());
    if (!stored.exec(QStringLiteral("SELECT headers::text FROM webhook_deliveries"
                                    " ORDER BY received_at DESC LIMIT 1")) ||
        !stored.next())
        fail(QStringLiteral("the sample delivery was not stored"));
    catalog.headersJson = sqlText(stored.value(0).toString());
    return catalog;
}

void seedIntentPool(BenchServer &server, const WebhookCatalog &catalog, int slots,
                    const QByteArray &tag, qint64 count)
{
    std::fprintf(stderr, "seeding %lld intents for %s...\n", static_cast<long long>(count),
                 tag.constData());
    QSqlDatabase &db = server.sql();
    if (!db.transaction())
        fail(QStringLiteral("begin: ") + db.lastError().text());
    server.exec(
        QStringLiteral("CREATE TEMP TABLE bench_pool (k bigint PRIMARY KEY, rid uuid NOT NULL)"
                       " ON COMMIT DROP"));
    server.exec(QStringLiteral("INSERT INTO bench_pool SELECT k, gen_random_uuid()"
                               " FROM generate_series(1, ?) k"),
                {count});
    server.exec(
        QStringLiteral(
            "INSERT INTO reservations (id, tenant_id, slot_id, product_id, quantity,"
            " customer_name, customer_email, customer_phone, status, unit_price_minor,"
            " amount_minor, currency, hold_expires_at, created_by, created_at, updated_at)"
            " SELECT p.rid, s.tenant_id, s.id, s.product_id, 1, 'Bench Customer',"
            " 'bench.customer@example.com', '+54 11 5555 0000', 'pending_payment', ?, ?, 'USD',"
            " now() + interval '3 hours', ?, now(), now() FROM bench_pool p"
            " JOIN (SELECT id, tenant_id, product_id, row_number() OVER (ORDER BY id) - 1 AS n"
            "   FROM slots WHERE product_id = ?::uuid) s ON s.n = p.k % ?"),
        {kPriceMinor, kPriceMinor, QString::fromUtf8(catalog.subject), catalog.productId, slots});
    server.exec(
        QStringLiteral(
            "INSERT INTO payment_intents (id, tenant_id, reservation_id, provider, provider_ref,"
            " status, amount_minor, currency, client_secret, created_by, created_at, updated_at)"
            " SELECT gen_random_uuid(), ?::uuid, p.rid, 'stripe',"
            " 'pi_' || ? || '_' || lpad(p.k::text, 9, '0'), 'created', ?, 'USD',"
            " 'pi_' || ? || '_' || lpad(p.k::text, 9, '0') || '_secret_bench', ?, now(), now()"
            " FROM bench_pool p"),
        {QString::fromUtf8(catalog.tenant), QString::fromLatin1(tag), kPriceMinor,
         QString::fromLatin1(tag), QString::fromUtf8(catalog.subject)});
    server.exec(
        QStringLiteral("UPDATE slots s SET seats_taken = s.seats_taken + c.n, updated_at = now()"
                       " FROM (SELECT r.slot_id, count(*) AS n FROM reservations r"
                       "   JOIN bench_pool p ON p.rid = r.id GROUP BY r.slot_id) c"
                       " WHERE s.id = c.slot_id"));
    server.exec(QStringLiteral("CREATE SEQUENCE bench_seq_") + QString::fromLatin1(tag) +
                QStringLiteral(" MAXVALUE ") + QString::number(count));
    if (!db.commit())
        fail(QStringLiteral("commit: ") + db.lastError().text());
    server.exec(QStringLiteral("ANALYZE reservations"));
    server.exec(QStringLiteral("ANALYZE payment_intents"));
    server.exec(QStringLiteral("ANALYZE slots"));
}

PoolCheck checkIntentPool(BenchServer &server, const QByteArray &tag)
{
    const QString like = QStringLiteral("'pi_") + QString::fromLatin1(tag) + QStringLiteral("_%'");
    PoolCheck c;
    c.succeeded = server.queryCount(
        QStringLiteral("SELECT count(*) FROM payment_intents WHERE provider = 'stripe'"
                       " AND provider_ref LIKE ") +
        like + QStringLiteral(" AND status = 'succeeded'"));
    c.paid = server.queryCount(
        QStringLiteral("SELECT count(*) FROM payment_intents pi JOIN reservations r"
                       " ON r.id = pi.reservation_id WHERE pi.provider = 'stripe'"
                       " AND pi.provider_ref LIKE ") +
        like + QStringLiteral(" AND r.status = 'paid' AND r.paid_by_intent = pi.id"));
    c.events = server.queryCount(
        QStringLiteral("SELECT count(*) FROM webhook_events we JOIN payment_intents pi"
                       " ON pi.id = we.payment_intent_id WHERE we.provider = 'stripe'"
                       " AND we.outcome = 'applied' AND pi.provider_ref LIKE ") +
        like);
    return c;
}

} // namespace reserva::bench
