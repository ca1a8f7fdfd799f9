#include "localtime.h"

#include <QRegularExpression>
#include <QSet>

namespace reserva::localtime {

ResolvedTime toUtc(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    if (!date.isValid() || !time.isValid() || !zone.isValid())
        return {};
    // Seconds of the wall-clock reading as if it were UTC; an instant u shows
    // that reading exactly when u + offset(u) == wall.
    const QDateTime wall(date, time, Qt::UTC);
    // Offsets in force within two days either side cover any transition
    // around the reading (offsets stay within +-14 h).
    QSet<int> offsets;
    for (int day = -2; day <= 2; ++day)
        offsets.insert(zone.offsetFromUtc(wall.addDays(day)));
    QList<QDateTime> instants;
    for (const int offset : std::as_const(offsets)) {
        const QDateTime candidate = wall.addSecs(-offset);
        if (zone.offsetFromUtc(candidate) == offset && !instants.contains(candidate))
            instants.append(candidate);
    }
    if (instants.isEmpty())
        return {Resolution::Nonexistent, {}};
    if (instants.size() > 1)
        return {Resolution::Ambiguous, {}};
    return {Resolution::Unique, instants.first()};
}

bool parseWallClock(const QString &text, QDate *date, QTime *time)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?$"));
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    *date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    *time = QTime(m.captured(4).toInt(), m.captured(5).toInt(),
                  m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    return date->isValid() && time->isValid();
}

} // namespace reserva::localtime
