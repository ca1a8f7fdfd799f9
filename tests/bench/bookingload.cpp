#include "bookingload.h"

#include "benchsupport.h"

#include <memory>
#include <random>

namespace reserva::bench {

std::function<QByteArray(int, qint64)> bookingRequests(const QByteArray &bearer,
                                                       const QList<QByteArray> &slotIds,
                                                       const QByteArray &keyPrefix)
{
    auto random = std::make_shared<std::mt19937>(std::random_device{}());
    return [=](int connection, qint64 sequence) {
        const QByteArray &slot = slotIds.at(qsizetype((*random)() % quint32(slotIds.size())));
        const QByteArray body =
            R"({"slot_id":")" + slot +
            R"(","quantity":1,"customer":{"name":"Bench Customer",)"
            R"("email":"bench.customer@example.com","phone":"+54 11 5555 0000"}})";
        return QByteArray(
            "POST /v1/reservations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Authorization: Bearer " +
            bearer + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + keyPrefix + '-' +
            QByteArray::number(connection) + '-' + QByteArray::number(sequence) +
            "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    };
}

// ---------------------------------------------------------------------------
// The pgbench script: the statements POST /v1/reservations runs (see
// idempotency.cpp, reservationservice.cpp and the stores), in the same order,
// with the same parameters bound as pgbench variables (-M prepared binds them
// as $n like QtSql's prepared statements). What differs, and why it does not
// favour pgbench:
// - times come from now() instead of a bound parameter (the server's clock);
// - the request hash and the stored answer are constants of the real sizes
//   (the server computes them in C++, not in the database);
// - the capacity check runs in the server only (no slot sells out here); the
//   "expire due holds" UPDATE runs in both only when the locking statement
//   says the slot has due holds (\if in pgbench): holds last 15 min, so it
//   never does here;
// - the random mix picks its slot from a constant array subscripted by a
//   random index, inside the locking statement (no extra round trip);
// - what reservad pipelines, pgbench pipelines too (\startpipeline): BEGIN
//   with the key's claim, and the deferred statements (the reservation's
//   insert among them) with the COMMIT. Both make 3 round trips.
QByteArray bookingPgbenchScript(const QList<QByteArray> &slotIds, const QByteArray &answerBody)
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
    const QByteArray id = pgbenchTimeOrderedId(":client_id::text || '-' || :k::text");
    return prelude +
           // BEGIN rides with the first statement, as in DbConnection.
           "\\startpipeline\n"
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
           "\\endpipeline\n"
           // slotstore::lockForUpdate (the tenant scope bound twice, as the server does).
           "SELECT s.id AS slot_id, s.tenant_id, s.product_id, s.starts_at, s.duration_minutes,"
           " s.capacity, s.seats_taken, p.price_minor, p.currency, p.active, p.kind,"
           " p.transfer_kind, COALESCE((SELECT min(r.hold_expires_at) FROM reservations r"
           "   WHERE r.slot_id = s.id AND r.status = 'pending_payment') <= now(), false)"
           " AS due_holds"
           " FROM slots s JOIN products p ON p.id = s.product_id"
           " WHERE s.id = " +
           slotExpr +
           " AND (:tenant::uuid IS NULL OR s.tenant_id = :tenant::uuid)"
           " FOR UPDATE OF s \\gset\n"
           // reservationstore::expireDueHolds, when the lock saw due holds
           "\\if :due_holds\n"
           "UPDATE reservations SET status = 'expired', updated_at = now()"
           " WHERE slot_id = :slot_id::uuid AND status = 'pending_payment'"
           " AND hold_expires_at <= now() RETURNING id, quantity;\n"
           "\\endif\n"
           // Deferred (execDeferred): sent together with the COMMIT.
           "\\startpipeline\n"
           // reservationstore::insert: the id is made by the client, time-
           // ordered (reservad: uuidV7; here the same layout computed in SQL,
           // which costs pgbench, not us).
           "INSERT INTO reservations (id, tenant_id, slot_id, product_id, quantity,"
           " customer_name, customer_email, customer_phone, status, unit_price_minor,"
           " discount_minor, amount_minor, currency, trf_detail, hold_expires_at, created_by,"
           " created_at, updated_at)"
           " VALUES (" +
           id +
           ", :tenant_id::uuid, :slot_id::uuid, :product_id::uuid, 1, 'Bench Customer',"
           " 'bench.customer@example.com', '+54 11 5555 0000', 'pending_payment', :price_minor,"
           " 0, :price_minor, :currency, NULL::jsonb, now() + interval '15 minutes', :subject,"
           " now(), now());\n"
           // slotstore::addSeats
           "UPDATE slots SET seats_taken = seats_taken + 1, updated_at = now()"
           " WHERE id = :slot_id::uuid;\n"
           // appendAudit (the audit_log_enqueue trigger fills audit_pending)
           "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
           " request_id, detail) VALUES (now(), :subject, :tenant_id::uuid, 'reservation.create',"
           " 'reservation:' || " +
           id +
           "::text, 'success', gen_random_uuid()::text,"
           " ('{\"amount_minor\":' || :price_minor::text || ',\"currency\":\"' || :currency::text"
           " || '\",\"quantity\":1,\"slot_id\":\"' || :slot_id::text || '\"}')::jsonb);\n"
           // idempotency.cpp: store the answer.
           "UPDATE idempotency_keys SET response_status = 201, response_type = 'application/json',"
           " response_body = '\\x" +
           answerBody.toHex() + "'::bytea WHERE subject = :subject AND idempotency_key = " + key +
           ";\n"
           "COMMIT;\n"
           "\\endpipeline\n";
}

} // namespace reserva::bench
