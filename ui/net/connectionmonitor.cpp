#include "connectionmonitor.h"

#include "apiclient.h"

namespace reserva::ui {

ConnectionMonitor::ConnectionMonitor(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_poll.setInterval(3000);
    connect(&m_poll, &QTimer::timeout, this, &ConnectionMonitor::probe);
    connect(&m_api, &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable == m_connected)
            return;
        m_connected = reachable;
        if (reachable) {
            m_poll.stop();
            Q_EMIT connectionRestored();
        } else {
            m_poll.start();
            Q_EMIT connectionLost();
        }
    });
}

void ConnectionMonitor::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    ApiRequest request;
    request.path = QStringLiteral("/healthz");
    request.authenticated = false;
    // Any answer flips the ApiClient back to reachable, which the
    // reachabilityChanged connection above turns into connectionRestored.
    m_api.send(request, this, [this](const ApiResponse &) { m_probing = false; });
}

} // namespace reserva::ui
