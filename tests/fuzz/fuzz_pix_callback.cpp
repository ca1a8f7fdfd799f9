// The BCB API Pix callback body (server/payments/pixcallback.h). The callback
// is unsigned (mutual TLS and a URL secret authenticate it), so its body is
// the hostile input: every entry it yields must hold the documented field
// shapes, since they are used as a dedup key and in the PSP confirmation URL.

#include "fuzzsupport.h"
#include "payments/pixcallback.h"

using namespace reserva;

namespace {

bool isAsciiAlnum(const QString &s)
{
    for (QChar c : s) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto entries = pixCallbackEntries(fuzz::bytesOf(data, size));
    if (!entries)
        return 0;
    RESERVA_FUZZ_CHECK(!entries->isEmpty() && entries->size() <= 100);
    for (const PixEntry &e : *entries) {
        RESERVA_FUZZ_CHECK(e.endToEndId.size() == 32 && isAsciiAlnum(e.endToEndId));
        RESERVA_FUZZ_CHECK(e.txid.size() >= 26 && e.txid.size() <= 35 && isAsciiAlnum(e.txid));
        RESERVA_FUZZ_CHECK(e.amountMinor >= 0);
    }
    return 0;
}
