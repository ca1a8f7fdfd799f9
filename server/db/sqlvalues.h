#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>

namespace reserva::sql {

// Conversions at the QtSql boundary, in one place, so every store binds and
// reads UUIDs, times and arrays the same way.
QVariant uuid(const QUuid &id);             // null UUID -> SQL NULL
QVariant nullableText(const QString &text); // empty -> SQL NULL
// Always a text value: a null QString would otherwise be bound as SQL NULL.
QVariant text(const QString &text);
QVariant time(const QDateTime &t); // invalid -> SQL NULL; else UTC
// A text[] literal for `?::text[]` (values must not need escaping beyond the
// quoting done here).
QString textArray(const QStringList &values);

QUuid toUuid(const QVariant &v);
QDateTime toUtc(const QVariant &v);
QStringList fromTextArray(const QVariant &v);
QString uuidText(const QUuid &id); // "xxxxxxxx-...", no braces

} // namespace reserva::sql
