#include "openapicontract.h"

#include "testhttpclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace reserva::test {

namespace {

const QStringList &httpMethods()
{
    static const QStringList list{
        QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
        QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
        QStringLiteral("patch"),  QStringLiteral("trace"),
    };
    return list;
}

const QString kProblemRef = QStringLiteral("#/components/schemas/Problem");
const QString kProblemMediaType = QStringLiteral("application/problem+json");
const QString kProblemTypePrefix = QStringLiteral("urn:reserva:problem:");

bool isJsonMediaType(const QString &mediaType)
{
    return mediaType == u"application/json" || mediaType.endsWith(u"+json");
}

} // namespace

OpenApiContract::OpenApiContract(QJsonObject document)
    : m_document(std::move(document))
    , m_validator(m_document)
{
}

const OpenApiContract &OpenApiContract::fromSourceTree()
{
    static const OpenApiContract contract = [] {
        QFile file(QStringLiteral(RESERVA_OPENAPI_PATH));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", RESERVA_OPENAPI_PATH);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject())
            qFatal("%s is not a JSON object: %s", RESERVA_OPENAPI_PATH,
                   qPrintable(error.errorString()));
        return OpenApiContract(doc.object());
    }();
    return contract;
}

QSet<QString> OpenApiContract::operationKeys() const
{
    QSet<QString> keys;
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            if (httpMethods().contains(op.key()))
                keys.insert(op.key().toUpper() + u' ' + path.key());
        }
    }
    return keys;
}

QStringList OpenApiContract::securityViolations(const QSet<QString> &publicKeys) const
{
    QStringList violations;
    const QJsonObject schemes = m_document.value(QStringLiteral("components"))
                                    .toObject()
                                    .value(QStringLiteral("securitySchemes"))
                                    .toObject();
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            if (!httpMethods().contains(op.key()))
                continue;
            const QString key = op.key().toUpper() + u' ' + path.key();
            const QJsonObject operation = op.value().toObject();
            // Explicit on every operation: the document-wide default would make
            // a forgotten `security: []` look authenticated, or the reverse.
            if (!operation.contains(QStringLiteral("security"))) {
                violations.append(key + QStringLiteral(": no security declared"));
                continue;
            }
            const QJsonArray security = operation.value(QStringLiteral("security")).toArray();
            if (publicKeys.contains(key)) {
                if (!security.isEmpty())
                    violations.append(key + QStringLiteral(": public, but security is not []"));
                continue;
            }
            if (security.isEmpty()) {
                violations.append(key +
                                  QStringLiteral(": security: [] but the route needs a token"));
                continue;
            }
            for (const QJsonValue &requirement : security) {
                const QJsonObject names = requirement.toObject();
                if (names.isEmpty())
                    violations.append(key + QStringLiteral(": an empty security requirement "
                                                           "makes the token optional"));
                for (const QString &name : names.keys()) {
                    if (!schemes.contains(name))
                        violations.append(key + QStringLiteral(": unknown security scheme ") +
                                          name);
                }
            }
        }
    }
    return violations;
}

QStringList OpenApiContract::problemResponseViolations() const
{
    QStringList violations;
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            if (!httpMethods().contains(op.key()))
                continue;
            const QString key = op.key().toUpper() + u' ' + path.key();
            const QJsonObject responses =
                op.value().toObject().value(QStringLiteral("responses")).toObject();
            if (responses.isEmpty())
                violations.append(key + QStringLiteral(": no responses"));
            for (auto r = responses.begin(); r != responses.end(); ++r) {
                if (!r.key().startsWith(u'4') && !r.key().startsWith(u'5'))
                    continue;
                const QJsonObject content =
                    resolveResponse(r.value()).value(QStringLiteral("content")).toObject();
                const QString schemaRef = content.value(kProblemMediaType)
                                              .toObject()
                                              .value(QStringLiteral("schema"))
                                              .toObject()
                                              .value(QStringLiteral("$ref"))
                                              .toString();
                if (content.keys() != QStringList{kProblemMediaType} || schemaRef != kProblemRef)
                    violations.append(key + u' ' + r.key() +
                                      QStringLiteral(": not application/problem+json with ") +
                                      kProblemRef);
            }
        }
    }
    return violations;
}

