#pragma once

// POST /v1/reservations as a bench drives it: the HTTP requests, and the same
// SQL transaction as a pgbench script (shared by bench_booking and bench_mixed).

#include <QByteArray>
#include <QList>

#include <functional>

namespace reserva::bench {

// Bookings of one seat on random slots of `slotIds`, each request with its own
// Idempotency-Key <keyPrefix>-<connection>-<sequence>.
std::function<QByteArray(int, qint64)> bookingRequests(const QByteArray &bearer,
                                                       const QList<QByteArray> &slotIds,
                                                       const QByteArray &keyPrefix);

// The statements POST /v1/reservations runs, for a random slot of `slotIds`
// (or the one slot), storing `answerBody` as the idempotent answer. Needs the
// pgbench variables :subject and :tenant (-D).
QByteArray bookingPgbenchScript(const QList<QByteArray> &slotIds, const QByteArray &answerBody);

} // namespace reserva::bench
