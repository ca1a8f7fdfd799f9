// Request bodies of the POST and PATCH routes, as a client sends them: the bytes go
// through the same edge parsing as the server (parseJsonObject, then each
// route's reader) and must come out as a typed request within its bounds or
// as a 400-class problem naming a field. No database is involved.

#include "booking/reservationroutes.h"
#include "booking/reservationservice.h"
#include "catalog/catalogrequests.h"
#include "contract/jsonreader.h"
#include "contract/problem.h"
#include "fuzzsupport.h"
#include "identity/authroutes.h"
#include "identity/userrequests.h"
#include "payments/paymentroutes.h"
#include "promotions/promotionrequests.h"
#include "tenants/tenantrequests.h"

#include <QRegularExpression>

using namespace reserva;

namespace {

void checkRefusal(const Problem &problem)
{
    const int status = problemTypeInfo(problem.type).status;
    RESERVA_FUZZ_CHECK(status == 400 || status == 422);
}

// A partner manager of one tenant and a global admin: the tenant rules differ.
const Principal &partnerManager()
{
    static const Principal p{QUuid::fromString(u"7a1d3c52-0000-4000-8000-000000000001"),
                             {QStringLiteral("partner_manager")},
                             QUuid::fromString(u"7a1d3c52-0000-4000-8000-0000000000aa")};
    return p;
}

const Principal &globalAdmin()
{
    static const Principal p{QUuid::fromString(u"7a1d3c52-0000-4000-8000-000000000002"),
                             {QStringLiteral("admin")},
                             QUuid()};
    return p;
}

bool fullMatch(const char *pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1StringView(pattern)))
        .match(value)
        .hasMatch();
}

// A fixed "now", so a seed's future time stays in the future.
QDateTime fuzzNow()
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
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
    for (const Principal &caller : {partnerManager(), globalAdmin()}) {
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

void fuzzProduct(const QJsonObject &body)
{
    for (const Principal &caller : {partnerManager(), globalAdmin()}) {
        const auto created = catalogrequests::readProductCreate(body, caller);
        if (!created) {
            checkRefusal(created.problem());
            continue;
        }
        // A partner's product lands in its own tenant, whatever the body says.
        RESERVA_FUZZ_CHECK(!created->tenantId.isNull());
        RESERVA_FUZZ_CHECK(caller.isGlobal() || created->tenantId == caller.tenantId);
        RESERVA_FUZZ_CHECK(!created->name.isEmpty() && created->name == created->name.trimmed());
        RESERVA_FUZZ_CHECK(created->priceMinor >= 0 && created->priceMinor <= 1000000000000LL);
        RESERVA_FUZZ_CHECK(created->currency.size() == 3);
        // The transfer rule: a transfer has a transfer_kind, nothing else does.
        RESERVA_FUZZ_CHECK((created->kind == u"transfer") == !created->transferKind.isEmpty());
    }
    auto changes = catalogrequests::readProductChanges(body);
    if (!changes) {
        checkRefusal(changes.problem());
        return;
    }
    ProductChanges &c = changes.value();
    RESERVA_FUZZ_CHECK(c.name || c.kind || c.transferKind || c.description || c.priceMinor ||
                       c.currency || c.active);
    // Whatever the change, the product it leaves follows the transfer rule.
    for (const char *kind : {"tour", "transfer"}) {
        ProductView current;
        current.kind = QString::fromLatin1(kind);
        current.transferKind =
            current.kind == u"transfer" ? QStringLiteral("airport_pickup") : QString();
        ProductChanges settled = c;
        if (const auto problem = catalogrequests::settleTransferKind(current, settled)) {
            checkRefusal(*problem);
            continue;
        }
        const QString kindAfter = settled.kind.value_or(current.kind);
        const QString transferAfter = settled.transferKind.value_or(current.transferKind);
        RESERVA_FUZZ_CHECK((kindAfter == u"transfer") == !transferAfter.isEmpty());
    }
}

void fuzzSlot(const QJsonObject &body)
{
    const QDateTime now = fuzzNow();
    const auto created = catalogrequests::readSlotCreate(body, now);
    if (!created) {
        checkRefusal(created.problem());
    } else {
        RESERVA_FUZZ_CHECK(created->startsAt.isValid() && created->startsAt > now);
        RESERVA_FUZZ_CHECK(created->durationMinutes >= 1 && created->durationMinutes <= 10080);
        RESERVA_FUZZ_CHECK(created->capacity >= 0 && created->capacity <= 100000);
    }
    const auto changes = catalogrequests::readSlotChanges(body, now);
    if (!changes) {
        checkRefusal(changes.problem());
        return;
    }
    RESERVA_FUZZ_CHECK(changes->capacity || changes->startsAt || changes->durationMinutes);
    RESERVA_FUZZ_CHECK(!changes->startsAt || *changes->startsAt > now);
    RESERVA_FUZZ_CHECK(!changes->capacity ||
                       (*changes->capacity >= 0 && *changes->capacity <= 100000));
}

void fuzzUser(const QJsonObject &body)
{
    const auto created = userrequests::readCreate(body);
    if (!created) {
        checkRefusal(created.problem());
    } else {
        RESERVA_FUZZ_CHECK(fullMatch("[A-Za-z0-9._@-]{3,64}", created->username));
        RESERVA_FUZZ_CHECK(created->password.size() >= 10 && created->password.size() <= 256);
        RESERVA_FUZZ_CHECK(!created->roles.isEmpty() && created->roles.size() <= 4);
        QStringList unique = created->roles;
        RESERVA_FUZZ_CHECK(unique.removeDuplicates() == 0);
        RESERVA_FUZZ_CHECK(created->documentType.isEmpty() == created->documentNumber.isEmpty());
        RESERVA_FUZZ_CHECK(created->documentType.isEmpty() ||
                           fullMatch("[a-z_]{2,16}", created->documentType));
        RESERVA_FUZZ_CHECK(created->documentNumber.isEmpty() ||
                           fullMatch("[A-Za-z0-9.-]{3,32}", created->documentNumber));
    }
    const auto patch = userrequests::readChanges(body);
    if (!patch) {
        checkRefusal(patch.problem());
        return;
    }
    // The hash is the route's to make, never the body's.
    RESERVA_FUZZ_CHECK(!patch->changes.passwordHash);
    RESERVA_FUZZ_CHECK(!patch->password || patch->password->size() >= 10);
}

void fuzzTenant(const QJsonObject &body)
{
    const auto created = tenantrequests::readCreate(body);
    if (!created) {
        checkRefusal(created.problem());
        return;
    }
    RESERVA_FUZZ_CHECK(fullMatch("[a-z0-9][a-z0-9-]{1,62}", created->slug));
    RESERVA_FUZZ_CHECK(!created->name.isEmpty() && created->name == created->name.trimmed());
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
    fuzzProduct(*body);
    fuzzSlot(*body);
    fuzzUser(*body);
    fuzzTenant(*body);
    return 0;
}
