#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace reserva {
class DbConnection;
}

namespace reserva::test {

// The content of one table, as a digest of its rows' text in a fixed order.
struct TableFingerprint
{
    QString digest; // md5 of every row's text, sorted; empty for an empty table
    qint64 rows = 0;

    bool operator==(const TableFingerprint &) const = default;
};

// A fingerprint of every base table of one schema, read directly from the
// database (not through the code under test): what a request that must
// change nothing is compared against.
class DbFingerprint
{
public:
    static DbFingerprint take(DbConnection &db, const QString &schema = QStringLiteral("public"));
    // `table`'s rows that do NOT match `excludeWhere` (an SQL condition over
    // the row alias `t`, with `?` parameters): the table minus the rows a
    // request was allowed to add.
    static TableFingerprint table(DbConnection &db, const QString &table,
                                  const QString &excludeWhere = {},
                                  const QVariantList &params = {});

    const QMap<QString, TableFingerprint> &tables() const { return m_tables; }
    // The tables whose content differs in `after` (or exist in one only).
    QStringList changedTables(const DbFingerprint &after) const;
    // "t1 (rows 3 -> 4), t2 (content)": for a failure message.
    QString describeChanges(const DbFingerprint &after) const;

private:
    QMap<QString, TableFingerprint> m_tables;
};

} // namespace reserva::test
