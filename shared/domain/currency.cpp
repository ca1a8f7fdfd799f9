#include "currency.h"

#include <array>
#include <utility>

namespace reserva::currency {

namespace {

constexpr std::array<std::pair<const char *, int>, 22> kCurrencies{{
    {"ARS", 2}, {"AUD", 2}, {"BOB", 2}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0}, {"CNY", 2},
    {"COP", 2}, {"CRC", 2}, {"EUR", 2}, {"GBP", 2}, {"JPY", 0}, {"MXN", 2}, {"NZD", 2}, {"PEN", 2},
    {"PYG", 0}, {"USD", 2}, {"UYU", 2}, {"VES", 2}, {"ZAR", 2}, {"DKK", 2},
}};

} // namespace

std::optional<int> exponent(const QString &code)
{
    for (const auto &[name, digits] : kCurrencies) {
        if (code == QLatin1String(name))
            return digits;
    }
    return std::nullopt;
}

bool isSupported(const QString &code)
{
    return exponent(code).has_value();
}

} // namespace reserva::currency
