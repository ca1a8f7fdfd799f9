#pragma once

#include <QString>

#include <optional>

namespace reserva {

// The orders GET /v1/reservations can list in (`sort`): newest first by
// default, or by amount or customer name, either way. Each is a fixed SQL
// expression (never text from the request) with the id as tie-breaker, so a
// cursor names one row exactly.
struct ReservationSort
{
    enum class Key { Created, Amount, Customer };
    Key key = Key::Created;
    bool descending = true;

    // "created_at", "-created_at", "amount_minor", "-amount_minor",
    // "customer_name", "-customer_name"; empty is "-created_at".
    static std::optional<ReservationSort> parse(const QString &text);
    QString name() const;
    // The ORDER BY expression, and its type for a cursor value bound as text.
    QString expression() const;
    QString castType() const;
    // Whether a cursor's key can be a value of this sort's expression (as
    // the database writes it): checked before it reaches SQL.
    bool isValidKey(const QString &value) const;
};

} // namespace reserva
