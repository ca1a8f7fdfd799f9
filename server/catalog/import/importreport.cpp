#include "importreport.h"

#include <QJsonArray>

namespace reserva::catalogimport {

namespace {

QJsonValue idOrNull(const QUuid &id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(id.toString(QUuid::WithoutBraces));
}

const QStringList kRowActions{QStringLiteral("created"), QStringLiteral("updated"),
                              QStringLiteral("unchanged"), QStringLiteral("rejected")};
const QStringList kSlotActions{QStringLiteral("created"), QStringLiteral("updated"),
                               QStringLiteral("unchanged"), QStringLiteral("skipped")};

} // namespace

int ImportReport::countRows(const QString &action) const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [&](const RowOutcome &r) { return r.action == action; }));
}

int ImportReport::countSlots(const QString &action) const
{
    int n = 0;
    for (const RowOutcome &r : rows) {
        n += int(std::count_if(r.slots.cbegin(), r.slots.cend(),
                               [&](const SlotOutcome &s) { return s.action == action; }));
    }
    return n;
}

QJsonObject ImportReport::countsJson() const
{
    QJsonObject counts;
    for (const QString &action : kRowActions)
        counts.insert(action, countRows(action));
    QJsonObject slotCounts;
    for (const QString &action : kSlotActions)
        slotCounts.insert(action, countSlots(action));
    counts.insert(QStringLiteral("slots"), slotCounts);
    return counts;
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray rowItems;
    for (const RowOutcome &r : rows) {
        QJsonObject row{{QStringLiteral("line"), r.line},
                        {QStringLiteral("external_id"), r.externalId},
                        {QStringLiteral("action"), r.action},
                        {QStringLiteral("product_id"), idOrNull(r.productId)}};
        if (r.action == u"rejected") {
            row.insert(QStringLiteral("reason"), r.reason);
        } else {
            QJsonArray slotItems;
            for (const SlotOutcome &s : r.slots) {
                QJsonObject slot{{QStringLiteral("line"), s.line},
                                 {QStringLiteral("external_id"), s.externalId},
                                 {QStringLiteral("action"), s.action},
                                 {QStringLiteral("slot_id"), idOrNull(s.slotId)}};
                if (!s.reason.isEmpty())
                    slot.insert(QStringLiteral("reason"), s.reason);
                slotItems.append(slot);
            }
            row.insert(QStringLiteral("slots"), slotItems);
        }
        rowItems.append(row);
    }
    QJsonObject out = countsJson();
    out.insert(QStringLiteral("provider"), provider);
    out.insert(QStringLiteral("tenant_id"), idOrNull(tenantId));
    out.insert(QStringLiteral("format"), format);
    out.insert(QStringLiteral("dry_run"), dryRun);
    out.insert(QStringLiteral("rows"), rowItems);
    return out;
}

QString ImportReport::toText() const
{
    QString out;
    if (dryRun)
        out += QStringLiteral("dry run: nothing was written\n");
    for (const RowOutcome &r : rows) {
        out += QStringLiteral("line %1 %2: %3").arg(r.line).arg(r.externalId, r.action);
        if (r.action == u"rejected") {
            out += QStringLiteral(": ") + r.reason;
        } else if (!r.slots.isEmpty()) {
            QStringList parts;
            for (const QString &action : kSlotActions) {
                const auto n =
                    std::count_if(r.slots.cbegin(), r.slots.cend(),
                                  [&](const SlotOutcome &s) { return s.action == action; });
                if (n > 0)
                    parts << QStringLiteral("%1 %2").arg(n).arg(action);
            }
            out += QStringLiteral(" (slots: ") + parts.join(QStringLiteral(", ")) + u')';
        }
        out += u'\n';
    }
    out += QStringLiteral("products: %1 created, %2 updated, %3 unchanged, %4 rejected; "
                          "slots: %5 created, %6 updated, %7 unchanged, %8 skipped\n")
               .arg(countRows(kRowActions[0]))
               .arg(countRows(kRowActions[1]))
               .arg(countRows(kRowActions[2]))
               .arg(countRows(kRowActions[3]))
               .arg(countSlots(kSlotActions[0]))
               .arg(countSlots(kSlotActions[1]))
               .arg(countSlots(kSlotActions[2]))
               .arg(countSlots(kSlotActions[3]));
    return out;
}

} // namespace reserva::catalogimport
