#pragma once

#include "jsonschemavalidator.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace reserva::test {

struct TestResponse;

// The OpenAPI document as a test oracle: which operations it declares, whether
// those declarations keep our conventions, and whether a response the server
// actually sent is one the document allows.
class OpenApiContract
{
public:
    explicit OpenApiContract(QJsonObject document);

    // resources/openapi.json from the source tree (the file compiled into reservad).
    static const OpenApiContract &fromSourceTree();

    const QJsonObject &document() const { return m_document; }

    // "GET /v1/users/{id}" for every operation under paths.
    QSet<QString> operationKeys() const;

    // Convention checks, each an empty list when the document keeps it:
    // every operation declares `security`, [] exactly for `publicKeys`
    // ("GET /healthz"...), otherwise a scheme of components.securitySchemes;
    QStringList securityViolations(const QSet<QString> &publicKeys) const;
    // every 4xx/5xx response is application/problem+json with the Problem schema;
    QStringList problemResponseViolations() const;
    // every slug is listed by the Problem schema's `type` enum.
    QStringList missingProblemSlugs(const QStringList &slugs) const;

    // Why `response` (to `method` on `target`, path and query) is not what the
    // document promises; empty when it is. Unknown paths answered 404, and
    // known paths answered 405 for an undocumented method, are the router's
    // generic answers and pass.
    QStringList checkResponse(const QByteArray &method, const QString &target,
                              const TestResponse &response) const;

    // The path template ("/v1/users/{id}") that `path` matches; a literal
    // segment wins over a parameter. Empty when none does.
    QString matchPath(const QString &path) const;

private:
    QJsonObject resolveResponse(const QJsonValue &response) const;

    QJsonObject m_document;
    JsonSchemaValidator m_validator;
};

} // namespace reserva::test
