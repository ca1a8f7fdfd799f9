// `reservad simulate-webhook` and `reservad fake-providers`, run as a user
// would run them (the built binary, through QProcess) against a server whose
// providers are the in-process fake engine: intents are created through the
// API at the fakes, the simulator settles the payment at the fakes where the
// provider's notification is only a hint, sends the signed delivery, and the
// reservation and intent end in the state the outcome means.
#include "bookingfixture.h"
#include "providers/fake/fakeproviderserver.h"
#include "reservadprocess.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::cliDatabaseUrl;
using RunResult = test::ReservadRun;

namespace {

const QByteArray kStripeSecret = "whsec_simulator_test_secret";
const QByteArray kMercadoPagoSecret = "mp-simulator-secret";
const QByteArray kPixSecret = "pix-simulator-secret";

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeProviderServer> m_fake;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    QUuid m_slot;
    QString m_databaseUrl;
    int m_bookings = 0;

    QUuid book()
    {
        auto http = m_fixture->clientAs(m_tenant.staffToken);
        const test::TestResponse r =
            BookingFixture::book(*http, m_slot, 2, "sim-book-" + QByteArray::number(++m_bookings));
        if (r.status != 201)
            qWarning("booking: %d %s", r.status, r.body.constData());
        return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    }

    QJsonObject createIntent(const QUuid &reservation, const QString &provider,
                             const QByteArray &key)
    {
        auto http = m_fixture->clientAs(m_tenant.staffToken);
        const test::TestResponse r = http->request(
            "POST",
            QStringLiteral("/v1/reservations/") + BookingFixture::idText(reservation) +
                QStringLiteral("/payment-intents"),
            QJsonDocument(QJsonObject{{QStringLiteral("provider"), provider}})
                .toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Idempotency-Key", key}});
        if (r.status != 201)
            qWarning("intent: %d %s", r.status, r.body.constData());
        return r.json();
    }

    RunResult simulate(const QString &provider, const QUuid &reservation, const QString &outcome,
                       const QStringList &extra = {})
    {
        const QByteArray secret = provider == u"stripe"        ? kStripeSecret
                                  : provider == u"mercadopago" ? kMercadoPagoSecret
                                                               : kPixSecret;
        QStringList args{QStringLiteral("simulate-webhook"),
                         QStringLiteral("--provider"),
                         provider,
                         QStringLiteral("--reservation"),
                         BookingFixture::idText(reservation),
                         QStringLiteral("--outcome"),
                         outcome,
                         QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()),
                         QStringLiteral("--fake-providers"),
                         m_fake->baseUrl().toString(),
                         QStringLiteral("--database"),
                         m_databaseUrl};
        if (!extra.contains(QStringLiteral("--secret")))
            args << QStringLiteral("--secret") << QString::fromLatin1(secret);
        return test::runReservad(QStringLiteral(RESERVAD_PATH), args + extra);
    }

