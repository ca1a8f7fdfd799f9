#pragma once

#include <QVariant>

#include <utility>

struct pg_result;

namespace reserva {

// The rows of one executed statement, read forward: next(), then value(i).
// Owns the libpq result (the whole result, fetched at once) and frees it;
// move-only. Values are QVariants of the types pgtext::metaTypeFor names.
class DbRows
{
public:
    DbRows() = default;
    explicit DbRows(pg_result *result);
    ~DbRows();
    DbRows(DbRows &&other) noexcept
        : m_result(std::exchange(other.m_result, nullptr))
        , m_rows(std::exchange(other.m_rows, 0))
        , m_row(std::exchange(other.m_row, -1))
    {
    }
    DbRows &operator=(DbRows &&other) noexcept;
    DbRows(const DbRows &) = delete;
    DbRows &operator=(const DbRows &) = delete;

    // Moves to the next row; false after the last one.
    bool next();
    // Column `column` of the current row; a null QVariant of the column's
    // type for SQL NULL, an invalid QVariant outside the row or the columns.
    QVariant value(int column) const;
    bool isNull(int column) const;
    // The number of rows a SELECT (or RETURNING) produced.
    int size() const { return m_rows; }
    int columnCount() const;
    // The rows an INSERT, UPDATE or DELETE touched.
    int numRowsAffected() const;

private:
    bool inRow(int column) const;

    pg_result *m_result = nullptr;
    int m_rows = 0;
    int m_row = -1;
};

} // namespace reserva
