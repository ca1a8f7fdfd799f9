#include "outboundhttp.h"

#include "crypto/threadcleanup.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

#include <future>

namespace reserva {

class OutboundHttp::Engine
{
public:
    Engine()
    {
        m_thread.setObjectName(QStringLiteral("outbound-http"));
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context, [this] { m_manager = new QNetworkAccessManager(&m_context); },
            Qt::BlockingQueuedConnection);
    }
    ~Engine()
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                delete m_manager;
                releaseThreadCryptoState(); // TLS ran on this thread
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    OutboundResponse send(const OutboundRequest &request)
    {
        auto promise = std::make_shared<std::promise<OutboundResponse>>();
        std::future<OutboundResponse> future = promise->get_future();
        QMetaObject::invokeMethod(
            &m_context,
            [this, request, promise] {
                QNetworkRequest r(request.url);
                r.setTransferTimeout(request.timeoutMs);
                r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                               QNetworkRequest::ManualRedirectPolicy);
                if (request.ssl)
                    r.setSslConfiguration(*request.ssl);
                for (const auto &[name, value] : request.headers)
                    r.setRawHeader(name, value);
                QNetworkReply *reply =
                    m_manager->sendCustomRequest(r, request.method, request.body);
                QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise] {
                    OutboundResponse out;
                    const QVariant status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                    out.completed = status.isValid();
                    out.status = status.toInt();
                    out.body = reply->readAll();
                    out.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                                   reply->error() == QNetworkReply::TimeoutError;
                    if (reply->error() != QNetworkReply::NoError)
                        out.error = reply->errorString();
                    if (out.timedOut)
                        out.completed = false;
                    promise->set_value(std::move(out));
                    reply->deleteLater();
                });
            },
            Qt::QueuedConnection);
        // The transfer timeout ends the reply; the margin covers queueing.
        if (future.wait_for(std::chrono::milliseconds(request.timeoutMs + 2000)) !=
            std::future_status::ready) {
            OutboundResponse out;
            out.timedOut = true;
            out.error = QStringLiteral("no answer in time");
            return out;
        }
        return future.get();
    }

private:
    QThread m_thread;
    QObject m_context;
    QNetworkAccessManager *m_manager = nullptr;
};

OutboundHttp::OutboundHttp()
    : m_engine(std::make_unique<Engine>())
{
}

OutboundHttp::~OutboundHttp() = default;

OutboundResponse OutboundHttp::send(const OutboundRequest &request)
{
    return m_engine->send(request);
}

} // namespace reserva
