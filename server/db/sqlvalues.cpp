#include "sqlvalues.h"

namespace reserva::sql {

QVariant uuid(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(uuidText(id));
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant time(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC()) : QVariant(QMetaType(QMetaType::QDateTime));
}

QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values) {
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        quoted << u'"' + v + u'"';
    }
    return u'{' + quoted.join(u',') + u'}';
}

QUuid toUuid(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType().id() == QMetaType::QUuid)
        return v.toUuid();
    return QUuid::fromString(v.toString());
}

QDateTime toUtc(const QVariant &v)
{
    if (v.isNull())
        return {};
    return v.toDateTime().toUTC();
}

QStringList fromTextArray(const QVariant &v)
{
    // QPSQL returns arrays as their text form: {a,b,"c d"}.
    QString s = v.toString();
    if (s.size() < 2 || !s.startsWith(u'{') || !s.endsWith(u'}'))
        return {};
    s = s.mid(1, s.size() - 2);
    QStringList out;
    QString current;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < s.size()) {
                current += s.at(++i);
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            out << current;
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any || !current.isEmpty())
        out << current;
    return out;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace reserva::sql
