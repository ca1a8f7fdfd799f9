#include "connectionsettings.h"

#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace reserva {

std::optional<ConnectionSettings> ConnectionSettings::fromUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != u"postgresql" && scheme != u"postgres")) {
        if (error)
            *error = QStringLiteral("the database URL must look like "
                                    "postgresql://user:password@host:port/database");
        return std::nullopt;
    }
    ConnectionSettings s;
    s.host = url.host();
    s.port = url.port(5432);
    s.user = url.userName();
    s.password = url.password();
    s.database = url.path().mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"sslmode") {
            s.sslMode = value;
        } else if (key == u"host") {
            s.host = value; // libpq's way to name a socket directory
        } else if (key == u"port") {
            s.port = value.toInt();
        } else if (key == u"user") {
            s.user = value;
        } else {
            if (error)
                *error = QStringLiteral("unsupported database URL parameter '%1'").arg(key);
            return std::nullopt;
        }
    }
    if (s.database.isEmpty() || s.database.contains(u'/')) {
        if (error)
            *error = QStringLiteral("the database URL must name a database");
        return std::nullopt;
    }
    if (s.port <= 0 || s.port > 65535) {
        if (error)
            *error = QStringLiteral("the database URL has an invalid port");
        return std::nullopt;
    }
    return s;
}

ConnectionSettings ConnectionSettings::withDatabase(const QString &name) const
{
    ConnectionSettings s = *this;
    s.database = name;
    return s;
}

void ConnectionSettings::applyTo(QSqlDatabase &db) const
{
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(database);
    db.setUserName(user);
    db.setPassword(password);
    QStringList options{QStringLiteral("application_name=reservad")};
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    db.setConnectOptions(options.join(u';'));
}

QString ConnectionSettings::describe() const
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(user, host.isEmpty() ? QStringLiteral("localhost") : host)
        .arg(port)
        .arg(database);
}

} // namespace reserva
