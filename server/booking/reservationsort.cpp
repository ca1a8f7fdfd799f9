#include "reservationsort.h"

#include <QRegularExpression>

namespace reserva {

std::optional<ReservationSort> ReservationSort::parse(const QString &text)
{
    ReservationSort sort;
    if (text.isEmpty())
        return sort;
    sort.descending = text.startsWith(u'-');
    const QString field = sort.descending ? text.mid(1) : text;
    if (field == u"created_at")
        sort.key = Key::Created;
    else if (field == u"amount_minor")
        sort.key = Key::Amount;
    else if (field == u"customer_name")
        sort.key = Key::Customer;
    else
        return std::nullopt;
    return sort;
}

QString ReservationSort::name() const
{
    const QString field = key == Key::Amount     ? QStringLiteral("amount_minor")
                          : key == Key::Customer ? QStringLiteral("customer_name")
                                                 : QStringLiteral("created_at");
    return descending ? u'-' + field : field;
}

QString ReservationSort::expression() const
{
    switch (key) {
    case Key::Amount:
        return QStringLiteral("amount_minor");
    case Key::Customer:
        return QStringLiteral("lower(customer_name)");
    case Key::Created:
        break;
    }
    return QStringLiteral("created_at");
}

QString ReservationSort::castType() const
{
    switch (key) {
    case Key::Amount:
        return QStringLiteral("bigint");
    case Key::Customer:
        return QStringLiteral("text");
    case Key::Created:
        break;
    }
    return QStringLiteral("timestamptz");
}

bool ReservationSort::isValidKey(const QString &value) const
{
    static const QRegularExpression time(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?[+-]\\d{2}(:\\d{2})?\\z"));
    static const QRegularExpression integer(QStringLiteral("^-?\\d{1,18}\\z"));
    switch (key) {
    case Key::Amount:
        return integer.match(value).hasMatch();
    case Key::Customer:
        return value.size() <= 200;
    case Key::Created:
        break;
    }
    return time.match(value).hasMatch();
}

} // namespace reserva
