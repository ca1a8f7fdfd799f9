#include "refusedwebhookbudget.h"

namespace reserva {

namespace {

constexpr qint64 kWindowMs = 60 * 1000;

} // namespace

RefusedWebhookBudget::RefusedWebhookBudget(RefusedWebhookLimits limits)
    : m_limits(limits)
{
}

QByteArray RefusedWebhookBudget::keyOf(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4); // IPv4-mapped IPv6 included
    if (isV4)
        return QByteArray::number(v4);
    if (peer.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = peer.toIPv6Address();
        return QByteArray(reinterpret_cast<const char *>(v6.c), 8).toHex() + "/64";
    }
    return QByteArrayLiteral("other");
}

RefusedWebhookBudget::Decision RefusedWebhookBudget::take(const QHostAddress &peer,
                                                          const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    // A clock that went back (an NTP step) starts a new window too.
    if (!m_windowOpen || nowMs - m_windowStartMs >= kWindowMs || nowMs < m_windowStartMs) {
        m_windowOpen = true;
        m_windowStartMs = nowMs;
        m_recorded = 0;
        m_globalReported = false;
        m_byAddress.clear();
    }
    const QByteArray key = keyOf(peer);
    if (m_recorded >= m_limits.perMinute) {
        if (m_globalReported)
            return Decision::Skip;
        m_globalReported = true;
        return Decision::SkipFirstTime;
    }
    auto it = m_byAddress.find(key);
    if (it == m_byAddress.end()) {
        // Keys are only added for deliveries that are recorded (or, with a
        // per-address limit of 0, never): at most perMinute of them.
        if (m_limits.perAddressPerMinute <= 0)
            return Decision::Skip;
        it = m_byAddress.insert(key, 0);
    }
    if (*it < 0)
        return Decision::Skip;
    if (*it >= m_limits.perAddressPerMinute) {
        *it = -1;
        return Decision::SkipFirstTime;
    }
    ++*it;
    ++m_recorded;
    return Decision::Record;
}

} // namespace reserva
