#include "dbrows.h"

#include "pgtext.h"

#include <cstdlib>
#include <libpq-fe.h>

namespace reserva {

DbRows::DbRows(pg_result *result)
    : m_result(result)
    , m_rows(result ? PQntuples(result) : 0)
{
}

DbRows::~DbRows()
{
    if (m_result)
        PQclear(m_result);
}

DbRows &DbRows::operator=(DbRows &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
        m_rows = std::exchange(other.m_rows, 0);
        m_row = std::exchange(other.m_row, -1);
    }
    return *this;
}

bool DbRows::next()
{
    if (m_row + 1 >= m_rows) {
        m_row = m_rows;
        return false;
    }
    ++m_row;
    return true;
}

bool DbRows::inRow(int column) const
{
    return m_result && m_row >= 0 && m_row < m_rows && column >= 0 && column < PQnfields(m_result);
}

QVariant DbRows::value(int column) const
{
    if (!inRow(column))
        return {};
    const unsigned type = PQftype(m_result, column);
    if (PQgetisnull(m_result, m_row, column))
        return QVariant(pgtext::metaTypeFor(type));
    return pgtext::decode(type, PQgetvalue(m_result, m_row, column),
                          PQgetlength(m_result, m_row, column));
}

bool DbRows::isNull(int column) const
{
    return !inRow(column) || PQgetisnull(m_result, m_row, column);
}

int DbRows::columnCount() const
{
    return m_result ? PQnfields(m_result) : 0;
}

int DbRows::numRowsAffected() const
{
    return m_result ? std::atoi(PQcmdTuples(m_result)) : 0;
}

} // namespace reserva
