// SIGKILL in the middle of booking AND webhook load (issue 8, faults): a
// real `reservad serve` on a test-cluster database, clients booking seats
// on small departures (some sell out) from their own connections while
// Stripe's signed deliveries stream in for reservations booked earlier.
// Once a third of the requests were answered one client kills the process;
// it is restarted on the same database, every client sends every booking
// request again with its same Idempotency-Key (as a client that lost its
// answer must), and Stripe redelivers every event with its event id.
// Afterwards: no reservation lost (each 201 answered before the kill is
// there and is what the replay answers), none doubled (one per key), no
// departure oversold, no paid reservation without its applied webhook
// event, every payment ended exactly once, and the audit chain is intact.
// One transaction per request is what makes this hold: the kill leaves each
// booking and each event wholly committed or not at all, and the key or
// event id claim turns the replay of a committed one into its stored answer.
#include "bookingfixture.h"
#include "db/dbconnection.h"
#include "paymentfixture.h"
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
#include <vector>

using namespace reserva;
using test::BookingFixture;
using test::PlannedPayment;

namespace {

const QByteArray kWebhookSecret = "whsec_crash_recovery_secret";
const QString kPassword = QStringLiteral("crash recovery password");
constexpr int kPayments = 30;      // reservations whose Stripe events stream in
constexpr int kWebhookThreads = 3; // Stripe's delivery workers
constexpr int kBookers = 4;        // clients booking meanwhile
constexpr int kBookingsEach = 20;
constexpr int kDepartures = 3;
constexpr int kSeatsEach = 12; // 80 requests for 1-2 seats on 36 seats: some sell out

// One booking request, and its answers before the kill and in the replay.
struct BookingRequest
{
    QByteArray key;
    QUuid slot;
    int quantity = 1;
    int firstStatus = 0; // 0: not answered (not sent, or lost to the kill)
    QString firstId;
    QString firstSlug;
    int replayStatus = 0;
    QString replayId;
    QString replaySlug;
    bool replayReplayed = false;
};

} // namespace

