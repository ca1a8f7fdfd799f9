#include "catalogimporter.h"

#include "audit/auditlog.h"
#include "booking/reservationservice.h"
#include "catalog/slotstore.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/transaction.h"
#include "feednormalizer.h"
#include "importstore.h"

#include <QHash>
#include <QRegularExpression>

namespace reserva::catalogimport {

namespace {

const QString kCreated = QStringLiteral("created");
const QString kUpdated = QStringLiteral("updated");
const QString kUnchanged = QStringLiteral("unchanged");
const QString kRejected = QStringLiteral("rejected");
const QString kSkipped = QStringLiteral("skipped");

RowOutcome rejection(int line, const QString &externalId, const QString &reason)
{
    RowOutcome r;
    r.line = line;
    r.externalId = externalId;
    r.action = kRejected;
    r.reason = reason;
    return r;
}

bool sameProduct(const ProductView &current, const FeedProduct &feed)
{
    return current.name == feed.name && current.kind == feed.kind &&
           current.transferKind == feed.transferKind && current.description == feed.description &&
           current.priceMinor == feed.priceMinor && current.currency == feed.currency &&
           current.active == feed.active;
}

// A slot-level reason points at the slot's line in CSV, at the product's
// index (with "slots[i]." in the reason) in JSON.
RowOutcome slotRejection(const FeedProduct &p, const FeedSlot &s, const QString &reason)
{
    return rejection(s.prefix.isEmpty() ? s.line : p.line, p.externalId, s.prefix + reason);
}

} // namespace

QString canonicalProvider(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}\\z"));
    const QString canonical = name.trimmed().toLower();
    return pattern.match(canonical).hasMatch() ? canonical : QString();
}

CatalogImporter::CatalogImporter(ReservationService &reservations, const Clock &clock)
    : m_reservations(reservations)
    , m_clock(clock)
{
}

ImportReport CatalogImporter::run(DbConnection &db, const ImportRequest &request,
                                  const QList<RawProduct> &rows)
{
    const QDateTime now = m_clock.now();
    ImportReport report;
    report.provider = request.provider;
    report.tenantId = request.tenantId;
    report.format = request.format;
    report.dryRun = request.dryRun;
    // A feed names each product and each slot once; a second mention is a
    // mistake in the feed, not an update, so it is refused, not merged.
    QHash<QString, int> productLines;
    QHash<QString, QString> slotOwners;
    for (const RawProduct &raw : rows) {
        auto normalized = normalizeProduct(raw);
        if (const auto *no = std::get_if<RowRejection>(&normalized)) {
            report.rows.append(rejection(no->line, canonicalText(raw.externalId), no->reason));
            continue;
        }
        const FeedProduct &product = std::get<FeedProduct>(normalized);
        if (productLines.contains(product.externalId)) {
            report.rows.append(rejection(
                product.line, product.externalId,
                QStringLiteral("external_id: %1 appears twice in the feed (first at line %2)")
                    .arg(product.externalId)
                    .arg(productLines.value(product.externalId))));
            continue;
        }
        productLines.insert(product.externalId, product.line);
        QString duplicateSlot;
        const FeedSlot *duplicate = nullptr;
        for (const FeedSlot &s : product.slots) {
            if (slotOwners.contains(s.externalId)) {
                duplicate = &s;
                duplicateSlot = slotOwners.value(s.externalId);
                break;
            }
            slotOwners.insert(s.externalId, product.externalId);
        }
        if (duplicate) {
            report.rows.append(slotRejection(
                product, *duplicate,
                QStringLiteral("external_id: slot %1 appears twice in the feed (also in product "
                               "%2)")
                    .arg(duplicate->externalId, duplicateSlot)));
            continue;
        }
        report.rows.append(importRowOrReject(db, request, product, now));
    }
    if (!request.dryRun) {
        // The run itself: its counts, after the rows it counts have committed.
        Transaction tx(db);
        AuditEvent event;
        event.action = QStringLiteral("catalog.import");
        event.actor = request.actor;
        event.tenantId = request.tenantId;
        event.resource =
            QStringLiteral("tenant:") + request.tenantId.toString(QUuid::WithoutBraces);
        event.requestId = request.requestId;
        event.outcome = report.allAccepted() ? AuditOutcome::Success : AuditOutcome::Failure;
        event.detail = report.countsJson();
        event.detail.insert(QStringLiteral("provider"), request.provider);
        event.detail.insert(QStringLiteral("format"), request.format);
        appendAudit(db, event, now);
        tx.commit();
    }
    return report;
}

