#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace reserva {
class ReservaServer;
}

namespace reserva::ui {

// The part of InProcessServer that lives on its server thread: it owns the
// ReservaServer, so the server is created, started, used and destroyed on
// that one thread (its database connections are thread-affine).
class InProcessServerWorker final : public QObject
{
    Q_OBJECT
public:
    explicit InProcessServerWorker(QString dataDir);
    ~InProcessServerWorker() override;

    void start();
    void createAdministrator(const QString &username, const QString &password);
    void stop();

Q_SIGNALS:
    void started(quint16 port, bool needsAdministrator);
    void failed(const QString &message);
    void administratorCreated(const QString &username);
    void administratorFailed(const QString &message);

private:
    QString m_dataDir;
    std::unique_ptr<ReservaServer> m_server;
};

} // namespace reserva::ui