class TestCrashRecovery
    : public QObject
    , private test::StripeReservadBed
{
    Q_OBJECT

private:
    QString m_token;
    QUuid m_product;
    QList<PlannedPayment> m_payments;
    QList<QUuid> m_departures;
    // Per booker, its requests in order (each thread writes only its own).
    std::vector<std::vector<BookingRequest>> m_requests;

    std::unique_ptr<test::TestHttpClient> client() const
    {
        auto http = std::make_unique<test::TestHttpClient>(m_reservad->port());
        http->setBearer(m_token);
        return http;
    }

    QUuid newSlot(int days, int capacity)
    {
        const test::TestResponse r =
            client()->post(QStringLiteral("/v1/products/") + BookingFixture::idText(m_product) +
                               QStringLiteral("/slots"),
                           {{QStringLiteral("starts_at"),
                             QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate)},
                            {QStringLiteral("duration_minutes"), 90},
                            {QStringLiteral("capacity"), capacity}});
        if (r.status != 201)
            qWarning("slot: %d %s", r.status, r.body.constData());
        return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    }

    // Walks the load: kBookers threads send their booking requests in order,
    // kWebhookThreads threads stream the deliveries (each owning every
    // kWebhookThreads-th payment, round robin, one delivery each per round,
    // so a payment's events keep Stripe's order). onBooking(request, answer)
    // and onDelivery(status) run on the sending thread.
    template <typename OnBooking, typename OnDelivery>
    void runLoad(OnBooking onBooking, OnDelivery onDelivery)
    {
        BookingFixture::runConcurrently(kBookers + kWebhookThreads, [&](int thread) {
            if (thread < kBookers) {
                const auto http = client();
                for (BookingRequest &r : m_requests[size_t(thread)])
                    onBooking(r, BookingFixture::book(*http, r.slot, r.quantity, r.key));
                return;
            }
            const int shard = thread - kBookers;
            test::TestHttpClient http(m_reservad->port());
            qsizetype longest = 0;
            for (const PlannedPayment &p : std::as_const(m_payments))
                longest = qMax(longest, p.deliveries.size());
            for (qsizetype step = 0; step < longest; ++step) {
                for (qsizetype i = shard; i < m_payments.size(); i += kWebhookThreads) {
                    const PlannedPayment &p = m_payments.at(i);
                    if (step < p.deliveries.size())
                        onDelivery(
                            test::deliverStripe(http, kWebhookSecret, p.deliveries.at(step)));
                }
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(setUpBed(QStringLiteral(RESERVAD_PATH), QStringLiteral("crashrec"), kWebhookSecret,
                          kPassword, &error),
                 qPrintable(error));
    }

    void cleanupTestCase() { tearDownBed(); }

    void bookPaymentsAndPlanTheLoad()
    {
        const QString started = m_reservad->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        test::TestHttpClient anonymous(m_reservad->port());
        const test::TestResponse login =
            anonymous.post(QStringLiteral("/v1/auth/login"),
                           {{QStringLiteral("username"), QStringLiteral("crashrec.manager")},
                            {QStringLiteral("password"), kPassword}});
        QCOMPARE(login.status, 200);
        m_token = login.json().value(QStringLiteral("access_token")).toString();
        const test::TestResponse product =
            client()->post(QStringLiteral("/v1/products"),
                           {{QStringLiteral("name"), QStringLiteral("Crash recovery tour")},
                            {QStringLiteral("kind"), QStringLiteral("tour")},
                            {QStringLiteral("price_minor"), 9990},
                            {QStringLiteral("currency"), QStringLiteral("USD")}});
        QCOMPARE(product.status, 201);
        m_product = QUuid::fromString(product.json().value(QStringLiteral("id")).toString());

        // The payments: booked now, paid (or not) by the stream.
        const QUuid paidSlot = newSlot(30, 500);
        QVERIFY(!paidSlot.isNull());
        const auto http = client();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int i = 0; i < kPayments; ++i) {
            PlannedPayment p;
            const int quantity = 1 + i % 3;
            p.plan = test::StripePlan(i % test::kStripePlans);
            const test::TestResponse r = BookingFixture::book(
                *http, paidSlot, quantity, "crashrec-pay-" + QByteArray::number(i));
            QVERIFY2(r.status == 201, r.body.constData());
            p.reservation = QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
            const test::TestResponse intent = http->request(
                "POST",
                QStringLiteral("/v1/reservations/") + BookingFixture::idText(p.reservation) +
                    QStringLiteral("/payment-intents"),
                QByteArrayLiteral("{\"provider\":\"stripe\"}"),
                {{"Idempotency-Key", "crashrec-intent-" + QByteArray::number(i)}});
            QVERIFY2(intent.status == 201, intent.body.constData());
            p.intentId = intent.json().value(QStringLiteral("id")).toString();
            p.paymentIntent = intent.json().value(QStringLiteral("provider_ref")).toString();
            p.amountMinor = intent.json().value(QStringLiteral("amount_minor")).toInteger();
            p.deliveries = test::stripeDeliveriesFor(p.plan, p.paymentIntent, p.amountMinor, now);
            m_payments << p;
        }

        // The booking load: small departures, more seats asked than they hold.
        for (int d = 0; d < kDepartures; ++d) {
            m_departures << newSlot(60 + d, kSeatsEach);
            QVERIFY(!m_departures.last().isNull());
        }
        m_requests.resize(kBookers);
        for (int t = 0; t < kBookers; ++t) {
            for (int i = 0; i < kBookingsEach; ++i) {
                BookingRequest r;
                r.key = "crashrec-book-" + QByteArray::number(t) + '-' + QByteArray::number(i);
                r.slot = m_departures.at((t + i) % kDepartures);
                r.quantity = 1 + (t + i) % 2;
                m_requests[size_t(t)].push_back(r);
            }
        }
    }

    void killMidLoadRestartAndReplayEverything()
    {
        QVERIFY(!m_payments.isEmpty() && !m_requests.empty());
        qsizetype deliveries = 0;
        for (const PlannedPayment &p : std::as_const(m_payments))
            deliveries += p.deliveries.size();
        const qsizetype total = deliveries + kBookers * kBookingsEach;

        // Phase 1: the load, and SIGKILL once a third of it was answered. The
        // thread that counts that answer sends the signal, so the others are
        // mid-request when it lands.
        const qint64 pid = m_reservad->pid();
        const qsizetype killAfter = total / 3;
        std::atomic<qsizetype> answered{0};
        std::atomic<int> bookingsLost{0};
        std::atomic<int> deliveriesLost{0};
        std::atomic<int> unexpected{0}; // QtTest macros belong to this thread
        std::atomic_bool killed{false};
        auto countAnswer = [&] {
            if (++answered == killAfter && !killed.exchange(true))
                ::kill(pid_t(pid), SIGKILL);
        };
        runLoad(
            [&](BookingRequest &r, const test::TestResponse &answer) {
                r.firstStatus = answer.status;
                r.firstId = answer.json().value(QStringLiteral("id")).toString();
                r.firstSlug = answer.problemSlug();
                if (answer.status == 0) {
                    ++bookingsLost;
                    return;
                }
                if (answer.status != 201 && r.firstSlug != u"sold-out")
                    ++unexpected;
                countAnswer();
            },
            [&](int status) {
                if (status == 0) {
                    ++deliveriesLost;
                    return;
                }
                if (status != 200)
                    ++unexpected;
                countAnswer();
            });
        QVERIFY(killed);
        QCOMPARE(unexpected.load(), 0);
        m_reservad->kill(); // already dead: this reaps it
        QCOMPARE(m_reservad->process().exitStatus(), QProcess::CrashExit);
        qInfo("phase 1: %lld requests, %lld answered; lost to the kill: %d bookings, %d deliveries",
              static_cast<long long>(total), static_cast<long long>(answered.load()),
              bookingsLost.load(), deliveriesLost.load());
        QVERIFY2(bookingsLost > 0 && deliveriesLost > 0,
                 "the kill landed after one of the two loads had ended");

        // Phase 2: a new process on the same database; every request again.
        const QString started = m_reservad->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        std::atomic<int> badDeliveries{0};
        std::atomic<int> deliveriesReplayed{0};
        runLoad(
            [&](BookingRequest &r, const test::TestResponse &answer) {
                r.replayStatus = answer.status;
                r.replayId = answer.json().value(QStringLiteral("id")).toString();
                r.replaySlug = answer.problemSlug();
                r.replayReplayed = answer.header("idempotent-replayed") == "true";
            },
            [&](int status) {
                if (status == 200)
                    ++deliveriesReplayed;
                else
                    ++badDeliveries;
            });
        QCOMPARE(badDeliveries.load(), 0);
        QCOMPARE(qsizetype(deliveriesReplayed.load()), deliveries);
    }

    // Nothing lost, nothing doubled, nothing oversold.
    void everyBookingHappenedExactlyOnce()
    {
        QSet<QString> reservations;
        int answeredBefore = 0;
        for (const auto &requests : m_requests) {
            for (const BookingRequest &r : requests) {
                const QString what = QString::fromLatin1(r.key) + QStringLiteral(": first ") +
                                     QString::number(r.firstStatus) + QStringLiteral(", replay ") +
                                     QString::number(r.replayStatus) + u' ' + r.replaySlug;
                QVERIFY2(r.replayStatus == 201 || r.replaySlug == u"sold-out", qPrintable(what));
                if (r.firstStatus != 0) {
                    // Answered before the kill: the replay is that answer, stored.
                    ++answeredBefore;
                    QVERIFY2(r.replayReplayed && r.replayStatus == r.firstStatus, qPrintable(what));
                    QCOMPARE(r.replayId, r.firstId);
                    if (r.firstStatus == 201)
                        QCOMPARE(BookingFixture::statusOf(*m_db, QUuid::fromString(r.firstId)),
                                 QStringLiteral("pending_payment"));
                }
                if (r.replayStatus == 201) {
                    QVERIFY2(!reservations.contains(r.replayId), qPrintable(what));
                    reservations.insert(r.replayId);
                }
            }
        }
        QVERIFY(answeredBefore > 0);
        // No reservation on the departures but those the keys answered.
        QStringList departures;
        for (const QUuid &d : std::as_const(m_departures))
            departures << BookingFixture::idText(d);
        QCOMPARE(
            BookingFixture::count(*m_db,
                                  QStringLiteral("SELECT count(*) FROM reservations WHERE"
                                                 " slot_id = ANY(string_to_array(?, ',')::uuid[])"),
                                  {departures.join(u',')}),
            qint64(reservations.size()));
        QCOMPARE(BookingFixture::count(
                     *m_db, QStringLiteral("SELECT count(*) FROM idempotency_keys"
                                           " WHERE idempotency_key LIKE 'crashrec-book-%'")),
                 qint64(kBookers * kBookingsEach));
        // Not oversold: checked per departure, besides the seat invariant below.
        for (const QUuid &d : std::as_const(m_departures))
            QVERIFY(BookingFixture::seatsTaken(*m_db, d) <= kSeatsEach);
        qInfo("%d bookings answered before the kill; %lld reservations in the end", answeredBefore,
              static_cast<long long>(reservations.size()));
    }

    void everyPaymentEndedOnceInItsRightState()
    {
        const QString problems = test::plannedPaymentProblems(*m_db, m_payments);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void sqlInvariantsHold()
    {
        // No paid reservation without its succeeded intent and that intent's
        // applied, verified webhook event; the seat invariant on every slot.
        QCOMPARE(test::PaymentFixture::invariantViolations(*m_db), QString());
    }

    // The audit chain survives a SIGKILL between its rows and their sealing.
    void auditChainIntactAfterTheCrash()
    {
        QCOMPARE(m_reservad->stop(), 0);
        QCOMPARE(test::auditChainProblem(QStringLiteral(RESERVAD_PATH), m_databaseUrl), QString());
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
