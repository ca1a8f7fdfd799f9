#include "timezonetext.h"

#include <QTimeZone>

namespace reserva::ui::timezonetext {

QString rfc3339WithOffset(const QDateTime &local)
{
    const QDateTime asLocal = local.toLocalTime();
    const QDateTime fixed = asLocal.toOffsetFromUtc(asLocal.offsetFromUtc());
    // Qt writes a zero offset as "Z", which RFC 3339 allows; others as "+hh:mm".
    return fixed.toString(Qt::ISODate);
}

QString describeLocalZone(const QDateTime &at)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const int offset = at.toLocalTime().offsetFromUtc();
    const int minutes = (offset < 0 ? -offset : offset) / 60;
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    const QString name = QString::fromUtf8(zone.id());
    return name.isEmpty() ? utc : QStringLiteral("%1 (%2)").arg(name, utc);
}

} // namespace reserva::ui::timezonetext
