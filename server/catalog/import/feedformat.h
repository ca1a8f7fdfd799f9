#pragma once

#include "core/result.h"
#include "feedrows.h"

#include <QByteArray>

namespace reserva::catalogimport {

// Reads a feed in `format` ("json" or "csv"); the JSON feed's own "provider"
// must be `provider` when it names one. A problem is the whole feed's.
Result<QList<RawProduct>> readFeed(const QByteArray &bytes, const QString &format,
                                   const QString &provider);

} // namespace reserva::catalogimport
