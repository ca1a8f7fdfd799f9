#pragma once

#include <QString>

#include <optional>

class QSqlDatabase;

namespace reserva {

// Where and as whom to connect to PostgreSQL. Built from a postgresql:// URL
// (--database) or from the managed cluster (a Unix socket directory).
struct ConnectionSettings
{
    QString host; // host name, IP, or an absolute Unix socket directory
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode; // libpq sslmode; empty: libpq's default

    // postgresql://[user[:password]@][host][:port]/database[?sslmode=..&host=/socket/dir]
    static std::optional<ConnectionSettings> fromUrl(const QString &url, QString *error);
    // The same server, another database (tests create one per suite).
    ConnectionSettings withDatabase(const QString &name) const;
    void applyTo(QSqlDatabase &db) const;
    // For logs: never includes the password.
    QString describe() const;
};

} // namespace reserva
