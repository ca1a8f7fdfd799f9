// The catalog CSV feed (server/catalog/import/csvfeedreader.h) as a provider
// uploads it, then the normalizer every row goes through before the database
// (feednormalizer.h). No database: the stage that turns bytes into rows.

#include "catalog/import/csvfeedreader.h"
#include "feedrowchecks.h"

using namespace reserva;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto rows = catalogimport::readCsvFeed(fuzz::bytesOf(data, size));
    if (!rows) {
        RESERVA_FUZZ_CHECK(problemTypeInfo(rows.problem().type).status < 500);
        return 0;
    }
    fuzz::normalizeAndCheck(*rows);
    return 0;
}
