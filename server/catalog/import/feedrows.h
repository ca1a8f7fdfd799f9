#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reserva::catalogimport {

// A provider's feed as read, before any domain rule: strings as written,
// numbers parsed. The JSON and CSV readers both produce these, so one
// normalizer applies the same rules to both formats.

struct RawSlot
{
    int line = 0;   // CSV: its line; JSON: its index in the product's "slots"
    QString prefix; // where a reason points: "slots[2]." (JSON) or "" (CSV)
    QString externalId;
    QString startsAtLocal; // wall clock in timeZone
    QString startsAt;      // RFC 3339 with an offset
    QString timeZone;      // CSV: the line's zone; JSON: empty (the product's)
    std::optional<qint64> capacity;
    std::optional<qint64> durationMinutes;
};

struct RawProduct
{
    int line = 0; // CSV: its first line; JSON: its index in "products"
    QString externalId;
    QString name;
    QString kind;
    QString transferKind;
    QString description;
    QString price; // decimal, in the currency's major unit: "123.45"
    QString currency;
    bool active = true;
    QString timeZone;                      // JSON: the product's or the feed's zone
    std::optional<qint64> capacity;        // JSON: default of its slots
    std::optional<qint64> durationMinutes; // JSON: default of its slots
    QList<RawSlot> slots;
    // Set by a reader that could not read the row: {line, reason}.
    std::optional<std::pair<int, QString>> unreadable;
};

// A row that passed every rule: canonical text, minor units, UTC times.
struct FeedSlot
{
    int line = 0;
    QString prefix; // as RawSlot::prefix
    QString externalId;
    QDateTime startsAt; // UTC
    int durationMinutes = 0;
    int capacity = 0;
};

struct FeedProduct
{
    int line = 0;
    QString externalId;
    QString name;
    QString kind;
    QString transferKind;
    QString description;
    qint64 priceMinor = 0;
    QString currency;
    bool active = true;
    QList<FeedSlot> slots;
};

// A row's refusal: the line it points at and why, for a person to fix it.
struct RowRejection
{
    int line = 0;
    QString reason;
};

} // namespace reserva::catalogimport
