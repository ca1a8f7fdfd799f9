#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace reserva {

// Parses a request body that must be one JSON object. Malformed JSON, another
// top-level type or an empty body is a 400 problem.
Result<QJsonObject> parseJsonObject(const QByteArray &body);

// A JSON number that is a whole number in [min, max] and within 2^53 (what
// a double holds exactly): nullopt for a fraction, a string, or a number
// past either bound (1e300 is valid JSON; casting it to an integer is
// undefined). For documents read leniently (provider events and answers)
// and for JsonObjectReader::integer.
std::optional<qint64> exactInteger(const QJsonValue &value, qint64 min, qint64 max);

// Length bounds of a string field, in characters.
struct StringRule
{
    qsizetype minLength = 0;
    qsizetype maxLength = 256;
};

// Reads a JSON object field by field into typed values at the edge of the
// system, collecting every problem (wrong type, missing, out of range) and,
// in finish(), every field nobody asked for: on writes an unknown field is an
// error, never silently ignored, so a typo or a forged field ("status",
// "amount_minor") cannot slip through.
class JsonObjectReader
{
public:
    enum class Presence { Required, Optional };

    using StringRule = reserva::StringRule;

    explicit JsonObjectReader(QJsonObject object, QString pathPrefix = {});

    std::optional<QString> string(const QString &name, Presence presence, StringRule rule = {});
    std::optional<qint64> integer(const QString &name, Presence presence, qint64 min, qint64 max);
    std::optional<bool> boolean(const QString &name, Presence presence);
    // An RFC 3339 time with its zone offset (fromRfc3339), in UTC.
    std::optional<QDateTime> time(const QString &name, Presence presence);
    std::optional<QJsonObject> object(const QString &name, Presence presence);
    std::optional<QStringList> stringList(const QString &name, Presence presence,
                                          StringRule itemRule = {}, qsizetype maxItems = 64);

    // A field of any JSON type, for a caller that validates it on its own
    // (with the context it needs); nullopt when absent or null.
    std::optional<QJsonValue> raw(const QString &name);
    bool has(const QString &name) const;
    // A field that must not be sent at all (a client-computed price, a status).
    void forbid(const QString &name, const QString &message);
    // A field that was read but fails a domain rule.
    void addError(const QString &name, const QString &message);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    QString path(const QString &name) const;

    // Reports unknown fields, then returns the collected problem, if any.
    std::optional<Problem> finish();

private:
    const QJsonValue *lookup(const QString &name, Presence presence);

    QJsonObject m_object;
    QString m_prefix;
    QSet<QString> m_seen;
    QList<FieldError> m_errors;
    QJsonValue m_current;
};

} // namespace reserva
