#include "sqlerror.h"

#include <QSqlQuery>

namespace reserva {

QString sqlState(const QSqlError &error)
{
    return error.nativeErrorCode();
}

bool isSqlState(const QSqlError &error, const char *state)
{
    return error.nativeErrorCode() == QLatin1String(state);
}

DatabaseFailure::DatabaseFailure(const QString &context, const QSqlError &error)
    : std::runtime_error(QString(context + QStringLiteral(": [") + error.nativeErrorCode() +
                                 QStringLiteral("] ") + error.text())
                             .toStdString())
    , m_sqlState(error.nativeErrorCode())
    , m_connectionError(error.type() == QSqlError::ConnectionError)
{
}

bool DatabaseFailure::isTransient() const
{
    // Class 08 (connection exception), 57 (operator intervention: cancel,
    // shutdown), 53 (insufficient resources), 40 (rollback: serialization,
    // deadlock) and lock timeouts: nothing wrong with the request itself.
    return m_connectionError || m_sqlState.isEmpty() || m_sqlState.startsWith(u"08") ||
           m_sqlState.startsWith(u"57") || m_sqlState.startsWith(u"53") ||
           m_sqlState.startsWith(u"40") || m_sqlState == QLatin1String(sqlstate::kLockNotAvailable);
}

void execOrThrow(QSqlQuery &query, const char *context)
{
    if (!query.exec())
        throw DatabaseFailure(QString::fromLatin1(context), query.lastError());
}

void execOrThrow(QSqlQuery &query, const QString &sql, const char *context)
{
    if (!query.exec(sql))
        throw DatabaseFailure(QString::fromLatin1(context), query.lastError());
}

} // namespace reserva
