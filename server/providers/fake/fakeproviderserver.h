#pragma once

#include "fakeproviderapi.h"

#include <QHostAddress>
#include <QUrl>

#include <memory>

namespace reserva {

class HttpServer;

// The fake providers (FakeProviderApi) served by our own HTTP engine, without
// a database: what `reservad fake-providers` runs, and what tests start in
// process to stand in for Stripe, Mercado Pago and the Pix PSP.
class FakeProviderServer
{
public:
    FakeProviderServer();
    ~FakeProviderServer();
    Q_DISABLE_COPY_MOVE(FakeProviderServer)

    // Port 0: any free port. Two workers: one provider call at a time per
    // reservad worker is all the traffic a fake sees.
    bool start(const QHostAddress &address, quint16 port, QString *error, int workers = 2);
    void stop();
    quint16 port() const;
    // http://<address>:<port>/, the API base every provider setting takes.
    QUrl baseUrl() const;

private:
    FakeProviderApi m_api;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace reserva
