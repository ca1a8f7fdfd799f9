#include "configfile.h"

#include <QFile>
#include <QRegularExpression>

namespace reserva {

namespace {

bool isName(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^[a-z0-9_]+(\\.[a-z0-9_]+)*\\z"));
    return name.match(text).hasMatch();
}

} // namespace

ConfigFile ConfigFile::read(const QString &path, QStringList *problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(
            QStringLiteral("%1: cannot read the config file: %2").arg(path, file.errorString()));
        ConfigFile none;
        none.m_path = path;
        return none;
    }
    return parse(path, file.readAll(), problems);
}

ConfigFile ConfigFile::parse(const QString &path, const QByteArray &text, QStringList *problems)
{
    ConfigFile out;
    out.m_path = path;
    QString section;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        const QString where = QStringLiteral("%1:%2").arg(path).arg(lineNumber);
        QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (i == 0 && line.startsWith(QChar(0xFEFF)))
            line = line.mid(1).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            const QString name =
                line.endsWith(u']') ? line.mid(1, line.size() - 2).trimmed() : QString();
            if (!isName(name)) {
                problems->append(where + QStringLiteral(": a section header is [name], in "
                                                        "lower case"));
                continue;
            }
            section = name;
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            // Never quote the line: it may be a secret pasted without its key.
            problems->append(where + QStringLiteral(": expected `key = value`"));
            continue;
        }
        const QString bare = line.left(equals).trimmed();
        if (!isName(bare)) {
            // Not quoted either: a base64 secret pasted alone ends in '='.
            problems->append(where + QStringLiteral(": the key is not lower case letters, "
                                                    "digits, '_' and '.'"));
            continue;
        }
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const QString key = section.isEmpty() ? bare : section + u'.' + bare;
        bool duplicate = false;
        for (const Entry &e : std::as_const(out.m_entries)) {
            if (e.key == key) {
                problems->append(
                    QStringLiteral("%1: %2: already set on line %3").arg(where, key).arg(e.line));
                duplicate = true;
                break;
            }
        }
        if (!duplicate)
            out.m_entries.append({key, value, lineNumber});
    }
    return out;
}

QString ConfigFile::where(const Entry &entry) const
{
    return QStringLiteral("%1:%2").arg(m_path).arg(entry.line);
}

} // namespace reserva
