#pragma once

#include "core/clock.h"
#include "feedrows.h"
#include "importreport.h"

namespace reserva {
class DbConnection;
class ReservationService;
} // namespace reserva

namespace reserva::catalogimport {

struct ImportRequest
{
    QUuid tenantId;
    QString provider; // canonical: lower-case
    QString format;   // json | csv
    bool dryRun = false;
    QString actor;     // audit: the caller's subject, or "cli"
    QString requestId; // audit: the HTTP request, if any
};

// Imports read feed rows into a tenant's catalog. Each row (a product and its
// slots) is its own transaction: it commits whole or is rejected whole, and
// its audit row commits with it; then one summary audit row records the run.
// A dry run executes every row exactly the same way and rolls each back, so
// its report is what the import would do and nothing is written.
class CatalogImporter
{
public:
    CatalogImporter(ReservationService &reservations, const Clock &clock);

    ImportReport run(DbConnection &db, const ImportRequest &request, const QList<RawProduct> &rows);

private:
    RowOutcome importRow(DbConnection &db, const ImportRequest &request, const FeedProduct &product,
                         const QDateTime &now);
    RowOutcome importRowOrReject(DbConnection &db, const ImportRequest &request,
                                 const FeedProduct &product, const QDateTime &now);

    ReservationService &m_reservations;
    const Clock &m_clock;
};

// "provider names": lower-case letters, digits, '.', '_', '-'; 1 to 64, a
// letter or digit first. Returns the canonical (lower-case) name, or empty.
QString canonicalProvider(const QString &name);

} // namespace reserva::catalogimport
