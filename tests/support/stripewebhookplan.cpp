#include "stripewebhookplan.h"

#include "bookingfixture.h"
#include "providers/fake/providerwebhooks.h"
#include "testhttpclient.h"

#include <QDateTime>
#include <QSet>
#include <QUrl>

namespace reserva::test {

QString PlannedPayment::expectedReservation() const
{
    switch (plan) {
    case StripePlan::Paid:
    case StripePlan::PaidWithDuplicate:
        return QStringLiteral("paid");
    case StripePlan::Failed:
        return QStringLiteral("pending_payment");
    case StripePlan::Refunded:
    case StripePlan::RefundedWithDuplicate:
        return QStringLiteral("refunded");
    }
    return {};
}

QString PlannedPayment::expectedIntent() const
{
    switch (plan) {
    case StripePlan::Paid:
    case StripePlan::PaidWithDuplicate:
        return QStringLiteral("succeeded");
    case StripePlan::Failed:
        return QStringLiteral("failed");
    case StripePlan::Refunded:
    case StripePlan::RefundedWithDuplicate:
        return QStringLiteral("refunded");
    }
    return {};
}

QList<StripeDeliveryBytes> stripeDeliveriesFor(StripePlan plan, const QString &paymentIntent,
                                               qint64 amountMinor, qint64 createdSeconds)
{
    const providerwebhooks::StripePayment payment{
        paymentIntent, amountMinor, QStringLiteral("USD"), {}};
    auto event = [&](SimulatedOutcome outcome) {
        const QString id = providerwebhooks::newStripeEventId();
        return StripeDeliveryBytes{
            id, providerwebhooks::stripeEvent(id, outcome, payment, createdSeconds)};
    };
    switch (plan) {
    case StripePlan::Paid:
        return {event(SimulatedOutcome::Succeeded)};
    case StripePlan::PaidWithDuplicate: {
        const StripeDeliveryBytes succeeded = event(SimulatedOutcome::Succeeded);
        return {succeeded, succeeded};
    }
    case StripePlan::Failed:
        return {event(SimulatedOutcome::Failed)};
    case StripePlan::Refunded:
        return {event(SimulatedOutcome::Succeeded), event(SimulatedOutcome::Refunded)};
    case StripePlan::RefundedWithDuplicate: {
        const StripeDeliveryBytes succeeded = event(SimulatedOutcome::Succeeded);
        const StripeDeliveryBytes refunded = event(SimulatedOutcome::Refunded);
        return {succeeded, refunded, refunded};
    }
    }
    return {};
}

int deliverStripe(TestHttpClient &http, const QByteArray &secret, const StripeDeliveryBytes &d)
{
    const ProviderDelivery signed_ = providerwebhooks::stripeDelivery(
        QUrl(QStringLiteral("http://127.0.0.1/v1/webhooks/stripe")), secret, d.body,
        QDateTime::currentSecsSinceEpoch());
    return http.request("POST", QStringLiteral("/v1/webhooks/stripe"), d.body, signed_.headers)
        .status;
}

QString plannedPaymentProblems(DbConnection &db, const QList<PlannedPayment> &payments)
{
    QStringList problems;
    auto count = [&db](const QString &sql, const QVariantList &params = {}) {
        return BookingFixture::count(db, sql, params);
    };
    QSet<QString> distinct;
    for (const PlannedPayment &p : payments) {
        for (const StripeDeliveryBytes &d : p.deliveries)
            distinct.insert(d.eventId);
        const QString name = BookingFixture::idText(p.reservation);
        const QString reservation = BookingFixture::statusOf(db, p.reservation);
        if (reservation != p.expectedReservation())
            problems << QStringLiteral("reservation %1 is %2, not %3")
                            .arg(name, reservation, p.expectedReservation());
        DbRows intent = db.exec(
            QStringLiteral("SELECT status, needs_refund, refunded_minor FROM payment_intents"
                           " WHERE id = ?::uuid"),
            {p.intentId}, "planned intent");
        if (!intent.next()) {
            problems << QStringLiteral("intent %1 missing").arg(p.intentId);
            continue;
        }
        const qint64 refunded = p.expectedIntent() == u"refunded" ? p.amountMinor : 0;
        if (intent.value(0).toString() != p.expectedIntent() || intent.value(1).toBool() ||
            intent.value(2).toLongLong() != refunded)
            problems << QStringLiteral("intent %1 is %2 (refund flag %3, refunded %4), not %5")
                            .arg(p.intentId, intent.value(0).toString(), intent.value(1).toString(),
                                 intent.value(2).toString(), p.expectedIntent());
        // Exactly once: one audit row per change, whatever crashes and
        // replays did.
        const QString resource = QStringLiteral("reservation:") + name;
        const bool wasPaid = p.expectedReservation() != u"pending_payment";
        const qint64 paidRows = count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action ="
                                                     " 'reservation.paid' AND resource = ?"),
                                      {resource});
        const qint64 refundedRows =
            count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action ="
                                 " 'reservation.refunded' AND resource = ?"),
                  {resource});
        const qint64 paymentRows =
            count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'payment.%'"
                                 " AND action <> 'payment.intent_create' AND resource = ?"),
                  {QString(QStringLiteral("payment_intent:") + p.intentId)});
        if (paidRows != (wasPaid ? 1 : 0) ||
            refundedRows != (p.expectedReservation() == u"refunded" ? 1 : 0) ||
            paymentRows != (p.expectedIntent() == u"refunded" ? 2 : 1))
            problems << QStringLiteral(
                            "reservation %1: audit rows paid %2, refunded %3, payment %4")
                            .arg(name)
                            .arg(paidRows)
                            .arg(refundedRows)
                            .arg(paymentRows);
    }
    const QStringList ids(distinct.cbegin(), distinct.cend());
    const qint64 events = count(QStringLiteral("SELECT count(*) FROM webhook_events"));
    const qint64 applied = count(
        QStringLiteral("SELECT count(*) FROM webhook_events WHERE provider = 'stripe'"
                       " AND outcome = 'applied' AND event_id = ANY(string_to_array(?, ','))"),
        {ids.join(u',')});
    if (events != distinct.size() || applied != distinct.size())
        problems << QStringLiteral("%1 distinct events sent; %2 event rows, %3 of them applied")
                        .arg(distinct.size())
                        .arg(events)
                        .arg(applied);
    return problems.join(QStringLiteral("; "));
}

} // namespace reserva::test
