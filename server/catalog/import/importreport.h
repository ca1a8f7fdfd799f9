#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace reserva::catalogimport {

// What an import did (or, in a dry run, would do), row by row.
struct SlotOutcome
{
    int line = 0; // CSV: its line; JSON: its index in the product's "slots"
    QString externalId;
    QString action; // created | updated | unchanged | skipped
    QUuid slotId;   // null for a slot a dry run would create
    QString reason; // skipped: why
};

struct RowOutcome
{
    int line = 0; // CSV: the line at fault (or the product's first); JSON: index in "products"
    QString externalId;
    QString action;  // created | updated | unchanged | rejected
    QUuid productId; // null when rejected, or created by a dry run
    QString reason;  // rejected: why
    QList<SlotOutcome> slots;
};

struct ImportReport
{
    QString provider;
    QUuid tenantId;
    QString format; // json | csv
    bool dryRun = false;
    QList<RowOutcome> rows;

    int countRows(const QString &action) const;
    int countSlots(const QString &action) const;
    bool allAccepted() const { return countRows(QStringLiteral("rejected")) == 0; }
    // {"provider", "tenant_id", "format", "dry_run", "created", "updated",
    //  "unchanged", "rejected", "slots": {"created", "updated", "unchanged",
    //  "skipped"}, "rows": [...]}
    QJsonObject toJson() const;
    // The counts alone (the summary audit row).
    QJsonObject countsJson() const;
    // One line per row, then the counts: for a person at a terminal.
    QString toText() const;
};

} // namespace reserva::catalogimport
