#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>

class QTimer;

namespace reserva::ui {

class ApiClient;

// Follows reservad's reservations change feed (GET /v1/reservations/changes)
// so a page shows a payment, a cancellation or an expiry the moment it
// happens, without a refresh: polls every few seconds, asks again at once
// while the server says there is more, and after a lost connection waits
// longer (up to a minute) and resumes from where it stood — the cursor
// makes sure no write is skipped. One request at a time. (README: "Live
// updates" argues polling a cursor over a push channel.)
class ReservationFeedPoller final : public QObject
{
    Q_OBJECT
public:
    explicit ReservationFeedPoller(ApiClient &api, QObject *parent = nullptr);

    // Takes a starting cursor (then emits ready()) and polls; after stop(),
    // resumes from the cursor it had.
    void start();
    void stop();
    bool isReady() const { return !m_cursor.isEmpty(); }
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    // Polls now instead of at the next tick (e.g. after an action).
    void pollNow();

Q_SIGNALS:
    // Everything written after this point will be delivered.
    void ready();
    // Reservations written since the last delivery, each in its new state;
    // one may come again (apply by id).
    void changed(const QList<QJsonObject> &reservations);

private:
    void request();
    void scheduleNext(int ms);

    ApiClient &m_api;
    QTimer *m_timer;
    QString m_cursor;
    int m_intervalMs = 2000;
    int m_failures = 0;
    bool m_inFlight = false;
    bool m_running = false;
    bool m_again = false;
};

} // namespace reserva::ui
