#include "dbconnection.h"

#include "sqlerror.h"

#include <QSqlError>

namespace reserva {

DbConnection::DbConnection(DbSessionOptions options, QString connectionName)
    : m_options(std::move(options))
    , m_name(std::move(connectionName))
{
}

DbConnection::~DbConnection()
{
    m_statements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool DbConnection::open(QString *error)
{
    m_statements.clear();
    if (!m_db.isValid()) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        ConnectionSettings settings = m_options.settings;
        if (m_options.loginAsRole && !m_options.role.isEmpty()) {
            settings.user = m_options.role;
            settings.password.clear();
        }
        settings.applyTo(m_db);
    }
    if (m_db.isOpen())
        m_db.close();
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    if (!configureSession(error)) {
        m_db.close();
        return false;
    }
    m_suspect = false;
    return true;
}

bool DbConnection::configureSession(QString *error)
{
    QStringList statements{
        QStringLiteral("SET TIME ZONE 'UTC'"),
        QStringLiteral("SET statement_timeout = %1").arg(m_options.statementTimeoutMs),
        QStringLiteral("SET lock_timeout = %1").arg(m_options.lockTimeoutMs),
        QStringLiteral("SET idle_in_transaction_session_timeout = %1")
            .arg(m_options.idleInTransactionTimeoutMs),
    };
    if (!m_options.role.isEmpty() && !m_options.loginAsRole) {
        // The role name comes from our configuration, never from a request;
        // quote it as an identifier anyway.
        QString quoted = m_options.role;
        quoted.replace(u'"', QStringLiteral("\"\""));
        statements << QStringLiteral("SET ROLE \"%1\"").arg(quoted);
    }
    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
            return false;
        }
    }
    return true;
}

bool DbConnection::ensureHealthy(QString *error)
{
    if (m_db.isOpen() && !m_suspect)
        return true;
    if (m_db.isOpen()) {
        QSqlQuery ping(m_db);
        if (ping.exec(QStringLiteral("SELECT 1"))) {
            m_suspect = false;
            return true;
        }
    }
    return open(error);
}

QSqlQuery &DbConnection::exec(const QString &sql, const QVariantList &params, const char *context)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_shared<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            m_suspect = true;
            throw DatabaseFailure(QString::fromLatin1(context), query->lastError());
        }
        it = m_statements.insert(sql, query);
    }
    QSqlQuery &query = **it;
    query.finish();
    for (int i = 0; i < params.size(); ++i)
        query.bindValue(i, params.at(i));
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        // A failed statement may mean a dead connection: check before reuse.
        if (error.type() == QSqlError::ConnectionError || sqlState(error).isEmpty() ||
            sqlState(error).startsWith(u"08")) {
            m_suspect = true;
        }
        throw DatabaseFailure(QString::fromLatin1(context), error);
    }
    return query;
}

void DbConnection::execDirect(const QString &sql, const char *context)
{
    QSqlQuery q(m_db);
    execOrThrow(q, sql, context);
}

} // namespace reserva
