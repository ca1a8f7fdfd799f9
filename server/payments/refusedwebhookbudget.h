#pragma once

#include "providers/paymentsettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace reserva {

// Decides, per instance and per minute, whether one more refused delivery is
// recorded. Beyond the budget the delivery is refused exactly as before (the
// sender learns nothing) and only counted. IPv6 senders are grouped by /64,
// the block one subscriber usually holds. Memory is bounded: at most
// `perMinute` addresses are tracked, and all of them are forgotten when the
// minute ends. Thread-safe.
class RefusedWebhookBudget
{
public:
    enum class Decision {
        Record,
        Skip,          // over budget
        SkipFirstTime, // over budget, the first such delivery from this key this minute
    };

    explicit RefusedWebhookBudget(RefusedWebhookLimits limits);

    Decision take(const QHostAddress &peer, const QDateTime &now);

private:
    static QByteArray keyOf(const QHostAddress &peer);

    RefusedWebhookLimits m_limits;
    QMutex m_mutex;
    qint64 m_windowStartMs = 0;
    bool m_windowOpen = false;
    int m_recorded = 0;
    bool m_globalReported = false;
    QHash<QByteArray, int> m_byAddress; // recorded this minute; -1: over and reported
};

} // namespace reserva
