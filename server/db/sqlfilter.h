#pragma once

#include "dbrows.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace reserva {

class DbConnection;

// The WHERE clause of a list query, built from the filters a request gave:
// each condition is written only when its value is present, with its
// parameters in order, so the planner sees exactly the conditions that
// apply. (The alternative, one text with "(? IS NULL OR column = ?)" for
// every filter, only works when the planner knows the values: in a generic
// plan those conditions are no index conditions.) page() runs the list,
// planned for each call's values (DbConnection::execOneShot).
// Conditions are fixed fragments from the stores; values are parameters.
class SqlFilter
{
public:
    void add(const QString &condition, const QVariantList &params = {})
    {
        m_conditions << condition;
        m_params << params;
    }
    void addIf(bool present, const QString &condition, const QVariantList &params)
    {
        if (present)
            add(condition, params);
    }

    // One page: `select` + where() + `orderBy` + " LIMIT ?", the limit bound
    // after the conditions' parameters.
    DbRows page(DbConnection &db, const QString &select, const QString &orderBy, int limit,
                const char *context) const;

private:
    // " WHERE a AND b", or nothing without conditions.
    QString where() const
    {
        return m_conditions.isEmpty() ? QString()
                                      : QStringLiteral(" WHERE ") + m_conditions.join(u" AND ");
    }

    QStringList m_conditions;
    QVariantList m_params;
};

} // namespace reserva
