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
#include "contract/identitytypes.h"
#include "db/dbconnection.h"
#include "domain/role.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "providers/fake/fakeproviderserver.h"
#include "providers/fake/providerwebhooks.h"
#include "reservadprocess.h"
#include "tenants/tenantstore.h"
#include "testcluster.h"
#include "testhttpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <sys/types.h>
#include <vector>

using namespace reserva;
using test::BookingFixture;
using test::cliDatabaseUrl;

namespace {

constexpr int kReservations = 60;
constexpr int kThreads = 6;
const QByteArray kWebhookSecret = "whsec_crash_test_secret";
const QString kPassword = QStringLiteral("crash test password");

// What Stripe sends for one reservation, in the order it sends it.
enum class Plan {
    Paid,                  // succeeded
    PaidWithDuplicate,     // succeeded, the same event again
    Failed,                // payment_failed
    Refunded,              // succeeded, charge.refunded
    RefundedWithDuplicate, // succeeded, charge.refunded, the refund again
};
constexpr int kPlans = 5;

struct Delivery
{
    QString eventId;
    QByteArray body; // the exact bytes, the same on every (re)delivery
};

struct Booked
{
    QUuid reservation;
    QString intentId;
    QString paymentIntent; // pi_...
    qint64 amountMinor = 0;
    int quantity = 1;
    Plan plan = Plan::Paid;
    QList<Delivery> deliveries;

