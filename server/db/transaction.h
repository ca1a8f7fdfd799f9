#pragma once

#include <QtGlobal>

namespace reserva {

class DbConnection;

// RAII transaction: begun on construction, rolled back on destruction unless
// commit() succeeded, so an early return or an exception never leaves a
// half-written state behind.
class Transaction
{
public:
    // BEGIN goes out with the first statement (DbConnection::exec), so a
    // failure to begin surfaces there, as a DatabaseFailure.
    explicit Transaction(DbConnection &db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit(); // throws DatabaseFailure if COMMIT fails (nothing was written)
    void rollback();
    bool isActive() const { return m_active; }

private:
    DbConnection &m_db;
    bool m_active = false;
};

} // namespace reserva
