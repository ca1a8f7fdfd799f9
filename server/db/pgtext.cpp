#include "pgtext.h"

#include "contract/timeformat.h"

#include <QUuid>

#include <cmath>
#include <cstdlib>
#include <libpq-fe.h>

namespace reserva::pgtext {

namespace {

constexpr qint64 kMsPerDay = 86400000;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads exactly `width` digits at `*p`; false if any is not a digit.
bool readDigits(const char *&p, const char *end, int width, int *value)
{
    if (end - p < width)
        return false;
    int v = 0;
    for (int i = 0; i < width; ++i) {
        if (!isDigit(p[i]))
            return false;
        v = v * 10 + (p[i] - '0');
    }
    p += width;
    *value = v;
    return true;
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
// days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// The shape the server prints (four-digit year, AD). Anything else
// (infinity, BC, years past 9999) goes to Qt's parser, as QPSQL did.
std::optional<QDateTime> parseIsoFast(const char *p, const char *end)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(p, end, 4, &year) || p == end || *p++ != '-' ||
        !readDigits(p, end, 2, &month) || p == end || *p++ != '-' || !readDigits(p, end, 2, &day) ||
        p == end || (*p != ' ' && *p != 'T'))
        return std::nullopt;
    ++p;
    if (!readDigits(p, end, 2, &hour) || p == end || *p++ != ':' ||
        !readDigits(p, end, 2, &minute) || p == end || *p++ != ':' ||
        !readDigits(p, end, 2, &second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > QDate(year, month, 1).daysInMonth() ||
        hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    qint64 micros = 0;
    if (p != end && *p == '.') {
        ++p;
        int digits = 0;
        while (p != end && isDigit(*p)) {
            if (digits < 6) {
                micros = micros * 10 + (*p - '0');
                ++digits;
            } else if (digits == 6) {
                // Only PostgreSQL's six digits are expected; a seventh
                // would change the rounding below.
                return std::nullopt;
            }
            ++p;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 6; ++digits)
            micros *= 10;
    }
    int offsetSeconds = 0;
    if (p != end) {
        const char sign = *p++;
        if (sign != '+' && sign != '-')
            return std::nullopt;
        int oh = 0, om = 0;
        if (!readDigits(p, end, 2, &oh))
            return std::nullopt;
        if (p != end && *p == ':') {
            ++p;
            if (!readDigits(p, end, 2, &om))
                return std::nullopt;
        }
        if (p != end) // seconds in an offset (pre-1901 local mean time): Qt's call
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
    }
    // Round to the millisecond, half up, as Qt's ISO parser does (it may
    // carry into the next second or day).
    const qint64 ms = daysFromCivil(year, month, day) * kMsPerDay +
                      (qint64(hour) * 3600 + minute * 60 + second - offsetSeconds) * 1000 +
                      (micros + 500) / 1000;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QVariant decodeInt8(const char *text, int length)
{
    bool ok = false;
    const qlonglong v = QByteArray::fromRawData(text, length).toLongLong(&ok);
    return ok ? QVariant(v) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant decodeDouble(const char *text, int length)
{
    bool ok = false;
    const double d = QByteArray::fromRawData(text, length).toDouble(&ok);
    if (ok)
        return d;
    if (qstricmp(text, "NaN") == 0)
        return std::nan("");
    if (qstricmp(text, "Infinity") == 0)
        return HUGE_VAL;
    if (qstricmp(text, "-Infinity") == 0)
        return -HUGE_VAL;
    return {};
}

} // namespace

QMetaType metaTypeFor(unsigned typeOid)
{
    switch (typeOid) {
    case oid::kBool:
        return QMetaType(QMetaType::Bool);
    case oid::kInt8:
        return QMetaType(QMetaType::LongLong);
    case oid::kInt2:
    case oid::kInt4:
    case oid::kOid:
    case oid::kRegproc:
    case oid::kXid:
    case oid::kCid:
        return QMetaType(QMetaType::Int);
    case oid::kNumeric:
    case oid::kFloat4:
    case oid::kFloat8:
        return QMetaType(QMetaType::Double);
    case oid::kDate:
        return QMetaType(QMetaType::QDate);
    case oid::kTime:
    case oid::kTimeTz:
        return QMetaType(QMetaType::QTime);
    case oid::kTimestamp:
    case oid::kTimestampTz:
        return QMetaType(QMetaType::QDateTime);
    case oid::kBytea:
        return QMetaType(QMetaType::QByteArray);
    default:
        return QMetaType(QMetaType::QString);
    }
}

QDateTime parseTimestamp(const char *text, int length)
{
    if (auto fast = parseIsoFast(text, text + length))
        return *fast;
    // Without an offset (a timestamp column) the value is UTC, as QPSQL read it.
    const QLatin1StringView view(text, length);
    const bool hasOffset = length > 11 && (view.sliced(11).contains(u'+') ||
                                           view.sliced(11).contains(u'-') || view.endsWith(u'Z'));
    const QDateTime parsed =
        QDateTime::fromString(hasOffset ? view.toString() : view.toString() + u'Z', Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QVariant decode(unsigned typeOid, const char *text, int length)
{
    switch (metaTypeFor(typeOid).id()) {
    case QMetaType::Bool:
        return length > 0 && text[0] == 't';
    case QMetaType::Int:
        return std::atoi(text);
    case QMetaType::LongLong:
        return decodeInt8(text, length);
    case QMetaType::Double:
        return decodeDouble(text, length);
    case QMetaType::QDate:
        return QDate::fromString(QLatin1StringView(text, length), Qt::ISODate);
    case QMetaType::QTime:
        return QTime::fromString(QLatin1StringView(text, length), Qt::ISODate);
    case QMetaType::QDateTime:
        return parseTimestamp(text, length);
    case QMetaType::QByteArray: {
        size_t size = 0;
        unsigned char *bytes =
            PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &size);
        if (!bytes)
            return QVariant(QMetaType(QMetaType::QByteArray));
        QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(size));
        PQfreemem(bytes);
        return out;
    }
    default:
        return QString::fromUtf8(text, length);
    }
}

std::optional<QByteArray> encode(const QVariant &value, bool *binary)
{
    *binary = false;
    if (!value.isValid() || value.isNull())
        return std::nullopt;
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        const auto *s = static_cast<const QString *>(value.constData());
        if (s->isNull())
            return std::nullopt;
        return s->toUtf8();
    }
    case QMetaType::QByteArray: {
        const auto *b = static_cast<const QByteArray *>(value.constData());
        if (b->isNull())
            return std::nullopt;
        *binary = true;
        return *b;
    }
    case QMetaType::QDateTime: {
        const QDateTime t = value.toDateTime();
        if (!t.isValid())
            return std::nullopt;
        const QDateTime utc = t.toUTC();
        const int year = utc.date().year();
        if (year >= 1 && year <= 9999)
            return toRfc3339(utc).toLatin1();
        return utc.toString(Qt::ISODateWithMs).toLatin1();
    }
    case QMetaType::QDate: {
        const QDate d = value.toDate();
        if (!d.isValid())
            return std::nullopt;
        return d.toString(Qt::ISODate).toLatin1();
    }
    case QMetaType::QTime: {
        const QTime t = value.toTime();
        if (!t.isValid())
            return std::nullopt;
        return t.toString(Qt::ISODateWithMs).toLatin1();
    }
    case QMetaType::QUuid: {
        const QUuid id = value.toUuid();
        if (id.isNull())
            return std::nullopt;
        return id.toByteArray(QUuid::WithoutBraces);
    }
    case QMetaType::Bool:
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return QByteArray::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (std::isnan(d))
            return QByteArrayLiteral("NaN");
        if (std::isinf(d))
            return d < 0 ? QByteArrayLiteral("-Infinity") : QByteArrayLiteral("Infinity");
        return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    }
    default:
        return value.toString().toUtf8();
    }
}

QByteArray numberPlaceholders(const QString &sql, int *count)
{
    const QByteArray in = sql.toUtf8();
    QByteArray out;
    out.reserve(in.size() + 16);
    int n = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '\'' || c == '"') {
            // A quoted literal or identifier; a doubled quote stays inside.
            const qsizetype close = in.indexOf(c, i + 1);
            const qsizetype end = close < 0 ? in.size() : close + 1;
            out.append(in.constData() + i, end - i);
            i = end - 1;
        } else if (c == '-' && i + 1 < in.size() && in.at(i + 1) == '-') {
            const qsizetype eol = in.indexOf('\n', i);
            const qsizetype end = eol < 0 ? in.size() : eol;
            out.append(in.constData() + i, end - i);
            i = end - 1;
        } else if (c == '/' && i + 1 < in.size() && in.at(i + 1) == '*') {
            const qsizetype close = in.indexOf("*/", i + 2);
            const qsizetype end = close < 0 ? in.size() : close + 2;
            out.append(in.constData() + i, end - i);
            i = end - 1;
        } else if (c == '?') {
            out.append('$');
            out.append(QByteArray::number(++n));
        } else {
            out.append(c);
        }
    }
    *count = n;
    return out;
}

} // namespace reserva::pgtext
