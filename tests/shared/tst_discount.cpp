// Promotion discounts in minor units: half-even rounding, never below zero,
// exact for every amount (no overflow), CLP with no minor unit; stacked
// codes; the promotion rules (window edges, caps, budget, per customer); the
// promo_code field of a booking.
#include "contract/promotiontypes.h"
#include "domain/discount.h"
#include "domain/promotionrules.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QtTest>

#include <limits>

using namespace reserva;

namespace {

// The reference: the exact product amount x bp (only for amounts where it
// fits in 64 bits), then half-even by hand.
qint64 referencePercent(qint64 amount, int bp)
{
    const qint64 n = amount * bp;
    qint64 q = n / 10000;
    const qint64 r = n % 10000;
    if (r > 5000 || (r == 5000 && q % 2 == 1))
        ++q;
    return q;
}

QDateTime utc(const QString &rfc3339)
{
    return QDateTime::fromString(rfc3339, Qt::ISODateWithMs).toUTC();
}

} // namespace

class TestDiscount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentRoundsHalfToEven_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<int>("basisPoints");
        QTest::addColumn<qint64>("discount");
        QTest::newRow("10% of 12500") << qint64(12500) << 1000 << qint64(1250);
        QTest::newRow("exact half rounds down to even") << qint64(5) << 1000 << qint64(0); // 0.5
        QTest::newRow("exact half rounds up to even") << qint64(15) << 1000 << qint64(2);  // 1.5
        QTest::newRow("2.5 -> 2") << qint64(25) << 1000 << qint64(2);
        QTest::newRow("3.5 -> 4") << qint64(35) << 1000 << qint64(4);
        QTest::newRow("above half rounds up") << qint64(16) << 1000 << qint64(2);   // 1.6
        QTest::newRow("below half rounds down") << qint64(14) << 1000 << qint64(1); // 1.4
        QTest::newRow("12.5% of 100") << qint64(100) << 1250 << qint64(12);         // 12.5 -> 12
        QTest::newRow("12.5% of 300") << qint64(300) << 1250 << qint64(38);         // 37.5 -> 38
        QTest::newRow("12.5% of 1") << qint64(1) << 1250 << qint64(0);
        QTest::newRow("0.01% of 5000") << qint64(5000) << 1 << qint64(0);   // 0.5 -> 0
        QTest::newRow("0.01% of 15000") << qint64(15000) << 1 << qint64(2); // 1.5 -> 2
        QTest::newRow("33.33% of 999") << qint64(999) << 3333 << qint64(333);
        QTest::newRow("100%") << qint64(12345) << 10000 << qint64(12345);
        QTest::newRow("0%") << qint64(12345) << 0 << qint64(0);
        QTest::newRow("zero amount") << qint64(0) << 5000 << qint64(0);
        // CLP has no minor unit: a peso is the unit that rounds.
        QTest::newRow("CLP 15% of 12990") << qint64(12990) << 1500 << qint64(1948); // 1948.5
        QTest::newRow("CLP 15% of 12970") << qint64(12970) << 1500 << qint64(1946); // 1945.5
        QTest::newRow("CLP 50% of 1") << qint64(1) << 5000 << qint64(0);            // 0.5
        QTest::newRow("CLP 50% of 3") << qint64(3) << 5000 << qint64(2);            // 1.5
        // No intermediate overflow: amount x bp would be far beyond 2^63.
        QTest::newRow("int64 max at 100%")
            << std::numeric_limits<qint64>::max() << 10000 << std::numeric_limits<qint64>::max();
        QTest::newRow("int64 max at 50%")
            << std::numeric_limits<qint64>::max() << 5000 << qint64(4611686018427387904LL);
        QTest::newRow("10^18 at 12.34%")
            << qint64(1000000000000000000LL) << 1234 << qint64(123400000000000000LL);
        QTest::newRow("max price x 100 seats at 99.99%")
            << qint64(100000000000000LL) << 9999 << qint64(99990000000000LL);
    }
    void percentRoundsHalfToEven()
    {
        QFETCH(qint64, amount);
        QFETCH(int, basisPoints);
        QFETCH(qint64, discount);
        QCOMPARE(discount::percentOf(amount, basisPoints), std::optional<qint64>(discount));
    }

    void percentMatchesTheExactReference()
    {
        QRandomGenerator rng(20260308);
        for (int i = 0; i < 200000; ++i) {
            const qint64 amount = qint64(rng.bounded(quint64(900000000000000ULL)));
            const int bp = int(rng.bounded(10001));
            QCOMPARE(*discount::percentOf(amount, bp), referencePercent(amount, bp));
        }
        for (qint64 amount = 0; amount < 3000; ++amount) {
            for (int bp : {1, 50, 125, 1250, 3333, 5000, 6667, 9999}) {
                const qint64 got = *discount::percentOf(amount, bp);
                QCOMPARE(got, referencePercent(amount, bp));
                QVERIFY(got >= 0 && got <= amount);
            }
        }
    }

    void invalidInputIsRefused()
    {
        QCOMPARE(discount::percentOf(-1, 1000), std::nullopt);
        QCOMPARE(discount::percentOf(100, -1), std::nullopt);
        QCOMPARE(discount::percentOf(100, 10001), std::nullopt);
        QCOMPARE(discount::of(-5, discount::Rule::fixed(1)), std::nullopt);
        QCOMPARE(discount::of(5, discount::Rule::fixed(-1)), std::nullopt);
        QCOMPARE(discount::of(5, discount::Rule::percent(10001)), std::nullopt);
        QCOMPARE(discount::split(-1, {discount::Rule::percent(10)}), std::nullopt);
    }

    void fixedNeverExceedsTheSubtotal()
    {
        QCOMPARE(*discount::of(12500, discount::Rule::fixed(2000)), qint64(2000));
        QCOMPARE(*discount::of(12500, discount::Rule::fixed(12500)), qint64(12500));
        QCOMPARE(*discount::of(12500, discount::Rule::fixed(99999)), qint64(12500));
        QCOMPARE(*discount::of(0, discount::Rule::fixed(1)), qint64(0));
        QCOMPARE(*discount::of(std::numeric_limits<qint64>::max(),
                               discount::Rule::fixed(std::numeric_limits<qint64>::max())),
                 std::numeric_limits<qint64>::max());
    }

    void stackedDiscountsAreOnTheSubtotalAndNeverPassIt()
    {
        using discount::Rule;
        // Percentages on the undiscounted subtotal: 10% + 10% is 20%, in any order.
        QCOMPARE(*discount::split(10000, {Rule::percent(1000), Rule::percent(1000)}),
                 (QList<qint64>{1000, 1000}));
        QCOMPARE(*discount::split(10000, {Rule::fixed(500), Rule::percent(1000)}),
                 (QList<qint64>{500, 1000}));
        QCOMPARE(*discount::split(10000, {Rule::percent(1000), Rule::fixed(500)}),
                 (QList<qint64>{1000, 500}));
        // Together more than the subtotal: the later ones get what is left.
        QCOMPARE(*discount::split(10000, {Rule::percent(8000), Rule::fixed(5000)}),
                 (QList<qint64>{8000, 2000}));
        QCOMPARE(*discount::split(10000, {Rule::fixed(20000), Rule::percent(1000)}),
                 (QList<qint64>{10000, 0}));
        QCOMPARE(*discount::split(10000, {}), QList<qint64>{});
    }

    // The window is half-open on UTC instants, whatever offsets it was
    // written with: here the night America/Santiago leaves summer time
    // (2026-04-05 00:00 -03:00 becomes 2026-04-04 23:00 -04:00).
    void windowEdgesAcrossADaylightSavingChange()
    {
        const QTimeZone santiago("America/Santiago");
        QVERIFY(santiago.isValid());
        const QDateTime change = utc(QStringLiteral("2026-04-05T03:00:00Z"));
        QCOMPARE(santiago.offsetFromUtc(change.addSecs(-1)), -3 * 3600);
        QCOMPARE(santiago.offsetFromUtc(change), -4 * 3600);

        PromotionTerms terms;
        terms.rule = discount::Rule::percent(1000);
        // From local midnight of the 4th (summer time) to local midnight of
        // the 6th (winter time): 49 hours, not 48.
        terms.validFrom = utc(QStringLiteral("2026-04-04T00:00:00-03:00"));
        terms.validUntil = utc(QStringLiteral("2026-04-06T00:00:00-04:00"));
        QCOMPARE(terms.validFrom.secsTo(terms.validUntil), qint64(49 * 3600));
        BookingTerms booking;
        booking.subtotalMinor = 1000;
        auto at = [&](const QDateTime &t) {
            booking.at = t;
            return promotionrules::eligibility(terms, booking);
        };
        QCOMPARE(at(terms.validFrom.addMSecs(-1)), PromotionRefusal::NotYetValid);
        QCOMPARE(at(terms.validFrom), std::nullopt);
        QCOMPARE(at(change.addSecs(-1)), std::nullopt);
        QCOMPARE(at(change), std::nullopt);
        // 23:30 local on the 5th, after the change: still inside.
        QCOMPARE(at(QDateTime(QDate(2026, 4, 5), QTime(23, 30), santiago)), std::nullopt);
        QCOMPARE(at(terms.validUntil.addMSecs(-1)), std::nullopt);
        QCOMPARE(at(terms.validUntil), PromotionRefusal::Expired);
        // A naive "local midnight + 48 h" would have ended an hour early.
        QCOMPARE(at(terms.validFrom.addSecs(48 * 3600)), std::nullopt);
    }

    void eligibilityChecksEachRule()
    {
        const QUuid product = QUuid::createUuid();
        PromotionTerms terms;
        terms.rule = discount::Rule::fixed(500);
        terms.currency = QStringLiteral("USD");
        terms.productIds = {product};
        terms.validFrom = utc(QStringLiteral("2026-01-01T00:00:00Z"));
        terms.validUntil = utc(QStringLiteral("2027-01-01T00:00:00Z"));
        terms.minAmountMinor = 1000;
        BookingTerms booking;
        booking.at = utc(QStringLiteral("2026-06-01T00:00:00Z"));
        booking.productId = product;
        booking.currency = QStringLiteral("USD");
        booking.subtotalMinor = 1000;
        QCOMPARE(promotionrules::eligibility(terms, booking), std::nullopt);

        BookingTerms other = booking;
        other.productId = QUuid::createUuid();
        QCOMPARE(promotionrules::eligibility(terms, other), PromotionRefusal::NotForProduct);
        other = booking;
        other.currency = QStringLiteral("ARS");
        QCOMPARE(promotionrules::eligibility(terms, other), PromotionRefusal::WrongCurrency);
        other = booking;
        other.subtotalMinor = 999;
        QCOMPARE(promotionrules::eligibility(terms, other), PromotionRefusal::BelowMinimum);
        other = booking;
        other.codeCount = 2;
        QCOMPARE(promotionrules::eligibility(terms, other), PromotionRefusal::NotStackable);
        PromotionTerms stacking = terms;
        stacking.stackable = true;
        QCOMPARE(promotionrules::eligibility(stacking, other), std::nullopt);
        PromotionTerms inactive = terms;
        inactive.active = false;
        QCOMPARE(promotionrules::eligibility(inactive, booking), PromotionRefusal::Inactive);
        PromotionTerms anyProduct = terms;
        anyProduct.productIds.clear();
        other = booking;
        other.productId = QUuid::createUuid();
        QCOMPARE(promotionrules::eligibility(anyProduct, other), std::nullopt);
    }

    void capacityChecksCapCustomerAndBudget()
    {
        PromotionTerms terms;
        terms.maxRedemptions = 10;
        terms.perCustomerLimit = 2;
        terms.budgetMinor = 1000;
        PromotionUsage usage{9, 600, 1};
        QCOMPARE(promotionrules::capacity(terms, usage, 400), std::nullopt); // exactly the budget
        QCOMPARE(promotionrules::capacity(terms, usage, 401), PromotionRefusal::BudgetExhausted);
        QCOMPARE(promotionrules::capacity(terms, {10, 0, 0}, 1), PromotionRefusal::Exhausted);
        QCOMPARE(promotionrules::capacity(terms, {0, 0, 2}, 1),
                 PromotionRefusal::CustomerLimitReached);
        PromotionTerms open; // no limits at all
        QCOMPARE(promotionrules::capacity(open, {1000000, std::numeric_limits<qint64>::max(), 99},
                                          std::numeric_limits<qint64>::max()),
                 std::nullopt);
        PromotionTerms closed;
        closed.maxRedemptions = 0;
        QCOMPARE(promotionrules::capacity(closed, {}, 0), PromotionRefusal::Exhausted);
    }

    void promoCodeFieldIsOneCodeOrAListOfDistinctCodes()
    {
        QCOMPARE(readPromoCodes(QStringLiteral(" summer-10 ")).codes,
                 QStringList{QStringLiteral("SUMMER-10")});
        const PromoCodesField two =
            readPromoCodes(QJsonArray{QStringLiteral("a_b1"), QStringLiteral("XYZ")});
        QVERIFY(two.error.isEmpty());
        QCOMPARE(two.codes, (QStringList{QStringLiteral("A_B1"), QStringLiteral("XYZ")}));
        for (const QJsonValue &bad :
             {QJsonValue(QStringLiteral("ab")), QJsonValue(QStringLiteral("bad code")),
              QJsonValue(QStringLiteral("-lead")), QJsonValue(QString(33, u'A')),
              QJsonValue(QStringLiteral("ÁRBOL")), QJsonValue(12), QJsonValue(true),
              QJsonValue(QJsonArray{}),
              QJsonValue(QJsonArray{QStringLiteral("abc"), QStringLiteral("ABC")}),
              QJsonValue(QJsonArray{QStringLiteral("aaa"), QStringLiteral("bbb"),
                                    QStringLiteral("ccc"), QStringLiteral("ddd")}),
              QJsonValue(QJsonArray{QStringLiteral("abc"), 7})}) {
            const PromoCodesField f = readPromoCodes(bad);
            QVERIFY(!f.error.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestDiscount)
#include "tst_discount.moc"
