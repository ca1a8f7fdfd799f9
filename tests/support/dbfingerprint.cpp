#include "dbfingerprint.h"

#include "db/dbconnection.h"

namespace reserva::test {

namespace {

// Table names come from the catalog, never from a request; quoted all the same.
QString quoted(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

TableFingerprint DbFingerprint::table(DbConnection &db, const QString &table,
                                      const QString &excludeWhere, const QVariantList &params)
{
    QString sql = QStringLiteral("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)),"
                                 " ''), count(*) FROM ") +
                  quoted(table) + QStringLiteral(" t");
    if (!excludeWhere.isEmpty())
        sql += QStringLiteral(" WHERE NOT coalesce((") + excludeWhere + QStringLiteral("), false)");
    DbRows q = db.exec(sql, params, "table fingerprint");
    TableFingerprint out;
    if (q.next()) {
        out.digest = q.value(0).toString();
        out.rows = q.value(1).toLongLong();
    }
    return out;
}

DbFingerprint DbFingerprint::take(DbConnection &db, const QString &schema)
{
    QStringList names;
    DbRows q = db.exec(QStringLiteral("SELECT table_name FROM information_schema.tables"
                                      " WHERE table_schema = ? AND table_type = 'BASE TABLE'"
                                      " ORDER BY table_name"),
                       {schema}, "schema tables");
    while (q.next())
        names << q.value(0).toString();
    DbFingerprint out;
    for (const QString &name : std::as_const(names))
        out.m_tables.insert(name, table(db, name));
    return out;
}

QStringList DbFingerprint::changedTables(const DbFingerprint &after) const
{
    QStringList changed;
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
        if (!after.m_tables.contains(it.key()) || after.m_tables.value(it.key()) != it.value())
            changed << it.key();
    }
    for (auto it = after.m_tables.cbegin(); it != after.m_tables.cend(); ++it) {
        if (!m_tables.contains(it.key()))
            changed << it.key();
    }
    return changed;
}

QString DbFingerprint::describeChanges(const DbFingerprint &after) const
{
    QStringList parts;
    for (const QString &name : changedTables(after)) {
        const TableFingerprint was = m_tables.value(name);
        const TableFingerprint now = after.m_tables.value(name);
        parts << (was.rows != now.rows
                      ? QStringLiteral("%1 (rows %2 -> %3)").arg(name).arg(was.rows).arg(now.rows)
                      : QStringLiteral("%1 (content)").arg(name));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace reserva::test
