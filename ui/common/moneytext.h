#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace reserva::ui {

// Money as the user types it: a decimal in the currency's major unit
// ("1234.50", or "1234,50" where the comma is the decimal point; no group
// separators), converted
// exactly to integer minor units with the currency's exponent (shared
// domain/money + currency): no floating point, no rounding.
namespace moneytext {

// nullopt when the text is not an amount of that currency (too many decimals
// for its exponent, a sign, letters, an unknown currency).
std::optional<qint64> parse(const QString &text, const QString &currency);
// The editable form of an amount: "1234.50" with the locale's decimal point.
QString editable(qint64 minor, const QString &currency);
// The currencies the forms offer (the server's supported ISO 4217 codes).
QStringList offeredCurrencies();

} // namespace moneytext

} // namespace reserva::ui
