#pragma once

#include "certificateinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QString>

namespace reserva::ui {

struct ApiFieldError
{
    QString field; // "customer.email"
    QString message;
};

// A failed API call, as the user and the code need it: an HTTP problem
// (RFC 9457 problem+json from reservad) or a transport failure, never both.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        Http,              // the server answered with an error status
        ConnectionRefused, // nothing listens there (server down)
        HostNotFound,
        Timeout,
        Network,         // any other transport failure (reset, unreachable...)
        Tls,             // the certificate did not verify (see certificate)
        InsecureServer,  // http:// to a non-loopback host: refused before sending
        InvalidResponse, // a 2xx whose body is not the JSON we expect
        Canceled,
    };

    Kind kind = Kind::Http;
    int status = 0;
    QString type; // urn:reserva:problem:<slug>
    QString title;
    QString detail;
    QString requestId;
    QList<ApiFieldError> fieldErrors;
    QString transportMessage; // Qt's text for transport failures (for the details box)
    CertificateInfo certificate;

    // The slug of `type` ("invalid-credentials"), or empty.
    QString slug() const;
    // True when the server could not be reached at all: the connection is lost.
    bool isConnectionProblem() const;
    // One or two sentences in plain words, translated, for a message box.
    QString plainMessage() const;

    static ApiError fromHttp(int status, const QByteArray &body, const QByteArray &requestIdHeader);
    static ApiError fromNetwork(QNetworkReply::NetworkError error, const QString &text);
    static ApiError invalidResponse(int status, const QByteArray &requestIdHeader);
};

} // namespace reserva::ui
