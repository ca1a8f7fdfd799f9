#include "timeformat.h"

#include <QRegularExpression>

namespace reserva {

namespace {

constexpr qint64 kMsPerDay = 86400000;

char *putDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

QString toRfc3339(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    // The same text as toUTC().toString(Qt::ISODateWithMs), written from the
    // epoch milliseconds: QDateTime::toString goes through QLocale and
    // QCalendar and was a tenth of the server's time on an availability
    // answer (24 departures). tst_timeformat holds the two to the same output.
    const qint64 ms = t.toMSecsSinceEpoch();
    qint64 day = ms / kMsPerDay;
    qint64 msOfDay = ms % kMsPerDay;
    if (msOfDay < 0) {
        msOfDay += kMsPerDay;
        --day;
    }
    int year = 0;
    int month = 0;
    int dayOfMonth = 0;
    QDate(1970, 1, 1).addDays(day).getDate(&year, &month, &dayOfMonth);
    if (year < 1 || year > 9999)
        return t.toUTC().toString(Qt::ISODateWithMs); // outside what we ever send
    const int msInDay = int(msOfDay);
    char text[24];
    char *p = putDigits(text, year, 4);
    *p++ = '-';
    p = putDigits(p, month, 2);
    *p++ = '-';
    p = putDigits(p, dayOfMonth, 2);
    *p++ = 'T';
    p = putDigits(p, msInDay / 3600000, 2);
    *p++ = ':';
    p = putDigits(p, msInDay / 60000 % 60, 2);
    *p++ = ':';
    p = putDigits(p, msInDay / 1000 % 60, 2);
    *p++ = '.';
    p = putDigits(p, msInDay % 1000, 3);
    *p++ = 'Z';
    return QString::fromLatin1(text, p - text);
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
