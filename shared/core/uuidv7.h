#pragma once

#include <QUuid>

namespace reserva {

// A version 7 UUID (RFC 9562, section 5.7): the Unix time in milliseconds in
// the first 48 bits, then 74 random bits (OpenSSL's generator) around the
// version and variant. Ids made later sort after earlier ones, so a primary
// key of them grows at the right edge of its index instead of touching a
// random leaf page with every insert (a page that, after each checkpoint,
// costs a full-page image in the WAL). The time it tells is the row's
// creation time, which the row shows anyway; 74 random bits keep it as
// unguessable as a tenant-scoped id needs to be.
QUuid uuidV7(qint64 unixMillis);

} // namespace reserva
