#include "reservationfeedpoller.h"

#include "net/apiclient.h"

#include <QJsonArray>
#include <QTimer>

namespace reserva::ui {

namespace {

constexpr int kPageSize = 200;
constexpr int kMaxBackoffMs = 60000;

} // namespace

ReservationFeedPoller::ReservationFeedPoller(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ReservationFeedPoller::request);
}

void ReservationFeedPoller::setInterval(int ms)
{
    m_intervalMs = qMax(100, ms);
}

void ReservationFeedPoller::start()
{
    const bool wasRunning = m_running;
    m_running = true;
    // A stopped poller resumes from its cursor: nothing written meanwhile is lost.
    if (!wasRunning && !m_inFlight)
        request();
}

void ReservationFeedPoller::stop()
{
    m_running = false;
    m_timer->stop();
    m_api.abort(this);
    m_inFlight = false;
}

void ReservationFeedPoller::pollNow()
{
    if (!m_running)
        return;
    if (m_inFlight) {
        m_again = true; // what is in flight may have been read before the change
        return;
    }
    m_timer->stop();
    request();
}

void ReservationFeedPoller::scheduleNext(int ms)
{
    if (m_running)
        m_timer->start(ms);
}

void ReservationFeedPoller::request()
{
    if (!m_running || m_inFlight)
        return;
    m_inFlight = true;
    m_again = false;
    ApiRequest r;
    r.path = QStringLiteral("/v1/reservations/changes");
    if (!m_cursor.isEmpty()) {
        r.query.addQueryItem(QStringLiteral("after"), m_cursor);
        r.query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    }
    m_api.send(r, this, [this](const ApiResponse &response) {
        m_inFlight = false;
        if (!m_running)
            return;
        const QString next = response.object().value(u"next_cursor").toString();
        if (!response.ok() || next.isEmpty()) {
            // The status bar tells the user about a lost connection; here we
            // only come back later, from the same cursor.
            ++m_failures;
            scheduleNext(qMin(kMaxBackoffMs, m_intervalMs << qMin(m_failures, 5)));
            return;
        }
        m_failures = 0;
        const bool first = m_cursor.isEmpty();
        m_cursor = next;
        QList<QJsonObject> items;
        for (const QJsonValue &v : response.object().value(u"items").toArray())
            items << v.toObject();
        if (!items.isEmpty())
            Q_EMIT changed(items);
        if (first)
            Q_EMIT ready();
        const bool more = response.object().value(u"more").toBool();
        if (more || m_again)
            request();
        else
            scheduleNext(m_intervalMs);
    });
}

} // namespace reserva::ui
