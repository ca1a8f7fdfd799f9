#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace reserva::discount {

// Discounts in integer minor units, never floating point. A percentage is
// given in basis points (1250 = 12.5 %), so every percent the API accepts
// (two decimals at most) is exact.

constexpr int kFullPercentBasisPoints = 10000;

// `amountMinor` x `basisPoints` / 10000, rounded half to even on the minor
// unit (0.5 goes to the even neighbour: banker's rounding, no upward drift
// over many bookings). nullopt for a negative amount or basis points outside
// 0..10000. Exact for every qint64 amount: no intermediate product overflows.
std::optional<qint64> percentOf(qint64 amountMinor, int basisPoints);

// One promotion's discount rule.
struct Rule
{
    enum class Kind { Percent, Fixed };
    Kind kind = Kind::Percent;
    qint64 value = 0; // basis points (Percent) or minor units (Fixed)

    static Rule percent(int basisPoints) { return {Kind::Percent, basisPoints}; }
    static Rule fixed(qint64 minor) { return {Kind::Fixed, minor}; }
};

// The discount of one rule on `subtotalMinor`: a percent rounded half-even,
// a fixed amount as is; never more than the subtotal (the amount never goes
// below zero). nullopt for a negative subtotal or an invalid rule.
std::optional<qint64> of(qint64 subtotalMinor, const Rule &rule);

// Stacked rules: each is computed on the undiscounted subtotal (so the order
// of codes does not matter for percentages), then taken in order while the
// subtotal lasts, so the discounts sum to at most the subtotal. One entry per
// rule; nullopt if any rule or the subtotal is invalid.
std::optional<QList<qint64>> split(qint64 subtotalMinor, const QList<Rule> &rules);

} // namespace reserva::discount
