// A Stripe event body after its signature verified (server/payments/
// stripeevent.h): signed does not mean well-formed, and the fields read from
// it become a dedup key, an intent lookup and an amount compared with ours.
// Whatever the bytes, an accepted event has a bounded id and a type, a
// status change names its intent, and an amount is a whole number of minor
// units or -1 (unreadable): never a rounded fraction, never a wrapped or
// undefined cast of a huge number.

#include "contract/jsonreader.h"
#include "fuzzsupport.h"
#include "payments/stripeevent.h"

using namespace reserva;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = parseJsonObject(fuzz::bytesOf(data, size));
    if (!body)
        return 0;
    const auto event = readStripeEvent(*body);
    if (!event)
        return 0;
    RESERVA_FUZZ_CHECK(event->provider == u"stripe");
    RESERVA_FUZZ_CHECK(!event->eventId.isEmpty() && event->eventId.size() <= 200);
    RESERVA_FUZZ_CHECK(!event->eventType.isEmpty());
    RESERVA_FUZZ_CHECK(!event->target || !event->providerRef.isEmpty());
    RESERVA_FUZZ_CHECK(event->amountMinor >= -1 && event->amountMinor <= 9007199254740992LL);
    RESERVA_FUZZ_CHECK(event->currency == event->currency.toUpper());
    return 0;
}
