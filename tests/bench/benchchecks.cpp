#include "benchchecks.h"

#include <QStringList>
#include <QThread>

namespace reserva::bench {

namespace {

constexpr int kDrainTimeoutMs = 120000;

} // namespace

QString invariantViolations(BenchServer &server)
{
    QStringList broken;
    auto check = [&](const char *what, const QString &sql) {
        const qint64 n = server.queryCount(sql);
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

void auditBacklog(BenchServer &server, qint64 *pending, qint64 *drainMs)
{
    *pending = server.queryCount(QStringLiteral("SELECT count(*) FROM audit_pending"));
    const auto start = Clock::now();
    *drainMs = -1;
    while (Clock::now() - start < std::chrono::milliseconds(kDrainTimeoutMs)) {
        if (server.queryCount(QStringLiteral("SELECT count(*) FROM audit_pending")) == 0) {
            *drainMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            return;
        }
        QThread::msleep(50);
    }
}

} // namespace reserva::bench
