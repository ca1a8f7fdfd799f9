#pragma once

#include <QString>

#include <optional>

namespace reserva {

// What a simulated customer did with a payment: the three outcomes the fake
// providers can settle and `reservad simulate-webhook` can announce.
enum class SimulatedOutcome { Succeeded, Failed, Refunded };

std::optional<SimulatedOutcome> parseSimulatedOutcome(const QString &text);
QString simulatedOutcomeName(SimulatedOutcome outcome);

} // namespace reserva
