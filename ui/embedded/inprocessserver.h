#pragma once

#include "embeddedserver.h"

#include <QThread>

namespace reserva::ui {

class InProcessServerWorker;

// reservad in this process: ReservaServer (the same composition `reservad
// serve` uses) on its managed PostgreSQL in `dataDir`, listening on a free
// port of 127.0.0.1. Everything that blocks (initdb, pg_ctl, migrations, the
// first-run account) runs on a dedicated thread, never on the GUI thread; the
// HTTP workers and background jobs have their own threads as in reservad.
class InProcessServer final : public EmbeddedServer
{
    Q_OBJECT
public:
    explicit InProcessServer(QString dataDir, QObject *parent = nullptr);
    ~InProcessServer() override;

    void start() override;
    bool isRunning() const override { return m_running; }
    QUrl url() const override { return m_url; }
    void createAdministrator(const QString &username, const QString &password) override;
    void stop() override;

    QString dataDir() const { return m_dataDir; }

private:
    QString m_dataDir;
    QThread m_thread;
    InProcessServerWorker *m_worker = nullptr; // lives on m_thread
    QUrl m_url;
    bool m_running = false;
    bool m_starting = false;
};

} // namespace reserva::ui
