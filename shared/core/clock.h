#pragma once

#include <QDateTime>

namespace reserva {

// Every time rule (token expiry, holds, promotion windows, throttling windows)
// reads the time through a Clock so tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Always UTC.
    virtual QDateTime now() const = 0;
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    // The process-wide real clock, for wiring; tests pass their own.
    static const Clock &instance();
};

} // namespace reserva
