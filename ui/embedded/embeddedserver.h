#pragma once

#include <QObject>
#include <QUrl>

namespace reserva::ui {

// "This computer": a reservad running inside the app on a managed local
// PostgreSQL. The widgets only see this interface (reserva_ui never includes
// server code); the app wires the in-process implementation, which links
// the server library. Every operation is asynchronous except stop(), which
// the app calls once, at exit, to shut the server and its database down.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual bool isRunning() const = 0;
    virtual QUrl url() const = 0;
    // First run: the only account ever created here; the server must have
    // reported needsAdministrator.
    virtual void createAdministrator(const QString &username, const QString &password) = 0;
    // Blocks until the server and its PostgreSQL have stopped.
    virtual void stop() = 0;

Q_SIGNALS:
    void started(const QUrl &url, bool needsAdministrator);
    void failed(const QString &message);
    void administratorCreated(const QString &username);
    void administratorFailed(const QString &message);
};

} // namespace reserva::ui
