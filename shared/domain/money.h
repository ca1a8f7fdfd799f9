#pragma once

#include <QString>

#include <optional>

namespace reserva::money {

// Exact conversions between integer minor units and the decimal strings some
// provider APIs speak ("110.00" in Pix, 350.5 in Mercado Pago): no floating
// point anywhere. `exponent` is the currency's minor-unit exponent.

// "1234.5" with exponent 2 -> 123450. Refuses more fraction digits than the
// exponent allows (a sub-minor-unit amount is not ours to round), signs,
// exponents, and values beyond 10^15 minor units.
std::optional<qint64> parseDecimal(const QString &text, int exponent);
// 123450 with exponent 2 -> "1234.50".
QString formatDecimal(qint64 minor, int exponent);

} // namespace reserva::money
