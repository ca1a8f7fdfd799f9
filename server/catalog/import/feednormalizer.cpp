#include "feednormalizer.h"

#include "contract/timeformat.h"
#include "contract/transferdetail.h"
#include "domain/currency.h"
#include "domain/localtime.h"
#include "domain/money.h"

#include <QTimeZone>

namespace reserva::catalogimport {

namespace {

constexpr qint64 kMaxPriceMinor = 1000000000000LL;
constexpr qint64 kMaxCapacity = 100000;
constexpr qint64 kMaxDurationMinutes = 10080;

const QStringList kKinds{QStringLiteral("tour"), QStringLiteral("excursion"),
                         QStringLiteral("transfer"), QStringLiteral("package")};

bool hasControlCharacters(const QString &text, bool allowNewlines)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && !(allowNewlines && (c == u'\n' || c == u'\t')))
            return true;
    }
    return false;
}

// Each check returns the reason for a person, empty when it passes.
QString checkText(const QString &field, const QString &value, qsizetype minLength,
                  qsizetype maxLength, bool allowNewlines = false)
{
    if (value.size() < minLength)
        return field + QStringLiteral(": is required");
    if (value.size() > maxLength)
        return field + QStringLiteral(": must be at most %1 characters").arg(maxLength);
    if (hasControlCharacters(value, allowNewlines))
        return field + QStringLiteral(": must not contain control characters");
    return {};
}

QString checkCount(const QString &field, const std::optional<qint64> &value, qint64 min, qint64 max)
{
    if (!value)
        return field + QStringLiteral(": is required");
    if (*value < min || *value > max)
        return field + QStringLiteral(": must be between %1 and %2").arg(min).arg(max);
    return {};
}

std::variant<QDateTime, QString> slotStart(const RawSlot &raw, const QString &productZone)
{
    const QString p = raw.prefix;
    if (raw.startsAt.isEmpty() == raw.startsAtLocal.isEmpty())
        return p + QStringLiteral("starts_at_local: give either starts_at_local (with a time "
                                  "zone) or starts_at (with an offset)");
    if (!raw.startsAt.isEmpty()) {
        const auto t = fromRfc3339(raw.startsAt);
        if (!t)
            return p + QStringLiteral("starts_at: \"%1\" is not an RFC 3339 time with an offset")
                           .arg(raw.startsAt.left(40));
        return *t;
    }
    QDate date;
    QTime time;
    if (!localtime::parseWallClock(raw.startsAtLocal, &date, &time))
        return p + QStringLiteral("starts_at_local: \"%1\" is not a local time such as "
                                  "2026-04-04T23:30:00 (no offset)")
                       .arg(raw.startsAtLocal.left(40));
    const QString zoneId = raw.timeZone.isEmpty() ? productZone : raw.timeZone;
    if (zoneId.isEmpty())
        return p + QStringLiteral("time_zone: is required for starts_at_local");
    const QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid())
        return p +
               QStringLiteral("time_zone: \"%1\" is not an IANA time zone").arg(zoneId.left(64));
    const localtime::ResolvedTime resolved = localtime::toUtc(date, time, zone);
    const QString reading = raw.startsAtLocal;
    switch (resolved.resolution) {
    case localtime::Resolution::Ambiguous:
        return p + QStringLiteral("starts_at_local: %1 happens twice in %2 (the clocks go back); "
                                  "give starts_at with an offset")
                       .arg(reading, zoneId);
    case localtime::Resolution::Nonexistent:
        return p + QStringLiteral("starts_at_local: %1 does not exist in %2 (the clocks go "
                                  "forward); give starts_at with an offset")
                       .arg(reading, zoneId);
    case localtime::Resolution::Unique:
        break;
    }
    return resolved.utc;
}

