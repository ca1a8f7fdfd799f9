#include "transaction.h"

#include "dbconnection.h"

namespace reserva {

Transaction::Transaction(DbConnection &db)
    : m_db(db)
{
    m_db.beginTransaction();
    m_active = true;
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::commit()
{
    if (!m_active)
        return;
    m_active = false;
    try {
        m_db.commitTransaction();
    } catch (...) {
        m_db.rollbackTransaction();
        throw;
    }
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db.rollbackTransaction();
}

} // namespace reserva
