#include "moneytext.h"

#include "domain/currency.h"
#include "domain/money.h"

#include <QLocale>

namespace reserva::ui::moneytext {

std::optional<qint64> parse(const QString &text, const QString &currency)
{
    const auto exponent = currency::exponent(currency);
    if (!exponent)
        return std::nullopt;
    QString plain = text.trimmed();
    // The locale's decimal point or '.', and no group separators: "1,234"
    // typed in English must not silently become 1234 or 1.234.
    const QString point = QLocale().decimalPoint();
    if (point != QStringLiteral("."))
        plain.replace(point, QStringLiteral("."));
    if (plain.isEmpty())
        return std::nullopt;
    return money::parseDecimal(plain, *exponent);
}

QString editable(qint64 minor, const QString &currency)
{
    QString text = money::formatDecimal(minor, currency::exponent(currency).value_or(2));
    const QString point = QLocale().decimalPoint();
    if (point != QStringLiteral("."))
        text.replace(QStringLiteral("."), point);
    return text;
}

QStringList offeredCurrencies()
{
    QStringList codes;
    for (const char *code :
         {"ARS", "BRL", "USD", "EUR", "CLP", "PYG", "UYU", "MXN", "COP", "PEN", "BOB",
          "CAD", "GBP", "AUD", "NZD", "CHF", "JPY", "CNY", "CRC", "VES", "ZAR", "DKK"}) {
        const QString c = QLatin1String(code);
        if (currency::isSupported(c))
            codes << c;
    }
    return codes;
}

} // namespace reserva::ui::moneytext
