#include "paymentservice.h"

#include "audit/auditlog.h"
#include "booking/reservationservice.h"
#include "booking/reservationstore.h"
#include "catalog/slotstore.h"
#include "contract/wirevalues.h"
#include "db/dbconnection.h"
#include "db/sqlerror.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "log/jsonlog.h"
#include "metrics/counters.h"
#include "paymentintentstore.h"
#include "promotions/promotionclaims.h"
#include "promotions/promotionstore.h"
#include "providers/mercadopagoclient.h"
#include "providers/paymentsettings.h"
#include "providers/pixclient.h"
#include "providers/stripeclient.h"
#include "webhookstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPayments, "reserva.payments")

namespace reserva {

namespace {

// The amount a provider reports may differ from ours by rounding in its own
// decimal handling; more than one minor unit is not a rounding difference.
constexpr qint64 kAmountTolerance = 1;

void alert(const QString &what, const QString &requestId, const QJsonObject &detail)
{
    QJsonObject line{{QStringLiteral("level"), QStringLiteral("warning")},
                     {QStringLiteral("kind"), QStringLiteral("alert")},
                     {QStringLiteral("alert"), what},
                     {QStringLiteral("request_id"), requestId}};
    for (auto it = detail.begin(); it != detail.end(); ++it)
        line.insert(it.key(), it.value());
    jsonlog::write(line);
}

AuditEvent paymentEvent(const QString &action, const PaymentIntentRecord &intent,
                        const QString &requestId, const QString &actor)
{
    AuditEvent e;
    e.action = action;
    e.actor = actor;
    e.tenantId = intent.tenantId;
    e.resource = QStringLiteral("payment_intent:") + idText(intent.view.id);
    e.requestId = requestId;
    return e;
}

// Money arrived that must go back: flagged for staff, audited, alerted.
WebhookOutcome requireRefund(DbConnection &db, const PaymentIntentRecord &intent,
                             const QString &requestId, const QDateTime &now, const QJsonObject &why)
{
    paymentintentstore::flagNeedsRefund(db, intent.view.id, now);
    AuditEvent e = paymentEvent(QStringLiteral("payment.refund_required"), intent, requestId,
                                QStringLiteral("provider:") + intent.view.provider);
    e.outcome = AuditOutcome::Failure;
    e.detail = why;
    appendAudit(db, e, now);
    QJsonObject fields = why;
    fields.insert(QStringLiteral("payment_intent_id"), idText(intent.view.id));
    alert(QStringLiteral("payment_needs_refund"), requestId, fields);
    return WebhookOutcome::RefundRequired;
}

} // namespace

PaymentService::PaymentService(const Clock &clock, OutboundHttp &http,
                               const PaymentSettings &settings, ReservationService &reservations)
    : m_clock(clock)
    , m_reservations(reservations)
    , m_refusedBudget(settings.refusedWebhooks)
{
    if (settings.stripe.configured())
        m_stripe = std::make_unique<StripeClient>(http, settings.stripe, settings.timeoutMs);
    if (settings.mercadoPago.configured())
        m_mercadoPago =
            std::make_unique<MercadoPagoClient>(http, settings.mercadoPago, settings.timeoutMs);
    if (settings.pix.configured())
        m_pix = std::make_unique<PixClient>(http, settings.pix, settings.timeoutMs);
}

PaymentService::~PaymentService() = default;

bool PaymentService::isConfigured(const QString &provider) const
{
    if (provider == u"stripe")
        return m_stripe != nullptr;
    if (provider == u"mercadopago")
        return m_mercadoPago != nullptr;
    if (provider == u"pix")
        return m_pix != nullptr;
    return false;
}

Result<PaymentIntentView> PaymentService::createIntent(DbConnection &db, const Principal &caller,
                                                       const QUuid &reservationId,
                                                       const QString &provider,
                                                       const QByteArray &providerIdempotencyKey,
                                                       const QString &requestId)
{
    const QDateTime now = m_clock.now();
    if (!isConfigured(provider))
        return Problem::field(QStringLiteral("provider"),
                              QStringLiteral("is not configured on this server"));
    const auto reservation = reservationstore::find(db, reservationId, caller.tenantScope());
    if (!reservation)
        return Problem(ProblemType::NotFound);
    if (reservation->view.status != u"pending_payment")
        return Problem(
            ProblemType::Conflict,
            QStringLiteral("The reservation is %1: nothing to pay.").arg(reservation->view.status));
    if (reservation->view.holdExpiresAt <= now)
        return Problem(ProblemType::Conflict,
                       QStringLiteral("The reservation's hold has expired."));
    // Pix moves Brazilian reais only; said here rather than left to the PSP.
    // A well-formed request this reservation cannot satisfy: 422.
    if (provider == u"pix" && reservation->view.currency != u"BRL") {
        const QString why = QStringLiteral("pix takes BRL only; this reservation is in %1")
                                .arg(reservation->view.currency);
        Problem p(ProblemType::UnprocessableContent, QStringLiteral("Field 'provider': ") + why);
        p.errors.append({QStringLiteral("provider"), why});
        return p;
    }

    // The intent's id is a function of the provider-side idempotency key (so
    // of the client's key): a retry after a lost provider answer gets the same
    // id, hence the same Pix txid and the same Mercado Pago external_reference
    // as the provider object the first attempt may already have created. With
    // a random id, that object (which the provider replays for the same key)
    // would name an intent that was never stored, and its payment would
    // arrive as unknown_intent.
    static const QUuid kIntentIdNamespace(QStringLiteral("6f1c1a8e-3c55-4c1e-9a7b-2d4e5f607182"));
    PaymentIntentRecord intent;
    intent.view.id = QUuid::createUuidV5(kIntentIdNamespace, providerIdempotencyKey);
    // The same key again once its idempotency record was forgotten: the
    // intent it created is the answer.
    if (const auto existing = paymentintentstore::find(db, intent.view.id, {}))
        return existing->view;
    intent.view.reservationId = reservationId;
    intent.view.provider = provider;
    intent.view.status = paymentStatusName(PaymentStatus::Created);
    // The amount is the server's, from the reservation (invariant 7).
    intent.view.amountMinor = reservation->view.amountMinor;
    intent.view.currency = reservation->view.currency;
    intent.tenantId = reservation->tenantId;

    ChargeRequest charge;
    charge.intentId = intent.view.id;
    charge.reservationId = reservationId;
    charge.tenantId = reservation->tenantId;
    charge.amountMinor = intent.view.amountMinor;
    charge.currency = intent.view.currency;
    charge.description = QStringLiteral("Reserva %1").arg(idText(reservationId).left(8));
    charge.idempotencyKey = providerIdempotencyKey;
    ChargeResult result;
    if (provider == u"stripe")
        result = m_stripe->createPaymentIntent(charge);
    else if (provider == u"mercadopago")
        result = m_mercadoPago->createPreference(charge);
    else
        result = m_pix->createCharge(charge);
    if (!result.ok()) {
        qCWarning(lcPayments, "request %s: %s", qUtf8Printable(requestId),
                  qUtf8Printable(result.error));
        if (result.outcome == ChargeResult::Outcome::Refused)
            return Problem(ProblemType::UnprocessableContent,
                           QStringLiteral("The payment provider refused the charge."));
        return Problem(
            ProblemType::ServiceUnavailable,
            QStringLiteral(
                "The payment provider is unavailable; retry with the same Idempotency-Key."));
    }
    intent.view.providerRef = result.providerRef;
    intent.view.clientSecret = result.clientSecret;
    intent.view.checkoutUrl = result.checkoutUrl;
    intent.view.pixCopyPaste = result.pixCopyPaste;
    const PaymentIntentRecord stored =
        paymentintentstore::insert(db, intent, caller.subject(), now);

    AuditEvent event =
        paymentEvent(QStringLiteral("payment.intent_create"), stored, requestId, caller.subject());
    event.detail = {{QStringLiteral("reservation_id"), idText(reservationId)},
                    {QStringLiteral("provider"), provider},
                    {QStringLiteral("amount_minor"), stored.view.amountMinor},
                    {QStringLiteral("currency"), stored.view.currency}};
    appendAudit(db, event, now);
    return stored.view;
}

bool PaymentService::recordRefusedDelivery(DbConnection &db, const WebhookDelivery &delivery,
                                           int httpStatus, const QString &reason,
                                           const QHostAddress &peer)
{
    switch (m_refusedBudget.take(peer, m_clock.now())) {
    case RefusedWebhookBudget::Decision::Record:
        break;
    case RefusedWebhookBudget::Decision::SkipFirstTime:
        // Once per address (or for the instance) and minute, not per delivery:
        // the log must not become the flood's new target.
        qCWarning(lcPayments,
                  "refused %s webhook deliveries are over this minute's recording budget:"
                  " counted, no longer stored (reserva_webhook_refusals_unrecorded_total)",
                  qUtf8Printable(delivery.provider));
        Q_FALLTHROUGH();
    case RefusedWebhookBudget::Decision::Skip:
        counters().webhookRefusalsUnrecorded++;
        return false;
    }
    Transaction tx(db);
    webhookstore::insertDelivery(db, delivery, QStringLiteral("rejected"), httpStatus, {},
                                 {{QStringLiteral("reason"), reason}});
    tx.commit();
    return true;
}

WebhookOutcome PaymentService::applyToReservation(DbConnection &db,
                                                  const PaymentIntentRecord &intent,
                                                  PaymentStatus target, const QString &requestId,
                                                  QJsonObject &detail)
{
    const QDateTime now = m_clock.now();
    const QString actor = QStringLiteral("provider:") + intent.view.provider;
    if (target == PaymentStatus::Succeeded) {
        // Lock order as everywhere: the slot, then its reservations. The slot
        // is found through the reservation in the locking statement itself.
        const auto slot = slotstore::lockSlotOfReservation(db, intent.view.reservationId, now);
        if (!slot)
            return WebhookOutcome::Applied;
        m_reservations.releaseDueHoldsOfLockedSlot(db, *slot, requestId);
        // Read after the lock, in a statement of its own: its snapshot sees
        // what the slot's previous holder committed.
        const auto current = reservationstore::find(db, intent.view.reservationId, {}, true);
        const QString status = current->view.status;
        auto markPaid = [&](ReservationStatus from, bool late) {
            db.execDeferred(
                QStringLiteral(
                    "UPDATE reservations SET status = 'paid', paid_by_intent = ?::uuid,"
                    " hold_expires_at = NULL, updated_at = ? WHERE id = ?::uuid AND status = ?"),
                {sql::uuid(intent.view.id), sql::time(now), sql::uuid(current->view.id),
                 reservationStatusName(from)},
                "reservation paid");
            AuditEvent e =
                paymentEvent(QStringLiteral("reservation.paid"), intent, requestId, actor);
            e.resource = QStringLiteral("reservation:") + idText(current->view.id);
            e.detail = {{QStringLiteral("payment_intent_id"), idText(intent.view.id)},
                        {QStringLiteral("late"), late}};
            appendAudit(db, e, now);
        };
        if (status == u"pending_payment") {
            markPaid(ReservationStatus::PendingPayment, false);
            return WebhookOutcome::Applied;
        }
        if (status == u"expired") {
            // Paid after the hold ran out: honoured if the seats are still
            // there (taken again under the slot lock), else refunded.
            const auto relocked = slotstore::lockForUpdate(db, slot->id, {}, now);
            if (relocked->capacity - relocked->seatsTaken >= current->view.quantity) {
                slotstore::addSeats(db, relocked->id, current->view.quantity, now);
                markPaid(ReservationStatus::Expired, true);
                // It was paid at the discounted amount: the promotion claims
                // its expiry released count again (slot, then promotions).
                promotionclaims::reinstateExpired(db, current->view.id, actor, requestId, now);
                detail.insert(QStringLiteral("late_payment"), QStringLiteral("honoured"));
                return WebhookOutcome::Applied;
            }
        }
        // Expired and resold, cancelled, or already paid by another intent:
        // the money must go back.
        detail.insert(QStringLiteral("reservation_status"), status);
        return requireRefund(db, intent, requestId, now,
                             {{QStringLiteral("reservation_status"), status}});
    }

    // Only a full refund changes the reservation; other events (failed,
    // canceled, processing, partial refunds) end with the intent.
    if (target != PaymentStatus::Refunded)
        return WebhookOutcome::Applied;
    const auto found = reservationstore::find(db, intent.view.reservationId, {});
    if (found && found->view.status == u"paid") {
        DbRows paidBy =
            db.exec(QStringLiteral("SELECT paid_by_intent FROM reservations WHERE id = ?::uuid"),
                    {sql::uuid(found->view.id)}, "paid by");
        if (!paidBy.next() || sql::toUuid(paidBy.value(0)) != intent.view.id)
            return WebhookOutcome::Applied; // refund of a double payment: the reservation stays
                                            // paid
        const auto slot = slotstore::lockForUpdate(db, found->view.slotId, {}, now);
        if (reservationstore::transition(db, found->view.id, ReservationStatus::Paid,
                                         ReservationStatus::Refunded, now)) {
            slotstore::addSeats(db, slot->id, -found->view.quantity, now);
            // The tenant decides whether a refund gives the promotion claims
            // back (promotion_release_on_refund); same transaction, slot lock
            // held, then the promotion rows.
            const auto settings = promotionstore::settings(db, found->tenantId);
            if (settings && settings->releaseOnRefund)
                promotionclaims::release(db, {found->view.id}, QStringLiteral("refunded"), actor,
                                         requestId, now);
            AuditEvent e =
                paymentEvent(QStringLiteral("reservation.refunded"), intent, requestId, actor);
            e.resource = QStringLiteral("reservation:") + idText(found->view.id);
            e.detail = {{QStringLiteral("payment_intent_id"), idText(intent.view.id)}};
            appendAudit(db, e, now);
        }
    }
    return WebhookOutcome::Applied;
}

WebhookOutcome PaymentService::applyVerifiedEvent(DbConnection &db,
                                                  const VerifiedPaymentEvent &event,
                                                  WebhookDelivery delivery)
{
    const QDateTime now = m_clock.now();
    delivery.verification = QStringLiteral("verified");
    delivery.eventId = event.eventId;
    Transaction tx(db);
    QJsonObject detail{{QStringLiteral("event_type"), event.eventType}};
    // The delivery is written once, with what became of it, and with the
    // event's row (when there is one) after it: both deferred, they go out
    // with the COMMIT.
    auto finish = [&](WebhookOutcome outcome, const QUuid &intentId, bool recordTheEvent = false) {
        const QString outcomeName = webhookOutcomeName(outcome);
        const QUuid deliveryId =
            webhookstore::insertDelivery(db, delivery, outcomeName, 200, intentId, detail);
        if (recordTheEvent)
            webhookstore::recordEvent(db, event.provider, event.eventId, deliveryId, intentId,
                                      outcomeName, now);
        tx.commit();
        return outcome;
    };

    if (!event.target)
        return finish(WebhookOutcome::Ignored, {});

    // The intent row lock serializes every event of one intent, copies of one
    // event included: the second copy finds the first's event row below.
    std::optional<PaymentIntentRecord> intent =
        !event.providerRef.isEmpty()
            ? paymentintentstore::lockByProviderRef(db, event.provider, event.providerRef)
            : paymentintentstore::lockById(db, event.intentId);
    if (!intent || intent->view.provider != event.provider) {
        // Possibly another integration on the same provider account: kept
        // for forensics, not claimed, so a later retry could still apply.
        alert(QStringLiteral("webhook_unknown_intent"), delivery.requestId,
              {{QStringLiteral("provider"), event.provider}});
        return finish(WebhookOutcome::UnknownIntent, {});
    }
    const QUuid intentId = intent->view.id;
    // Applied before? Copies of one event serialize on the intent's row lock
    // above, so a later copy sees the first one's row once it committed.
    if (webhookstore::eventRecorded(db, event.provider, event.eventId))
        return finish(WebhookOutcome::Duplicate, intentId);
    // The event's row is written once, with its final outcome, in this
    // transaction (webhook_events is insert-only for the application role:
    // what was decided about an event is never rewritten). Its primary key
    // (invariant 3) still refuses a second copy that got past the check above
    // without the intent lock: that copy fails and rolls back whole, and the
    // provider's retry finds the row.
    auto record = [&](WebhookOutcome outcome) { return finish(outcome, intentId, true); };

    // Amount and currency must be the intent's (invariant 7). For refunds the
    // amount is the refunded total, which cannot exceed what was charged.
    const PaymentStatus target = *event.target;
    const bool refund =
        target == PaymentStatus::Refunded || target == PaymentStatus::PartiallyRefunded;
    if (event.currency.compare(intent->view.currency, Qt::CaseInsensitive) != 0) {
        detail.insert(QStringLiteral("currency"), event.currency.left(8));
        alert(QStringLiteral("webhook_currency_mismatch"), delivery.requestId,
              {{QStringLiteral("payment_intent_id"), idText(intentId)}});
        return record(WebhookOutcome::RejectedCurrency);
    }
    const bool amountOk =
        refund ? (event.amountMinor >= 0 &&
                  event.amountMinor <= intent->view.amountMinor + kAmountTolerance)
               : qAbs(event.amountMinor - intent->view.amountMinor) <= kAmountTolerance;
    if (!amountOk && target != PaymentStatus::Failed && target != PaymentStatus::Canceled) {
        detail.insert(QStringLiteral("amount_minor"), event.amountMinor);
        detail.insert(QStringLiteral("expected_minor"), intent->view.amountMinor);
        alert(QStringLiteral("webhook_amount_mismatch"), delivery.requestId,
              {{QStringLiteral("payment_intent_id"), idText(intentId)}});
        return record(WebhookOutcome::RejectedAmount);
    }

    const auto current = parsePaymentStatus(intent->view.status);
    // A full refund reported as partial totals, or a partial one reaching the total.
    PaymentStatus effective = target;
    if (target == PaymentStatus::PartiallyRefunded && event.amountMinor >= intent->view.amountMinor)
        effective = PaymentStatus::Refunded;
    if (!current || !canTransition(*current, effective) ||
        (effective == PaymentStatus::PartiallyRefunded &&
         event.amountMinor <= intent->view.refundedMinor)) {
        // Out of order (failed after succeeded, processing after succeeded):
        // a state never moves backwards. Recorded, acknowledged, not applied.
        detail.insert(QStringLiteral("from"), intent->view.status);
        detail.insert(QStringLiteral("to"), paymentStatusName(effective));
        // Except money: a success for an intent that already failed or was
        // canceled (Stripe lets a PaymentIntent be paid after a
        // payment_failed; Mercado Pago a preference after a rejected
        // payment). The intent stays where it is (invariant 1), but the
        // money is not silently kept: flagged for refund like a late payment
        // whose seats are gone.
        if (effective == PaymentStatus::Succeeded && current &&
            (*current == PaymentStatus::Failed || *current == PaymentStatus::Canceled))
            return record(requireRefund(db, *intent, delivery.requestId, now,
                                        {{QStringLiteral("intent_status"), intent->view.status}}));
        return record(WebhookOutcome::StaleState);
    }
    paymentintentstore::transition(db, intentId, *current, effective,
                                   refund ? event.amountMinor : 0, event.providerPaymentRef, now);
    AuditEvent audit =
        paymentEvent(QStringLiteral("payment.") + paymentStatusName(effective), *intent,
                     delivery.requestId, QStringLiteral("provider:") + event.provider);
    audit.detail = {{QStringLiteral("from"), intent->view.status},
                    {QStringLiteral("event_id"), event.eventId.left(100)},
                    {QStringLiteral("amount_minor"), event.amountMinor}};
    appendAudit(db, audit, now);

    return record(applyToReservation(db, *intent, effective, delivery.requestId, detail));
}

} // namespace reserva
