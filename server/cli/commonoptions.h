#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace reserva::cli {

// --database / --data-dir, shared by every command, with their environment
// fallbacks (RESERVA_DATABASE_URL, RESERVA_DATA_DIR).
struct DatabaseOptions
{
    QCommandLineOption database{QStringLiteral("database"),
                                QStringLiteral("PostgreSQL URL (default: the managed cluster in "
                                               "the data dir; env RESERVA_DATABASE_URL)."),
                                QStringLiteral("URL")};
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"),
        QStringLiteral("Data directory (default ./reserva-data; env RESERVA_DATA_DIR)."),
        QStringLiteral("DIR")};

    void addTo(QCommandLineParser &parser) const;
    QString databaseUrl(const QCommandLineParser &parser) const;
    QString dataDirectory(const QCommandLineParser &parser) const;
};

// Prints "error: <message>" and usage to stderr; returns kExitUsage.
int usageError(const QCommandLineParser &parser, const QString &message);
void printErr(const QString &text);
void printOut(const QString &text);

} // namespace reserva::cli
