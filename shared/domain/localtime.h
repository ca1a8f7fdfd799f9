#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace reserva::localtime {

// A wall-clock time read in an IANA zone. At a DST change a wall-clock time
// can happen twice (the clocks go back) or never (they go forward); neither
// is guessed: the caller gets which it was and refuses it.
enum class Resolution { Unique, Ambiguous, Nonexistent };

struct ResolvedTime
{
    Resolution resolution = Resolution::Nonexistent;
    QDateTime utc; // valid only when Unique
};

ResolvedTime toUtc(const QDate &date, const QTime &time, const QTimeZone &zone);

// "2026-04-04T23:30" or "2026-04-04T23:30:00" (no fraction, no offset);
// false when `text` is not one.
bool parseWallClock(const QString &text, QDate *date, QTime *time);

} // namespace reserva::localtime