std::variant<FeedSlot, QString> normalizeSlot(const RawSlot &raw, const RawProduct &product)
{
    FeedSlot s;
    s.line = raw.line;
    s.prefix = raw.prefix;
    s.externalId = canonicalText(raw.externalId);
    QString reason = checkText(raw.prefix + QStringLiteral("external_id"), s.externalId, 1, 128);
    if (reason.isEmpty())
        reason = checkCount(raw.prefix + QStringLiteral("capacity"),
                            raw.capacity ? raw.capacity : product.capacity, 0, kMaxCapacity);
    if (reason.isEmpty())
        reason = checkCount(raw.prefix + QStringLiteral("duration_minutes"),
                            raw.durationMinutes ? raw.durationMinutes : product.durationMinutes, 1,
                            kMaxDurationMinutes);
    if (!reason.isEmpty())
        return reason;
    s.capacity = int(raw.capacity.value_or(product.capacity.value_or(0)));
    s.durationMinutes = int(raw.durationMinutes.value_or(product.durationMinutes.value_or(0)));
    auto start = slotStart(raw, product.timeZone);
    if (auto *why = std::get_if<QString>(&start))
        return *why;
    s.startsAt = std::get<QDateTime>(start);
    return s;
}

QString normalizeFields(const RawProduct &raw, FeedProduct &p)
{
    p.externalId = canonicalText(raw.externalId);
    p.name = canonicalText(raw.name);
    p.kind = raw.kind.trimmed().toLower();
    p.transferKind = raw.transferKind.trimmed().toLower();
    // CSV fields spanning lines carry the file's CRLF: one newline form.
    p.description = QString(raw.description)
                        .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
                        .normalized(QString::NormalizationForm_C)
                        .trimmed();
    p.currency = raw.currency.trimmed().toUpper();
    p.active = raw.active;
    QString reason = checkText(QStringLiteral("external_id"), p.externalId, 1, 128);
    if (reason.isEmpty())
        reason = checkText(QStringLiteral("name"), p.name, 1, 200);
    if (reason.isEmpty())
        reason = checkText(QStringLiteral("description"), p.description, 0, 4000, true);
    if (!reason.isEmpty())
        return reason;
    if (!kKinds.contains(p.kind))
        return QStringLiteral("kind: \"%1\" is not tour, excursion, transfer or package")
            .arg(raw.kind.left(32));
    if (p.kind == u"transfer" && p.transferKind.isEmpty())
        return QStringLiteral("transfer_kind: is required for a transfer");
    if (p.kind != u"transfer" && !p.transferKind.isEmpty())
        return QStringLiteral("transfer_kind: is only for transfer products");
    if (!p.transferKind.isEmpty() && !transferkind::isKnown(p.transferKind))
        return QStringLiteral("transfer_kind: \"%1\" is not airport_pickup, hotel_to_hotel or "
                              "port_transfer")
            .arg(raw.transferKind.left(32));
    const auto exponent = currency::exponent(p.currency);
    if (!exponent)
        return QStringLiteral("currency: \"%1\" is not a supported currency")
            .arg(raw.currency.left(16));
    const auto minor = money::parseDecimal(raw.price, *exponent);
    if (!minor || *minor > kMaxPriceMinor)
        return QStringLiteral("price: \"%1\" is not an amount in %2 (%3)")
            .arg(raw.price.left(32), p.currency,
                 *exponent == 0 ? QStringLiteral("whole units, no decimals")
                                : QStringLiteral("at most %1 decimals").arg(*exponent));
    p.priceMinor = *minor;
    return {};
}

} // namespace

QString canonicalText(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).simplified();
}

std::variant<FeedProduct, RowRejection> normalizeProduct(const RawProduct &raw)
{
    if (raw.unreadable)
        return RowRejection{raw.unreadable->first, raw.unreadable->second};
    FeedProduct p;
    p.line = raw.line;
    if (const QString reason = normalizeFields(raw, p); !reason.isEmpty())
        return RowRejection{raw.line, reason};
    for (const RawSlot &rawSlot : raw.slots) {
        auto slot = normalizeSlot(rawSlot, raw);
        if (auto *why = std::get_if<QString>(&slot))
            return RowRejection{rawSlot.prefix.isEmpty() ? rawSlot.line : raw.line, *why};
        p.slots.append(std::get<FeedSlot>(slot));
    }
    return p;
}

} // namespace reserva::catalogimport
