#include "servermetrics.h"

#include "counters.h"

#include <deque>
#include <mutex>

namespace reserva {

namespace {

// Seconds. Requests: a cached read is well under a millisecond, a booking a
// few, a webhook that asks its provider up to the outbound timeout.
const std::vector<double> kRequestBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,  0.5,    1,     2.5,  5,     10};
// Lock waits: usually nothing; the lock_timeout (5 s by default) bounds them.
const std::vector<double> kLockBuckets{0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05,
                                       0.1,    0.5,    1,     2.5,   5,    10};

struct PoolSlot
{
    std::atomic<bool> taken{false};
    std::atomic<bool> open{false};
    std::atomic<bool> inUse{false};
};

// Slots are only ever added (a deque keeps their addresses), and reused once
// their thread ends; the mutex is taken by a thread's first use and a scrape.
struct Pool
{
    std::mutex lock;
    std::deque<PoolSlot> slots;

    PoolSlot &acquire()
    {
        std::lock_guard guard(lock);
        for (PoolSlot &slot : slots) {
            if (!slot.taken.load())
                return claim(slot);
        }
        return claim(slots.emplace_back());
    }
    static PoolSlot &claim(PoolSlot &slot)
    {
        slot.open = false;
        slot.inUse = false;
        slot.taken = true;
        return slot;
    }
};

// Never destroyed: a thread's ThreadSlot gives its slot back from a
// thread_local destructor, which can run after exit() began destroying
// statics (Qt's threads are detached and finish after QThread::wait returns).
Pool &pool()
{
    static Pool *const instance = new Pool;
    return *instance;
}

struct ThreadSlot
{
    PoolSlot *slot = nullptr;
    PoolSlot &get()
    {
        if (!slot)
            slot = &pool().acquire();
        return *slot;
    }
    ~ThreadSlot()
    {
        if (slot) {
            slot->open = false;
            slot->inUse = false;
            slot->taken = false;
        }
    }
};

thread_local ThreadSlot tThreadSlot;

using Sample = CallbackFamily::Sample;

QList<Sample> counterSample(const std::atomic<quint64> &counter)
{
    return {Sample{{}, double(counter.load(std::memory_order_relaxed))}};
}

void addProcessCounters(MetricsRegistry &registry)
{
    const auto counter = [&registry](const char *name, const char *help,
                                     std::atomic<quint64> Counters::*member) {
        registry.add<CallbackFamily>(QByteArray(name), QByteArray(help), QList<QByteArray>{},
                                     "counter",
                                     [member] { return counterSample(counters().*member); });
    };
    counter("reserva_throttled_requests_total",
            "Requests refused with 429 by the login and refresh throttle.",
            &Counters::throttledRequests);
    counter("reserva_identity_verification_degraded_total",
            "Logins whose identity verification API was unavailable (the identity is then "
            "reported unverified).",
            &Counters::identityVerificationDegraded);
    counter("reserva_identity_verification_rejected_total",
            "Logins whose identity the verification API rejected.",
            &Counters::identityVerificationRejected);
    counter("reserva_login_failures_total", "Failed login attempts.", &Counters::loginFailures);
    counter("reserva_refresh_token_reuse_total",
            "Refresh tokens presented again after rotation (the family is revoked).",
            &Counters::refreshTokenReuseDetected);
    counter("reserva_audit_rows_sealed_total", "Audit rows linked into the hash chain.",
            &Counters::auditRowsSealed);
    counter("reserva_webhook_refusals_unrecorded_total",
            "Refused webhook deliveries over the per-minute recording budget: answered as "
            "any refusal, but not stored.",
            &Counters::webhookRefusalsUnrecorded);
    counter("reserva_connections_refused_total",
            "Client connections over the connection cap, answered 503 and closed.",
            &Counters::connectionsRefused);
    registry.add<CallbackFamily>(
        QByteArrayLiteral("reserva_tls_handshakes_total"),
        QByteArrayLiteral("TLS handshakes on the API listener by result."),
        QList<QByteArray>{"result"}, "counter", [] {
            const Counters &c = counters();
            return QList<Sample>{
                {{"ok"}, double(c.tlsHandshakesCompleted.load(std::memory_order_relaxed))},
                {{"failed"}, double(c.tlsHandshakesFailed.load(std::memory_order_relaxed))},
                {{"timed_out"}, double(c.tlsHandshakesTimedOut.load(std::memory_order_relaxed))}};
        });
    registry.add<CallbackFamily>(
        QByteArrayLiteral("reserva_db_pool_connections"),
        QByteArrayLiteral("HTTP workers' database connections (one per worker) by state: "
                          "workers, open, in_use (serving a request)."),
        QList<QByteArray>{"state"}, "gauge", [] {
            Pool &p = pool();
            std::lock_guard guard(p.lock);
            int workers = 0;
            int open = 0;
            int inUse = 0;
            for (const PoolSlot &slot : p.slots) {
                if (!slot.taken.load())
                    continue;
                ++workers;
                open += slot.open.load() ? 1 : 0;
                inUse += slot.inUse.load() ? 1 : 0;
            }
            return QList<Sample>{{{"workers"}, double(workers)},
                                 {{"open"}, double(open)},
                                 {{"in_use"}, double(inUse)}};
        });
}

} // namespace

