#include "jsonwriter.h"

#include <QUuid>

#include <charconv>
#include <cmath>

namespace reserva {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Written as itself, with no escape: the common case, copied in runs.
constexpr bool plain(char16_t unit)
{
    return unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\';
}

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
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p != end) {
        const char *run = p;
        while (p != end && plain(static_cast<unsigned char>(*p)))
            ++p;
        m_out.append(run, p - run);
        if (p == end)
            break;
        const auto u = static_cast<unsigned char>(*p++);
        if (u < 0x80) {
            appendAscii(m_out, char(u));
        } else { // Latin-1 above ASCII: two UTF-8 bytes
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
    qsizetype i = 0;
    while (i < n) {
        const qsizetype run = i;
        while (i < n && plain(text[i].unicode()))
            ++i;
        if (i != run) {
            const qsizetype at = m_out.size();
            m_out.resize(at + (i - run));
            char *out = m_out.data() + at;
            for (qsizetype k = run; k < i; ++k)
                *out++ = char(text[k].unicode());
        }
        if (i == n)
            break;
        const char16_t u = text[i++].unicode();
        if (u < 0x80) {
            appendAscii(m_out, char(u));
        } else if (u < 0x800) {
            m_out.append(char(0xc0 | (u >> 6)));
            m_out.append(char(0x80 | (u & 0x3f)));
        } else if (QChar::isHighSurrogate(u) && i < n && QChar::isLowSurrogate(text[i].unicode())) {
            const char32_t cp = QChar::surrogateToUcs4(u, text[i++].unicode());
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

void JsonWriter::uuid(const QUuid &id)
{
    beforeValue();
    // QUuid::toByteArray(WithoutBraces)'s text, without its allocation.
    char text[38];
    char *p = text;
    *p++ = '"';
    const auto hex = [&p](quint64 value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
            *p++ = kHex[(value >> shift) & 0xf];
    };
    hex(id.data1, 8);
    *p++ = '-';
    hex(id.data2, 4);
    *p++ = '-';
    hex(id.data3, 4);
    *p++ = '-';
    hex(quint64(id.data4[0]) << 8 | id.data4[1], 4);
    *p++ = '-';
    for (int i = 2; i < 8; ++i)
        hex(id.data4[i], 2);
    *p++ = '"';
    m_out.append(text, p - text);
}

void JsonWriter::integer(qint64 value)
{
    beforeValue();
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    m_out.append(text, end - text);
}

void JsonWriter::number(double value)
{
    beforeValue();
    if (!std::isfinite(value)) {
        m_out.append("null", 4); // JSON has no infinity or NaN
        return;
    }
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr; // shortest round trip
    m_out.append(text, end - text);
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
