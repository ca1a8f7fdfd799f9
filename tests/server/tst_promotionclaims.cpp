// Promotion claims made in the booking's own transaction (issue #5): the
// discount in the answer and in the payment intent; every reason a code
// cannot be claimed, each refusing the whole booking and writing nothing;
// races for the last use, the budget and a customer's limit; claims released
// exactly once on expiry (sweeper and the lazy release at the next booking),
// on cancel, and on refund as the tenant's setting says; window edges across
// a daylight-saving change with the clock moved by hand.
#include "booking/reservationservice.h"
#include "contract/timeformat.h"
#include "db/sqlvalues.h"
#include "manualclock.h"
#include "paymentfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QtTest>

#include <vector>

using namespace reserva;
using test::BookingFixture;
using test::PaymentFixture;

namespace {

constexpr int kHoldSeconds = 900;
constexpr qint64 kPrice = 12500; // USD

struct Outcome
{
    int status = 0;
    QString slug;
    QByteArray body;
};

// Everything a refused booking must leave as it was (its idempotency record
// aside, which stores the refusal as the README says).
struct ClaimCounts
{
    test::WriteCounts writes;
    qint64 claims = 0;
    qint64 liveClaims = 0;
    qint64 redeemed = 0;   // over every promotion
    qint64 discounted = 0; // over every promotion

    bool operator==(const ClaimCounts &) const = default;
};

char *toString(const ClaimCounts &c)
{
    return qstrdup(QStringLiteral("reservations %1 seats %2 audit %3 keys %4 claims %5 live %6"
                                  " redeemed %7 discounted %8")
                       .arg(c.writes.reservations)
                       .arg(c.writes.seatsTaken)
                       .arg(c.writes.auditRows)
                       .arg(c.writes.idempotencyKeys)
                       .arg(c.claims)
                       .arg(c.liveClaims)
                       .arg(c.redeemed)
                       .arg(c.discounted)
                       .toUtf8()
                       .constData());
}

} // namespace

class TestPromotionClaims : public QObject
{
    Q_OBJECT

private:
    DbConnection &db() { return m_server->appDb(); }

    QUuid newSlot(int capacity, const QUuid &product = {}, qint64 daysAhead = 0)
    {
        return m_booking->createSlot(m_tenant.managerToken, product.isNull() ? m_product : product,
                                     m_clock.now().addDays(daysAhead ? daysAhead : 20 + m_slots++),
                                     capacity);
    }

    // POST /v1/promotions with defaults (10 %, valid for a year from an hour
    // ago) overridden by `fields`; the id, or null with a warning.
    QUuid createPromotion(const QString &code, const QJsonObject &fields = {})
    {
        QJsonObject body{{QStringLiteral("code"), code},
                         {QStringLiteral("discount_percent"), 10},
                         {QStringLiteral("valid_from"), toRfc3339(m_clock.now().addSecs(-3600))},
                         {QStringLiteral("valid_until"), toRfc3339(m_clock.now().addDays(365))}};
        // A fixed discount replaces the default percentage.
        if (fields.contains(QStringLiteral("discount_minor")))
            body.remove(QStringLiteral("discount_percent"));
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
        const test::TestResponse r = m_booking->clientAs(m_tenant.managerToken)
                                         ->post(QStringLiteral("/v1/promotions"), body);
        if (r.status != 201) {
            qWarning("create promotion: %d %s", r.status, r.body.constData());
            return {};
        }
        return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    }

    static QJsonObject bookingBody(const QUuid &slot, int quantity, const QJsonValue &promo,
                                   const QString &email = QStringLiteral("ana@example.com"))
    {
        QJsonObject body = BookingFixture::bookingBody(slot, quantity, email);
        if (!promo.isUndefined())
            body.insert(QStringLiteral("promo_code"), promo);
        return body;
    }

    test::TestResponse book(const QUuid &slot, int quantity, const QJsonValue &promo,
                            const QString &email = QStringLiteral("ana@example.com"),
                            const QByteArray &key = {})
    {
        return BookingFixture::book(
            *m_booking->clientAs(m_tenant.staffToken), bookingBody(slot, quantity, promo, email),
            key.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : key);
    }

    ClaimCounts counts()
    {
        DbRows q = db().exec(
            QStringLiteral("SELECT (SELECT count(*) FROM promotion_claims),"
                           " (SELECT count(*) FROM promotion_claims WHERE released_at IS NULL),"
                           " (SELECT COALESCE(sum(redeemed), 0) FROM promotions),"
                           " (SELECT COALESCE(sum(discounted_minor), 0) FROM promotions)"),
            {}, "claim counts");
        ClaimCounts c;
        if (q.next()) {
            c.claims = q.value(0).toLongLong();
            c.liveClaims = q.value(1).toLongLong();
            c.redeemed = q.value(2).toLongLong();
            c.discounted = q.value(3).toLongLong();
        }
        c.writes = BookingFixture::writeCounts(db());
        return c;
    }

