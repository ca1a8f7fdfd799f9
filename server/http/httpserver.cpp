#include "httpserver.h"

#include "connectionadmission.h"
#include "httpworker.h"
#include "tlstermination.h"

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHttpServer, "reserva.http.server")

namespace reserva {

class HttpServer::Listener final : public QTcpServer
{
public:
    explicit Listener(HttpServer &server)
        : m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_server.dispatch(descriptor); }

private:
    HttpServer &m_server;
};

HttpServer::HttpServer(HttpServerOptions options, RequestHandler &handler, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_handler(handler)
{
    if (m_options.workers <= 0)
        m_options.workers = 4 * qMax(1, QThread::idealThreadCount());
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(QString *error)
{
    // Built here, before any worker runs, and only read afterwards.
    if (m_options.tls)
        m_tls = std::make_unique<TlsTermination>(*m_options.tls);
    m_admission =
        std::make_unique<ConnectionAdmission>(m_options.maxConnections, m_options.workers);
    qCInfo(lcHttpServer, "accepting at most %d connections (max_connections %d)",
           m_admission->cap(), m_options.maxConnections);
    // Workers first: the listener dispatches from its first accept, on the
    // acceptor thread, and must never see a missing or growing worker list.
    for (int i = 0; i < m_options.workers; ++i) {
        auto worker =
            std::make_unique<HttpWorker>(i, m_options, m_handler, m_tls.get(), *m_admission);
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        worker->moveToThread(thread);
        thread->start();
        QMetaObject::invokeMethod(worker.get(), &HttpWorker::openDatabase, Qt::QueuedConnection);
        m_workers.push_back(std::move(worker));
        m_threads.push_back(thread);
    }
    m_acceptorThread = new QThread;
    m_acceptorThread->setObjectName(QStringLiteral("http-acceptor"));
    QObject context;
    context.moveToThread(m_acceptorThread);
    m_acceptorThread->start();
    QString listenError;
    QMetaObject::invokeMethod(
        &context,
        [this, &listenError] {
            m_listener = new Listener(*this);
            m_listener->setMaxPendingConnections(1024);
            m_listener->setListenBacklogSize(
                1024); // bursts of connects wait in the kernel, not in retries
            // Out of descriptors anyway (the cap leaves room, but other code
            // may use them up): QTcpServer pauses accepting on EMFILE and
            // never resumes by itself.
            QObject::connect(
                m_listener, &QTcpServer::acceptError, m_listener,
                [listener = m_listener](QAbstractSocket::SocketError cause) {
                    qCWarning(lcHttpServer, "accept failed (%d); retrying in 100 ms", int(cause));
                    QTimer::singleShot(100, listener, [listener] { listener->resumeAccepting(); });
                });
            if (!m_listener->listen(m_options.address, m_options.port)) {
                listenError = m_listener->errorString();
                delete m_listener;
                m_listener = nullptr;
                return;
            }
            m_port = m_listener->serverPort();
            m_boundAddress = m_listener->serverAddress();
        },
        Qt::BlockingQueuedConnection);
    if (!m_listener) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_options.address.toString())
                         .arg(m_options.port)
                         .arg(listenError);
        m_acceptorThread->quit();
        m_acceptorThread->wait();
        delete m_acceptorThread;
        m_acceptorThread = nullptr;
        stopWorkers();
        return false;
    }
    return true;
}

void HttpServer::dispatch(qintptr descriptor)
{
    if (!m_admission->admit()) {
        if (!m_refusing)
            qCWarning(lcHttpServer, "%d connections open: refusing more (503) until some close",
                      m_admission->open());
        m_refusing = true;
        ConnectionAdmission::refuse(descriptor, m_tls != nullptr);
        return;
    }
    m_refusing = false;
    HttpWorker *worker = m_workers[m_next++ % m_workers.size()].get();
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->adoptSocket(descriptor); }, Qt::QueuedConnection);
}

void HttpServer::stop()
{
    if (!m_listener)
        return;
    // Stop accepting first, on the acceptor's own thread.
    QMetaObject::invokeMethod(
        m_listener, [this] { delete m_listener; }, Qt::BlockingQueuedConnection);
    m_listener = nullptr;
    m_acceptorThread->quit();
    m_acceptorThread->wait();
    delete m_acceptorThread;
    m_acceptorThread = nullptr;
    stopWorkers();
}

void HttpServer::stopWorkers()
{
    for (auto &worker : m_workers)
        QMetaObject::invokeMethod(worker.get(), &HttpWorker::drain, Qt::QueuedConnection);
    for (QThread *thread : m_threads) {
        if (!thread->wait(QDeadlineTimer(m_options.drainTimeoutMs + 5000))) {
            // A handler is still inside a call bounded by its own timeout
            // (statement_timeout, an outbound request): wait it out.
            qWarning("http: waiting for %s to finish its last request",
                     qUtf8Printable(thread->objectName()));
            thread->wait();
        }
        delete thread;
    }
    m_threads.clear();
    m_workers.clear();
    m_tls.reset();
    m_admission.reset();
}

quint16 HttpServer::port() const
{
    return m_listener ? m_port : 0;
}

QHostAddress HttpServer::address() const
{
    return m_listener ? m_boundAddress : QHostAddress();
}

} // namespace reserva
