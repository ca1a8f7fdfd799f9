// The crash test of the webhook path (issue 4, Proof): a real `reservad
// serve` process on a test-cluster database, Stripe at the fake providers,
// signed deliveries streaming in from several threads (successes, refunds
// after success, duplicates, failures), SIGKILL in the middle of the stream,
// a restart on the same database, and a replay of EVERY delivery, as Stripe
// retries whatever it did not see acknowledged (and some it did). Afterwards
// every reservation has ended exactly once in its right state and the SQL
// invariants hold: one transaction per event means a crash leaves each event
// either wholly applied or not at all, and the (provider, event id) claim
// makes the replay of an applied one a no-op.
#include "bookingfixture.h"
#include "db/dbconnection.h"
#include "providers/fake/fakeproviderserver.h"
#include "reservadprocess.h"
#include "reservadserver.h"
#include "stripereservadbed.h"
#include "stripewebhookplan.h"
#include "testcluster.h"
#include "testhttpclient.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <sys/types.h>

using namespace reserva;
using test::BookingFixture;
using test::cliDatabaseUrl;
using test::PlannedPayment;

namespace {

constexpr int kReservations = 60;
constexpr int kThreads = 6;
const QByteArray kWebhookSecret = "whsec_crash_test_secret";
const QString kPassword = QStringLiteral("crash test password");

} // namespace