    // The promotion counters equal what its live claims hold, for every
    // promotion; empty when that holds.
    QString usageViolations()
    {
        DbRows q = db().exec(
            QStringLiteral("SELECT string_agg(p.code, ',') FROM promotions p WHERE p.redeemed <>"
                           " (SELECT count(*) FROM promotion_claims c WHERE c.promotion_id = p.id"
                           "  AND c.released_at IS NULL) OR p.discounted_minor <>"
                           " (SELECT COALESCE(sum(discount_minor), 0) FROM promotion_claims c"
                           "  WHERE c.promotion_id = p.id AND c.released_at IS NULL)"),
            {}, "usage violations");
        return q.next() ? q.value(0).toString() : QStringLiteral("?");
    }

    qint64 claimsOf(const QUuid &promotion, const QString &where = QStringLiteral("true"))
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM promotion_claims WHERE promotion_id = ?::uuid"
                           " AND ") +
                where,
            {BookingFixture::idText(promotion)});
    }
    qint64 redeemed(const QUuid &promotion)
    {
        return BookingFixture::count(
            db(), QStringLiteral("SELECT redeemed FROM promotions WHERE id = ?::uuid"),
            {BookingFixture::idText(promotion)});
    }
    qint64 audits(const QString &action, const QUuid &promotion)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND resource = ?"),
            {action, QString(QStringLiteral("promotion:") + BookingFixture::idText(promotion))});
    }
    QString releaseReason(const QUuid &reservation)
    {
        DbRows q = db().exec(QStringLiteral("SELECT COALESCE(release_reason, 'live')"
                                            " FROM promotion_claims WHERE reservation_id ="
                                            " ?::uuid"),
                             {BookingFixture::idText(reservation)}, "release reason");
        return q.next() ? q.value(0).toString() : QString();
    }
    static QUuid idOf(const test::TestResponse &r)
    {
        return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    }

    // `n` bookings at once, each on its own connection and thread.
    std::vector<Outcome> race(int n, const std::function<QJsonObject(int)> &body)
    {
        std::vector<Outcome> outcomes(size_t(n), Outcome{});
        BookingFixture::runConcurrently(n, [&](int i) {
            const auto http = m_booking->clientAs(m_tenant.staffToken);
            const test::TestResponse r =
                BookingFixture::book(*http, body(i), "race-" + QUuid::createUuid().toByteArray());
            outcomes[size_t(i)] = {r.status, r.problemSlug(), r.body};
        });
        return outcomes;
    }
    static int countOf(const std::vector<Outcome> &outcomes, int status, const QString &slug = {})
    {
        return int(std::count_if(outcomes.begin(), outcomes.end(), [&](const Outcome &o) {
            return o.status == status && (slug.isEmpty() || o.slug == slug);
        }));
    }

    void verifyRefusedAndUnwritten(const QUuid &slot, const QJsonValue &promo, int status,
                                   const QString &slug, const QString &email = {})
    {
        const ClaimCounts before = counts();
        const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QString customer = email.isEmpty() ? QStringLiteral("ana@example.com") : email;
        const test::TestResponse r = book(slot, 2, promo, customer, key);
        QVERIFY2(r.status == status && r.problemSlug() == slug, r.body.constData());
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
        ClaimCounts after = counts();
        // Only the refusal's own idempotency record, as for every error answer.
        QCOMPARE(after.writes.idempotencyKeys, before.writes.idempotencyKeys + 1);
        after.writes.idempotencyKeys = before.writes.idempotencyKeys;
        QCOMPARE(after, before);
        // A repeat is the stored refusal, byte for byte, and still writes nothing.
        const test::TestResponse again = book(slot, 2, promo, customer, key);
        QCOMPARE(again.status, status);
        QCOMPARE(again.body, r.body);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(counts().writes.reservations, before.writes.reservations);
    }

    // Books `promo`, pays through a signed Stripe event; returns the reservation.
    QUuid bookAndPay(const QUuid &slot, const QString &promo, QString *intentRef, qint64 *amount)
    {
        const test::TestResponse booked = book(slot, 1, promo);
        if (booked.status != 201)
            return {};
        const QUuid reservation = idOf(booked);
        const test::TestResponse intent =
            m_payments->createIntent(m_tenant.staffToken, reservation, QStringLiteral("stripe"));
        if (intent.status != 201)
            return {};
        *intentRef = intent.json().value(QStringLiteral("provider_ref")).toString();
        *amount = intent.json().value(QStringLiteral("amount_minor")).toInteger();
        const QByteArray paid = PaymentFixture::stripeEvent(
            QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128),
            QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(*intentRef, *amount, QStringLiteral("usd"),
                                               QStringLiteral("succeeded")));
        if (m_payments->postStripeSigned(paid, m_clock.now()).status != 200)
            return {};
        return reservation;
    }
    int refund(const QString &intentRef, qint64 amount)
    {
        const QByteArray body = PaymentFixture::stripeEvent(
            QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128),
            QStringLiteral("charge.refunded"),
            PaymentFixture::stripeChargeObject(intentRef, amount, amount, true,
                                               QStringLiteral("usd")));
        return m_payments->postStripeSigned(body, m_clock.now()).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.workers = 8; // enough for the races' transactions to overlap
            c.runBackgroundJobs = false;
            c.holdSeconds = kHoldSeconds;
            c.tokens.accessTokenSeconds = 365 * 24 * 3600; // the clock jumps months ahead
            PaymentFixture::configure(c, m_apis);
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("promo-claims"));
        m_product = m_booking->createProduct(m_tenant.managerToken,
                                             {{QStringLiteral("price_minor"), kPrice}});
        m_arsProduct = m_booking->createProduct(
            m_tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Tango night")},
                                    {QStringLiteral("price_minor"), 3000000},
                                    {QStringLiteral("currency"), QStringLiteral("ARS")}});
        QVERIFY(!m_product.isNull() && !m_arsProduct.isNull());
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
    }
    void cleanup()
    {
        QCOMPARE(usageViolations(), QString());
        QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString());
    }

    void discountIsInTheAnswerTheClaimAndThePaymentIntent()
    {
        const QUuid promotion =
            createPromotion(QStringLiteral("EIGHTH"), {{QStringLiteral("discount_percent"), 12.5}});
        QVERIFY(!promotion.isNull());
        const QUuid slot = newSlot(10);
        // Any case: codes are case-insensitive.
        const test::TestResponse r = book(slot, 3, QStringLiteral("eighth"));
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject v = r.json();
        // 3 x 12500 = 37500; 12.5 % = 4687.5, half-even -> 4688.
        QCOMPARE(v.value(QStringLiteral("subtotal_minor")).toInteger(), 37500);
        QCOMPARE(v.value(QStringLiteral("discount_minor")).toInteger(), 4688);
        QCOMPARE(v.value(QStringLiteral("amount_minor")).toInteger(), 37500 - 4688);
        const QUuid reservation = idOf(r);
        QCOMPARE(
            m_booking->clientAs(m_tenant.staffToken)
                ->get(QStringLiteral("/v1/reservations/") + BookingFixture::idText(reservation))
                .json(),
            v);
        QCOMPARE(
            claimsOf(promotion, QStringLiteral("released_at IS NULL AND discount_minor = 4688")),
            1);
        QCOMPARE(redeemed(promotion), 1);
        QCOMPARE(audits(QStringLiteral("promotion.claim"), promotion), 1);

        // The provider is asked for the discounted amount.
        const test::TestResponse intent =
            m_payments->createIntent(m_tenant.staffToken, reservation, QStringLiteral("stripe"));
        QCOMPARE(intent.status, 201);
        QCOMPARE(intent.json().value(QStringLiteral("amount_minor")).toInteger(), 37500 - 4688);
        const QList<test::FakeHttpServer::Received> sent =
            m_apis.received("POST", "/v1/payment_intents");
        QVERIFY(!sent.isEmpty());
        QCOMPARE(test::FakePaymentApis::parseForm(sent.last().body).value(QStringLiteral("amount")),
                 QString::number(37500 - 4688));

        // Without a code nothing changes: subtotal = amount, no discount.
        const test::TestResponse plain = book(slot, 1, QJsonValue::Undefined);
        QCOMPARE(plain.status, 201);
        QCOMPARE(plain.json().value(QStringLiteral("discount_minor")).toInteger(), 0);
        QCOMPARE(plain.json().value(QStringLiteral("amount_minor")).toInteger(), kPrice);
    }

    void stackableCodesCombineOnTheSubtotal()
    {
        const QUuid a =
            createPromotion(QStringLiteral("STACK-A"), {{QStringLiteral("stackable"), true}});
        const QUuid b = createPromotion(QStringLiteral("STACK-B"),
                                        {{QStringLiteral("stackable"), true},
                                         {QStringLiteral("discount_minor"), 1000},
                                         {QStringLiteral("currency"), QStringLiteral("USD")}});
        QVERIFY(!a.isNull() && !b.isNull());
        const QUuid slot = newSlot(10);
        const test::TestResponse r =
            book(slot, 2, QJsonArray{QStringLiteral("stack-b"), QStringLiteral("Stack-A")});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("discount_minor")).toInteger(), 1000 + 2500);
        QCOMPARE(r.json().value(QStringLiteral("amount_minor")).toInteger(), 25000 - 3500);
        QCOMPARE(claimsOf(a), 1);
        QCOMPARE(claimsOf(b), 1);
    }

    void everyRefusalNamesItsReasonAndWritesNothing()
    {
        const QUuid slot = newSlot(50);
        const QUuid arsSlot = newSlot(50, m_arsProduct);
        const QUuid otherProduct = m_booking->createProduct(m_tenant.managerToken);
        const QJsonObject fixedUsd{{QStringLiteral("discount_minor"), 1000},
                                   {QStringLiteral("currency"), QStringLiteral("USD")}};
        auto with = [](QJsonObject o, const QJsonObject &more) {
            for (auto it = more.begin(); it != more.end(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };
        QVERIFY(!createPromotion(QStringLiteral("OFF-CODE"), {{QStringLiteral("active"), false}})
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("LATER"), {{QStringLiteral("valid_from"),
                                                            toRfc3339(m_clock.now().addDays(1))}})
                     .isNull());
        QVERIFY(!createPromotion(
                     QStringLiteral("PAST"),
                     {{QStringLiteral("valid_from"), toRfc3339(m_clock.now().addDays(-10))},
                      {QStringLiteral("valid_until"), toRfc3339(m_clock.now().addDays(-1))}})
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("OTHER-PRODUCT"),
                                 {{QStringLiteral("product_ids"),
                                   QJsonArray{BookingFixture::idText(otherProduct)}}})
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("USD-ONLY"), fixedUsd).isNull());
        QVERIFY(!createPromotion(QStringLiteral("BIG-SPENDER"),
                                 with(fixedUsd, {{QStringLiteral("min_amount_minor"), 25001}}))
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("SOLO")).isNull());
        QVERIFY(!createPromotion(QStringLiteral("JOINER"), {{QStringLiteral("stackable"), true}})
                     .isNull());
        QVERIFY(
            !createPromotion(QStringLiteral("NO-USES"), {{QStringLiteral("max_redemptions"), 0}})
                 .isNull());
        QVERIFY(!createPromotion(QStringLiteral("SMALL-BUDGET"),
                                 with(fixedUsd, {{QStringLiteral("budget_minor"), 999}}))
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("NOT-FOR-YOU"),
                                 {{QStringLiteral("per_customer_limit"), 0}})
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("ALL-FREE"),
                                 {{QStringLiteral("discount_percent"), 100}})
                     .isNull());
        QVERIFY(!createPromotion(QStringLiteral("TOO-MUCH"),
                                 with(fixedUsd, {{QStringLiteral("discount_minor"), 25000}}))
                     .isNull());

        verifyRefusedAndUnwritten(slot, QStringLiteral("NO-SUCH-CODE"), 422,
                                  QStringLiteral("promo-code-unknown"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("off-code"), 422,
                                  QStringLiteral("promo-code-inactive"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("LATER"), 422,
                                  QStringLiteral("promo-code-outside-window"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("PAST"), 422,
                                  QStringLiteral("promo-code-outside-window"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("OTHER-PRODUCT"), 422,
                                  QStringLiteral("promo-code-not-applicable"));
        verifyRefusedAndUnwritten(arsSlot, QStringLiteral("USD-ONLY"), 422,
                                  QStringLiteral("promo-code-not-applicable"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("BIG-SPENDER"), 422,
                                  QStringLiteral("promo-minimum-not-met"));
        verifyRefusedAndUnwritten(slot,
                                  QJsonArray{QStringLiteral("JOINER"), QStringLiteral("SOLO")}, 422,
                                  QStringLiteral("promo-not-stackable"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("NO-USES"), 409,
                                  QStringLiteral("promo-code-exhausted"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("SMALL-BUDGET"), 409,
                                  QStringLiteral("promo-budget-exhausted"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("NOT-FOR-YOU"), 409,
                                  QStringLiteral("promo-customer-limit-reached"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("ALL-FREE"), 422,
                                  QStringLiteral("promo-free-booking"));
        verifyRefusedAndUnwritten(slot, QStringLiteral("TOO-MUCH"), 422,
                                  QStringLiteral("promo-free-booking"));
        // Another tenant's code does not exist here.
        const test::BookingTenant other = m_booking->addTenant(QStringLiteral("promo-claims-2"));
        const test::TestResponse foreign =
            m_booking->clientAs(other.managerToken)
                ->post(QStringLiteral("/v1/promotions"),
                       {{QStringLiteral("code"), QStringLiteral("THEIRS")},
                        {QStringLiteral("discount_percent"), 50},
                        {QStringLiteral("valid_from"), toRfc3339(m_clock.now().addDays(-1))},
                        {QStringLiteral("valid_until"), toRfc3339(m_clock.now().addDays(1))}});
        QCOMPARE(foreign.status, 201);
        verifyRefusedAndUnwritten(slot, QStringLiteral("THEIRS"), 422,
                                  QStringLiteral("promo-code-unknown"));

        // Malformed codes never reach the database: 400 naming the field.
        for (const QJsonValue &bad :
             {QJsonValue(QStringLiteral("a b")), QJsonValue(5),
              QJsonValue(QJsonArray{QStringLiteral("SOLO"), QStringLiteral("solo")})}) {
            const test::TestResponse r = book(slot, 1, bad);
            QCOMPARE(r.status, 400);
            QCOMPARE(BookingFixture::problemField(r), QStringLiteral("promo_code"));
        }
        // The discount is the server's.
        QJsonObject forged = bookingBody(slot, 1, QStringLiteral("SOLO"));
        forged.insert(QStringLiteral("discount_minor"), 12500);
        const test::TestResponse r = BookingFixture::book(
            *m_booking->clientAs(m_tenant.staffToken), forged, QUuid::createUuid().toByteArray());
        QCOMPARE(r.status, 400);
        QCOMPARE(BookingFixture::problemField(r), QStringLiteral("discount_minor"));
    }

    // 100 bookings on ten slots (so they contend for the promotion row, not
    // only for one slot) race for a code with 10 uses.
    void hundredBookingsRaceForTenUses()
    {
        const QUuid promotion =
            createPromotion(QStringLiteral("TEN-USES"), {{QStringLiteral("max_redemptions"), 10}});
        QVERIFY(!promotion.isNull());
        QList<QUuid> slots;
        for (int i = 0; i < 10; ++i)
            slots << newSlot(20);
        const ClaimCounts before = counts();
        const std::vector<Outcome> outcomes = race(100, [&](int i) {
            return bookingBody(slots[i % 10], 1, QStringLiteral("ten-uses"),
                               QStringLiteral("racer%1@example.com").arg(i));
        });
        QCOMPARE(countOf(outcomes, 201), 10);
        QCOMPARE(countOf(outcomes, 409, QStringLiteral("promo-code-exhausted")), 90);
        QCOMPARE(redeemed(promotion), 10);
        QCOMPARE(claimsOf(promotion), 10);
        const ClaimCounts after = counts();
        QCOMPARE(after.writes.reservations, before.writes.reservations + 10);
        QCOMPARE(after.writes.seatsTaken, before.writes.seatsTaken + 10);
        QCOMPARE(after.writes.idempotencyKeys, before.writes.idempotencyKeys + 100);
    }

    void budgetIsNeverOverspentUnderConcurrency()
    {
        // 1000 off each booking, 5500 of budget: five claims fit, a sixth would overspend.
        const QUuid promotion = createPromotion(
            QStringLiteral("BUDGET"), {{QStringLiteral("discount_minor"), 1000},
                                       {QStringLiteral("currency"), QStringLiteral("USD")},
                                       {QStringLiteral("budget_minor"), 5500}});
        QVERIFY(!promotion.isNull());
        QList<QUuid> slots;
        for (int i = 0; i < 5; ++i)
            slots << newSlot(20);
        const std::vector<Outcome> outcomes = race(40, [&](int i) {
            return bookingBody(slots[i % 5], 1, QStringLiteral("BUDGET"),
                               QStringLiteral("budget%1@example.com").arg(i));
        });
        QCOMPARE(countOf(outcomes, 201), 5);
        QCOMPARE(countOf(outcomes, 409, QStringLiteral("promo-budget-exhausted")), 35);
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT discounted_minor FROM promotions WHERE id = ?::uuid"),
                     {BookingFixture::idText(promotion)}),
                 5000);
    }

    void perCustomerLimitHoldsUnderConcurrency()
    {
        const QUuid promotion = createPromotion(QStringLiteral("TWICE-EACH"),
                                                {{QStringLiteral("per_customer_limit"), 2}});
        QVERIFY(!promotion.isNull());
        QList<QUuid> slots;
        for (int i = 0; i < 6; ++i)
            slots << newSlot(20);
        // The same customer, spelled in several cases, 30 times at once.
        const std::vector<Outcome> outcomes = race(30, [&](int i) {
            return bookingBody(slots[i % 6], 1, QStringLiteral("TWICE-EACH"),
                               i % 2 ? QStringLiteral("Rita@Example.com")
                                     : QStringLiteral("rita@example.COM"));
        });
        QCOMPARE(countOf(outcomes, 201), 2);
        QCOMPARE(countOf(outcomes, 409, QStringLiteral("promo-customer-limit-reached")), 28);
        QCOMPARE(claimsOf(promotion, QStringLiteral("customer_email = 'rita@example.com'")), 2);
        // Another customer still may.
        QCOMPARE(book(slots[0], 1, QStringLiteral("TWICE-EACH"), QStringLiteral("sam@example.com"))
                     .status,
                 201);
    }

    void sweeperReleasesAnExpiredClaimExactlyOnce()
    {
        const QUuid promotion =
            createPromotion(QStringLiteral("ONCE-SWEPT"), {{QStringLiteral("max_redemptions"), 1}});
        const QUuid slot = newSlot(5);
        const test::TestResponse held = book(slot, 1, QStringLiteral("ONCE-SWEPT"));
        QCOMPARE(held.status, 201);
        const QUuid reservation = idOf(held);
        QCOMPARE(book(newSlot(5), 1, QStringLiteral("ONCE-SWEPT")).problemSlug(),
                 QStringLiteral("promo-code-exhausted"));

        m_clock.advance(kHoldSeconds);
        ReservationService sweeper(m_clock, kHoldSeconds);
        QVERIFY(sweeper.releaseDueHolds(db(), 100) >= 1);
        QCOMPARE(BookingFixture::statusOf(db(), reservation), QStringLiteral("expired"));
        QCOMPARE(releaseReason(reservation), QStringLiteral("expired"));
        QCOMPARE(redeemed(promotion), 0);
        QCOMPARE(audits(QStringLiteral("promotion.release"), promotion), 1);
        // Again, and a cancel after the expiry: nothing more is released.
        QCOMPARE(sweeper.releaseDueHolds(db(), 100), 0);
        const test::TestResponse cancel =
            m_booking->clientAs(m_tenant.staffToken)
                ->request("POST", QStringLiteral("/v1/reservations/") +
                                      BookingFixture::idText(reservation) +
                                      QStringLiteral("/cancel"));
        QCOMPARE(cancel.status, 409);
        QCOMPARE(audits(QStringLiteral("promotion.release"), promotion), 1);
        QCOMPARE(redeemed(promotion), 0);
        // The use is back for someone else.
        QCOMPARE(book(newSlot(5), 1, QStringLiteral("ONCE-SWEPT")).status, 201);
        QCOMPARE(redeemed(promotion), 1);
    }

    void nextBookingOnTheSlotReleasesAnExpiredClaimLazily()
    {
        const QUuid promotion =
            createPromotion(QStringLiteral("LAZY"), {{QStringLiteral("max_redemptions"), 1}});
        const QUuid slot = newSlot(5);
        const test::TestResponse held = book(slot, 2, QStringLiteral("LAZY"));
        QCOMPARE(held.status, 201);
        const QUuid reservation = idOf(held);
        m_clock.advance(kHoldSeconds);
        // No sweeper: the next booking on the slot releases the hold and its
        // claim under the slot lock, and can take the code itself.
        const test::TestResponse next = book(slot, 1, QStringLiteral("LAZY"));
        QVERIFY2(next.status == 201, next.body.constData());
        QCOMPARE(BookingFixture::statusOf(db(), reservation), QStringLiteral("expired"));
        QCOMPARE(releaseReason(reservation), QStringLiteral("expired"));
        QCOMPARE(releaseReason(idOf(next)), QStringLiteral("live"));
        QCOMPARE(redeemed(promotion), 1);
        QCOMPARE(audits(QStringLiteral("promotion.release"), promotion), 1);
        ReservationService sweeper(m_clock, kHoldSeconds);
        sweeper.releaseDueHolds(db(), 100);
        QCOMPARE(audits(QStringLiteral("promotion.release"), promotion), 1);
        QCOMPARE(claimsOf(promotion, QStringLiteral("released_at IS NOT NULL")), 1);
    }

    void cancelReleasesTheClaimOnce()
    {
        const QUuid promotion = createPromotion(QStringLiteral("CANCELLED"));
        const test::TestResponse held = book(newSlot(5), 1, QStringLiteral("CANCELLED"));
        QCOMPARE(held.status, 201);
        const QUuid reservation = idOf(held);
        const QString path = QStringLiteral("/v1/reservations/") +
                             BookingFixture::idText(reservation) + QStringLiteral("/cancel");
        const auto http = m_booking->clientAs(m_tenant.staffToken);
        QCOMPARE(http->request("POST", path).status, 200);
        QCOMPARE(releaseReason(reservation), QStringLiteral("cancelled"));
        QCOMPARE(redeemed(promotion), 0);
        QCOMPARE(http->request("POST", path).status, 200); // already cancelled: as is
        QCOMPARE(audits(QStringLiteral("promotion.release"), promotion), 1);
        m_clock.advance(kHoldSeconds);
        ReservationService(m_clock, kHoldSeconds).releaseDueHolds(db(), 100);
        QCOMPARE(audits(QStringLiteral("promotion.release"), promotion), 1);
    }

    void refundReleasesTheClaimOnlyWhenTheTenantSaysSo()
    {
        const auto manager = m_booking->clientAs(m_tenant.managerToken);
        const test::TestResponse setting = manager->get(QStringLiteral("/v1/promotions/settings"));
        QCOMPARE(setting.status, 200);
        QCOMPARE(setting.json().value(QStringLiteral("release_on_refund")).toBool(true), false);

        const QUuid kept = createPromotion(QStringLiteral("KEPT-ON-REFUND"));
        QString ref;
        qint64 amount = 0;
        const QUuid first = bookAndPay(newSlot(5), QStringLiteral("KEPT-ON-REFUND"), &ref, &amount);
        QVERIFY(!first.isNull());
        QCOMPARE(amount, kPrice - 1250);
        QCOMPARE(BookingFixture::statusOf(db(), first), QStringLiteral("paid"));
        QCOMPARE(refund(ref, amount), 200);
        QCOMPARE(BookingFixture::statusOf(db(), first), QStringLiteral("refunded"));
        QCOMPARE(releaseReason(first), QStringLiteral("live"));
        QCOMPARE(redeemed(kept), 1);

        const test::TestResponse on = manager->request(
            "PUT", QStringLiteral("/v1/promotions/settings"),
            QJsonDocument(QJsonObject{{QStringLiteral("release_on_refund"), true}}).toJson(),
            {{"Content-Type", "application/json"}});
        QCOMPARE(on.status, 200);
        QCOMPARE(on.json().value(QStringLiteral("release_on_refund")).toBool(), true);
        const QUuid released = createPromotion(QStringLiteral("FREED-ON-REFUND"));
        const QUuid second =
            bookAndPay(newSlot(5), QStringLiteral("FREED-ON-REFUND"), &ref, &amount);
        QVERIFY(!second.isNull());
        QCOMPARE(redeemed(released), 1);
        QCOMPARE(refund(ref, amount), 200);
        QCOMPARE(BookingFixture::statusOf(db(), second), QStringLiteral("refunded"));
        QCOMPARE(releaseReason(second), QStringLiteral("refunded"));
        QCOMPARE(redeemed(released), 0);
        QCOMPARE(audits(QStringLiteral("promotion.release"), released), 1);
        // A repeated refund event changes nothing more.
        QCOMPARE(refund(ref, amount), 200);
        QCOMPARE(audits(QStringLiteral("promotion.release"), released), 1);
        QCOMPARE(PaymentFixture::invariantViolations(db()), QString());
    }

    // A payment that lands after its hold expired, with the seats still free,
    // is honoured at the discounted price the customer paid: the claim the
    // expiry released counts again, even though the code's last use was
    // meanwhile free; a second copy of the event reinstates nothing more.
    void latePaymentReinstatesTheClaimItsExpiryReleased()
    {
        const QUuid promotion =
            createPromotion(QStringLiteral("LATE-PAID"), {{QStringLiteral("max_redemptions"), 1}});
        const test::TestResponse held = book(newSlot(5), 1, QStringLiteral("LATE-PAID"));
        QCOMPARE(held.status, 201);
        const QUuid reservation = idOf(held);
        const test::TestResponse intent =
            m_payments->createIntent(m_tenant.staffToken, reservation, QStringLiteral("stripe"));
        QCOMPARE(intent.status, 201);
        const QString ref = intent.json().value(QStringLiteral("provider_ref")).toString();
        const qint64 amount = intent.json().value(QStringLiteral("amount_minor")).toInteger();
        QCOMPARE(amount, kPrice - 1250);

        m_clock.advance(kHoldSeconds);
        ReservationService(m_clock, kHoldSeconds).releaseDueHolds(db(), 100);
        QCOMPARE(BookingFixture::statusOf(db(), reservation), QStringLiteral("expired"));
        QCOMPARE(releaseReason(reservation), QStringLiteral("expired"));
        QCOMPARE(redeemed(promotion), 0);

        const QByteArray paid = PaymentFixture::stripeEvent(
            QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128),
            QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(ref, amount, QStringLiteral("usd"),
                                               QStringLiteral("succeeded")));
        QCOMPARE(PaymentFixture::outcomeOf(m_payments->postStripeSigned(paid, m_clock.now())),
                 QStringLiteral("applied"));
        QCOMPARE(BookingFixture::statusOf(db(), reservation), QStringLiteral("paid"));
        QCOMPARE(releaseReason(reservation), QStringLiteral("live"));
        QCOMPARE(redeemed(promotion), 1);
        QCOMPARE(audits(QStringLiteral("promotion.reinstate"), promotion), 1);
        QCOMPARE(PaymentFixture::outcomeOf(m_payments->postStripeSigned(paid, m_clock.now())),
                 QStringLiteral("duplicate"));
        QCOMPARE(redeemed(promotion), 1);
        QCOMPARE(audits(QStringLiteral("promotion.reinstate"), promotion), 1);
        // The use is taken again: the code is exhausted for the next customer.
        QCOMPARE(book(newSlot(5), 1, QStringLiteral("LATE-PAID")).problemSlug(),
                 QStringLiteral("promo-code-exhausted"));
        QCOMPARE(PaymentFixture::invariantViolations(db()), QString());
    }

    // The window is written with the offsets of America/Santiago on either
    // side of its 2026 change from summer time (-03:00) to winter time
    // (-04:00); the server's clock is moved to the instants around its edges.
    // Last: the clock only moves forward (tokens carry iat/nbf).
    void windowEdgesAcrossADaylightSavingChange()
    {
        const QTimeZone santiago("America/Santiago");
        QVERIFY(santiago.isValid());
        const QDateTime from(QDate(2026, 4, 4), QTime(0, 0), santiago);  // -03:00
        const QDateTime until(QDate(2026, 4, 6), QTime(0, 0), santiago); // -04:00
        QCOMPARE(santiago.offsetFromUtc(from), -3 * 3600);
        QCOMPARE(santiago.offsetFromUtc(until), -4 * 3600);
        QVERIFY(m_clock.now() < from);
        const QUuid promotion = createPromotion(
            QStringLiteral("OTONO"),
            {{QStringLiteral("valid_from"), QStringLiteral("2026-04-04T00:00:00-03:00")},
             {QStringLiteral("valid_until"), QStringLiteral("2026-04-06T00:00:00-04:00")}});
        QVERIFY(!promotion.isNull());
        const QJsonObject stored =
            m_booking->clientAs(m_tenant.staffToken)
                ->get(QStringLiteral("/v1/promotions/") + BookingFixture::idText(promotion))
                .json();
        QCOMPARE(stored.value(QStringLiteral("valid_from")).toString(),
                 QStringLiteral("2026-04-04T03:00:00.000Z"));
        QCOMPARE(stored.value(QStringLiteral("valid_until")).toString(),
                 QStringLiteral("2026-04-06T04:00:00.000Z"));

        const QUuid slot =
            m_booking->createSlot(m_tenant.managerToken, m_product,
                                  QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC), 100);
        QVERIFY(!slot.isNull());
        auto bookAt = [&](const QDateTime &t) {
            m_clock.set(t);
            return book(slot, 1, QStringLiteral("OTONO"));
        };
        QCOMPARE(bookAt(from.addMSecs(-1)).problemSlug(),
                 QStringLiteral("promo-code-outside-window"));
        QCOMPARE(bookAt(from).status, 201);
        // The hour that happens twice on the night of the change: both inside.
        QCOMPARE(bookAt(QDateTime(QDate(2026, 4, 5), QTime(2, 30), Qt::UTC)).status, 201);
        QCOMPARE(bookAt(QDateTime(QDate(2026, 4, 5), QTime(3, 30), Qt::UTC)).status, 201);
        // Local midnight + 48 h is still inside: the day of the change had 25 hours.
        QCOMPARE(bookAt(from.addSecs(48 * 3600)).status, 201);
        QCOMPARE(bookAt(until.addMSecs(-1)).status, 201);
        const test::TestResponse closed = bookAt(until);
        QCOMPARE(closed.status, 422);
        QCOMPARE(closed.problemSlug(), QStringLiteral("promo-code-outside-window"));
        QCOMPARE(claimsOf(promotion), 5);
    }

private:
    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    QUuid m_product;
    QUuid m_arsProduct;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestPromotionClaims)
#include "tst_promotionclaims.moc"
