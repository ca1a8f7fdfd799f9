#pragma once

#include "core/clock.h"

#include <QMutex>

namespace reserva::test {

// A clock the test moves by hand, so expiry rules are tested without sleeping.
// Thread-safe: the server's workers read it while the test thread advances it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::fromSecsSinceEpoch(1764000000, Qt::UTC))
        : m_now(std::move(start))
    {
    }
    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &t)
    {
        QMutexLocker lock(&m_mutex);
        m_now = t.toUTC();
    }
    void advance(qint64 seconds)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace reserva::test
