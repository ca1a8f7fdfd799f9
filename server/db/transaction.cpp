#include "transaction.h"

#include "sqlerror.h"

#include <QSqlError>

namespace reserva {

Transaction::Transaction(QSqlDatabase &db)
    : m_db(db)
{
    if (!m_db.transaction())
        throw DatabaseFailure(QStringLiteral("begin"), m_db.lastError());
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
    if (!m_db.commit()) {
        const QSqlError error = m_db.lastError();
        m_db.rollback();
        throw DatabaseFailure(QStringLiteral("commit"), error);
    }
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db.rollback();
}

} // namespace reserva
