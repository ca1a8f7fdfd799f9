#pragma once

#include "http/httpresponse.h"

#include <QDateTime>

#include <functional>

namespace reserva {

class DbConnection;
class RequestContext;

struct IdempotencySettings
{
    int retentionSeconds = 24 * 3600;
};

// Runs a creating POST at most once per (client, Idempotency-Key) (invariant 5):
// - the key is scoped to the caller's token subject and stored with a SHA-256
//   of the request (method, path, canonical JSON body);
// - it is claimed as the first statement of the request's own transaction, and
//   `work` runs in that same transaction, so the answer is stored if and only
//   if the work commits;
// - a repeat returns the first status and body byte for byte (error answers
//   too), marked Idempotent-Replayed: true;
// - the same key with another request: 422;
// - a repeat while the first is still in flight waits for it (up to the lock
//   timeout) and replays its answer, or gets 409 if it is still running then;
// - 5xx answers and failures are not stored: the client may retry;
// - a missing or malformed Idempotency-Key header: 400.
// Keys older than the retention are forgotten (and purged by a sweeper).
HttpResponse runIdempotent(RequestContext &ctx, const IdempotencySettings &settings,
                           const std::function<HttpResponse()> &work);

namespace idempotencystore {
int purgeExpired(DbConnection &db, const QDateTime &olderThan);
}

} // namespace reserva
