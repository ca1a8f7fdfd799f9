#include "timeformat.h"

#include <QRegularExpression>

namespace reserva {

QString toRfc3339(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> fromRfc3339(const QString &text)
{
    // Full date, 'T', time, optional fraction, and a mandatory zone: no
    // local-time guesses at the boundary.
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    QString normalized = text.toUpper();
    // Qt parses at most millisecond fractions: trim longer ones.
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{3})\\d+"));
    normalized.replace(fraction, QStringLiteral(".\\1"));
    const QDateTime t = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    // RFC 3339 years have four digits. An offset can carry a time written in
    // year 0001 or 9999 outside that range in UTC ("0001-01-01T00:00:00+01:00"),
    // which toRfc3339 could then not write back: refused here, at the edge
    // (found by tests/fuzz/fuzz_transferdetail).
    const QDateTime utc = t.toUTC();
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return std::nullopt;
    return utc;
}

} // namespace reserva