    QString expectedReservation() const
    {
        switch (plan) {
        case Plan::Paid:
        case Plan::PaidWithDuplicate:
            return QStringLiteral("paid");
        case Plan::Failed:
            return QStringLiteral("pending_payment");
        case Plan::Refunded:
        case Plan::RefundedWithDuplicate:
            return QStringLiteral("refunded");
        }
        return {};
    }
    QString expectedIntent() const
    {
        switch (plan) {
        case Plan::Paid:
        case Plan::PaidWithDuplicate:
            return QStringLiteral("succeeded");
        case Plan::Failed:
            return QStringLiteral("failed");
        case Plan::Refunded:
        case Plan::RefundedWithDuplicate:
            return QStringLiteral("refunded");
        }
        return {};
    }
};

QProcessEnvironment serverEnvironment(const QUrl &fakeBase)
{
    return test::cleanReservadEnvironment(
        {{QStringLiteral("RESERVA_STRIPE_API_KEY"), QStringLiteral("sk_test_crash")},
         {QStringLiteral("RESERVA_STRIPE_API_BASE"), fakeBase.toString()},
         {QStringLiteral("RESERVA_STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kWebhookSecret)}});
}

} // namespace

class TestWebhookCrash : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeProviderServer> m_fake;
    ConnectionSettings m_database;
    QString m_databaseUrl;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<DbConnection> m_db; // superuser: looks behind reservad's back
    QProcess m_reservad;
    int m_starts = 0;
    quint16 m_port = 0;
    QString m_token;
    QList<Booked> m_booked;

    // Starts `reservad serve` and waits until it answers /readyz. The access
    // log goes to a file: nobody reads a pipe while the stream runs.
    void startReservad()
    {
        const QString log = m_dataDir->path() + QStringLiteral("/reservad-%1.log").arg(++m_starts);
        m_reservad.setProcessEnvironment(serverEnvironment(m_fake->baseUrl()));
        m_reservad.setStandardOutputFile(log);
        m_reservad.setStandardErrorFile(log + QStringLiteral(".err"));
        m_reservad.start(QStringLiteral(RESERVAD_PATH),
                         {QStringLiteral("serve"), QStringLiteral("--database"), m_databaseUrl,
                          QStringLiteral("--data-dir"), m_dataDir->path(),
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--workers"), QStringLiteral("4")});
        QVERIFY(m_reservad.waitForStarted(10000));
        const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        m_port = 0;
        QVERIFY2(BookingFixture::waitFor(
                     [&] {
                         QFile f(log);
                         if (m_reservad.state() != QProcess::Running ||
                             !f.open(QIODevice::ReadOnly))
                             return m_reservad.state() != QProcess::Running;
                         const auto m = listening.match(QString::fromUtf8(f.readAll()));
                         if (m.hasMatch())
                             m_port = quint16(m.captured(1).toUInt());
                         return m_port != 0;
                     },
                     120000),
                 "reservad did not start listening in 120 s");
        if (m_port == 0) {
            QFile err(log + QStringLiteral(".err"));
            err.open(QIODevice::ReadOnly);
            QFAIL(qPrintable(QStringLiteral("reservad exited: ") +
                             QString::fromUtf8(err.readAll().right(2000))));
        }
        test::TestHttpClient http(m_port);
        QVERIFY(BookingFixture::waitFor(
            [&] { return http.get(QStringLiteral("/readyz")).status == 200; }, 30000));
    }

    void stopReservad()
    {
        if (m_reservad.state() == QProcess::NotRunning)
            return;
        m_reservad.terminate();
        if (!m_reservad.waitForFinished(30000)) {
            m_reservad.kill();
            m_reservad.waitForFinished(5000);
        }
    }

    std::unique_ptr<test::TestHttpClient> client(bool bearer = true) const
    {
        auto http = std::make_unique<test::TestHttpClient>(m_port);
        if (bearer)
            http->setBearer(m_token);
        return http;
    }

    qint64 count(const QString &sql, const QVariantList &params = {})
    {
        return BookingFixture::count(*m_db, sql, params);
    }

    // Sends one delivery, signed now (as Stripe signs each attempt afresh).
    // 0: no answer (the server died or is down).
    static int deliver(test::TestHttpClient &http, const Delivery &d)
    {
        const ProviderDelivery signed_ = providerwebhooks::stripeDelivery(
            QUrl(QStringLiteral("http://127.0.0.1/v1/webhooks/stripe")), kWebhookSecret, d.body,
            QDateTime::currentSecsSinceEpoch());
        return http.request("POST", QStringLiteral("/v1/webhooks/stripe"), d.body, signed_.headers)
            .status;
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
            test::TestHttpClient http(m_port);
            qsizetype longest = 0;
            for (const Booked &b : std::as_const(m_booked))
                longest = qMax(longest, b.deliveries.size());
            for (qsizetype step = 0; step < longest; ++step) {
                for (qsizetype i = thread; i < m_booked.size(); i += kThreads) {
                    const Booked &b = m_booked.at(i);
                    if (step < b.deliveries.size())
                        onAnswer(b, step, deliver(http, b.deliveries.at(step)));
                }
            }
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fake = std::make_unique<FakeProviderServer>();
        QString error;
        QVERIFY2(m_fake->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        m_database = test::TestCluster::createMigratedDatabase(QStringLiteral("crash"));
        m_databaseUrl = cliDatabaseUrl(m_database);
        m_dataDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dataDir->isValid());
        DbSessionOptions superuser;
        superuser.settings = m_database;
        superuser.role.clear();
        m_db = std::make_unique<DbConnection>(superuser, QStringLiteral("crash-check"));
        QVERIFY2(m_db->open(&error), qPrintable(error));

        // The tenant and its manager, written the way `reservad user add` does.
        DbSessionOptions app;
        app.settings = m_database;
        DbConnection appDb(app, QStringLiteral("crash-seed"));
        QVERIFY2(appDb.open(&error), qPrintable(error));
        const auto tenant = tenantstore::create(appDb, QStringLiteral("crash"),
                                                QStringLiteral("Crash test operator"));
        QVERIFY(tenant);
        ScryptParams fast;
        fast.logN = 10;
        QVERIFY(userstore::create(appDb,
                                  {QStringLiteral("crash.manager"),
                                   PasswordHasher::hash(kPassword, fast),
                                   {role::kPartnerManager},
                                   tenant->id,
                                   {},
                                   {}},
                                  QDateTime::currentDateTimeUtc()));
    }

    void cleanupTestCase()
    {
        stopReservad();
        m_db.reset();
        m_fake.reset();
    }

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
            Booked b;
            b.quantity = 1 + i % 3;
            b.plan = Plan(i % kPlans);
            const test::TestResponse r =
                BookingFixture::book(*http, slots.at(i % slots.size()), b.quantity,
                                     "crash-book-" + QByteArray::number(i));
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
            QCOMPARE(b.amountMinor, 9990 * b.quantity);

            const providerwebhooks::StripePayment payment{
                b.paymentIntent, b.amountMinor, QStringLiteral("USD"), {}};
            auto event = [&](SimulatedOutcome outcome) {
                const QString id = providerwebhooks::newStripeEventId();
                return Delivery{id, providerwebhooks::stripeEvent(id, outcome, payment, now)};
            };
            switch (b.plan) {
            case Plan::Paid:
                b.deliveries = {event(SimulatedOutcome::Succeeded)};
                break;
            case Plan::PaidWithDuplicate: {
                const Delivery succeeded = event(SimulatedOutcome::Succeeded);
                b.deliveries = {succeeded, succeeded};
                break;
            }
            case Plan::Failed:
                b.deliveries = {event(SimulatedOutcome::Failed)};
                break;
            case Plan::Refunded:
                b.deliveries = {event(SimulatedOutcome::Succeeded),
                                event(SimulatedOutcome::Refunded)};
                break;
            case Plan::RefundedWithDuplicate: {
                const Delivery refunded = event(SimulatedOutcome::Refunded);
                b.deliveries = {event(SimulatedOutcome::Succeeded), refunded, refunded};
                break;
            }
            }
            m_booked << b;
        }
    }

    void killMidStreamRestartAndReplayEverything()
    {
        QVERIFY(!m_booked.isEmpty());
        qsizetype total = 0;
        for (const Booked &b : std::as_const(m_booked))
            total += b.deliveries.size();

        // Phase 1: stream, and SIGKILL reservad once a third of the deliveries
        // were answered. The thread that answers that one sends the signal
        // itself, so the other threads are mid-request when it lands.
        const qint64 pid = m_reservad.processId();
        const qsizetype killAfter = total / 3;
        std::atomic<qsizetype> answered{0};
        std::atomic<qsizetype> unanswered{0};
        std::atomic<qsizetype> unexpected{0}; // checked here: QtTest macros belong to this thread
        std::atomic_bool killed{false};
        stream([&](const Booked &, qsizetype, int status) {
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
        m_reservad.kill(); // already dead: this only reaps it
        QVERIFY(m_reservad.waitForFinished(10000));
        QCOMPARE(m_reservad.exitStatus(), QProcess::CrashExit);
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
        stream([&](const Booked &, qsizetype, int status) {
            if (status == 200)
                ++replayed;
            else
                lastBadStatus = status;
        });
        QCOMPARE(lastBadStatus.load(), 200);
        QCOMPARE(replayed.load(), total);
    }

    void everyReservationEndedOnceInItsRightState()
    {
        for (const Booked &b : std::as_const(m_booked)) {
            const QString resource =
                QStringLiteral("reservation:") + BookingFixture::idText(b.reservation);
            const QString intentResource = QStringLiteral("payment_intent:") + b.intentId;
            QCOMPARE(BookingFixture::statusOf(*m_db, b.reservation), b.expectedReservation());
            QSqlQuery &intent = m_db->exec(
                QStringLiteral("SELECT status, needs_refund, refunded_minor FROM payment_intents"
                               " WHERE id = ?::uuid"),
                {b.intentId}, "intent");
            QVERIFY(intent.next());
            QCOMPARE(intent.value(0).toString(), b.expectedIntent());
            QCOMPARE(intent.value(1).toBool(), false);
            QCOMPARE(intent.value(2).toLongLong(),
                     b.expectedIntent() == u"refunded" ? b.amountMinor : 0);
            // Exactly once: one audit row per change, whatever the crash and
            // the replays did.
            const bool wasPaid = b.expectedReservation() != u"pending_payment";
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action ="
                                          " 'reservation.paid' AND resource = ?"),
                           {resource}),
                     wasPaid ? 1 : 0);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action ="
                                          " 'reservation.refunded' AND resource = ?"),
                           {resource}),
                     b.expectedReservation() == u"refunded" ? 1 : 0);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE"
                                          " 'payment.%' AND action <> 'payment.intent_create'"
                                          " AND resource = ?"),
                           {intentResource}),
                     b.expectedIntent() == u"refunded" ? 2 : 1);
        }
    }

    void webhookEventsHoldOneRowPerDistinctEvent()
    {
        QSet<QString> distinct;
        for (const Booked &b : std::as_const(m_booked)) {
            for (const Delivery &d : b.deliveries)
                distinct.insert(d.eventId);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events")),
                 qint64(distinct.size()));
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT (provider, event_id)) FROM "
                                      "webhook_events")),
                 qint64(distinct.size()));
        const QStringList ids(distinct.cbegin(), distinct.cend());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM webhook_events WHERE provider ="
                                      " 'stripe' AND outcome = 'applied'"
                                      " AND event_id = ANY(string_to_array(?, ','))"),
                       {ids.join(u',')}),
                 qint64(distinct.size()));
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
        stopReservad();
        QCOMPARE(m_reservad.exitCode(), 0);
        QProcess verify;
        verify.setProcessEnvironment(serverEnvironment(m_fake->baseUrl()));
        verify.start(QStringLiteral(RESERVAD_PATH),
                     {QStringLiteral("audit"), QStringLiteral("verify"),
                      QStringLiteral("--database"), m_databaseUrl});
        QVERIFY(verify.waitForFinished(120000));
        const QString out = QString::fromUtf8(verify.readAllStandardOutput());
        QVERIFY2(verify.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(verify.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("intact")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestWebhookCrash)
#include "tst_webhookcrash.moc"
