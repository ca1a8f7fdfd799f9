#include "wirevalues.h"

#include "timeformat.h"

namespace reserva {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonValue uuidOrNull(const QUuid &id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(idText(id));
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toRfc3339(t)) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue &v)
{
    return fromRfc3339(v.toString()).value_or(QDateTime());
}

QUuid uuidFrom(const QJsonValue &v)
{
    return QUuid::fromString(v.toString());
}

} // namespace reserva
