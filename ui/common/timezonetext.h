#pragma once

#include <QDateTime>
#include <QString>

namespace reserva::ui {

// Times the user types are in their own time zone; the wire wants RFC 3339
// with the offset that applied at that moment (DST included).
namespace timezonetext {

// "2027-03-10T09:40:00-03:00" for a local date and time.
QString rfc3339WithOffset(const QDateTime &local);
// "America/Sao_Paulo (UTC-03:00)": the zone the user's times are in.
QString describeLocalZone(const QDateTime &at);

} // namespace timezonetext

} // namespace reserva::ui
