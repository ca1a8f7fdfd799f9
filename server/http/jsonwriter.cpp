#include "jsonwriter.h"

namespace reserva {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendEscape(QByteArray &out, char16_t unit)
{
    out.append("\\u", 2);
    out.append(kHex[(unit >> 12) & 0xf]);
    out.append(kHex[(unit >> 8) & 0xf]);
    out.append(kHex[(unit >> 4) & 0xf]);
    out.append(kHex[unit & 0xf]);
}

// Appends `c` (< 0x80) as QJsonDocument does: the short escapes for quote,
// backslash and five controls, \u00xx for the other controls, else itself.
void appendAscii(QByteArray &out, char c)
{
    switch (c) {
    case '"':
        out.append("\\\"", 2);
        return;
    case '\\':
        out.append("\\\\", 2);
        return;
    case '\b':
        out.append("\\b", 2);
        return;
    case '\f':
        out.append("\\f", 2);
        return;
    case '\n':
        out.append("\\n", 2);
        return;
    case '\r':
        out.append("\\r", 2);
        return;
    case '\t':
        out.append("\\t", 2);
        return;
    default:
        if (static_cast<unsigned char>(c) < 0x20)
            appendEscape(out, char16_t(c));
        else
            out.append(c);
    }
}

} // namespace

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.append(bracket);
    m_first = true;
}

void JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_first = false;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out.append(',');
    m_first = false;
}

void JsonWriter::key(QLatin1StringView name)
{
    if (!m_first)
        m_out.append(',');
    m_first = false;
    writeLatin1(name);
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::string(QLatin1StringView text)
{
    beforeValue();
    writeLatin1(text);
}

void JsonWriter::writeLatin1(QLatin1StringView text)
{
    m_out.append('"');
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x80) {
            appendAscii(m_out, c);
        } else { // Latin-1 above ASCII: two UTF-8 bytes
            const auto u = static_cast<unsigned char>(c);
            m_out.append(char(0xc0 | (u >> 6)));
            m_out.append(char(0x80 | (u & 0x3f)));
        }
    }
    m_out.append('"');
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    m_out.append('"');
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            appendAscii(m_out, char(u));
        } else if (u < 0x800) {
            m_out.append(char(0xc0 | (u >> 6)));
            m_out.append(char(0x80 | (u & 0x3f)));
        } else if (QChar::isHighSurrogate(u) && i + 1 < n &&
                   QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t cp = QChar::surrogateToUcs4(u, text[++i].unicode());
            m_out.append(char(0xf0 | (cp >> 18)));
            m_out.append(char(0x80 | ((cp >> 12) & 0x3f)));
            m_out.append(char(0x80 | ((cp >> 6) & 0x3f)));
            m_out.append(char(0x80 | (cp & 0x3f)));
        } else if (QChar::isSurrogate(u)) {
            appendEscape(m_out, u); // a lone surrogate has no UTF-8 form
        } else {
            m_out.append(char(0xe0 | (u >> 12)));
            m_out.append(char(0x80 | ((u >> 6) & 0x3f)));
            m_out.append(char(0x80 | (u & 0x3f)));
        }
    }
    m_out.append('"');
}

void JsonWriter::integer(qint64 value)
{
    beforeValue();
    m_out.append(QByteArray::number(value));
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null", 4);
}

} // namespace reserva
