#pragma once

#include "core/result.h"

#include <QJsonObject>

namespace reserva {

class Router;
struct BookingRequest;
struct ServerServices;

// /v1/reservations
void registerReservationRoutes(Router &router, ServerServices &services);

// The body of POST /v1/reservations, parsed and validated at the edge (no
// database): a typed request or a 400 problem naming every bad field. Public
// for the fuzz target (tests/fuzz/fuzz_requestcontracts.cpp).
Result<BookingRequest> readBooking(const QJsonObject &body);

} // namespace reserva
