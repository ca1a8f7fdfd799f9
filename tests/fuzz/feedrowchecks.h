#pragma once

#include "catalog/import/feednormalizer.h"
#include "fuzzsupport.h"

// The catalog normalizer's promises, checked on every row a feed reader
// yields (fuzz_catalog_csv, fuzz_catalog_json).

namespace reserva::fuzz {

inline void normalizeAndCheck(const QList<catalogimport::RawProduct> &rows)
{
    using namespace catalogimport;
    for (const RawProduct &raw : rows) {
        const auto normalized = normalizeProduct(raw);
        if (const auto *rejection = std::get_if<RowRejection>(&normalized)) {
            RESERVA_FUZZ_CHECK(!rejection->reason.isEmpty());
            continue;
        }
        RESERVA_FUZZ_CHECK(!raw.unreadable);
        const FeedProduct &p = std::get<FeedProduct>(normalized);
        RESERVA_FUZZ_CHECK(!p.name.isEmpty() && canonicalText(p.name) == p.name);
        RESERVA_FUZZ_CHECK(!p.externalId.isEmpty());
        RESERVA_FUZZ_CHECK(p.priceMinor >= 0);
        RESERVA_FUZZ_CHECK(p.slots.size() == raw.slots.size());
        for (const FeedSlot &s : p.slots) {
            RESERVA_FUZZ_CHECK(s.startsAt.isValid() && s.startsAt.timeSpec() == Qt::UTC);
            RESERVA_FUZZ_CHECK(s.capacity >= 0 && s.durationMinutes >= 1);
        }
    }
}

} // namespace reserva::fuzz
