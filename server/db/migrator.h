#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace reserva {

struct Migration
{
    int version = 0;
    QString name;
    QString sql;
    QByteArray checksum; // SHA-256 of the file, hex: an applied migration must never change
};

// Applies the numbered SQL migrations compiled into the binary
// (resources/migrations/NNNN_name.sql through qrc) in ONE transaction under a
// transaction-scoped advisory lock, so concurrent starts of several reservad
// instances migrate once and never half-way. Applied versions are recorded in
// schema_migrations with their checksum; running again is a no-op.
class Migrator
{
public:
    // The advisory lock every migration run takes (transaction-scoped); a
    // restore holds it for its whole run so a reservad starting meanwhile
    // waits instead of migrating a half-restored database.
    static constexpr qint64 kAdvisoryLockKey = 0x7265736d69677261LL; // "resmigra"

    static QList<Migration> compiledMigrations();
    // Returns false with `error` set (nothing applied) on failure.
    static bool migrate(QSqlDatabase &db, int *appliedCount, QString *error);
    static bool migrate(QSqlDatabase &db, const QList<Migration> &migrations, int *appliedCount,
                        QString *error);
    // Splits a script into statements, honouring quotes, dollar-quoted bodies
    // and comments (QtSql executes one statement per call).
    static QStringList splitStatements(const QString &script);
};

} // namespace reserva