class TestWebhookCrash
    : public QObject
    , private test::StripeReservadBed
{
    Q_OBJECT

private:
    QString m_token;
    QList<PlannedPayment> m_booked;

    void startReservad()
    {
        const QString started = m_reservad->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    std::unique_ptr<test::TestHttpClient> client(bool bearer = true) const
    {
        auto http = std::make_unique<test::TestHttpClient>(m_reservad->port());
        if (bearer)
            http->setBearer(m_token);
        return http;
    }

    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        return BookingFixture::count(*m_db, sql, params);
    }

    // Each thread owns every kThreads-th reservation and walks them round
    // robin, one delivery each per round: deliveries of different
    // reservations interleave across and within threads, while those of one
    // reservation keep Stripe's order (a refund is sent once its success was
    // answered).
    template <typename OnAnswer>
    void stream(OnAnswer onAnswer)
    {
        BookingFixture::runConcurrently(kThreads, [&](int thread) {
            test::TestHttpClient http(m_reservad->port());
            qsizetype longest = 0;
            for (const PlannedPayment &b : std::as_const(m_booked))
                longest = qMax(longest, b.deliveries.size());
            for (qsizetype step = 0; step < longest; ++step) {
                for (qsizetype i = thread; i < m_booked.size(); i += kThreads) {
                    const PlannedPayment &b = m_booked.at(i);
                    if (step < b.deliveries.size())
                        onAnswer(b, step,
                                 test::deliverStripe(http, kWebhookSecret, b.deliveries.at(step)));
                }
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(setUpBed(QStringLiteral(RESERVAD_PATH), QStringLiteral("crash"), kWebhookSecret,
                          kPassword, &error),
                 qPrintable(error));
    }

    void cleanupTestCase() { tearDownBed(); }

    void bookAndCreateIntents()
    {
        startReservad();
        QVERIFY(!QTest::currentTestFailed());
        auto http = client(false);
        const test::TestResponse login =
            http->post(QStringLiteral("/v1/auth/login"),
                       {{QStringLiteral("username"), QStringLiteral("crash.manager")},
                        {QStringLiteral("password"), kPassword}});
        QCOMPARE(login.status, 200);
        m_token = login.json().value(QStringLiteral("access_token")).toString();
        http = client();
        const test::TestResponse product = http->post(
            QStringLiteral("/v1/products"), {{QStringLiteral("name"), QStringLiteral("Crash tour")},
                                             {QStringLiteral("kind"), QStringLiteral("tour")},
                                             {QStringLiteral("price_minor"), 9990},
                                             {QStringLiteral("currency"), QStringLiteral("USD")}});
        QCOMPARE(product.status, 201);
        const QString productId = product.json().value(QStringLiteral("id")).toString();
        // Three slots: the deliveries of different reservations contend for
        // the same slot locks, as they would on a busy departure.
        QList<QUuid> slots;
        for (int s = 0; s < 3; ++s) {
            const test::TestResponse slot =
                http->post(QStringLiteral("/v1/products/") + productId + QStringLiteral("/slots"),
                           {{QStringLiteral("starts_at"),
                             QDateTime::currentDateTimeUtc().addDays(30 + s).toString(Qt::ISODate)},
                            {QStringLiteral("duration_minutes"), 90},
                            {QStringLiteral("capacity"), 500}});
            QCOMPARE(slot.status, 201);
            slots << QUuid::fromString(slot.json().value(QStringLiteral("id")).toString());
        }

        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int i = 0; i < kReservations; ++i) {
            PlannedPayment b;
            const int quantity = 1 + i % 3;
            b.plan = test::StripePlan(i % test::kStripePlans);
            const test::TestResponse r = BookingFixture::book(
                *http, slots.at(i % slots.size()), quantity, "crash-book-" + QByteArray::number(i));
            QVERIFY2(r.status == 201, r.body.constData());
            b.reservation = QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
            const test::TestResponse intent = http->request(
                "POST",
                QStringLiteral("/v1/reservations/") + BookingFixture::idText(b.reservation) +
                    QStringLiteral("/payment-intents"),
                R"({"provider":"stripe"})",
                {{"Idempotency-Key", "crash-intent-" + QByteArray::number(i)}});
            QVERIFY2(intent.status == 201, intent.body.constData());
            b.intentId = intent.json().value(QStringLiteral("id")).toString();
            b.paymentIntent = intent.json().value(QStringLiteral("provider_ref")).toString();
            b.amountMinor = intent.json().value(QStringLiteral("amount_minor")).toInteger();
            QCOMPARE(b.amountMinor, 9990 * quantity);
            b.deliveries = test::stripeDeliveriesFor(b.plan, b.paymentIntent, b.amountMinor, now);
            m_booked << b;
        }
    }

    void killMidStreamRestartAndReplayEverything()
    {
        QVERIFY(!m_booked.isEmpty());
        qsizetype total = 0;
        for (const PlannedPayment &b : std::as_const(m_booked))
            total += b.deliveries.size();

        // Phase 1: stream, and SIGKILL reservad once a third of the deliveries
        // were answered. The thread that answers that one sends the signal
        // itself, so the other threads are mid-request when it lands.
        const qint64 pid = m_reservad->pid();
        const qsizetype killAfter = total / 3;
        std::atomic<qsizetype> answered{0};
        std::atomic<qsizetype> unanswered{0};
        std::atomic<qsizetype> unexpected{0}; // checked here: QtTest macros belong to this thread
        std::atomic_bool killed{false};
        stream([&](const PlannedPayment &, qsizetype, int status) {
            if (status == 0) {
                ++unanswered;
                return;
            }
            if (status != 200)
                ++unexpected;
            if (++answered == killAfter && !killed.exchange(true))
                ::kill(pid_t(pid), SIGKILL);
        });
        QVERIFY(killed);
        QCOMPARE(unexpected.load(), 0);
        m_reservad->kill(); // already dead: this only reaps it
        QCOMPARE(m_reservad->process().exitStatus(), QProcess::CrashExit);
        qInfo("phase 1: %lld deliveries, %lld answered, %lld lost to the kill",
              static_cast<long long>(total), static_cast<long long>(answered.load()),
              static_cast<long long>(unanswered.load()));
        QVERIFY2(unanswered > 0, "the kill landed after the stream ended");

        // Events committed by the killed process: more than were answered
        // when transactions committed but their answers died with it.
        qInfo("before the replay: %lld events applied, %lld deliveries recorded",
              static_cast<long long>(count(QStringLiteral("SELECT count(*) FROM webhook_events"))),
              static_cast<long long>(
                  count(QStringLiteral("SELECT count(*) FROM webhook_deliveries"))));

        // Phase 2: the same database, a new process; every delivery again.
        startReservad();
        QVERIFY(!QTest::currentTestFailed());
        std::atomic<qsizetype> replayed{0};
        std::atomic<int> lastBadStatus{200};
        stream([&](const PlannedPayment &, qsizetype, int status) {
            if (status == 200)
                ++replayed;
            else
                lastBadStatus = status;
        });
        QCOMPARE(lastBadStatus.load(), 200);
        QCOMPARE(replayed.load(), total);
    }

    // Exactly once, in its right state, with one applied event row per
    // distinct event, whatever the crash and the replays did.
    void everyReservationEndedOnceInItsRightState()
    {
        const QString problems = test::plannedPaymentProblems(*m_db, m_booked);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void sqlInvariantsHold()
    {
        // No paid (or refunded) reservation without the succeeded (or
        // refunded) intent that paid it and that intent's applied webhook row.
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM reservations r WHERE r.status IN ('paid', 'refunded')"
                     " AND NOT EXISTS (SELECT 1 FROM payment_intents pi"
                     "   JOIN webhook_events we ON we.payment_intent_id = pi.id"
                     "    AND we.outcome = 'applied'"
                     "   WHERE pi.id = r.paid_by_intent"
                     "     AND pi.status IN ('succeeded', 'partially_refunded', 'refunded'))")),
                 0);
        // No succeeded intent whose reservation is unpaid, unless flagged for refund.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM payment_intents pi JOIN reservations r"
                                      " ON r.id = pi.reservation_id WHERE pi.status = 'succeeded'"
                                      " AND r.status <> 'paid' AND NOT pi.needs_refund")),
                 0);
        // No refunded reservation whose paying intent was not refunded.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reservations r JOIN payment_intents pi"
                                      " ON pi.id = r.paid_by_intent WHERE r.status = 'refunded'"
                                      " AND pi.status NOT IN ('refunded', 'partially_refunded')")),
                 0);
        // Seats: each slot's seats_taken is the sum of its live reservations.
        const QString violations = BookingFixture::seatInvariantViolations(*m_db);
        QVERIFY2(violations.isEmpty(), qPrintable(violations));
    }

    // The audit chain survives a SIGKILL between its rows and their sealing.
    void auditChainIntactAfterTheCrash()
    {
        QCOMPARE(m_reservad->stop(), 0);
        QCOMPARE(test::auditChainProblem(QStringLiteral(RESERVAD_PATH), m_databaseUrl), QString());
    }
};

QTEST_GUILESS_MAIN(TestWebhookCrash)
#include "tst_webhookcrash.moc"
