#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

class QUuid;

namespace reserva {

// Writes compact JSON straight into bytes, for answers on hot routes where
// building a QJsonObject (a QCborValue per member, then a second pass to
// serialize it) cost more than the database read behind it. The output is
// byte for byte what QJsonDocument::toJson(Compact) writes for the same
// members in the same order (tst_jsonwriter holds it to that), so callers
// must write an object's keys in QJsonObject's order: sorted.
class JsonWriter
{
public:
    JsonWriter() { m_out.reserve(1024); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // A member's name; its value follows.
    void key(QLatin1StringView name);

    void string(QStringView text);
    void string(QLatin1StringView text);
    // The id as QUuid::toString(WithoutBraces) writes it.
    void uuid(const QUuid &id);
    void integer(qint64 value);
    // The shortest text that reads back as `value`, null for infinities and
    // NaN; for logs and metrics: not held to QJsonDocument's spelling.
    void number(double value);
    void boolean(bool value);
    void null();

    QByteArray take() { return std::move(m_out); }
    const QByteArray &bytes() const { return m_out; }

private:
    void open(char bracket);
    void close(char bracket);
    // A comma before the second and later values of an array (an object's
    // comma comes before its key).
    void beforeValue();
    void writeLatin1(QLatin1StringView text);

    QByteArray m_out;
    bool m_first = true;     // no value yet in the innermost container
    bool m_afterKey = false; // the next value belongs to a key just written
};

} // namespace reserva
