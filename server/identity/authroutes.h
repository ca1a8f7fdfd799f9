#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace reserva {

class Router;
struct ServerServices;

// /v1/auth/login, /v1/auth/refresh, /v1/auth/logout, /.well-known/jwks.json
void registerAuthRoutes(Router &router, ServerServices &services);

struct LoginRequest
{
    QString username;
    QString password;
};

// The body of POST /v1/auth/login, checked at the edge (no database): a typed
// request or a 400 problem. Public for the fuzz target
// (tests/fuzz/fuzz_requestcontracts.cpp).
Result<LoginRequest> readLogin(const QJsonObject &body);

} // namespace reserva
