// What reservad reads out of provider documents once their signature (or
// TLS) is trusted: a Stripe event body and Mercado Pago's payment answer.
// Signed is not well-formed: an amount of 1e300 is valid JSON, and casting
// it to an integer was undefined behaviour (UBSan's float-cast-overflow);
// a fraction of a minor unit must never be rounded into a match. The fuzz
// targets fuzz_stripe_event and fuzz_mercadopago_payment search the rest.
#include "contract/jsonreader.h"
#include "payments/stripeevent.h"
#include "providers/mercadopagopayment.h"

#include <QJsonDocument>
#include <QtTest>

using namespace reserva;

namespace {

std::optional<VerifiedPaymentEvent> stripe(const QByteArray &json)
{
    return readStripeEvent(QJsonDocument::fromJson(json).object());
}

QByteArray succeeded(const QByteArray &amount)
{
    return "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
           "{\"id\":\"pi_1\",\"currency\":\"brl\",\"amount\":" +
           amount + "}}}";
}

} // namespace

class TestProviderDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripeAmountsAreWholeMinorUnits_data()
    {
        QTest::addColumn<QByteArray>("amount");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("whole") << QByteArray("2500") << qint64(2500);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("2^53") << QByteArray("9007199254740992") << qint64(9007199254740992LL);
        QTest::newRow("1e300") << QByteArray("1e300") << qint64(-1);
        QTest::newRow("-1e300") << QByteArray("-1e300") << qint64(-1);
        QTest::newRow("2^63") << QByteArray("9223372036854775808") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("fraction") << QByteArray("12.5") << qint64(-1);
        QTest::newRow("string") << QByteArray("\"2500\"") << qint64(-1);
    }

    void stripeAmountsAreWholeMinorUnits()
    {
        QFETCH(QByteArray, amount);
        QFETCH(qint64, expected);
        const auto event = stripe(succeeded(amount));
        QVERIFY(event);
        QCOMPARE(event->amountMinor, expected);
        QCOMPARE(event->providerRef, QStringLiteral("pi_1"));
        QCOMPARE(event->currency, QStringLiteral("BRL"));
        QCOMPARE(event->target, std::optional<PaymentStatus>(PaymentStatus::Succeeded));
    }

    void stripeEventsWithoutTheirFactsAreRefused()
    {
        QVERIFY(!stripe(
            "{\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"p\"}}}"));
        QVERIFY(!stripe("{\"id\":\"evt\",\"type\":\"payment_intent.succeeded\",\"data\":{}}"));
        // A status change that does not name its intent.
        QVERIFY(!stripe("{\"id\":\"evt\",\"type\":\"payment_intent.succeeded\",\"data\":{"
                        "\"object\":{\"amount\":1}}}"));
        QVERIFY(!stripe("{\"id\":\"evt\",\"type\":\"charge.refunded\",\"data\":{\"object\":{"
                        "\"amount_refunded\":1}}}"));
        // An id past 200 characters is no dedup key.
        QVERIFY(!stripe("{\"id\":\"" + QByteArray(201, 'e') +
                        "\",\"type\":\"x\",\"data\":{\"object\":{\"id\":\"p\"}}}"));
        // Another type is read (and recorded) but acts on nothing.
        const auto other = stripe(
            "{\"id\":\"evt\",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"c\"}}}");
        QVERIFY(other);
        QVERIFY(!other->target);
    }

    void mercadoPagoAnswersAreReadExactly_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("amount");
        const QByteArray tail = ",\"status\":\"approved\",\"external_reference\":\"r\"";
        QTest::newRow("numeric id, BRL")
            << ("{\"id\":123,\"currency_id\":\"BRL\",\"transaction_amount\":350.5" + tail + "}")
            << true << QStringLiteral("123") << qint64(35050);
        QTest::newRow("string id, CLP")
            << ("{\"id\":\"9\",\"currency_id\":\"CLP\",\"transaction_amount\":1500" + tail + "}")
            << true << QStringLiteral("9") << qint64(1500);
        QTest::newRow("id 1e300")
            << ("{\"id\":1e300,\"currency_id\":\"BRL\",\"transaction_amount\":1" + tail + "}")
            << false << QString() << qint64(-1);
        QTest::newRow("fractional id")
            << ("{\"id\":1.5,\"currency_id\":\"BRL\",\"transaction_amount\":1" + tail + "}")
            << false << QString() << qint64(-1);
        QTest::newRow("sub-minor amount")
            << ("{\"id\":1,\"currency_id\":\"CLP\",\"transaction_amount\":0.5" + tail + "}")
            << false << QStringLiteral("1") << qint64(-1);
        QTest::newRow("amount 1e300")
            << ("{\"id\":1,\"currency_id\":\"BRL\",\"transaction_amount\":1e300" + tail + "}")
            << false << QStringLiteral("1") << qint64(-1);
        QTest::newRow("unknown currency")
            << ("{\"id\":1,\"currency_id\":\"XXX\",\"transaction_amount\":1" + tail + "}") << false
            << QStringLiteral("1") << qint64(-1);
        QTest::newRow("not an object") << QByteArray("[1]") << false << QString() << qint64(-1);
    }

    void mercadoPagoAnswersAreReadExactly()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, found);
        QFETCH(QString, id);
        QFETCH(qint64, amount);
        const ProviderPaymentState state = readMercadoPagoPayment(answer);
        QCOMPARE(state.fetch == ProviderPaymentState::Fetch::Found, found);
        if (!found) {
            // Not a verdict: the notification is answered 503 and retried.
            QCOMPARE(state.fetch, ProviderPaymentState::Fetch::Unavailable);
            return;
        }
        QCOMPARE(state.id, id);
        QCOMPARE(state.amountMinor, amount);
        QCOMPARE(state.status, QStringLiteral("approved"));
    }

    void exactIntegerBounds()
    {
        QCOMPARE(exactInteger(QJsonValue(7.0), 0, 10), std::optional<qint64>(7));
        QCOMPARE(exactInteger(QJsonValue(11.0), 0, 10), std::nullopt);
        QCOMPARE(exactInteger(QJsonValue(-1.0), 0, 10), std::nullopt);
        QCOMPARE(exactInteger(QJsonValue(0.5), 0, 10), std::nullopt);
        QCOMPARE(exactInteger(QJsonValue(1e300), std::numeric_limits<qint64>::min(),
                              std::numeric_limits<qint64>::max()),
                 std::nullopt);
        QCOMPARE(exactInteger(QJsonValue(QStringLiteral("7")), 0, 10), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestProviderDocuments)
#include "tst_providerdocuments.moc"
