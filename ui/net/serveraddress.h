#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace reserva::ui {

// The rule for where the app may send credentials: https anywhere, plain http
// only to this computer (the embedded server, a developer's reservad), so a
// password or token never crosses a network in clear text.
class ServerAddress
{
    Q_DECLARE_TR_FUNCTIONS(ServerAddress)
public:
    // Parses what the user typed ("reserva.example.com", "https://host:8443"),
    // defaulting the scheme to https. Sets *problem (translated) when refused.
    static QUrl parse(const QString &text, QString *problem);
    static bool isLoopback(const QUrl &url);
    static bool isAllowed(const QUrl &url);
    // scheme://host:port, the identity of a server for pins and the keychain.
    static QString originOf(const QUrl &url);
};

} // namespace reserva::ui
