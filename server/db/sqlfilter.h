#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace reserva {

// The WHERE clause of a list query, built from the filters a request gave:
// each condition is written only when its value is present, with its
// parameters in order, so the planner sees exactly the conditions that
// apply. (The alternative, one text with "(? IS NULL OR column = ?)" for
// every filter, only works when the planner knows the values: in a generic
// plan those conditions are no index conditions.) The lists run the result
// with DbConnection::execOneShot, planned for each call's values.
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

    // " WHERE a AND b", or nothing without conditions.
    QString where() const
    {
        return m_conditions.isEmpty() ? QString()
                                      : QStringLiteral(" WHERE ") + m_conditions.join(u" AND ");
    }
    const QVariantList &params() const { return m_params; }

private:
    QStringList m_conditions;
    QVariantList m_params;
};

} // namespace reserva
