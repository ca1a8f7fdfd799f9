#include "migrator.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcMigrator, "reserva.db.migrate")

namespace reserva {

namespace {

// Any 64-bit constant shared by every reservad: "reserva migrate".
constexpr qint64 kMigrationLockKey = Migrator::kAdvisoryLockKey;

bool run(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1 (in: %2)").arg(q.lastError().text(), sql.left(200));
    return false;
}

} // namespace

QList<Migration> Migrator::compiledMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> out;
    QDirIterator it(QStringLiteral(":/migrations"));
    while (it.hasNext()) {
        it.next();
        const auto match = pattern.match(it.fileName());
        if (!match.hasMatch())
            continue;
        QFile f(it.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        out.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(bytes),
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

bool Migrator::migrate(QSqlDatabase &db, int *appliedCount, QString *error)
{
    return migrate(db, compiledMigrations(), appliedCount, error);
}

bool Migrator::migrate(QSqlDatabase &db, const QList<Migration> &migrations, int *appliedCount,
                       QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (appliedCount)
        *appliedCount = 0;
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    auto fail = [&] {
        db.rollback();
        return false;
    };
    QSqlQuery q(db);
    // SET LOCAL: the "already exists, skipping" notice of every later start
    // is noise on the operator's terminal, and ends with this transaction.
    if (!run(q, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLockKey), error) ||
        !run(q, QStringLiteral("SET LOCAL client_min_messages = warning"), error) ||
        !run(q,
             QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                            " version integer PRIMARY KEY,"
                            " name text NOT NULL,"
                            " checksum text NOT NULL,"
                            " applied_at timestamptz NOT NULL DEFAULT now())"),
             error) ||
        !run(q, QStringLiteral("SELECT version, checksum FROM schema_migrations ORDER BY version"),
             error)) {
        return fail();
    }
    QHash<int, QByteArray> applied;
    while (q.next())
        applied.insert(q.value(0).toInt(), q.value(1).toByteArray());

    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        const auto known = std::find_if(migrations.cbegin(), migrations.cend(),
                                        [&](const Migration &m) { return m.version == it.key(); });
        if (known == migrations.cend()) {
            *error = QStringLiteral("the database has migration %1, which this reservad does not "
                                    "know: it is newer than this binary")
                         .arg(it.key());
            return fail();
        }
        if (known->checksum != it.value()) {
            *error = QStringLiteral("migration %1 (%2) was changed after it was applied")
                         .arg(known->version)
                         .arg(known->name);
            return fail();
        }
    }

    int count = 0;
    for (const Migration &m : migrations) {
        if (applied.contains(m.version))
            continue;
        qCInfo(lcMigrator, "applying migration %04d %s", m.version, qUtf8Printable(m.name));
        for (const QString &statement : splitStatements(m.sql)) {
            if (!run(q, statement, error)) {
                *error = QStringLiteral("migration %1 (%2) failed: %3")
                             .arg(m.version)
                             .arg(m.name, *error);
                return fail();
            }
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)"));
        record.addBindValue(m.version);
        record.addBindValue(m.name);
        record.addBindValue(QString::fromLatin1(m.checksum));
        if (!record.exec()) {
            *error = record.lastError().text();
            return fail();
        }
        ++count;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return fail();
    }
    if (appliedCount)
        *appliedCount = count;
    return true;
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList out;
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    auto flush = [&] {
        const QString s = current.trimmed();
        if (!s.isEmpty())
            out << s;
        current.clear();
    };
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') { // line comment
            while (i < n && script.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && next == u'*') { // block comment
            const qsizetype end = script.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current += u' ';
            continue;
        }
        if (c == u'\'' || c == u'"') { // quoted literal or identifier ('' and "" escape)
            const qsizetype start = i++;
            while (i < n) {
                if (script.at(i) == c) {
                    if (i + 1 < n && script.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
            current += script.mid(start, i - start);
            continue;
        }
        if (c == u'$') { // dollar quote: $$ or $tag$
            static const QRegularExpression tagPattern(QStringLiteral("^\\$[A-Za-z_]*\\$"));
            const auto m = tagPattern.match(QStringView(script).mid(i));
            if (m.hasMatch()) {
                const QString tag = m.captured(0);
                const qsizetype end = script.indexOf(tag, i + tag.size());
                const qsizetype stop = end < 0 ? n : end + tag.size();
                current += script.mid(i, stop - i);
                i = stop;
                continue;
            }
        }
        if (c == u';') {
            flush();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    flush();
    return out;
}

} // namespace reserva
