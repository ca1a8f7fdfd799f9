#pragma once

#include <QDateTime>
#include <QString>

namespace reserva {

class DbConnection;

struct ThrottleRule
{
    int limit = 10; // hits allowed per window
    int windowSeconds = 60;
};

struct ThrottleDecision
{
    bool allowed = true;
    int hits = 0;
    int retryAfterSeconds = 0; // until the current window ends
};

// Fixed-window counters kept in PostgreSQL (throttle_counters), so every
// reservad instance on one database shares them: one atomic upsert per hit,
// outside the caller's transaction (a rejected login must still count).
namespace throttle {

// Counts a hit on `bucket` and says whether it is within the rule.
ThrottleDecision hit(DbConnection &db, const QString &bucket, const ThrottleRule &rule,
                     const QDateTime &now);
// Reads without counting.
ThrottleDecision peek(DbConnection &db, const QString &bucket, const ThrottleRule &rule,
                      const QDateTime &now);
void reset(DbConnection &db, const QString &bucket);
int purgeExpired(DbConnection &db, const QDateTime &olderThan);

// Bucket names never contain the raw username (PII): a hash of it.
QString usernameBucket(const QString &scope, const QString &username);
QString addressBucket(const QString &scope, const QString &address);

} // namespace throttle
} // namespace reserva
