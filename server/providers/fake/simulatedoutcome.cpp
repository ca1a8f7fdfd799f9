#include "simulatedoutcome.h"

namespace reserva {

std::optional<SimulatedOutcome> parseSimulatedOutcome(const QString &text)
{
    if (text == u"succeeded")
        return SimulatedOutcome::Succeeded;
    if (text == u"failed")
        return SimulatedOutcome::Failed;
    if (text == u"refunded")
        return SimulatedOutcome::Refunded;
    return std::nullopt;
}

QString simulatedOutcomeName(SimulatedOutcome outcome)
{
    switch (outcome) {
    case SimulatedOutcome::Succeeded:
        return QStringLiteral("succeeded");
    case SimulatedOutcome::Failed:
        return QStringLiteral("failed");
    case SimulatedOutcome::Refunded:
        return QStringLiteral("refunded");
    }
    return {};
}

} // namespace reserva
