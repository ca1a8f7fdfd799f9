#pragma once

#include <QObject>
#include <QTimer>

namespace reserva::ui {

class ApiClient;

// Watches the ApiClient: when a request cannot reach the server the connection
// is "lost" and /healthz is polled until the server answers again, then it is
// "connected" and views reload what they show.
class ConnectionMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionMonitor(ApiClient &api, QObject *parent = nullptr);

    bool isConnected() const { return m_connected; }
    void setPollIntervalMs(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    void connectionLost();
    void connectionRestored();

private:
    void probe();

    ApiClient &m_api;
    QTimer m_poll;
    bool m_connected = true;
    bool m_probing = false;
};

} // namespace reserva::ui
