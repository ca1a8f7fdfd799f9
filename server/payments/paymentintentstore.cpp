#include "paymentintentstore.h"

#include "db/dbconnection.h"
#include "db/sqlvalues.h"

namespace reserva::paymentintentstore {

namespace {

const QString kColumns = QStringLiteral(
    "id, reservation_id, provider, provider_ref, status, amount_minor, currency, refunded_minor,"
    " needs_refund, client_secret, checkout_url, pix_copy_paste, created_at, tenant_id,"
    " provider_payment_ref");

PaymentIntentRecord fromRow(const DbRows &q)
{
    PaymentIntentRecord r;
    r.view.id = sql::toUuid(q.value(0));
    r.view.reservationId = sql::toUuid(q.value(1));
    r.view.provider = q.value(2).toString();
    r.view.providerRef = q.value(3).toString();
    r.view.status = q.value(4).toString();
    r.view.amountMinor = q.value(5).toLongLong();
    r.view.currency = q.value(6).toString();
    r.view.refundedMinor = q.value(7).toLongLong();
    r.view.needsRefund = q.value(8).toBool();
    r.view.clientSecret = q.value(9).toString();
    r.view.checkoutUrl = q.value(10).toString();
    r.view.pixCopyPaste = q.value(11).toString();
    r.view.createdAt = sql::toUtc(q.value(12));
    r.tenantId = sql::toUuid(q.value(13));
    r.providerPaymentRef = q.value(14).toString();
    return r;
}

std::optional<PaymentIntentRecord> one(DbRows q)
{
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

} // namespace

PaymentIntentRecord insert(DbConnection &db, const PaymentIntentRecord &i, const QString &createdBy,
                           const QDateTime &now)
{
    DbRows q = db.exec(
        QStringLiteral(
            "INSERT INTO payment_intents (id, tenant_id, reservation_id, provider, provider_ref,"
            " status, amount_minor, currency, client_secret, checkout_url, pix_copy_paste,"
            " created_by, created_at, updated_at)"
            " VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ") +
            kColumns,
        {sql::uuid(i.view.id), sql::uuid(i.tenantId), sql::uuid(i.view.reservationId),
         i.view.provider, sql::nullableText(i.view.providerRef), i.view.status, i.view.amountMinor,
         i.view.currency, sql::nullableText(i.view.clientSecret),
         sql::nullableText(i.view.checkoutUrl), sql::nullableText(i.view.pixCopyPaste), createdBy,
         sql::time(now), sql::time(now)},
        "insert payment intent");
    q.next();
    return fromRow(q);
}

std::optional<PaymentIntentRecord> find(DbConnection &db, const QUuid &id, const QUuid &tenantScope)
{
    return one(db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM payment_intents WHERE id = ?::uuid"
                                          " AND (?::uuid IS NULL OR tenant_id = ?::uuid)"),
                       {sql::uuid(id), sql::uuid(tenantScope), sql::uuid(tenantScope)},
                       "find intent"));
}

std::optional<PaymentIntentRecord> lockByProviderRef(DbConnection &db, const QString &provider,
                                                     const QString &providerRef)
{
    return one(
        db.exec(QStringLiteral("SELECT ") + kColumns +
                    QStringLiteral(" FROM payment_intents WHERE provider = ? AND provider_ref = ?"
                                   " FOR UPDATE"),
                {provider, providerRef}, "lock intent by provider ref"));
}

std::optional<PaymentIntentRecord> lockById(DbConnection &db, const QUuid &id)
{
    return one(db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM payment_intents WHERE id = ?::uuid FOR UPDATE"),
                       {sql::uuid(id)}, "lock intent"));
}

void transition(DbConnection &db, const QUuid &id, PaymentStatus from, PaymentStatus to,
                qint64 refundedMinor, const QString &providerPaymentRef, const QDateTime &now)
{
    db.execDeferred(
        QStringLiteral(
            "UPDATE payment_intents SET status = ?, refunded_minor = GREATEST(refunded_minor, ?),"
            " provider_payment_ref = COALESCE(?, provider_payment_ref), updated_at = ?"
            " WHERE id = ?::uuid AND status = ?"),
        {paymentStatusName(to), refundedMinor, sql::nullableText(providerPaymentRef),
         sql::time(now), sql::uuid(id), paymentStatusName(from)},
        "intent transition");
}

void flagNeedsRefund(DbConnection &db, const QUuid &id, const QDateTime &now)
{
    db.exec(
        QStringLiteral(
            "UPDATE payment_intents SET needs_refund = true, updated_at = ? WHERE id = ?::uuid"),
        {sql::time(now), sql::uuid(id)}, "flag refund");
}

QList<PaymentIntentView> listForReservation(DbConnection &db, const QUuid &reservationId)
{
    DbRows q = db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM payment_intents WHERE reservation_id = ?::uuid"
                                          " ORDER BY created_at, id"),
                       {sql::uuid(reservationId)}, "list intents");
    QList<PaymentIntentView> out;
    while (q.next())
        out << fromRow(q).view;
    return out;
}

} // namespace reserva::paymentintentstore
