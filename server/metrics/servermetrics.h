#pragma once

#include "metricsregistry.h"

#include <QByteArray>
#include <QElapsedTimer>

namespace reserva {

// The process-wide metric families reservad exports at GET /metrics (on the
// separate --metrics-listen address). Labels are bounded by construction:
// route PATTERNS ("/v1/reservations/{id}", unknown paths "unmatched"), a
// fixed set of methods, status codes, provider and outcome names. Nothing
// identifies a tenant, a customer, a token or a raw path.
struct ServerMetrics
{
    ServerMetrics();
    Q_DISABLE_COPY_MOVE(ServerMetrics)

    MetricsRegistry registry;
    CounterFamily &httpRequests;    // route, method, status
    HistogramFamily &httpDuration;  // route, method, status_class
    CounterFamily &webhookOutcomes; // provider, outcome
    HistogramFamily &slotLockWait;  // (none)
    CounterFamily &idempotentReplays;

    // The whole exposition: these families plus the process-wide counters().
    QByteArray render() const { return registry.render(); }
};

ServerMetrics &serverMetrics();

namespace metrics {

// A method label from a fixed set: a request line can carry any token.
QByteArray methodLabel(QByteArrayView method);
// "2xx", "4xx"...
QByteArray statusClass(int status);

// Records one answered API request.
void recordRequest(const QString &routePattern, QByteArrayView method, int status,
                   qint64 elapsedNs);

// The calling worker thread's database connection, as the pool gauges see
// it. Each HTTP worker owns exactly one connection on its own thread (QtSql
// connections are thread-affine), so "the pool" is one slot per worker
// thread; the slot is released when the thread ends.
void setWorkerConnectionOpen(bool open);
void setWorkerConnectionInUse(bool inUse);

// Times the slot row lock (SELECT ... FOR UPDATE) on the booking path.
class LockWaitTimer
{
public:
    LockWaitTimer() { m_timer.start(); }
    ~LockWaitTimer();
    Q_DISABLE_COPY_MOVE(LockWaitTimer)

private:
    QElapsedTimer m_timer;
};

} // namespace metrics

} // namespace reserva
