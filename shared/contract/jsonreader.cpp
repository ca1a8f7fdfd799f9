#include "jsonreader.h"

#include "timeformat.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace reserva {

Result<QJsonObject> parseJsonObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return Problem(ProblemType::BadRequest,
                       QStringLiteral("The request body must be a JSON object."));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Problem(
            ProblemType::BadRequest,
            QStringLiteral("The request body is not valid JSON (at offset %1).").arg(error.offset));
    if (!doc.isObject())
        return Problem(ProblemType::BadRequest,
                       QStringLiteral("The request body must be a JSON object."));
    return doc.object();
}

JsonObjectReader::JsonObjectReader(QJsonObject object, QString pathPrefix)
    : m_object(std::move(object))
    , m_prefix(std::move(pathPrefix))
{
}

QString JsonObjectReader::path(const QString &name) const
{
    return m_prefix.isEmpty() ? name : m_prefix + u'.' + name;
}

const QJsonValue *JsonObjectReader::lookup(const QString &name, Presence presence)
{
    m_seen.insert(name);
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd() || it->isNull()) {
        if (presence == Presence::Required)
            addError(name, QStringLiteral("is required"));
        return nullptr;
    }
    m_current = *it;
    return &m_current;
}

std::optional<QString> JsonObjectReader::string(const QString &name, Presence presence,
                                                StringRule rule)
{
    const QJsonValue *v = lookup(name, presence);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        addError(name, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    QString s = v->toString();
    if (s.size() < rule.minLength) {
        addError(name, rule.minLength == 1
                           ? QStringLiteral("must not be empty")
                           : QStringLiteral("must be at least %1 characters").arg(rule.minLength));
        return std::nullopt;
    }
    if (s.size() > rule.maxLength) {
        addError(name, QStringLiteral("must be at most %1 characters").arg(rule.maxLength));
        return std::nullopt;
    }
    for (const QChar c : std::as_const(s)) {
        // Control characters have no place in any text field we accept; they
        // break logs, CSV exports and terminals.
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t') {
            addError(name, QStringLiteral("must not contain control characters"));
            return std::nullopt;
        }
    }
    return s;
}

std::optional<qint64> JsonObjectReader::integer(const QString &name, Presence presence, qint64 min,
                                                qint64 max)
{
    const QJsonValue *v = lookup(name, presence);
    if (!v)
        return std::nullopt;
    if (!exactInteger(*v, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max())) {
        addError(name, QStringLiteral("must be an integer"));
        return std::nullopt;
    }
    const auto i = exactInteger(*v, min, max);
    if (!i) {
        addError(name, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return i;
}

std::optional<qint64> exactInteger(const QJsonValue &value, qint64 min, qint64 max)
{
    // QJsonValue keeps numbers as doubles: accept only exact integers within
    // 2^53 so no value is silently rounded.
    constexpr double kMaxExact = 9007199254740992.0;
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > kMaxExact)
        return std::nullopt;
    const auto i = static_cast<qint64>(d);
    if (i < min || i > max)
        return std::nullopt;
    return i;
}

std::optional<QDateTime> JsonObjectReader::time(const QString &name, Presence presence)
{
    const auto text = string(name, presence, {1, 40});
    if (!text)
        return std::nullopt;
    auto t = fromRfc3339(*text);
    if (!t)
        addError(name, QStringLiteral("must be an RFC 3339 time with a zone offset"));
    return t;
}

std::optional<bool> JsonObjectReader::boolean(const QString &name, Presence presence)
{
    const QJsonValue *v = lookup(name, presence);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        addError(name, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<QJsonObject> JsonObjectReader::object(const QString &name, Presence presence)
{
    const QJsonValue *v = lookup(name, presence);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        addError(name, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QStringList> JsonObjectReader::stringList(const QString &name, Presence presence,
                                                        StringRule itemRule, qsizetype maxItems)
{
    const QJsonValue *v = lookup(name, presence);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        addError(name, QStringLiteral("must be an array of strings"));
        return std::nullopt;
    }
    const QJsonArray array = v->toArray();
    if (array.size() > maxItems) {
        addError(name, QStringLiteral("must have at most %1 items").arg(maxItems));
        return std::nullopt;
    }
    QStringList out;
    for (const QJsonValue &item : array) {
        const QString s = item.toString();
        if (!item.isString() || s.size() < itemRule.minLength || s.size() > itemRule.maxLength) {
            addError(name, QStringLiteral("must be an array of strings of %1 to %2 characters")
                               .arg(itemRule.minLength)
                               .arg(itemRule.maxLength));
            return std::nullopt;
        }
        out.append(s);
    }
    return out;
}

std::optional<QJsonValue> JsonObjectReader::raw(const QString &name)
{
    const QJsonValue *v = lookup(name, Presence::Optional);
    if (!v)
        return std::nullopt;
    return *v;
}

bool JsonObjectReader::has(const QString &name) const
{
    return m_object.contains(name);
}

void JsonObjectReader::forbid(const QString &name, const QString &message)
{
    m_seen.insert(name);
    if (m_object.contains(name))
        addError(name, message);
}

void JsonObjectReader::addError(const QString &name, const QString &message)
{
    m_errors.append({path(name), message});
}

std::optional<Problem> JsonObjectReader::finish()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_seen.contains(it.key()))
            addError(it.key().left(64), QStringLiteral("is not a known field"));
    }
    if (m_errors.isEmpty())
        return std::nullopt;
    Problem p(
        ProblemType::ValidationFailed,
        QStringLiteral("Field '%1' %2.").arg(m_errors.first().field, m_errors.first().message));
    p.errors = m_errors;
    return p;
}

} // namespace reserva
