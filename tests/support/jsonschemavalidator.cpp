#include "jsonschemavalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace reserva::test {

namespace {

// Keywords that only describe; they never make an instance invalid.
const QSet<QString> &annotationKeywords()
{
    static const QSet<QString> set{
        QStringLiteral("$schema"),  QStringLiteral("$id"),         QStringLiteral("$comment"),
        QStringLiteral("title"),    QStringLiteral("description"), QStringLiteral("default"),
        QStringLiteral("examples"), QStringLiteral("example"),     QStringLiteral("deprecated"),
        QStringLiteral("readOnly"), QStringLiteral("writeOnly"),
    };
    return set;
}

const QSet<QString> &validationKeywords()
{
    static const QSet<QString> set{
        QStringLiteral("$ref"),
        QStringLiteral("type"),
        QStringLiteral("enum"),
        QStringLiteral("const"),
        QStringLiteral("properties"),
        QStringLiteral("required"),
        QStringLiteral("additionalProperties"),
        QStringLiteral("items"),
        QStringLiteral("minItems"),
        QStringLiteral("maxItems"),
        QStringLiteral("uniqueItems"),
        QStringLiteral("minLength"),
        QStringLiteral("maxLength"),
        QStringLiteral("pattern"),
        QStringLiteral("format"),
        QStringLiteral("minimum"),
        QStringLiteral("maximum"),
        QStringLiteral("exclusiveMinimum"),
        QStringLiteral("exclusiveMaximum"),
        QStringLiteral("multipleOf"),
        QStringLiteral("allOf"),
        QStringLiteral("anyOf"),
        QStringLiteral("oneOf"),
        QStringLiteral("not"),
    };
    return set;
}

QString compact(const QJsonValue &value)
{
    if (value.isString())
        return u'"' + value.toString() + u'"';
    if (value.isUndefined())
        return QStringLiteral("(undefined)");
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"null")
        return value.isNull();
    if (type == u"boolean")
        return value.isBool();
    if (type == u"object")
        return value.isObject();
    if (type == u"array")
        return value.isArray();
    if (type == u"string")
        return value.isString();
    if (type == u"number")
        return value.isDouble();
    if (type == u"integer")
        return isInteger(value);
    return false;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return isInteger(value) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

// RFC 3339 section 5.6 date-time: full-date "T" full-time, the offset
// mandatory; QDateTime then rejects impossible dates and times (Feb 30, 25:00).
bool isDateTime(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!re.match(s).hasMatch())
        return false;
    QString normalized = s.toUpper();
    // Qt parses at most milliseconds; the extra digits do not change validity.
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{1,3})\\d*"));
    normalized.replace(fraction, QStringLiteral(".\\1"));
    return QDateTime::fromString(normalized, Qt::ISODateWithMs).isValid();
}

bool isDate(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return re.match(s).hasMatch() && QDate::fromString(s, Qt::ISODate).isValid();
}

bool isUuid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(s).hasMatch();
}

// Enough of RFC 5321's addr-spec for a contract check: one @, something on
// each side, no spaces, a dot-separated domain.
bool isEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*$"));
    return re.match(s).hasMatch();
}

} // namespace

JsonSchemaValidator::JsonSchemaValidator(QJsonObject document)
    : m_document(std::move(document))
{
}

