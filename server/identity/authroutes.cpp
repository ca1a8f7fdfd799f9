#include "authroutes.h"

#include "authservice.h"
#include "contract/jsonreader.h"
#include "http/requestcontext.h"
#include "http/router.h"
#include "runtime/serverservices.h"
#include "tokenservice.h"

namespace reserva {

namespace {

using Presence = JsonObjectReader::Presence;

ClientInfo clientOf(const RequestContext &ctx)
{
    return {ctx.request.peerAddress.toString(), ctx.requestId};
}

// Reads {"<field>": "<token>"} and nothing else.
Result<QString> readSingleToken(RequestContext &ctx, const QString &field)
{
    const auto body = ctx.jsonBody();
    if (!body)
        return body.problem();
    JsonObjectReader reader(*body);
    const auto token = reader.string(field, Presence::Required, {1, 512});
    if (auto problem = reader.finish())
        return *problem;
    return *token;
}

HttpResponse tokenResponse(const RequestContext &ctx, const Result<TokenPair> &result)
{
    if (!result)
        return ctx.problem(result.problem());
    HttpResponse r = HttpResponse::json(200, result->toJson());
    r.setHeader("Pragma", "no-cache");
    return r;
}

} // namespace

Result<LoginRequest> readLogin(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    const auto username = reader.string(QStringLiteral("username"), Presence::Required, {3, 64});
    const auto password = reader.string(QStringLiteral("password"), Presence::Required, {1, 256});
    if (auto problem = reader.finish())
        return *problem;
    return LoginRequest{*username, *password};
}

void registerAuthRoutes(Router &router, ServerServices &services)
{
    // POST /v1/auth/login (public)
    // {"username": 3..64 chars, "password": 1..256 chars}
    // 200 {"access_token","refresh_token","token_type":"Bearer","expires_in"}
    // 401 invalid-credentials (same answer for unknown user, bad password,
    //     disabled account); 429 with Retry-After when throttled.
    // The identity document is re-verified on every login; when the
    // verification API is down the login proceeds unverified (degraded).
    (void)router.addPublic(
        "POST", QStringLiteral("/v1/auth/login"), [&services](RequestContext &ctx) {
            const auto body = ctx.jsonBody();
            if (!body)
                return ctx.problem(body.problem());
            const auto login = readLogin(*body);
            if (!login)
                return ctx.problem(login.problem());
            return tokenResponse(ctx, services.auth.login(ctx.db(), login->username,
                                                          login->password, clientOf(ctx)));
        });

    // POST /v1/auth/refresh (public)
    // {"refresh_token"} -> 200 same shape as login, with a NEW refresh token;
    // the presented one is spent. Presenting a spent token again revokes its
    // whole family (every token descended from that login): 401.
    (void)router.addPublic(
        "POST", QStringLiteral("/v1/auth/refresh"), [&services](RequestContext &ctx) {
            const auto token = readSingleToken(ctx, QStringLiteral("refresh_token"));
            if (!token)
                return ctx.problem(token.problem());
            return tokenResponse(ctx, services.auth.refresh(ctx.db(), *token, clientOf(ctx)));
        });

    // POST /v1/auth/logout (any authenticated user)
    // {"refresh_token"} -> 204; revokes that login's token family. 404 when the
    // token is unknown or belongs to someone else.
    router.add("POST", QStringLiteral("/v1/auth/logout"), {}, [&services](RequestContext &ctx) {
        const auto token = readSingleToken(ctx, QStringLiteral("refresh_token"));
        if (!token)
            return ctx.problem(token.problem());
        const auto result = services.auth.logout(ctx.db(), ctx.caller(), *token, clientOf(ctx));
        if (!result)
            return ctx.problem(result.problem());
        return HttpResponse::noContent();
    });

    // GET /.well-known/jwks.json (public)
    // The current and the still-valid previous Ed25519 public keys.
    (void)router.addPublic(
        "GET", QStringLiteral("/.well-known/jwks.json"), [&services](RequestContext &) {
            HttpResponse r =
                HttpResponse::raw(200, "application/jwk-set+json", services.tokens.jwksDocument());
            r.setHeader("Cache-Control", "public, max-age=60");
            return r;
        });
}

} // namespace reserva
