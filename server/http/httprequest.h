#pragma once

#include "clientcertificate.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace reserva {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One parsed HTTP/1.1 request. Header names are lower-cased by the parser.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as received: path and query
    QString path;      // percent-decoded path
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;
    QHostAddress peerAddress;
    // The connection's TLS client certificate, as the engine verified it
    // against the configured client CA (NotRequested on plain HTTP).
    ClientCertificate clientCertificate;
    int httpMinorVersion = 1;
    bool keepAlive = true;

    // The first header of that (lower-case) name, or a null QByteArray.
    QByteArray header(QByteArrayView lowerCaseName) const;
    bool hasHeader(QByteArrayView lowerCaseName) const;
    QString queryValue(const QString &name) const;
};

} // namespace reserva