QJsonValue JsonSchemaValidator::resolve(const QString &reference) const
{
    if (!reference.startsWith(QStringLiteral("#/")))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue node = m_document;
    for (QString token : reference.mid(2).split(u'/')) {
        // JSON pointer escapes (RFC 6901 section 4): ~1 is '/', then ~0 is '~'.
        token.replace(QStringLiteral("~1"), QStringLiteral("/"));
        token.replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (node.isObject()) {
            node = node.toObject().value(token);
        } else if (node.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            node = ok ? node.toArray().at(index) : QJsonValue(QJsonValue::Undefined);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return node;
}

QStringList JsonSchemaValidator::validate(const QJsonValue &instance, const QJsonValue &schema,
                                          const QString &instancePath) const
{
    QStringList errors;
    check(instance, schema, instancePath, errors, 0);
    return errors;
}

void JsonSchemaValidator::check(const QJsonValue &instance, const QJsonValue &schemaValue,
                                const QString &path, QStringList &errors, int depth) const
{
    if (depth > 64) {
        errors.append(path + QStringLiteral(": schema nesting too deep (a $ref cycle?)"));
        return;
    }
    if (schemaValue.isBool()) {
        if (!schemaValue.toBool())
            errors.append(path + QStringLiteral(": no value is allowed here"));
        return;
    }
    if (!schemaValue.isObject()) {
        errors.append(path + QStringLiteral(": the schema is not an object: ") +
                      compact(schemaValue));
        return;
    }
    const QJsonObject schema = schemaValue.toObject();

    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!validationKeywords().contains(it.key()) && !annotationKeywords().contains(it.key()))
            errors.append(path + QStringLiteral(": the validator does not support the keyword ") +
                          it.key());
    }

    if (schema.contains(QStringLiteral("$ref"))) {
        const QString reference = schema.value(QStringLiteral("$ref")).toString();
        const QJsonValue target = resolve(reference);
        if (target.isUndefined())
            errors.append(path + QStringLiteral(": unresolvable $ref ") + reference);
        else
            check(instance, target, path, errors, depth + 1);
    }

    if (schema.contains(QStringLiteral("type"))) {
        const QJsonValue type = schema.value(QStringLiteral("type"));
        QStringList allowed;
        if (type.isArray()) {
            for (const QJsonValue &t : type.toArray())
                allowed.append(t.toString());
        } else {
            allowed.append(type.toString());
        }
        const bool ok = std::any_of(allowed.cbegin(), allowed.cend(),
                                    [&](const QString &t) { return hasType(instance, t); });
        if (!ok) {
            errors.append(path + QStringLiteral(": expected ") + allowed.join(u'|') +
                          QStringLiteral(", got ") + typeName(instance) + u' ' +
                          compact(instance).left(80));
            return; // the other keywords' messages would only repeat this one
        }
    }

    if (schema.contains(QStringLiteral("enum"))) {
        const QJsonArray values = schema.value(QStringLiteral("enum")).toArray();
        if (!values.contains(instance))
            errors.append(path + QStringLiteral(": ") + compact(instance).left(80) +
                          QStringLiteral(" is not one of ") +
                          compact(schema.value(QStringLiteral("enum"))).left(200));
    }
    if (schema.contains(QStringLiteral("const")) &&
        instance != schema.value(QStringLiteral("const")))
        errors.append(path + QStringLiteral(": expected the constant ") +
                      compact(schema.value(QStringLiteral("const"))));

    if (instance.isString()) {
        const QString s = instance.toString();
        const qsizetype codePoints = s.toUcs4().size();
        if (schema.contains(QStringLiteral("minLength")) &&
            codePoints < schema.value(QStringLiteral("minLength")).toInteger())
            errors.append(path + QStringLiteral(": shorter than minLength"));
        if (schema.contains(QStringLiteral("maxLength")) &&
            codePoints > schema.value(QStringLiteral("maxLength")).toInteger())
            errors.append(path + QStringLiteral(": longer than maxLength"));
        if (schema.contains(QStringLiteral("pattern"))) {
            // Unanchored, as in JSON Schema: the pattern anchors itself if it means to.
            const QRegularExpression re(schema.value(QStringLiteral("pattern")).toString());
            if (!re.isValid())
                errors.append(path + QStringLiteral(": invalid pattern ") + re.pattern());
            else if (!re.match(s).hasMatch())
                errors.append(path + QStringLiteral(": ") + compact(instance).left(80) +
                              QStringLiteral(" does not match ") + re.pattern());
        }
        if (schema.contains(QStringLiteral("format"))) {
            const QString format = schema.value(QStringLiteral("format")).toString();
            bool ok = true;
            if (format == u"uuid")
                ok = isUuid(s);
            else if (format == u"date-time")
                ok = isDateTime(s);
            else if (format == u"date")
                ok = isDate(s);
            else if (format == u"email")
                ok = isEmail(s);
            else
                errors.append(path + QStringLiteral(": the validator does not support format ") +
                              format);
            if (!ok)
                errors.append(path + QStringLiteral(": ") + compact(instance).left(80) +
                              QStringLiteral(" is not a valid ") + format);
        }
    }

    if (instance.isDouble()) {
        const double n = instance.toDouble();
        const auto bound = [&](const char *keyword, auto violates) {
            const QString key = QString::fromLatin1(keyword);
            if (schema.contains(key) && violates(schema.value(key).toDouble()))
                errors.append(path + QStringLiteral(": ") + compact(instance) +
                              QStringLiteral(" violates ") + key + u' ' +
                              compact(schema.value(key)));
        };
        bound("minimum", [n](double limit) { return n < limit; });
        bound("maximum", [n](double limit) { return n > limit; });
        bound("exclusiveMinimum", [n](double limit) { return n <= limit; });
        bound("exclusiveMaximum", [n](double limit) { return n >= limit; });
        bound("multipleOf", [n](double m) {
            if (m <= 0)
                return true;
            const double q = n / m;
            return std::fabs(q - std::round(q)) > 1e-9;
        });
    }

    if (instance.isArray()) {
        const QJsonArray array = instance.toArray();
        if (schema.contains(QStringLiteral("minItems")) &&
            array.size() < schema.value(QStringLiteral("minItems")).toInteger())
            errors.append(path + QStringLiteral(": fewer items than minItems"));
        if (schema.contains(QStringLiteral("maxItems")) &&
            array.size() > schema.value(QStringLiteral("maxItems")).toInteger())
            errors.append(path + QStringLiteral(": more items than maxItems"));
        if (schema.value(QStringLiteral("uniqueItems")).toBool()) {
            for (qsizetype i = 0; i < array.size(); ++i) {
                for (qsizetype j = i + 1; j < array.size(); ++j) {
                    if (array.at(i) == array.at(j))
                        errors.append(path +
                                      QStringLiteral(": items %1 and %2 are equal").arg(i).arg(j));
                }
            }
        }
        if (schema.contains(QStringLiteral("items"))) {
            const QJsonValue items = schema.value(QStringLiteral("items"));
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), items, path + u'[' + QString::number(i) + u']', errors,
                      depth + 1);
        }
    }

    if (instance.isObject())
        checkObject(instance.toObject(), schema, path, errors, depth);

    if (schema.contains(QStringLiteral("allOf"))) {
        for (const QJsonValue &sub : schema.value(QStringLiteral("allOf")).toArray())
            check(instance, sub, path, errors, depth + 1);
    }
    if (schema.contains(QStringLiteral("anyOf")) || schema.contains(QStringLiteral("oneOf"))) {
        const bool one = schema.contains(QStringLiteral("oneOf"));
        const QJsonArray branches =
            schema.value(one ? QStringLiteral("oneOf") : QStringLiteral("anyOf")).toArray();
        int passed = 0;
        QStringList branchErrors;
        for (qsizetype i = 0; i < branches.size(); ++i) {
            QStringList sub;
            check(instance, branches.at(i), path, sub, depth + 1);
            if (sub.isEmpty())
                ++passed;
            else
                branchErrors.append(QStringLiteral("[%1] ").arg(i) +
                                    sub.join(QStringLiteral("; ")));
        }
        if (passed == 0)
            errors.append(path + QStringLiteral(": matches none of the ") +
                          (one ? QStringLiteral("oneOf") : QStringLiteral("anyOf")) +
                          QStringLiteral(" branches: ") + branchErrors.join(QStringLiteral(" | ")));
        else if (one && passed > 1)
            errors.append(
                path + QStringLiteral(": matches %1 oneOf branches, not exactly one").arg(passed));
    }
    if (schema.contains(QStringLiteral("not"))) {
        QStringList sub;
        check(instance, schema.value(QStringLiteral("not")), path, sub, depth + 1);
        if (sub.isEmpty())
            errors.append(path + QStringLiteral(": matches the schema under \"not\""));
    }
}

void JsonSchemaValidator::checkObject(const QJsonObject &instance, const QJsonObject &schema,
                                      const QString &path, QStringList &errors, int depth) const
{
    for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray()) {
        if (!instance.contains(name.toString()))
            errors.append(path + QStringLiteral(": missing required property ") + name.toString());
    }
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
    for (auto it = instance.begin(); it != instance.end(); ++it) {
        const QString childPath = path + u'.' + it.key();
        if (properties.contains(it.key())) {
            check(it.value(), properties.value(it.key()), childPath, errors, depth + 1);
        } else if (additional.isBool() && !additional.toBool()) {
            errors.append(path + QStringLiteral(": property ") + it.key() +
                          QStringLiteral(" is not in the schema (additionalProperties: false)"));
        } else if (additional.isObject()) {
            check(it.value(), additional, childPath, errors, depth + 1);
        }
    }
}

} // namespace reserva::test
