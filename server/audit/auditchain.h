#pragma once

#include "db/dbrows.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace reserva {

class DbConnection;

// The hash chain over audit rows. Link n stores
//   hash_n = SHA-256(hash_{n-1} || field_1 || ... || field_k)
// where each field is a 4-byte big-endian length and its UTF-8 bytes (NULL is
// length 0xFFFFFFFF), over: id, occurred_at (microseconds, UTC), actor,
// tenant_id, action, resource, outcome, request_id, detail (jsonb text, which
// PostgreSQL normalizes). hash_0 is 32 zero bytes. Changing, removing or
// reordering any row breaks every later link.
namespace auditchain {

// The canonical projection of audit_log `a` for hashing, used by sealer and
// verifier alike (the columns chainHash expects, in order).
QString canonicalColumns();
// Reads the canonical fields starting at column `first`.
QByteArray chainHash(const QByteArray &previousHash, const DbRows &row, int first);

// Links newly committed audit rows into the chain, oldest first. One sealer
// at a time across every instance (a transaction-scoped advisory lock; a
// second caller returns 0 at once). Returns the number of rows sealed.
int sealPending(DbConnection &db, int maxRows = 1000);

struct Report
{
    bool intact = true;
    qint64 checked = 0;  // links verified
    qint64 unsealed = 0; // rows committed but not chained yet
    std::optional<qint64> brokenPosition;
    std::optional<qint64> brokenAuditId;
    // The broken row's occurred_at as it reads now (RFC 3339), when it exists.
    QString brokenOccurredAt;
    // What is wrong, for programs (a reader translates it): link_missing,
    // link_mismatch, row_gone, row_changed or row_unchained.
    QString kind;
    QString reason;

    QJsonObject toJson() const;
};

// Walks the whole chain and reports the first broken link, if any: a row
// whose content no longer matches its hash, a link whose previous hash does
// not match, a gap in positions, a chained row that is gone, or an audit row
// that is in neither the chain nor the sealer's queue.
Report verify(DbConnection &db);

} // namespace auditchain
} // namespace reserva
