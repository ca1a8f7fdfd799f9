#pragma once

#include "core/result.h"
#include "feedrows.h"

#include <QByteArray>

namespace reserva::catalogimport {

// The CSV feed (RFC 4180, UTF-8, a header line first; README: "Catalog
// import"): one line per slot, the product's columns repeated on each of its
// lines. Columns, in any order:
//   product_external_id, name, kind, price, currency       (required)
//   transfer_kind, description, active (true|false),
//   slot_external_id, starts_at_local + time_zone | starts_at,
//   capacity, duration_minutes                              (optional)
// A line with an empty slot_external_id carries a product without a slot.
// A row is a product: all the lines sharing its product_external_id, imported
// together or not at all; lines that disagree on a product column reject it.
// Lines count from 1 (the header); a quoted field may span lines.
Result<QList<RawProduct>> readCsvFeed(const QByteArray &bytes);

} // namespace reserva::catalogimport
