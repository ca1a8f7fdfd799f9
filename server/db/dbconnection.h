#pragma once

#include "connectionsettings.h"
#include "dbrows.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QVarLengthArray>
#include <QVariantList>

#include <vector>

struct pg_conn;
struct pg_result;

namespace reserva {

struct DbSessionOptions
{
    ConnectionSettings settings;
    // The role every statement runs as (SET ROLE): the application's role,
    // which may not UPDATE or DELETE audit rows. Empty: the login role.
    QString role = QStringLiteral("reserva_app");
    // Log in as `role` itself instead of switching to it (the managed cluster
    // and the test clusters): the session then has no stronger role to go
    // back to with RESET ROLE.
    bool loginAsRole = false;
    // A stuck lock or a runaway query must not pin a worker forever.
    int statementTimeoutMs = 15000;
    int lockTimeoutMs = 5000;
    int idleInTransactionTimeoutMs = 60000;
};

// One PostgreSQL connection owned by one thread (QtSql connections are
// thread-affine), with a cache of prepared statements so a hot statement is
// parsed and planned once per connection, not once per request.
//
// QtSql opens the connection, runs transactions and the one-off statements;
// exec() talks to the same libpq connection directly. QPSQL would send each
// execution as a simple-protocol `EXECUTE name ('literal', ...)` (the server
// parses that text every time) and hand back rows one PGresult at a time;
// libpq's extended protocol sends the values as parameters of the prepared
// statement, as pgbench -M prepared does, and the rows come in one result.
class DbConnection
{
public:
    DbConnection(DbSessionOptions options, QString connectionName);
    ~DbConnection();
    Q_DISABLE_COPY_MOVE(DbConnection)

    bool open(QString *error);
    // After a failure, or before first use: checks the connection and
    // reconnects if the server went away (a restarted database must not take
    // the workers down with it).
    bool ensureHealthy(QString *error = nullptr);
    void markSuspect() { m_suspect = true; }

    // The QtSql connection, for what runs through QtSql directly; a pending
    // BEGIN (see beginTransaction) and deferred statements are sent first.
    QSqlDatabase &db();

    // Binds `params` positionally to the cached prepared `sql` (placeholders
    // `?`) and executes it. Returns the rows positioned before the first one.
    // Throws DatabaseFailure on error.
    DbRows exec(const QString &sql, const QVariantList &params, const char *context);
    // The same, as an unnamed statement: parsed and planned for these values
    // on every call, never cached. For list queries whose filters vary by
    // request: a cached statement may get a generic plan after five runs,
    // and a generic plan cannot know that this call's filter is selective
    // (a LIMIT it cannot see makes a walk in id order look cheap).
    DbRows execOneShot(const QString &sql, const QVariantList &params, const char *context);
    // A statement without parameters, not cached (DDL, SET, administration).
    void execDirect(const QString &sql, const char *context);
    // A statement whose result nobody reads (an audit row, a counter, the
    // stored answer). In a transaction it is queued and sent with the next
    // statement that returns something, or with COMMIT, in one pipeline: one
    // round trip for all of them. Its failure is thrown there, under its own
    // context, and fails the transaction as it would have at once; a
    // rollback drops it unsent. Outside a transaction it runs now.
    void execDeferred(const QString &sql, const QVariantList &params, const char *context);

    // Transactions, through the Transaction holder. BEGIN is not sent on its
    // own: it goes out with the first statement in one pipeline, which saves
    // a round trip per transaction (and a transaction that runs nothing
    // sends nothing).
    void beginTransaction();
    void commitTransaction(); // throws DatabaseFailure; nothing written then
    void rollbackTransaction() noexcept;

    const QString &name() const { return m_name; }
    // Exchanges with the server that waited for its answer (a statement, a
    // pipeline, a prepare, a COMMIT), since the connection was made: how
    // tests hold a request to its round trips.
    quint64 roundTrips() const { return m_roundTrips; }

private:
    struct Prepared
    {
        QByteArray name;
    };

    bool configureSession(QString *error);
    pg_conn *handle(const char *context);
    [[noreturn]] void fail(const char *context, pg_result *result);
    // Sends a pending BEGIN and the deferred statements, if any.
    void sendPending(const char *context);
    const QByteArray &prepared(pg_conn *conn, const QString &sql, const char *context);
    // A statement ready to send: a prepared one (name) or the unnamed one
    // (text), with its encoded parameters.
    struct Statement
    {
        const char *name = nullptr;
        const char *text = nullptr;
        int count = 0;
        const char *const *values = nullptr;
        const int *lengths = nullptr;
        const int *formats = nullptr;
    };
    // Parameters encoded for libpq, owned (a deferred statement outlives
    // the call that queued it).
    struct Encoded
    {
        explicit Encoded(const QVariantList &params);
        Statement statement(const char *name, const char *text) const;

        // Inline up to 16 parameters: no heap allocation per statement. A
        // move keeps each QByteArray's data where it is, so `values` stays
        // valid in a queued copy.
        QVarLengthArray<QByteArray, 16> storage;
        QVarLengthArray<const char *, 16> values;
        QVarLengthArray<int, 16> lengths;
        QVarLengthArray<int, 16> formats;
    };
    struct Deferred
    {
        QByteArray name;
        Encoded params;
        const char *context;
    };
    DbRows run(pg_conn *conn, const QByteArray &name, const QByteArray &text,
               const QVariantList &params, const char *context);
    static bool sendStatement(pg_conn *conn, const Statement &st);
    // One pipeline, one Sync: a pending BEGIN, the deferred statements,
    // `last` (if any), COMMIT (if `commit`). Returns `last`'s result, null
    // without one; throws on the first failure, under the context of the
    // statement that failed (after a rollback, for a commit).
    pg_result *sendPipeline(pg_conn *conn, const Statement *last, bool commit, const char *context);

    DbSessionOptions m_options;
    QString m_name;
    QSqlDatabase m_db;
    QHash<QString, Prepared> m_statements;
    quint64 m_statementCounter = 0;
    quint64 m_roundTrips = 0;
    bool m_suspect = false;
    bool m_inTransaction = false;
    bool m_beginPending = false;
    std::vector<Deferred> m_deferred;
};

} // namespace reserva
