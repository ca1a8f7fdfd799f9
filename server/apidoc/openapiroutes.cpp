#include "openapiroutes.h"

#include "http/requestcontext.h"
#include "http/router.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOpenApi, "reserva.http.openapi")

namespace reserva {

namespace {

struct OpenApiDocument
{
    QByteArray body;
    QByteArray etag; // strong: the document's SHA-256, so equal bytes <=> equal tag
};

const OpenApiDocument &compiledInDocument()
{
    // Read once: the resource is immutable for the life of the process.
    static const OpenApiDocument document = [] {
        OpenApiDocument d;
        QFile file(QStringLiteral(":/openapi.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcOpenApi, "the compiled-in OpenAPI document is missing");
            return d;
        }
        d.body = file.readAll();
        d.etag = '"' + QCryptographicHash::hash(d.body, QCryptographicHash::Sha256).toHex() + '"';
        return d;
    }();
    return document;
}

// If-None-Match (RFC 9110 section 13.1.2): a list of entity tags or "*",
// compared weakly; a W/ prefix on the client's copy still names our bytes.
bool matchesIfNoneMatch(const QByteArray &header, const QByteArray &etag)
{
    if (header.isEmpty())
        return false;
    for (QByteArray tag : header.split(',')) {
        tag = tag.trimmed();
        if (tag == "*")
            return true;
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag)
            return true;
    }
    return false;
}

} // namespace

void registerOpenApiRoutes(Router &router)
{
    // GET /openapi.json (public) -> 200 application/json, the OpenAPI 3.1
    // document, with a strong ETag; 304 when If-None-Match names it. It changes
    // only with the binary, so caches may keep it but revalidate (no-cache):
    // after an upgrade a client sees the new contract on its next request.
    (void)router.addPublic("GET", QStringLiteral("/openapi.json"), [](RequestContext &ctx) {
        const OpenApiDocument &document = compiledInDocument();
        if (document.body.isEmpty())
            return ctx.problem(Problem(ProblemType::InternalError));
        HttpResponse response;
        if (matchesIfNoneMatch(ctx.request.header("if-none-match"), document.etag)) {
            response.status = 304;
        } else {
            response = HttpResponse::raw(200, "application/json", document.body);
        }
        response.setHeader("ETag", document.etag);
        response.setHeader("Cache-Control", "public, no-cache");
        return response;
    });
}

} // namespace reserva
