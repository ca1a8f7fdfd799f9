// DbConnection's pipelines: statements sent together, one Sync, one round
// trip (libpq's pipeline mode). A transaction's BEGIN rides with its first
// statement, and statements whose results nobody reads (execDeferred) ride
// with the next one that returns something, or with COMMIT.
#include "dbconnection.h"
#include "pgtext.h"
#include "sqlerror.h"

#include <QSqlError>
#include <QVarLengthArray>

#include <libpq-fe.h>

namespace reserva {

DbConnection::Encoded::Encoded(const QVariantList &params)
{
    const qsizetype count = params.size();
    storage.resize(count);
    values.resize(count);
    lengths.resize(count);
    formats.resize(count);
    for (qsizetype i = 0; i < count; ++i) {
        bool binary = false;
        std::optional<QByteArray> encoded = pgtext::encode(params.at(i), &binary);
        if (encoded) {
            storage[i] = std::move(*encoded);
            values[i] = storage[i].constData();
            lengths[i] = int(storage[i].size());
        } else {
            values[i] = nullptr; // SQL NULL
            lengths[i] = 0;
        }
        formats[i] = binary ? 1 : 0;
    }
}

DbConnection::Statement DbConnection::Encoded::statement(const char *name, const char *text) const
{
    Statement st;
    st.name = name;
    st.text = text;
    st.count = int(values.size());
    st.values = values.data();
    st.lengths = lengths.data();
    st.formats = formats.data();
    return st;
}

bool DbConnection::sendStatement(pg_conn *conn, const Statement &st)
{
    return (st.name
                ? PQsendQueryPrepared(conn, st.name, st.count, st.values, st.lengths, st.formats, 0)
                : PQsendQueryParams(conn, st.text, st.count, nullptr, st.values, st.lengths,
                                    st.formats, 0)) == 1;
}

void DbConnection::execDeferred(const QString &sql, const QVariantList &params, const char *context)
{
    if (!m_inTransaction) {
        exec(sql, params, context);
        return;
    }
    PGconn *conn = handle(context);
    m_deferred.push_back({prepared(conn, sql, context), Encoded(params), context});
}

pg_result *DbConnection::sendPipeline(pg_conn *conn, const Statement *last, bool commit,
                                      const char *context)
{
    // What was sent, in order: each query's results end with a null, and the
    // Sync's result comes last.
    enum class Kind { Begin, Queued, Last, Commit };
    struct Sent
    {
        Kind kind;
        const char *context;
    };
    QVarLengthArray<Sent, 16> sent;
    const std::vector<Deferred> deferred = std::exchange(m_deferred, {});
    const bool begin = std::exchange(m_beginPending, false);

    if (PQenterPipelineMode(conn) != 1)
        fail(context, nullptr);
    bool ok = true;
    if (begin) {
        ok = PQsendQueryParams(conn, "BEGIN", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
        sent.append({Kind::Begin, context});
    }
    for (const Deferred &d : deferred) {
        if (!ok)
            break;
        ok = sendStatement(conn, d.params.statement(d.name.constData(), nullptr));
        sent.append({Kind::Queued, d.context});
    }
    if (ok && last) {
        ok = sendStatement(conn, *last);
        sent.append({Kind::Last, context});
    }
    if (ok && commit) {
        ok = PQsendQueryParams(conn, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
        sent.append({Kind::Commit, "commit"});
    }
    ok = ok && PQpipelineSync(conn) == 1;

    // The first error is kept with the context of its statement; after it,
    // the rest of the pipeline answers PIPELINE_ABORTED.
    PGresult *failure = nullptr;
    const char *failedContext = context;
    PGresult *result = nullptr;
    bool rolledBack = false;
    if (ok) {
        for (const Sent &s : sent) {
            while (PGresult *r = PQgetResult(conn)) {
                const ExecStatusType status = PQresultStatus(r);
                const bool good = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
                if (!good && status != PGRES_PIPELINE_ABORTED && !failure) {
                    failure = r;
                    failedContext = s.context;
                } else if (good && s.kind == Kind::Last && !result) {
                    result = r;
                } else {
                    // COMMIT of a transaction that had failed answers ROLLBACK.
                    if (good && s.kind == Kind::Commit && qstrcmp(PQcmdStatus(r), "ROLLBACK") == 0)
                        rolledBack = true;
                    PQclear(r);
                }
                if (PQstatus(conn) != CONNECTION_OK)
                    break;
            }
        }
        if (PGresult *sync = PQgetResult(conn))
            PQclear(sync);
    }
    if (PQexitPipelineMode(conn) != 1)
        m_suspect = true; // results left over: this session is not reused
    const bool failed = !ok || failure || rolledBack;
    if (failed && commit) {
        // The transaction is over for the caller (commitTransaction ended
        // it), but a failure inside the pipeline left it open and aborted on
        // the session: end it here.
        const PGTransactionStatusType state = PQtransactionStatus(conn);
        if (state == PQTRANS_INERROR || state == PQTRANS_INTRANS) {
            ++m_roundTrips;
            PGresult *rollback = PQexec(conn, "ROLLBACK");
            if (PQresultStatus(rollback) != PGRES_COMMAND_OK)
                m_suspect = true;
            PQclear(rollback);
        } else if (state != PQTRANS_IDLE) {
            m_suspect = true;
        }
    }
    if (failed) {
        if (result)
            PQclear(result);
        if (failure || !ok)
            fail(failedContext, failure);
        throw DatabaseFailure(QStringLiteral("commit"),
                              QSqlError(QString(),
                                        QStringLiteral("the transaction was rolled back"),
                                        QSqlError::TransactionError, QStringLiteral("25P02")));
    }
    return result;
}

} // namespace reserva
