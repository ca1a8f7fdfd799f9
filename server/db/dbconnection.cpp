#include "dbconnection.h"

#include "pgtext.h"
#include "sqlerror.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

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
    m_deferred.clear();
    m_beginPending = false;
    m_inTransaction = false;
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

pg_conn *DbConnection::handle(const char *context)
{
    const QVariant h = m_db.isOpen() ? m_db.driver()->handle() : QVariant();
    // QPSQL's handle() is a QVariant holding its PGconn* (Qt names the type
    // after the struct: pg_conn*).
    if (!h.isValid() ||
        (qstrcmp(h.typeName(), "pg_conn*") != 0 && qstrcmp(h.typeName(), "PGconn*") != 0)) {
        m_suspect = true;
        throw DatabaseFailure(QString::fromLatin1(context),
                              QSqlError(QStringLiteral("the database connection is not open"),
                                        QString(), QSqlError::ConnectionError));
    }
    return *static_cast<PGconn *const *>(h.constData());
}

void DbConnection::fail(const char *context, pg_result *result)
{
    // The primary message only: DETAIL repeats the row's values (a duplicate
    // key's email), and this text reaches the logs.
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const QVariant h = m_db.isValid() ? m_db.driver()->handle() : QVariant();
    // PQstatus and PQerrorMessage accept a null connection.
    PGconn *conn =
        h.isValid() && h.constData() ? *static_cast<PGconn *const *>(h.constData()) : nullptr;
    const bool connectionLost = PQstatus(conn) != CONNECTION_OK;
    const QString code = state ? QString::fromLatin1(state) : QString();
    const QString message =
        primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    if (result)
        PQclear(result);
    // A failed statement may mean a dead connection: check before reuse.
    if (connectionLost || code.isEmpty() || code.startsWith(u"08"))
        m_suspect = true;
    throw DatabaseFailure(
        QString::fromLatin1(context),
        QSqlError(QString(), message,
                  connectionLost ? QSqlError::ConnectionError : QSqlError::StatementError, code));
}

const QByteArray &DbConnection::prepared(pg_conn *conn, const QString &sql, const char *context)
{
    auto it = m_statements.constFind(sql);
    if (it == m_statements.cend()) {
        int placeholders = 0;
        const QByteArray text = pgtext::numberPlaceholders(sql, &placeholders);
        Prepared prepared{"reserva_" + QByteArray::number(++m_statementCounter)};
        ++m_roundTrips;
        PGresult *result = PQprepare(conn, prepared.name.constData(), text.constData(), 0, nullptr);
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            fail(context, result);
        PQclear(result);
        it = m_statements.insert(sql, prepared);
    }
    return it->name;
}

DbRows DbConnection::exec(const QString &sql, const QVariantList &params, const char *context)
{
    PGconn *conn = handle(context);
    return run(conn, prepared(conn, sql, context), {}, params, context);
}

DbRows DbConnection::execOneShot(const QString &sql, const QVariantList &params,
                                 const char *context)
{
    PGconn *conn = handle(context);
    int placeholders = 0;
    return run(conn, {}, pgtext::numberPlaceholders(sql, &placeholders), params, context);
}

DbRows DbConnection::run(pg_conn *conn, const QByteArray &name, const QByteArray &text,
                         const QVariantList &params, const char *context)
{
    const Encoded encoded(params);
    const Statement st =
        encoded.statement(name.isEmpty() ? nullptr : name.constData(), text.constData());
    PGresult *result = nullptr;
    ++m_roundTrips;
    if (m_beginPending || !m_deferred.empty()) {
        result = sendPipeline(conn, &st, false, context);
    } else if (st.name) {
        result = PQexecPrepared(conn, st.name, st.count, st.values, st.lengths, st.formats, 0);
    } else {
        // The unnamed statement: parsed and planned for these values.
        result =
            PQexecParams(conn, st.text, st.count, nullptr, st.values, st.lengths, st.formats, 0);
    }
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        fail(context, result);
    return DbRows(result);
}

void DbConnection::beginTransaction()
{
    // Sent with the first statement (exec) or before a direct one.
    m_beginPending = true;
    m_inTransaction = true;
}

void DbConnection::commitTransaction()
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    if (m_beginPending && m_deferred.empty()) {
        m_beginPending = false;
        return; // nothing was run: nothing to commit
    }
    PGconn *conn = handle("commit");
    if (m_beginPending || !m_deferred.empty()) {
        ++m_roundTrips;
        sendPipeline(conn, nullptr, true, "commit"); // throws as below
        return;
    }
    ++m_roundTrips;
    PGresult *result = PQexec(conn, "COMMIT");
    if (PQresultStatus(result) != PGRES_COMMAND_OK)
        fail("commit", result);
    // COMMIT of a transaction that had failed answers ROLLBACK, not an error.
    const bool rolledBack = qstrcmp(PQcmdStatus(result), "ROLLBACK") == 0;
    PQclear(result);
    if (rolledBack)
        throw DatabaseFailure(QStringLiteral("commit"),
                              QSqlError(QString(),
                                        QStringLiteral("the transaction was rolled back"),
                                        QSqlError::TransactionError, QStringLiteral("25P02")));
}

void DbConnection::rollbackTransaction() noexcept
{
    m_deferred.clear(); // never sent: nothing of them to undo
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    if (std::exchange(m_beginPending, false))
        return;
    const QVariant h = m_db.isOpen() ? m_db.driver()->handle() : QVariant();
    if (!h.isValid() || !h.constData()) {
        m_suspect = true;
        return;
    }
    PGconn *conn = *static_cast<PGconn *const *>(h.constData());
    ++m_roundTrips;
    PGresult *result = PQexec(conn, "ROLLBACK");
    if (PQresultStatus(result) != PGRES_COMMAND_OK)
        m_suspect = true; // the session's state is unknown: check it before reuse
    PQclear(result);
}

void DbConnection::sendPending(const char *context)
{
    if (m_beginPending || !m_deferred.empty()) {
        ++m_roundTrips;
        sendPipeline(handle(context), nullptr, false, context);
    }
}

QSqlDatabase &DbConnection::db()
{
    // Whatever runs through QtSql directly runs inside the open transaction.
    sendPending("begin");
    return m_db;
}

void DbConnection::execDirect(const QString &sql, const char *context)
{
    sendPending(context);
    ++m_roundTrips;
    QSqlQuery q(m_db);
    execOrThrow(q, sql, context);
}

} // namespace reserva
