#include "idempotency.h"

#include "crypto/digest.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "http/requestcontext.h"
#include "metrics/servermetrics.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIdempotency, "reserva.idempotency")

namespace reserva {

namespace {

// RFC 9110 token-ish: visible ASCII without spaces, at most 255 bytes (the
// IETF draft's and Stripe's limit).
bool isValidKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 255)
        return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

QByteArray requestHash(const HttpRequest &request)
{
    // A JSON object is hashed in canonical form (sorted keys, no whitespace):
    // the same request re-serialized by a client library is the same request.
    QByteArray body = request.body;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        body = doc.toJson(QJsonDocument::Compact);
    return sha256(QByteArray(request.method + '\n' + request.path.toUtf8() + '\n' + body));
}

HttpResponse replay(const DbRows &row)
{
    HttpResponse r = HttpResponse::raw(row.value(1).toInt(), row.value(2).toByteArray(),
                                       row.value(3).toByteArray());
    r.setHeader("Idempotent-Replayed", "true");
    return r;
}

} // namespace

HttpResponse runIdempotent(RequestContext &ctx, const IdempotencySettings &settings,
                           const std::function<HttpResponse()> &work)
{
    const QByteArray key = ctx.request.header("idempotency-key");
    if (key.isEmpty())
        return ctx.problem(Problem(ProblemType::BadRequest,
                                   QStringLiteral("An Idempotency-Key header is required.")));
    if (!isValidKey(key))
        return ctx.problem(Problem(
            ProblemType::BadRequest,
            QStringLiteral("The Idempotency-Key must be 1 to 255 visible ASCII characters.")));
    const QString subject = ctx.caller().subject();
    const QByteArray hash = requestHash(ctx.request);
    DbConnection &db = ctx.db();

    Transaction tx(db);
    bool claimed = false;
    try {
        // Inserts the key, or takes over one past its retention. Against a key
        // another transaction has claimed but not committed, this statement
        // waits for that transaction (bounded by lock_timeout).
        DbRows q = db.exec(
            QStringLiteral(
                "INSERT INTO idempotency_keys (subject, idempotency_key, request_hash, created_at)"
                " VALUES (?, ?, ?, ?)"
                " ON CONFLICT (subject, idempotency_key) DO UPDATE SET"
                "  request_hash = EXCLUDED.request_hash, response_status = NULL,"
                "  response_type = NULL, response_body = NULL, created_at = EXCLUDED.created_at"
                " WHERE idempotency_keys.created_at <= ?"
                " RETURNING 1"),
            {subject, QString::fromLatin1(key), hash, sql::time(ctx.now),
             sql::time(ctx.now.addSecs(-settings.retentionSeconds))},
            "claim idempotency key");
        claimed = q.next();
    } catch (const DatabaseFailure &failure) {
        if (failure.sqlState() != QLatin1String(sqlstate::kLockNotAvailable))
            throw;
        Problem busy(
            ProblemType::IdempotencyKeyInFlight,
            QStringLiteral("The first request with this key has not finished; retry later."));
        busy.retryAfterSeconds = 1;
        return ctx.problem(busy);
    }

    if (!claimed) {
        DbRows row = db.exec(QStringLiteral("SELECT request_hash, response_status, response_type,"
                                            " response_body FROM idempotency_keys"
                                            " WHERE subject = ? AND idempotency_key = ?"),
                             {subject, QString::fromLatin1(key)}, "read idempotency key");
        if (!row.next() || row.value(1).isNull())
            throw DatabaseFailure(QStringLiteral("idempotency key without an answer"), QSqlError());
        if (row.value(0).toByteArray() != hash)
            return ctx.problem(Problem(ProblemType::IdempotencyKeyReused,
                                       QStringLiteral("Use a new key for a different request.")));
        serverMetrics().idempotentReplays.increment({});
        return replay(row);
    }

    const HttpResponse response = work();
    if (response.status >= 500)
        return response; // not stored: the transaction rolls back and a retry may succeed
    db.execDeferred(
        QStringLiteral("UPDATE idempotency_keys SET response_status = ?, response_type = ?,"
                       " response_body = ? WHERE subject = ? AND idempotency_key = ?"),
        {response.status, QString::fromLatin1(response.header("Content-Type")), response.body,
         subject, QString::fromLatin1(key)},
        "store idempotent answer");
    tx.commit();
    return response;
}

namespace idempotencystore {

int purgeExpired(DbConnection &db, const QDateTime &olderThan)
{
    DbRows q = db.exec(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at <= ?"),
                       {sql::time(olderThan)}, "purge idempotency keys");
    return q.numRowsAffected();
}

} // namespace idempotencystore
} // namespace reserva
