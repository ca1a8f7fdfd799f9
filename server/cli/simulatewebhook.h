#pragma once

#include <QStringList>

namespace reserva::cli {

// `reservad simulate-webhook --provider P --reservation ID --outcome O ...`:
// sends the signed webhook delivery the provider would send for the
// reservation's latest intent at that provider (settling the payment at the
// fake providers first where the provider's notification is only a hint).
int simulateWebhookCommand(const QStringList &arguments);

} // namespace reserva::cli
