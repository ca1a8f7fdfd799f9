// Request bodies of the main POST routes, as a client sends them: the bytes go
// through the same edge parsing as the server (parseJsonObject, then each
// route's reader) and must come out as a typed request within its bounds or
// as a 400-class problem naming a field. No database is involved.

#include "booking/reservationroutes.h"
#include "booking/reservationservice.h"
#include "contract/jsonreader.h"
#include "contract/problem.h"
#include "fuzzsupport.h"
#include "identity/authroutes.h"
#include "payments/paymentroutes.h"
#include "promotions/promotionrequests.h"

using namespace reserva;

namespace {

void checkRefusal(const Problem &problem)
{
    const int status = problemTypeInfo(problem.type).status;
    RESERVA_FUZZ_CHECK(status == 400 || status == 422);
}

void fuzzBooking(const QJsonObject &body)
{
    const auto booking = readBooking(body);
    if (!booking) {
        checkRefusal(booking.problem());
        RESERVA_FUZZ_CHECK(!booking.problem().errors.isEmpty());
        return;
    }
    RESERVA_FUZZ_CHECK(!booking->slotId.isNull());
    RESERVA_FUZZ_CHECK(booking->quantity >= 1 && booking->quantity <= 100);
    RESERVA_FUZZ_CHECK(!booking->customer.name.isEmpty());
    RESERVA_FUZZ_CHECK(booking->customer.email.contains(u'@'));
    // Invariant 7: a body that carries a price or a status is never a request.
    RESERVA_FUZZ_CHECK(!body.contains(QStringLiteral("amount_minor")) &&
                       !body.contains(QStringLiteral("status")));
}

void fuzzLogin(const QJsonObject &body)
{
    const auto login = readLogin(body);
    if (!login) {
        checkRefusal(login.problem());
        return;
    }
    RESERVA_FUZZ_CHECK(login->username.size() >= 3 && login->username.size() <= 64);
    RESERVA_FUZZ_CHECK(login->password.size() >= 1 && login->password.size() <= 256);
}

void fuzzPaymentIntent(const QJsonObject &body)
{
    const auto provider = readPaymentIntentProvider(body);
    if (!provider) {
        checkRefusal(provider.problem());
        return;
    }
    RESERVA_FUZZ_CHECK(*provider == u"stripe" || *provider == u"mercadopago" ||
                       *provider == u"pix");
}

void fuzzPromotion(const QJsonObject &body)
{
    // A partner manager of one tenant and a global admin: the tenant rules differ.
    const Principal manager{QUuid::fromString(u"7a1d3c52-0000-4000-8000-000000000001"),
                            {QStringLiteral("partner_manager")},
                            QUuid::fromString(u"7a1d3c52-0000-4000-8000-0000000000aa")};
    const Principal admin{QUuid::fromString(u"7a1d3c52-0000-4000-8000-000000000002"),
                          {QStringLiteral("admin")},
                          QUuid()};
    for (const Principal &caller : {manager, admin}) {
        const auto created = promotionrequests::readCreate(body, caller);
        if (!created) {
            checkRefusal(created.problem());
            continue;
        }
        RESERVA_FUZZ_CHECK(!created->tenantId.isNull());
        RESERVA_FUZZ_CHECK(caller.isGlobal() || created->tenantId == caller.tenantId);
        RESERVA_FUZZ_CHECK(created->discountPercentBp.has_value() !=
                           created->discountMinor.has_value());
    }
    const auto changes = promotionrequests::readChanges(body);
    if (!changes)
        checkRefusal(changes.problem());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = parseJsonObject(fuzz::bytesOf(data, size));
    if (!body) {
        checkRefusal(body.problem());
        return 0;
    }
    fuzzBooking(*body);
    fuzzLogin(*body);
    fuzzPaymentIntent(*body);
    fuzzPromotion(*body);
    return 0;
}
