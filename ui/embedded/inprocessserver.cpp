#include "inprocessserver.h"

#include "inprocessserverworker.h"

namespace reserva::ui {

InProcessServer::InProcessServer(QString dataDir, QObject *parent)
    : EmbeddedServer(parent)
    , m_dataDir(std::move(dataDir))
{
    m_thread.setObjectName(QStringLiteral("embedded-server"));
    m_worker = new InProcessServerWorker(m_dataDir);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &InProcessServerWorker::started, this,
            [this](quint16 port, bool needsAdministrator) {
                m_starting = false;
                m_running = true;
                m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
                Q_EMIT started(m_url, needsAdministrator);
            });
    connect(m_worker, &InProcessServerWorker::failed, this, [this](const QString &message) {
        m_starting = false;
        Q_EMIT failed(message);
    });
    connect(m_worker, &InProcessServerWorker::administratorCreated, this,
            &EmbeddedServer::administratorCreated);
    connect(m_worker, &InProcessServerWorker::administratorFailed, this,
            &EmbeddedServer::administratorFailed);
    m_thread.start();
}

InProcessServer::~InProcessServer()
{
    stop();
}

void InProcessServer::start()
{
    if (m_running) {
        Q_EMIT started(m_url, false);
        return;
    }
    if (m_starting)
        return;
    m_starting = true;
    QMetaObject::invokeMethod(m_worker, &InProcessServerWorker::start, Qt::QueuedConnection);
}

void InProcessServer::createAdministrator(const QString &username, const QString &password)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, username, password] {
            worker->createAdministrator(username, password);
        },
        Qt::QueuedConnection);
}

void InProcessServer::stop()
{
    if (!m_thread.isRunning())
        return;
    // Queued behind a start still in progress, so a half-started server is
    // stopped too; the GUI waits only here, at exit.
    QMetaObject::invokeMethod(m_worker, &InProcessServerWorker::stop, Qt::BlockingQueuedConnection);
    m_running = false;
    m_thread.quit();
    m_thread.wait();
}

} // namespace reserva::ui
