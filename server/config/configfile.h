#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace reserva {

// reservad's configuration file: lines of `key = value`, `[section]` headers
// that prefix the keys below them ("[tls]" then "cert = ..." is "tls.cert"),
// dotted keys anywhere, `#` or `;` comment lines. A value runs to the end of
// its line, trimmed, optionally in double quotes (no escapes, no inline
// comments: a secret may hold a '#'). This only splits lines; which keys
// exist and what their values mean is ConfigLoader's (configSettings()).
class ConfigFile
{
public:
    struct Entry
    {
        QString key; // with its section: "tls.cert"
        QString value;
        int line = 0;
    };

    // Reads and parses `path`. Problems are appended to `problems` as
    // "path:line: ..." and never quote a line's value.
    static ConfigFile read(const QString &path, QStringList *problems);
    static ConfigFile parse(const QString &path, const QByteArray &text, QStringList *problems);

    QString path() const { return m_path; }
    const QList<Entry> &entries() const { return m_entries; }
    // "path:line" of an entry, for messages.
    QString where(const Entry &entry) const;

private:
    QString m_path;
    QList<Entry> m_entries;
};

} // namespace reserva
