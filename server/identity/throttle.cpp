#include "throttle.h"

#include "crypto/base64url.h"
#include "crypto/digest.h"
#include "db/dbconnection.h"
#include "db/sqlvalues.h"

namespace reserva::throttle {

namespace {

ThrottleDecision decide(int hits, const QDateTime &windowStart, const ThrottleRule &rule,
                        const QDateTime &now)
{
    ThrottleDecision d;
    d.hits = hits;
    d.allowed = hits <= rule.limit;
    d.retryAfterSeconds = int(qMax<qint64>(1, now.secsTo(windowStart.addSecs(rule.windowSeconds))));
    return d;
}

} // namespace

ThrottleDecision hit(DbConnection &db, const QString &bucket, const ThrottleRule &rule,
                     const QDateTime &now)
{
    // One statement, atomic under concurrency: start a new window when the old
    // one is over, else count into it.
    DbRows q = db.exec(
        QStringLiteral(
            "INSERT INTO throttle_counters AS c (bucket, window_start, hits) VALUES (?, ?, 1)"
            " ON CONFLICT (bucket) DO UPDATE SET"
            "  hits = CASE WHEN c.window_start <= ?::timestamptz - make_interval(secs => ?)"
            "              THEN 1 ELSE c.hits + 1 END,"
            "  window_start = CASE WHEN c.window_start <= ?::timestamptz - make_interval(secs => ?)"
            "              THEN EXCLUDED.window_start ELSE c.window_start END"
            " RETURNING hits, window_start"),
        {bucket, sql::time(now), sql::time(now), rule.windowSeconds, sql::time(now),
         rule.windowSeconds},
        "throttle hit");
    q.next();
    return decide(q.value(0).toInt(), sql::toUtc(q.value(1)), rule, now);
}

ThrottleDecision peek(DbConnection &db, const QString &bucket, const ThrottleRule &rule,
                      const QDateTime &now)
{
    DbRows q =
        db.exec(QStringLiteral("SELECT hits, window_start FROM throttle_counters WHERE bucket = ?"
                               " AND window_start > ?::timestamptz - make_interval(secs => ?)"),
                {bucket, sql::time(now), rule.windowSeconds}, "throttle peek");
    if (!q.next())
        return {};
    return decide(q.value(0).toInt(), sql::toUtc(q.value(1)), rule, now);
}

void reset(DbConnection &db, const QString &bucket)
{
    db.exec(QStringLiteral("DELETE FROM throttle_counters WHERE bucket = ?"), {bucket},
            "throttle reset");
}

int purgeExpired(DbConnection &db, const QDateTime &olderThan)
{
    DbRows q = db.exec(QStringLiteral("DELETE FROM throttle_counters WHERE window_start < ?"),
                       {sql::time(olderThan)}, "throttle purge");
    return q.numRowsAffected();
}

QString usernameBucket(const QString &scope, const QString &username)
{
    return scope + QStringLiteral(":user:") +
           QString::fromLatin1(base64UrlEncode(sha256(username.toLower().toUtf8())).left(22));
}

QString addressBucket(const QString &scope, const QString &address)
{
    return scope + QStringLiteral(":addr:") + address;
}

} // namespace reserva::throttle
