#include "csvfeedreader.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace reserva::catalogimport {

namespace {

struct Record
{
    int line = 0;
    QStringList fields;
};

const QStringList kRequired{QStringLiteral("product_external_id"), QStringLiteral("name"),
                            QStringLiteral("kind"), QStringLiteral("price"),
                            QStringLiteral("currency")};
const QStringList kOptional{QStringLiteral("transfer_kind"),   QStringLiteral("description"),
                            QStringLiteral("active"),          QStringLiteral("slot_external_id"),
                            QStringLiteral("starts_at_local"), QStringLiteral("starts_at"),
                            QStringLiteral("time_zone"),       QStringLiteral("capacity"),
                            QStringLiteral("duration_minutes")};
// The product's columns: every line of one product must agree on them.
const QStringList kProductColumns{QStringLiteral("name"),          QStringLiteral("kind"),
                                  QStringLiteral("transfer_kind"), QStringLiteral("description"),
                                  QStringLiteral("price"),         QStringLiteral("currency"),
                                  QStringLiteral("active")};

// RFC 4180 records; fills `error` (with its line) on an unterminated quote or
// a quote inside an unquoted field.
QList<Record> splitRecords(const QString &text, QString *error)
{
    QList<Record> records;
    Record current{1, {}};
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    const auto endField = [&] {
        current.fields.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field.append(u'"');
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted) {
                *error = QStringLiteral("line %1: a quote inside an unquoted field").arg(line);
                return {};
            }
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            endField();
            // A blank line separates nothing: skip it.
            if (!(current.fields.size() == 1 && current.fields.first().isEmpty()))
                records.append(current);
            ++line;
            current = {line, {}};
        } else {
            field.append(c);
        }
    }
    if (quoted) {
        *error = QStringLiteral("line %1: a quoted field is not closed").arg(current.line);
        return {};
    }
    endField();
    if (!(current.fields.size() == 1 && current.fields.first().isEmpty()))
        records.append(current);
    return records;
}

std::optional<qint64> number(const QString &text, bool *bad)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,9}\\z"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (!digits.match(t).hasMatch()) {
        *bad = true;
        return std::nullopt;
    }
    return t.toLongLong();
}

} // namespace

Result<QList<RawProduct>> readCsvFeed(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Problem(ProblemType::BadRequest, QStringLiteral("The CSV feed is not UTF-8."));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QString error;
    const QList<Record> records = splitRecords(text, &error);
    if (!error.isEmpty())
        return Problem(ProblemType::BadRequest,
                       QStringLiteral("The CSV feed is malformed: ") + error);
    if (records.isEmpty())
        return Problem(ProblemType::BadRequest, QStringLiteral("The CSV feed has no header line."));

    QHash<QString, int> column;
    const QStringList header = records.first().fields;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (!kRequired.contains(name) && !kOptional.contains(name))
            return Problem::field(QStringLiteral("csv.") + name.left(64),
                                  QStringLiteral("is not a known column"));
        if (column.contains(name))
            return Problem::field(QStringLiteral("csv.") + name, QStringLiteral("appears twice"));
        column.insert(name, i);
    }
    for (const QString &name : kRequired) {
        if (!column.contains(name))
            return Problem::field(QStringLiteral("csv.") + name,
                                  QStringLiteral("is a required column"));
    }

    QList<RawProduct> rows;
    QHash<QString, qsizetype> rowOf;       // product external id -> index in rows
    QHash<QString, QStringList> firstSeen; // product external id -> its product columns
    for (qsizetype r = 1; r < records.size(); ++r) {
        const Record &record = records.at(r);
        const auto value = [&](const QString &name) {
            return record.fields.value(column.value(name, -1));
        };
        RawProduct lineRow;
        lineRow.line = record.line;
        lineRow.externalId = value(QStringLiteral("product_external_id"));
        if (record.fields.size() != header.size()) {
            lineRow.unreadable = {record.line, QStringLiteral("has %1 fields; the header has %2")
                                                   .arg(record.fields.size())
                                                   .arg(header.size())};
        }
        const QString key = lineRow.externalId.trimmed();
        if (lineRow.unreadable || key.isEmpty()) {
            if (!lineRow.unreadable)
                lineRow.unreadable = {record.line,
                                      QStringLiteral("product_external_id: is required")};
            // Joins its product's row when it has one, so the product is
            // refused whole; alone otherwise.
            if (rowOf.contains(key) && !key.isEmpty()) {
                RawProduct &row = rows[rowOf.value(key)];
                if (!row.unreadable)
                    row.unreadable = lineRow.unreadable;
            } else {
                if (!key.isEmpty()) // its product's later lines join it
                    rowOf.insert(key, rows.size());
                rows.append(lineRow);
            }
            continue;
        }
        QStringList productColumns;
        for (const QString &name : kProductColumns)
            productColumns.append(value(name));
        if (!rowOf.contains(key)) {
            RawProduct p = lineRow;
            p.name = value(QStringLiteral("name"));
            p.kind = value(QStringLiteral("kind"));
            p.transferKind = value(QStringLiteral("transfer_kind"));
            p.description = value(QStringLiteral("description"));
            p.price = value(QStringLiteral("price"));
            p.currency = value(QStringLiteral("currency"));
            const QString active = value(QStringLiteral("active")).trimmed().toLower();
            p.active = active != u"false";
            if (!active.isEmpty() && active != u"true" && active != u"false")
                p.unreadable = {record.line, QStringLiteral("active: must be true or false")};
            rowOf.insert(key, rows.size());
            firstSeen.insert(key, productColumns);
            rows.append(p);
        }
        RawProduct &row = rows[rowOf.value(key)];
        if (row.unreadable)
            continue;
        if (firstSeen.value(key) != productColumns) {
            const QStringList first = firstSeen.value(key);
            QString differing;
            for (qsizetype i = 0; i < kProductColumns.size() && differing.isEmpty(); ++i) {
                if (first.at(i) != productColumns.at(i))
                    differing = kProductColumns.at(i);
            }
            row.unreadable = {record.line, QStringLiteral("%1: differs from line %2 of product %3")
                                               .arg(differing)
                                               .arg(row.line)
                                               .arg(key.left(128))};
            continue;
        }
        if (value(QStringLiteral("slot_external_id")).trimmed().isEmpty())
            continue;
        RawSlot slot;
        slot.line = record.line;
        slot.externalId = value(QStringLiteral("slot_external_id"));
        slot.startsAtLocal = value(QStringLiteral("starts_at_local")).trimmed();
        slot.startsAt = value(QStringLiteral("starts_at")).trimmed();
        slot.timeZone = value(QStringLiteral("time_zone")).trimmed();
        bool bad = false;
        slot.capacity = number(value(QStringLiteral("capacity")), &bad);
        if (bad) {
            row.unreadable = {record.line, QStringLiteral("capacity: must be a whole number")};
            continue;
        }
        slot.durationMinutes = number(value(QStringLiteral("duration_minutes")), &bad);
        if (bad) {
            row.unreadable = {record.line,
                              QStringLiteral("duration_minutes: must be a whole number")};
            continue;
        }
        row.slots.append(slot);
    }
    return rows;
}

} // namespace reserva::catalogimport
