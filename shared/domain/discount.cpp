#include "discount.h"

namespace reserva::discount {

std::optional<qint64> percentOf(qint64 amountMinor, int basisPoints)
{
    if (amountMinor < 0 || basisPoints < 0 || basisPoints > kFullPercentBasisPoints)
        return std::nullopt;
    // amount x bp / 10000 without forming amount x bp (which overflows past
    // ~9.2e14 minor units): split amount = q x 10000 + r, then
    // amount x bp / 10000 = q x bp + r x bp / 10000, where q x bp <= amount
    // and r x bp < 10^8.
    const qint64 q = amountMinor / kFullPercentBasisPoints;
    const qint64 r = amountMinor % kFullPercentBasisPoints;
    const qint64 rest = r * basisPoints;
    qint64 result = q * basisPoints + rest / kFullPercentBasisPoints;
    const qint64 remainder = rest % kFullPercentBasisPoints;
    const qint64 twice = remainder * 2;
    if (twice > kFullPercentBasisPoints || (twice == kFullPercentBasisPoints && result % 2 != 0))
        ++result;
    return result;
}

std::optional<qint64> of(qint64 subtotalMinor, const Rule &rule)
{
    if (subtotalMinor < 0)
        return std::nullopt;
    if (rule.kind == Rule::Kind::Percent) {
        if (rule.value < 0 || rule.value > kFullPercentBasisPoints)
            return std::nullopt;
        return percentOf(subtotalMinor, int(rule.value));
    }
    if (rule.value < 0)
        return std::nullopt;
    return qMin(rule.value, subtotalMinor);
}

std::optional<QList<qint64>> split(qint64 subtotalMinor, const QList<Rule> &rules)
{
    QList<qint64> out;
    qint64 left = subtotalMinor;
    for (const Rule &rule : rules) {
        const auto d = of(subtotalMinor, rule);
        if (!d)
            return std::nullopt;
        const qint64 taken = qMin(*d, left);
        out.append(taken);
        left -= taken;
    }
    return out;
}

} // namespace reserva::discount
