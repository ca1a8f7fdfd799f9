#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

// Values in PostgreSQL's text format, both ways, for the statements
// DbConnection sends through libpq's extended protocol. The QVariant types
// are the ones the QtSql driver (QPSQL) produced, so the stores read rows the
// same way whichever layer ran the statement.
namespace reserva::pgtext {

// PostgreSQL type OIDs (src/include/catalog/pg_type.dat).
namespace oid {
inline constexpr unsigned kBool = 16;
inline constexpr unsigned kBytea = 17;
inline constexpr unsigned kInt8 = 20;
inline constexpr unsigned kInt2 = 21;
inline constexpr unsigned kInt4 = 23;
inline constexpr unsigned kRegproc = 24;
inline constexpr unsigned kOid = 26;
inline constexpr unsigned kXid = 28;
inline constexpr unsigned kCid = 29;
inline constexpr unsigned kFloat4 = 700;
inline constexpr unsigned kFloat8 = 701;
inline constexpr unsigned kDate = 1082;
inline constexpr unsigned kTime = 1083;
inline constexpr unsigned kTimestamp = 1114;
inline constexpr unsigned kTimestampTz = 1184;
inline constexpr unsigned kTimeTz = 1266;
inline constexpr unsigned kNumeric = 1700;
} // namespace oid

// The QVariant type a column of this type is read as.
QMetaType metaTypeFor(unsigned typeOid);

// One non-NULL value of a text-format result column.
QVariant decode(unsigned typeOid, const char *text, int length);

// A timestamp or timestamptz as the server prints it with DateStyle ISO
// ("2026-11-25 06:31:03.123456+00"; no offset: UTC), rounded to the
// millisecond like Qt's ISO parser. Invalid for infinity or malformed text.
QDateTime parseTimestamp(const char *text, int length);

// A bound value: SQL NULL (nullopt), or its text, or raw bytes for a bytea
// (`*binary` set: sent in binary format, so no escaping is involved).
// NULL follows QtSql's rule: an invalid QVariant, or a null QString,
// QByteArray, QDate, QTime, QDateTime or QUuid.
std::optional<QByteArray> encode(const QVariant &value, bool *binary);

// `?` placeholders to `$1`, `$2`... outside quoted literals, identifiers and
// comments. `*count` receives the number of placeholders.
QByteArray numberPlaceholders(const QString &sql, int *count);

} // namespace reserva::pgtext
