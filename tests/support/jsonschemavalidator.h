#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace reserva::test {

// A JSON Schema (2020-12, as OpenAPI 3.1 uses it) validator for the subset
// our OpenAPI document uses: type (one or a list, "null" included), enum,
// const, properties, required, additionalProperties, items, minItems,
// maxItems, uniqueItems, minLength, maxLength, pattern, format (uuid,
// date-time, date, email), minimum, maximum, exclusiveMinimum,
// exclusiveMaximum, multipleOf, $ref (a JSON pointer into the document),
// allOf, anyOf, oneOf and not. Annotations (description, examples...) are
// ignored. Any other keyword is reported as an error rather than silently
// skipped: a schema the validator cannot check must not pass as checked.
class JsonSchemaValidator
{
public:
    // `document`: the root that "#/..." references resolve against.
    explicit JsonSchemaValidator(QJsonObject document);

    // The errors, each "<instance path>: <what is wrong>"; empty when valid.
    QStringList validate(const QJsonValue &instance, const QJsonValue &schema,
                         const QString &instancePath = QStringLiteral("$")) const;

    // "#/components/schemas/Problem" -> that schema; Undefined when absent.
    QJsonValue resolve(const QString &reference) const;

private:
    void check(const QJsonValue &instance, const QJsonValue &schema, const QString &path,
               QStringList &errors, int depth) const;
    void checkObject(const QJsonObject &instance, const QJsonObject &schema, const QString &path,
                     QStringList &errors, int depth) const;

    QJsonObject m_document;
};

} // namespace reserva::test
