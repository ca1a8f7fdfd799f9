#include "money.h"

namespace reserva::money {

std::optional<qint64> parseDecimal(const QString &text, int exponent)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 24 || exponent < 0 || exponent > 4)
        return std::nullopt;
    const qsizetype dot = t.indexOf(u'.');
    const QString whole = dot < 0 ? t : t.left(dot);
    const QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && fraction.isEmpty()) || fraction.size() > exponent)
        return std::nullopt;
    qint64 value = 0;
    const QString digits = whole + fraction.leftJustified(exponent, u'0');
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
        if (value > 1000000000000000LL)
            return std::nullopt;
    }
    return value;
}

QString formatDecimal(qint64 minor, int exponent)
{
    const bool negative = minor < 0;
    // The magnitude in unsigned arithmetic: -minor overflows for INT64_MIN.
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    QString digits = QString::number(magnitude);
    if (exponent > 0) {
        digits = digits.rightJustified(exponent + 1, u'0');
        digits.insert(digits.size() - exponent, u'.');
    }
    return negative ? u'-' + digits : digits;
}

} // namespace reserva::money