QStringList OpenApiContract::missingProblemSlugs(const QStringList &slugs) const
{
    const QJsonArray types = m_validator.resolve(kProblemRef)
                                 .toObject()
                                 .value(QStringLiteral("properties"))
                                 .toObject()
                                 .value(QStringLiteral("type"))
                                 .toObject()
                                 .value(QStringLiteral("enum"))
                                 .toArray();
    QStringList missing;
    for (const QString &slug : slugs) {
        if (!types.contains(QJsonValue(kProblemTypePrefix + slug)))
            missing.append(slug);
    }
    return missing;
}

QJsonObject OpenApiContract::resolveResponse(const QJsonValue &response) const
{
    // A response may be {"$ref": "#/components/responses/..."}: the
    // dispatcher's answers that every operation shares are written once.
    const QJsonObject object = response.toObject();
    const QString reference = object.value(QStringLiteral("$ref")).toString();
    return reference.isEmpty() ? object : m_validator.resolve(reference).toObject();
}

QString OpenApiContract::matchPath(const QString &path) const
{
    const QStringList segments = path.split(u'/');
    QString best;
    qsizetype bestParams = -1;
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QStringList pattern = it.key().split(u'/');
        if (pattern.size() != segments.size())
            continue;
        qsizetype params = 0;
        bool ok = true;
        for (qsizetype i = 0; i < pattern.size() && ok; ++i) {
            if (pattern[i].startsWith(u'{') && pattern[i].endsWith(u'}')) {
                ok = !segments[i].isEmpty();
                ++params;
            } else {
                ok = pattern[i] == segments[i];
            }
        }
        if (ok && (bestParams < 0 || params < bestParams)) {
            best = it.key();
            bestParams = params;
        }
    }
    return best;
}

QStringList OpenApiContract::checkResponse(const QByteArray &method, const QString &target,
                                           const TestResponse &response) const
{
    const QString path = target.section(u'?', 0, 0);
    const QString pathTemplate = matchPath(path);
    const QString where = QString::fromLatin1(method) + u' ' +
                          (pathTemplate.isEmpty() ? path : pathTemplate) + u' ' +
                          QString::number(response.status);
    if (pathTemplate.isEmpty()) {
        if (response.status == 404)
            return {};
        return {where + QStringLiteral(": the path is not in the document")};
    }
    const QJsonObject operation = m_document.value(QStringLiteral("paths"))
                                      .toObject()
                                      .value(pathTemplate)
                                      .toObject()
                                      .value(QString::fromLatin1(method).toLower())
                                      .toObject();
    if (operation.isEmpty()) {
        if (response.status == 405)
            return {};
        return {where + QStringLiteral(": the method is not in the document")};
    }
    const QJsonObject responses = operation.value(QStringLiteral("responses")).toObject();
    const QString status = QString::number(response.status);
    QJsonValue declared = responses.value(status);
    if (declared.isUndefined())
        declared = responses.value(status.left(1) + QStringLiteral("XX"));
    if (declared.isUndefined())
        declared = responses.value(QStringLiteral("default"));
    if (declared.isUndefined())
        return {where + QStringLiteral(": the status is not documented for this operation (") +
                QString::fromUtf8(response.body.left(200)) + u')'};

    const QJsonObject content =
        resolveResponse(declared).value(QStringLiteral("content")).toObject();
    if (content.isEmpty()) {
        if (!response.body.isEmpty())
            return {where + QStringLiteral(": documented without content, but a body came")};
        return {};
    }
    if (method == "HEAD" || response.status == 304)
        return {};
    const QString mediaType = QString::fromLatin1(response.header("content-type"))
                                  .section(u';', 0, 0)
                                  .trimmed()
                                  .toLower();
    if (!content.contains(mediaType))
        return {where + QStringLiteral(": content type '") + mediaType +
                QStringLiteral("' is not documented (") +
                content.keys().join(QStringLiteral(", ")) + u')'};
    if (!isJsonMediaType(mediaType))
        return {};
    const QJsonValue schema = content.value(mediaType).toObject().value(QStringLiteral("schema"));
    QJsonParseError parseError;
    const QJsonDocument body = QJsonDocument::fromJson(response.body, &parseError);
    if (body.isNull())
        return {where + QStringLiteral(": the body is not JSON: ") + parseError.errorString()};
    if (schema.isUndefined())
        return {};
    const QJsonValue instance =
        body.isObject() ? QJsonValue(body.object()) : QJsonValue(body.array());
    QStringList errors = m_validator.validate(instance, schema);
    for (QString &e : errors)
        e = where + QStringLiteral(": ") + e;
    return errors;
}

} // namespace reserva::test
