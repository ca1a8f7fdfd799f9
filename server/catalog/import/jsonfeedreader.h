#pragma once

#include "core/result.h"
#include "feedrows.h"

#include <QByteArray>

namespace reserva::catalogimport {

// The JSON feed (README: "Catalog import"):
//   {"provider"?: NAME, "time_zone"?: IANA zone, "products": [
//     {"external_id", "name", "kind", "transfer_kind"?, "description"?,
//      "price": "123.45", "currency", "active"?, "time_zone"?,
//      "capacity"?, "duration_minutes"?,        (defaults for its slots)
//      "slots"?: [{"external_id", "starts_at_local" | "starts_at",
//                  "capacity"?, "duration_minutes"?}]}]}
// A row is one element of "products" (its line is its index). A problem with
// the feed as a whole (not JSON, no "products", another provider, an unknown
// top-level field or zone) refuses the whole feed; a problem inside one
// element rejects that row only.
Result<QList<RawProduct>> readJsonFeed(const QByteArray &bytes, const QString &provider);

} // namespace reserva::catalogimport
