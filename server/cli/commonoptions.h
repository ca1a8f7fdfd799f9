#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHostAddress>
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

// Adds --help and parses `arguments`. False when the command ends here, with
// `exitCode` set: 2 after printing usage for a bad flag or a stray argument,
// 0 after printing the help.
bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, int *exitCode);

// "HOST:PORT" ("[::1]:8080", "localhost:0"); false when it is not one.
bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port);

// Prints "error: <message>" and usage to stderr; returns kExitUsage.
int usageError(const QCommandLineParser &parser, const QString &message);
void printErr(const QString &text);
void printOut(const QString &text);

} // namespace reserva::cli