ServerMetrics::ServerMetrics()
    : httpRequests(registry.add<CounterFamily>(
          QByteArrayLiteral("reserva_http_requests_total"),
          QByteArrayLiteral("API requests answered, by route pattern, method and status."),
          QList<QByteArray>{"route", "method", "status"}))
    , httpDuration(registry.add<HistogramFamily>(
          QByteArrayLiteral("reserva_http_request_duration_seconds"),
          QByteArrayLiteral("API request handling time, by route pattern, method and status "
                            "class."),
          QList<QByteArray>{"route", "method", "status_class"}, kRequestBuckets))
    , webhookOutcomes(registry.add<CounterFamily>(
          QByteArrayLiteral("reserva_webhook_deliveries_total"),
          QByteArrayLiteral("Provider webhook deliveries by provider and outcome (applied, "
                            "duplicate, ignored, stale_state, unknown_intent, rejected_amount, "
                            "rejected_currency, refused, provider_unavailable)."),
          QList<QByteArray>{"provider", "outcome"}))
    , slotLockWait(registry.add<HistogramFamily>(
          QByteArrayLiteral("reserva_slot_lock_wait_seconds"),
          QByteArrayLiteral("Time to obtain a slot row lock (SELECT ... FOR UPDATE)."),
          QList<QByteArray>{}, kLockBuckets))
    , idempotentReplays(registry.add<CounterFamily>(
          QByteArrayLiteral("reserva_idempotent_replays_total"),
          QByteArrayLiteral("Requests answered with the stored response of their "
                            "Idempotency-Key."),
          QList<QByteArray>{}))
{
    addProcessCounters(registry);
}

ServerMetrics &serverMetrics()
{
    static ServerMetrics instance;
    return instance;
}

namespace metrics {

QByteArray methodLabel(QByteArrayView method)
{
    static const QList<QByteArray> kKnown{"GET",   "HEAD",   "POST",   "PUT",
                                          "PATCH", "DELETE", "OPTIONS"};
    for (const QByteArray &known : kKnown) {
        if (method == known)
            return known;
    }
    return QByteArrayLiteral("other");
}

QByteArray statusClass(int status)
{
    return QByteArray::number(qBound(1, status / 100, 5)) + "xx";
}

void recordRequest(const QString &routePattern, QByteArrayView method, int status, qint64 elapsedNs)
{
    ServerMetrics &m = serverMetrics();
    const QByteArray route = routePattern.toUtf8();
    const QByteArray methodText = methodLabel(method);
    m.httpRequests.increment({route, methodText, QByteArray::number(status)});
    m.httpDuration.observe({route, methodText, statusClass(status)}, double(elapsedNs) / 1e9);
}

void setWorkerConnectionOpen(bool open)
{
    tThreadSlot.get().open = open;
}

void setWorkerConnectionInUse(bool inUse)
{
    tThreadSlot.get().inUse = inUse;
}

LockWaitTimer::~LockWaitTimer()
{
    serverMetrics().slotLockWait.observe({}, double(m_timer.nsecsElapsed()) / 1e9);
}

} // namespace metrics

} // namespace reserva
