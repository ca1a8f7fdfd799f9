#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace reserva {

class Router;
struct ServerServices;

// /v1/reservations/{id}/payment-intents, /v1/payment-intents/{id}
void registerPaymentRoutes(Router &router, ServerServices &services);

// The body of POST /v1/reservations/{id}/payment-intents, checked at the edge
// (no database): the provider it names, or a 400 problem (also for any amount
// or status the client sends: invariant 7). Public for the fuzz target
// (tests/fuzz/fuzz_requestcontracts.cpp).
Result<QString> readPaymentIntentProvider(const QJsonObject &body);

} // namespace reserva