RowOutcome CatalogImporter::importRowOrReject(DbConnection &db, const ImportRequest &request,
                                              const FeedProduct &product, const QDateTime &now)
{
    try {
        return importRow(db, request, product, now);
    } catch (const DatabaseFailure &failure) {
        // A lost connection ends the import; a refused row is that row's
        // rejection (its transaction rolled back), the detail in the log only.
        if (failure.isTransient())
            throw;
        qWarning("catalog import %s row %d refused by the database: %s",
                 qPrintable(request.requestId), product.line, failure.what());
        if (failure.sqlState() == QLatin1String(sqlstate::kUniqueViolation))
            return rejection(product.line, product.externalId,
                             QStringLiteral("another import changed this product at the same "
                                            "time; import again"));
        return rejection(product.line, product.externalId,
                         QStringLiteral("the database refused the row"));
    }
}

RowOutcome CatalogImporter::importRow(DbConnection &db, const ImportRequest &request,
                                      const FeedProduct &p, const QDateTime &now)
{
    RowOutcome out;
    out.line = p.line;
    out.externalId = p.externalId;
    Transaction tx(db);
    const auto existing =
        importstore::lockProduct(db, request.tenantId, request.provider, p.externalId);
    ProductView product;
    bool changed = false;
    if (!existing) {
        product = importstore::createProduct(db, request.tenantId, request.provider, p, now);
        out.action = kCreated;
    } else {
        product = *existing;
        if (!sameProduct(product, p)) {
            importstore::updateProduct(db, product.id, p, now);
            changed = true;
        }
    }
    for (const FeedSlot &s : p.slots) {
        SlotOutcome slot;
        slot.line = s.line;
        slot.externalId = s.externalId;
        const auto found =
            importstore::findSlot(db, request.tenantId, request.provider, s.externalId);
        if (found && found->productId != product.id)
            return slotRejection(p, s,
                                 QStringLiteral("external_id: slot %1 belongs to another product")
                                     .arg(s.externalId));
        if (!found) {
            if (s.startsAt <= now) {
                slot.action = kSkipped;
                slot.reason = QStringLiteral("starts in the past");
            } else {
                slot.slotId = importstore::createSlot(db, product, request.provider, s, now);
                slot.action = kCreated;
            }
            out.slots.append(slot);
            continue;
        }
        slot.slotId = found->id;
        // Capacity changes only under the slot's row lock, after its due
        // holds gave their seats back (invariant 4), as PATCH /v1/slots does.
        auto locked = slotstore::lockForUpdate(db, found->id, {}, now);
        if (m_reservations.releaseDueHoldsOfLockedSlot(db, *locked, request.requestId) > 0)
            locked = slotstore::lockForUpdate(db, found->id, {}, now);
        if (locked->startsAt <= now || s.startsAt <= now) {
            slot.action = kSkipped;
            slot.reason = locked->startsAt <= now ? QStringLiteral("already started")
                                                  : QStringLiteral("starts in the past");
        } else if (locked->startsAt == s.startsAt && locked->durationMinutes == s.durationMinutes &&
                   locked->capacity == s.capacity) {
            slot.action = kUnchanged;
        } else if (s.capacity < locked->seatsTaken) {
            return slotRejection(p, s,
                                 QStringLiteral("capacity: %1 is below the %2 seat(s) already "
                                                "held or sold")
                                     .arg(s.capacity)
                                     .arg(locked->seatsTaken));
        } else {
            SlotChanges changes;
            changes.capacity = s.capacity;
            changes.startsAt = s.startsAt;
            changes.durationMinutes = s.durationMinutes;
            slotstore::applyChanges(db, found->id, changes, now);
            slot.action = kUpdated;
        }
        out.slots.append(slot);
    }
    const bool slotsChanged = std::any_of(out.slots.cbegin(), out.slots.cend(), [](const auto &s) {
        return s.action == kCreated || s.action == kUpdated;
    });
    if (out.action.isEmpty())
        out.action = changed || slotsChanged ? kUpdated : kUnchanged;
    out.productId = product.id;
    if (out.action != kUnchanged) {
        AuditEvent event;
        event.action = QStringLiteral("catalog.import.row");
        event.actor = request.actor;
        event.tenantId = request.tenantId;
        event.resource = QStringLiteral("product:") + product.id.toString(QUuid::WithoutBraces);
        event.requestId = request.requestId;
        event.detail = {{QStringLiteral("provider"), request.provider},
                        {QStringLiteral("external_id"), p.externalId},
                        {QStringLiteral("action"), out.action},
                        {QStringLiteral("slots_created"),
                         int(std::count_if(out.slots.cbegin(), out.slots.cend(),
                                           [](const auto &s) { return s.action == kCreated; }))},
                        {QStringLiteral("slots_updated"),
                         int(std::count_if(out.slots.cbegin(), out.slots.cend(),
                                           [](const auto &s) { return s.action == kUpdated; }))}};
        appendAudit(db, event, now);
    }
    if (request.dryRun) {
        tx.rollback();
        // What a dry run created does not exist: no id to show.
        if (out.action == kCreated)
            out.productId = QUuid();
        for (SlotOutcome &s : out.slots) {
            if (s.action == kCreated)
                s.slotId = QUuid();
        }
    } else {
        tx.commit();
    }
    return out;
}

} // namespace reserva::catalogimport
