#include "serveraddress.h"

#include <QHostAddress>

namespace reserva::ui {

bool ServerAddress::isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool ServerAddress::isAllowed(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    return url.scheme() == u"http" && isLoopback(url);
}

QUrl ServerAddress::parse(const QString &text, QString *problem)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *problem = tr("Enter the server's address, for example https://reserva.example.com.");
        return {};
    }
    if (!trimmed.contains(QStringLiteral("://")))
        trimmed.prepend(QStringLiteral("https://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"https" && url.scheme() != u"http")) {
        *problem = tr("This is not a valid server address.");
        return {};
    }
    if (!isAllowed(url)) {
        *problem = tr("Remote servers must use https://. Plain http:// is allowed only for "
                      "this computer.");
        return {};
    }
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    problem->clear();
    return url;
}

QString ServerAddress::originOf(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"https" ? 443 : 80);
    return url.scheme() + QStringLiteral("://") + url.host().toLower() + u':' +
           QString::number(port);
}

} // namespace reserva::ui
