#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QUuid>

// How ids and times travel in the JSON wire types: UUIDs without braces,
// RFC 3339 UTC times, null for what is absent.
namespace reserva {

QString idText(const QUuid &id);
QJsonValue uuidOrNull(const QUuid &id);
QJsonValue timeOrNull(const QDateTime &t);
// The reverse, for types read back from their own JSON: invalid or null when
// the value is absent or malformed.
QDateTime timeFrom(const QJsonValue &v);
QUuid uuidFrom(const QJsonValue &v);

} // namespace reserva
