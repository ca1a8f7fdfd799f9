#pragma once

#include <QSqlDatabase>

namespace reserva {

// RAII transaction: begun on construction, rolled back on destruction unless
// commit() succeeded, so an early return or an exception never leaves a
// half-written state behind.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db); // throws DatabaseFailure if BEGIN fails
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit(); // throws DatabaseFailure if COMMIT fails (nothing was written)
    void rollback();
    bool isActive() const { return m_active; }

private:
    QSqlDatabase &m_db;
    bool m_active = false;
};

} // namespace reserva
