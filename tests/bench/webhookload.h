#pragma once

// Stripe payment_intent.succeeded deliveries as a bench drives them: the
// catalog and the pool of pending intents they pay (seeded in SQL), the
// signed HTTP requests, and the same SQL transaction as a pgbench script
// (shared by bench_webhooks and bench_mixed).

#include "benchsupport.h"
#include "providers/fake/fakeproviderserver.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace reserva::bench {

inline constexpr qint64 kPriceMinor = 12500;
// reservad's RESERVA_STRIPE_WEBHOOK_SECRET in the benches.
extern const QByteArray kWebhookSecret;

// Starts `fake` (Stripe's API, for the catalog's one intent made through the
// API) and then `server` with the bench's Stripe settings pointing at it.
void startWithStripeFake(BenchServer &server, FakeProviderServer &fake, int workers);

// What the pool and the pgbench script need from the catalog.
struct WebhookCatalog
{
    QByteArray subject; // the demo manager's user id: pgbench writes as it
    QByteArray tenant;
    QString productId;
    QByteArray headersJson; // what the server stored for a real delivery, as SQL text
    QByteArray sampleBody;
};

// A product with `slots` hourly departures of `capacity` seats (60 days
// ahead), then one payment through the API, the Stripe fake and a signed
// webhook: the path works, and its stored delivery gives pgbench the real
// header bytes. The server must run with the bench's Stripe settings.
WebhookCatalog createWebhookCatalog(BenchServer &server, int slots, int capacity);

// `count` pending reservations (one seat each, holds running for hours)
// spread over the catalog's `slots` departures, each with a created Stripe
// intent pi_<tag>_<k>; seats taken accordingly; a sequence bench_seq_<tag>
// for pgbench. One transaction, then fresh statistics.
void seedIntentPool(BenchServer &server, const WebhookCatalog &catalog, int slots,
                    const QByteArray &tag, qint64 count);

QByteArray providerRef(const QByteArray &tag, qint64 k);

// POST /v1/webhooks/stripe as Stripe sends it: a new event for the next
// intent of the pool (counted in *used), signed at send time.
std::function<QByteArray(int, qint64)> webhookRequests(const QByteArray &tag, qint64 poolSize,
                                                       qint64 *used);

// `text` as the inside of an SQL string literal.
QByteArray sqlText(const QString &text);

// The statements applyVerifiedEvent runs for a payment_intent.succeeded on a
// pending reservation whose hold runs (see webhookload.cpp for what differs
// from the server and why it does not favour pgbench). Pays the intents of
// the pool seeded with `tag`, in order.
QByteArray webhookPgbenchScript(const QByteArray &tag, QByteArray headersJson,
                                const QByteArray &body);

// Where a script still has ":<letter or digit>" inside a string literal
// (pgbench would take it for a variable): the text around it, or empty.
QByteArray variableInsideLiteral(const QByteArray &script);

struct PoolCheck
{
    qint64 events = 0;
    qint64 succeeded = 0;
    qint64 paid = 0;
    qint64 used = 0; // intents the client asked for (server) or the sequence handed out (pgbench)
    bool exhausted = false;
};

// Exactly-once counts for the pool `tag`: events applied, intents
// succeeded, reservations paid by them.
PoolCheck checkIntentPool(BenchServer &server, const QByteArray &tag);

} // namespace reserva::bench
