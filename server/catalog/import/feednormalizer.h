#pragma once

#include "feedrows.h"

#include <variant>

namespace reserva::catalogimport {

// Canonical text: Unicode NFC, trimmed, inner whitespace runs collapsed to
// one space ("  Tour\u00a0 de  Tigre " -> "Tour de Tigre").
QString canonicalText(const QString &text);

// Applies the catalog's rules to one read row, identically for JSON and CSV:
// canonical names, the kind and transfer_kind rule, a supported currency and
// a price exact in its minor units, and every slot's time in UTC (a wall-clock
// time that a DST change makes ambiguous or nonexistent is refused, never
// guessed). The first problem found rejects the whole row.
std::variant<FeedProduct, RowRejection> normalizeProduct(const RawProduct &raw);

} // namespace reserva::catalogimport
