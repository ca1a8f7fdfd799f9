#pragma once

#include <QString>

#include <optional>

namespace reserva::currency {

// ISO 4217 codes Reserva accepts, with their minor-unit exponents: ARS, BRL,
// USD have 2 (cents), CLP and PYG have none. Amounts travel as integers of
// minor units beside the code, never as decimals.
std::optional<int> exponent(const QString &code);
bool isSupported(const QString &code);

} // namespace reserva::currency
