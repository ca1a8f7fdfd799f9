#include "catalogrequests.h"

#include "contract/jsonreader.h"
#include "contract/transferdetail.h"
#include "domain/currency.h"
#include "identity/tenantfield.h"

#include <algorithm>

namespace reserva::catalogrequests {

namespace {

using Presence = JsonObjectReader::Presence;

const QStringList kKinds{QStringLiteral("tour"), QStringLiteral("excursion"),
                         QStringLiteral("transfer"), QStringLiteral("package")};
constexpr qint64 kMaxPriceMinor = 1000000000000LL;
constexpr int kMaxCapacity = 100000;
constexpr int kMaxDurationMinutes = 10080; // a week

void checkProductFields(JsonObjectReader &reader, const std::optional<QString> &name,
                        const std::optional<QString> &kind,
                        const std::optional<QString> &currencyCode)
{
    if (name && name->trimmed().isEmpty())
        reader.addError(QStringLiteral("name"), QStringLiteral("must not be blank"));
    if (kind && !kKinds.contains(*kind))
        reader.addError(QStringLiteral("kind"),
                        QStringLiteral("must be tour, excursion, transfer or package"));
    if (currencyCode && !currency::isSupported(*currencyCode))
        reader.addError(QStringLiteral("currency"),
                        QStringLiteral("must be a supported ISO 4217 code"));
}

// A transfer declares its transfer_kind; no other product may have one.
void checkTransferKind(JsonObjectReader &reader, const QString &kind,
                       const std::optional<QString> &transferKind)
{
    const QString field = QStringLiteral("transfer_kind");
    if (transferKind && !transferkind::isKnown(*transferKind))
        reader.addError(field,
                        QStringLiteral("must be airport_pickup, hotel_to_hotel or port_transfer"));
    else if (kind == u"transfer" && !transferKind)
        reader.addError(field, QStringLiteral("is required for a transfer"));
    else if (kKinds.contains(kind) && kind != u"transfer" && transferKind)
        reader.addError(field, QStringLiteral("is only for transfer products"));
}

// Nulls read as absent, so a body of nothing but nulls changes nothing.
bool namesNoChange(const QJsonObject &body)
{
    return std::all_of(body.begin(), body.end(), [](const auto &v) { return v.isNull(); });
}

} // namespace

bool isProductKind(const QString &kind)
{
    return kKinds.contains(kind);
}

Result<ProductView> readProductCreate(const QJsonObject &body, const Principal &caller)
{
    JsonObjectReader reader(body);
    const auto name = reader.string(QStringLiteral("name"), Presence::Required, {1, 200});
    const auto kind = reader.string(QStringLiteral("kind"), Presence::Required, {1, 16});
    const auto transferKind =
        reader.string(QStringLiteral("transfer_kind"), Presence::Optional, {1, 32});
    const auto description =
        reader.string(QStringLiteral("description"), Presence::Optional, {0, 4000});
    const auto price =
        reader.integer(QStringLiteral("price_minor"), Presence::Required, 0, kMaxPriceMinor);
    const auto currencyCode = reader.string(QStringLiteral("currency"), Presence::Required, {3, 3});
    const auto active = reader.boolean(QStringLiteral("active"), Presence::Optional);
    checkProductFields(reader, name, kind, currencyCode);
    if (kind)
        checkTransferKind(reader, *kind, transferKind);
    const QUuid tenant = readOwningTenant(reader, caller);
    if (auto problem = reader.finish())
        return *problem;
    ProductView p;
    p.tenantId = tenant;
    p.name = name->trimmed();
    p.kind = *kind;
    p.transferKind = transferKind.value_or(QString());
    p.description = description.value_or(QString()).trimmed();
    p.priceMinor = *price;
    p.currency = *currencyCode;
    p.active = active.value_or(true);
    return p;
}

Result<ProductChanges> readProductChanges(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    ProductChanges c;
    c.name = reader.string(QStringLiteral("name"), Presence::Optional, {1, 200});
    c.kind = reader.string(QStringLiteral("kind"), Presence::Optional, {1, 16});
    c.transferKind = reader.string(QStringLiteral("transfer_kind"), Presence::Optional, {1, 32});
    c.description = reader.string(QStringLiteral("description"), Presence::Optional, {0, 4000});
    c.priceMinor =
        reader.integer(QStringLiteral("price_minor"), Presence::Optional, 0, kMaxPriceMinor);
    c.currency = reader.string(QStringLiteral("currency"), Presence::Optional, {3, 3});
    c.active = reader.boolean(QStringLiteral("active"), Presence::Optional);
    checkProductFields(reader, c.name, c.kind, c.currency);
    if (namesNoChange(body))
        reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
    if (auto problem = reader.finish())
        return *problem;
    if (c.name)
        c.name = c.name->trimmed();
    return c;
}

std::optional<Problem> settleTransferKind(const ProductView &current, ProductChanges &changes)
{
    const QString kindAfter = changes.kind.value_or(current.kind);
    if (kindAfter != u"transfer" && !changes.transferKind && !current.transferKind.isEmpty()) {
        changes.transferKind = QString();
        return std::nullopt;
    }
    JsonObjectReader check(QJsonObject{});
    checkTransferKind(check, kindAfter,
                      changes.transferKind ? changes.transferKind
                      : current.transferKind.isEmpty()
                          ? std::nullopt
                          : std::optional<QString>(current.transferKind));
    return check.finish();
}

Result<NewSlot> readSlotCreate(const QJsonObject &body, const QDateTime &now)
{
    JsonObjectReader reader(body);
    const auto startsAt = reader.time(QStringLiteral("starts_at"), Presence::Required);
    const auto duration = reader.integer(QStringLiteral("duration_minutes"), Presence::Required, 1,
                                         kMaxDurationMinutes);
    const auto capacity =
        reader.integer(QStringLiteral("capacity"), Presence::Required, 0, kMaxCapacity);
    if (startsAt && *startsAt <= now)
        reader.addError(QStringLiteral("starts_at"), QStringLiteral("must be in the future"));
    if (auto problem = reader.finish())
        return *problem;
    return NewSlot{*startsAt, int(*duration), int(*capacity)};
}

Result<SlotChanges> readSlotChanges(const QJsonObject &body, const QDateTime &now)
{
    JsonObjectReader reader(body);
    SlotChanges c;
    const auto capacity =
        reader.integer(QStringLiteral("capacity"), Presence::Optional, 0, kMaxCapacity);
    const auto duration = reader.integer(QStringLiteral("duration_minutes"), Presence::Optional, 1,
                                         kMaxDurationMinutes);
    c.startsAt = reader.time(QStringLiteral("starts_at"), Presence::Optional);
    if (capacity)
        c.capacity = int(*capacity);
    if (duration)
        c.durationMinutes = int(*duration);
    if (c.startsAt && *c.startsAt <= now)
        reader.addError(QStringLiteral("starts_at"), QStringLiteral("must be in the future"));
    if (namesNoChange(body))
        reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
    if (auto problem = reader.finish())
        return *problem;
    return c;
}

} // namespace reserva::catalogrequests
