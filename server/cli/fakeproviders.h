#pragma once

#include <QStringList>

namespace reserva::cli {

// `reservad fake-providers [--listen HOST:PORT]`: local stand-ins for Stripe,
// Mercado Pago and the Pix PSP (server/providers/fake) until SIGINT/SIGTERM.
int fakeProvidersCommand(const QStringList &arguments);

} // namespace reserva::cli