    QString intentStatus(const QString &intentId)
    {
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT status FROM payment_intents WHERE id = ?::uuid"), {intentId},
            "intent status");
        return q.next() ? q.value(0).toString() : QString();
    }
    QString reservationStatus(const QUuid &id)
    {
        return BookingFixture::statusOf(m_server->appDb(), id);
    }
    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        return BookingFixture::count(m_server->appDb(), sql, params);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fake = std::make_unique<FakeProviderServer>();
        QString error;
        QVERIFY2(m_fake->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QUrl base = m_fake->baseUrl();
        m_server = std::make_unique<test::TestServer>(
            SystemClock::instance(), [&base](ServerConfig &config) {
                PaymentSettings &p = config.payments;
                p.timeoutMs = 5000;
                p.stripe.apiBase = base;
                p.stripe.apiKey = QStringLiteral("sk_test_simulator");
                p.stripe.webhookSecrets = {kStripeSecret};
                p.mercadoPago.apiBase = base;
                p.mercadoPago.accessToken = QStringLiteral("TEST-simulator");
                p.mercadoPago.webhookSecrets = {kMercadoPagoSecret};
                p.pix.apiBase = base;
                p.pix.clientId = QStringLiteral("simulator");
                p.pix.clientSecret = QStringLiteral("simulator-secret");
                p.pix.pixKey = QStringLiteral("pix@reserva.example");
                p.pix.webhookSecret = kPixSecret;
            });
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("sim"));
        // BRL, so every provider (Pix included) can charge it; 150.50 a seat.
        const QUuid product = m_fixture->createProduct(
            m_tenant.managerToken, {{QStringLiteral("price_minor"), 15050},
                                    {QStringLiteral("currency"), QStringLiteral("BRL")}});
        QVERIFY(!product.isNull());
        m_slot = m_fixture->createSlot(m_tenant.managerToken, product,
                                       QDateTime::currentDateTimeUtc().addDays(20), 100);
        QVERIFY(!m_slot.isNull());
        m_databaseUrl = cliDatabaseUrl(m_server->database());
    }

    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
        m_fake.reset();
    }

    void cleanup()
    {
        const QString violations = BookingFixture::seatInvariantViolations(m_server->appDb());
        QVERIFY2(violations.isEmpty(), qPrintable(violations));
    }

    // The latest Stripe intent of the reservation gets the event; the
    // refund after it releases the seats.
    void stripeSucceededThenRefunded()
    {
        const QUuid reservation = book();
        const QJsonObject older = createIntent(reservation, QStringLiteral("stripe"), "sim-s1a");
        const QJsonObject latest = createIntent(reservation, QStringLiteral("stripe"), "sim-s1b");
        const QString latestId = latest.value(QStringLiteral("id")).toString();
        QVERIFY(latest.value(QStringLiteral("provider_ref")).toString().startsWith(u"pi_"));

        RunResult r = simulate(QStringLiteral("stripe"), reservation, QStringLiteral("succeeded"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("payment_intent.succeeded")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Stripe-Signature: t=")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("answer: 200")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\"outcome\":\"applied\"")), qPrintable(r.out));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("paid"));
        QCOMPARE(intentStatus(latestId), QStringLiteral("succeeded"));
        QCOMPARE(intentStatus(older.value(QStringLiteral("id")).toString()),
                 QStringLiteral("created"));

        r = simulate(QStringLiteral("stripe"), reservation, QStringLiteral("refunded"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("charge.refunded")), qPrintable(r.out));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("refunded"));
        QCOMPARE(intentStatus(latestId), QStringLiteral("refunded"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events WHERE provider = "
                                      "'stripe' AND payment_intent_id = ?::uuid"),
                       {latestId}),
                 2);
    }

    void stripeFailed()
    {
        const QUuid reservation = book();
        const QString intent =
            createIntent(reservation, QStringLiteral("stripe"), "sim-s2").value(u"id").toString();
        const RunResult r =
            simulate(QStringLiteral("stripe"), reservation, QStringLiteral("failed"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("payment_intent.payment_failed")),
                 qPrintable(r.out));
        QCOMPARE(intentStatus(intent), QStringLiteral("failed"));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("pending_payment"));
    }

    // The notification carries an id only: the server fetches the payment the
    // simulator settled at the fake and believes that.
    void mercadoPagoSucceededThenRefunded()
    {
        const QUuid reservation = book();
        const QString intent = createIntent(reservation, QStringLiteral("mercadopago"), "sim-m1")
                                   .value(u"id")
                                   .toString();
        RunResult r =
            simulate(QStringLiteral("mercadopago"), reservation, QStringLiteral("succeeded"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("x-signature: ts=")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\"outcome\":\"applied\"")), qPrintable(r.out));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("paid"));
        QCOMPARE(intentStatus(intent), QStringLiteral("succeeded"));
        DbRows ref = m_server->appDb().exec(
            QStringLiteral("SELECT provider_payment_ref FROM payment_intents WHERE id = ?::uuid"),
            {intent}, "payment ref");
        QVERIFY(ref.next());
        const QString paymentId = ref.value(0).toString();
        QVERIFY2(r.out.contains(QStringLiteral("data.id=") + paymentId), qPrintable(r.out));

        r = simulate(QStringLiteral("mercadopago"), reservation, QStringLiteral("refunded"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("data.id=") + paymentId), qPrintable(r.out));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("refunded"));
        QCOMPARE(intentStatus(intent), QStringLiteral("refunded"));
    }

    void mercadoPagoFailed()
    {
        const QUuid reservation = book();
        const QString intent = createIntent(reservation, QStringLiteral("mercadopago"), "sim-m2")
                                   .value(u"id")
                                   .toString();
        const RunResult r =
            simulate(QStringLiteral("mercadopago"), reservation, QStringLiteral("failed"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(intentStatus(intent), QStringLiteral("failed"));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("pending_payment"));
    }

    // The PSP's callback is confirmed against the cob the simulator concluded
    // at the fake; the secret never appears in what the simulator prints.
    void pixSucceededThenRefunded()
    {
        const QUuid reservation = book();
        const QString intent =
            createIntent(reservation, QStringLiteral("pix"), "sim-p1").value(u"id").toString();
        RunResult r = simulate(QStringLiteral("pix"), reservation, QStringLiteral("succeeded"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("hmac=REDACTED")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QString::fromLatin1(kPixSecret)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\"outcome\":\"applied\"")), qPrintable(r.out));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("paid"));
        QCOMPARE(intentStatus(intent), QStringLiteral("succeeded"));

        // A devolução: the PSP calls back with the same pix (same endToEndId)
        // carrying "devolucoes"; its settled total is a new event.
        r = simulate(QStringLiteral("pix"), reservation, QStringLiteral("refunded"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("devolucoes")), qPrintable(r.out));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("refunded"));
        QCOMPARE(intentStatus(intent), QStringLiteral("refunded"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events WHERE provider = 'pix'"
                                      " AND payment_intent_id = ?::uuid"),
                       {intent}),
                 2);
    }

    // Pix has no declined payment to announce: refused before anything is
    // settled or sent.
    void pixFailedIsAUsageError()
    {
        const QUuid reservation = book();
        const QString intent =
            createIntent(reservation, QStringLiteral("pix"), "sim-p2").value(u"id").toString();
        const RunResult r = simulate(QStringLiteral("pix"), reservation, QStringLiteral("failed"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no failure notification")), qPrintable(r.err));
        QCOMPARE(intentStatus(intent), QStringLiteral("created"));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("pending_payment"));
    }

    // The server's answer decides the exit code: a delivery signed with the
    // wrong secret is refused (401) and changes nothing.
    void wrongSecretExitsOneAndChangesNothing()
    {
        const QUuid reservation = book();
        const QString intent =
            createIntent(reservation, QStringLiteral("stripe"), "sim-s3").value(u"id").toString();
        const RunResult r =
            simulate(QStringLiteral("stripe"), reservation, QStringLiteral("succeeded"),
                     {QStringLiteral("--secret"), QStringLiteral("whsec_not_the_right_one")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("answer: 401")), qPrintable(r.describe()));
        QCOMPARE(intentStatus(intent), QStringLiteral("created"));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("pending_payment"));
    }

    void reservationWithoutIntentExitsOne()
    {
        const QUuid reservation = book();
        RunResult r = simulate(QStringLiteral("stripe"), reservation, QStringLiteral("succeeded"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has no stripe payment intent")), qPrintable(r.err));
        r = simulate(QStringLiteral("stripe"), QUuid::createUuid(), QStringLiteral("succeeded"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no reservation")), qPrintable(r.err));
        QCOMPARE(reservationStatus(reservation), QStringLiteral("pending_payment"));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto args = [&](const QString &provider, const QString &reservation,
                        const QString &outcome) {
            return QStringList{QStringLiteral("simulate-webhook"),
                               QStringLiteral("--provider"),
                               provider,
                               QStringLiteral("--reservation"),
                               reservation,
                               QStringLiteral("--outcome"),
                               outcome,
                               QStringLiteral("--secret"),
                               QStringLiteral("s"),
                               QStringLiteral("--fake-providers"),
                               QStringLiteral("http://127.0.0.1:9/")};
        };
        QTest::newRow("unknown provider")
            << args(QStringLiteral("paypal"), id, QStringLiteral("succeeded"));
        QTest::newRow("unknown outcome")
            << args(QStringLiteral("stripe"), id, QStringLiteral("paid"));
        QTest::newRow("not a reservation id")
            << args(QStringLiteral("stripe"), QStringLiteral("42"), QStringLiteral("succeeded"));
        QTest::newRow("missing outcome")
            << QStringList{QStringLiteral("simulate-webhook"), QStringLiteral("--provider"),
                           QStringLiteral("stripe"), QStringLiteral("--reservation"), id};
        QTest::newRow("no secret") << QStringList{QStringLiteral("simulate-webhook"),
                                                  QStringLiteral("--provider"),
                                                  QStringLiteral("stripe"),
                                                  QStringLiteral("--reservation"),
                                                  id,
                                                  QStringLiteral("--outcome"),
                                                  QStringLiteral("succeeded")};
        QTest::newRow("mercadopago without fake providers")
            << QStringList{QStringLiteral("simulate-webhook"),
                           QStringLiteral("--provider"),
                           QStringLiteral("mercadopago"),
                           QStringLiteral("--reservation"),
                           id,
                           QStringLiteral("--outcome"),
                           QStringLiteral("succeeded"),
                           QStringLiteral("--secret"),
                           QStringLiteral("s")};
        QTest::newRow("fake-providers on a public address")
            << QStringList{QStringLiteral("fake-providers"), QStringLiteral("--listen"),
                           QStringLiteral("0.0.0.0:0")};
        QTest::newRow("fake-providers bad listen")
            << QStringList{QStringLiteral("fake-providers"), QStringLiteral("--listen"),
                           QStringLiteral("nowhere")};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const RunResult r = test::runReservad(QStringLiteral(RESERVAD_PATH), arguments);
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(r.err));
    }

    // `reservad fake-providers` itself: Stripe's idempotent create, the
    // control route, and a clean stop on SIGTERM.
    void fakeProvidersCommandServesTheFakes()
    {
        QProcess process;
        process.setProcessEnvironment(test::cleanReservadEnvironment());
        process.start(QStringLiteral(RESERVAD_PATH),
                      {QStringLiteral("fake-providers"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0")});
        QVERIFY(process.waitForStarted(10000));
        const QRegularExpression listening(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
        QByteArray output;
        quint16 port = 0;
        QElapsedTimer timer;
        timer.start();
        while (port == 0 && timer.elapsed() < 30000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(200);
            output += process.readAllStandardOutput();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(output));
            if (m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
        if (port == 0) {
            process.kill();
            process.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("fake-providers did not come up: ") +
                             QString::fromUtf8(output + process.readAllStandardError())));
        }
        test::TestHttpClient http(port);
        const QByteArray form = "amount=15050&currency=brl&metadata%5Bpayment_intent_id%5D=x";
        const QList<QPair<QByteArray, QByteArray>> headers{
            {"Authorization", "Bearer sk_test_x"},
            {"Content-Type", "application/x-www-form-urlencoded"},
            {"Idempotency-Key", "fake-cmd-1"}};
        const test::TestResponse first =
            http.request("POST", QStringLiteral("/v1/payment_intents"), form, headers);
        const test::TestResponse replay =
            http.request("POST", QStringLiteral("/v1/payment_intents"), form, headers);
        QCOMPARE(first.status, 200);
        QCOMPARE(replay.status, 200);
        const QString id = first.json().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(u"pi_"));
        QCOMPARE(replay.json().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
        const test::TestResponse otherPayload = http.request(
            "POST", QStringLiteral("/v1/payment_intents"), "amount=1&currency=brl", headers);
        QCOMPARE(otherPayload.status, 400);

        const test::TestResponse settled =
            http.request("POST", QStringLiteral("/_simulate/stripe/") + id,
                         R"({"outcome":"succeeded"})", {{"Content-Type", "application/json"}});
        QCOMPARE(settled.status, 200);
        http.setBearer(QStringLiteral("sk_test_x"));
        const test::TestResponse fetched = http.get(QStringLiteral("/v1/payment_intents/") + id);
        QCOMPARE(fetched.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(fetched.json().value(QStringLiteral("amount_received")).toInteger(), 15050);

        process.terminate();
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
