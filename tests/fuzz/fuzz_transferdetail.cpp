// The transfer contract (shared/contract/transferdetail.h): a trf_detail value
// as a client sends it, validated with no context and with a booking's
// context. What passes is normalized, so it must pass again unchanged.

#include "contract/problem.h"
#include "contract/transferdetail.h"
#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace reserva;

namespace {

void validateAndRecheck(const QJsonValue &value, const TransferContext &context)
{
    const auto detail = validateTransferDetail(value, context);
    if (!detail) {
        RESERVA_FUZZ_CHECK(!detail.problem().errors.isEmpty());
        for (const FieldError &e : detail.problem().errors)
            RESERVA_FUZZ_CHECK(e.field.startsWith(u"trf_detail"));
        return;
    }
    RESERVA_FUZZ_CHECK(transferkind::isKnown(detail->kind));
    RESERVA_FUZZ_CHECK(detail->pickupTime.isValid());
    RESERVA_FUZZ_CHECK(detail->pickupTime.timeSpec() == Qt::UTC);
    RESERVA_FUZZ_CHECK(detail->passengers >= 1);
    RESERVA_FUZZ_CHECK(context.seats == 0 || detail->passengers <= context.seats);
    if (!context.productTransferKind.isEmpty())
        RESERVA_FUZZ_CHECK(detail->kind == context.productTransferKind);
    // The wire form of a valid detail is itself valid and reads back the same.
    const auto again = validateTransferDetail(detail->toJson(), context);
    RESERVA_FUZZ_CHECK(again.ok());
    RESERVA_FUZZ_CHECK(*again == *detail);
    const auto read = TransferDetail::fromJson(detail->toJson());
    RESERVA_FUZZ_CHECK(read.has_value() && *read == *detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytesOf(data, size), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const QJsonValue value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    validateAndRecheck(value, {});
    // A booking of 4 seats on an airport pickup slot of 2026-03-14, 08:00-12:00 UTC.
    const TransferContext booking{QString::fromLatin1(transferkind::kAirportPickup), 4,
                                  QDateTime(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC),
                                  QDateTime(QDate(2026, 3, 14), QTime(12, 0), Qt::UTC)};
    validateAndRecheck(value, booking);
    // The first element of an array, so either shape reaches the object rules.
    if (doc.isArray() && !doc.array().isEmpty())
        validateAndRecheck(doc.array().first(), booking);
    return 0;
}
