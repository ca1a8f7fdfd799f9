// Refused webhook deliveries are kept for forensics, but within a budget per
// minute, per sender address and per instance: a refused delivery proves
// nothing about its sender, so without one a flood of forged deliveries would
// fill the disk. Over the budget a delivery is refused exactly as before
// (same status and body) and only counted. The budget itself is checked
// first (IPv6 grouped by /64, IPv4-mapped addresses as IPv4, the minute's
// reset), then through the route: forged Stripe deliveries from two loopback
// addresses against a real server with a small budget.
#include "manualclock.h"
#include "metrics/counters.h"
#include "paymentfixture.h"
#include "payments/refusedwebhookbudget.h"

#include <QTcpSocket>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::PaymentFixture;
using Decision = RefusedWebhookBudget::Decision;

namespace {

constexpr int kPerAddress = 3;
constexpr int kPerMinute = 5;

const QDateTime kStart = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

struct RawAnswer
{
    int status = 0;
    QByteArray body;
};

} // namespace

class TestWebhookRefusals : public QObject
{
    Q_OBJECT

private:
    test::ManualClock m_clock{kStart};
    test::FakePaymentApis m_apis;
    std::unique_ptr<test::TestServer> m_server;

    // A forged Stripe delivery sent from `source` (a loopback address).
    RawAnswer forgedFrom(const QString &source)
    {
        const QByteArray body = "{\"id\":\"evt_forged\",\"type\":\"payment_intent.succeeded\"}";
        QTcpSocket socket;
        if (!socket.bind(QHostAddress(source), 0)) {
            QTest::qFail(qPrintable(QStringLiteral("cannot bind ") + source), __FILE__, __LINE__);
            return {};
        }
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!socket.waitForConnected(5000))
            return {};
        socket.write("POST /v1/webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Content-Type: application/json\r\nConnection: close\r\n"
                     "Stripe-Signature: t=" +
                     QByteArray::number(m_clock.now().toSecsSinceEpoch()) +
                     ",v1=" + QByteArray(64, 'a') +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        answer += socket.readAll();
        RawAnswer out;
        out.status = answer.mid(9, 3).toInt();
        out.body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
        return out;
    }

    qint64 refusedRows()
    {
        return BookingFixture::count(
            m_server->appDb(),
            QStringLiteral("SELECT count(*) FROM webhook_deliveries WHERE outcome = 'rejected'"));
    }

private Q_SLOTS:
    void budgetCountsPerAddressAndInAll()
    {
        RefusedWebhookBudget budget({2, 3});
        const QHostAddress a(QStringLiteral("203.0.113.7"));
        const QHostAddress b(QStringLiteral("198.51.100.1"));
        QCOMPARE(budget.take(a, kStart), Decision::Record);
        QCOMPARE(budget.take(a, kStart), Decision::Record);
        QCOMPARE(budget.take(a, kStart), Decision::SkipFirstTime);
        QCOMPARE(budget.take(a, kStart), Decision::Skip);
        QCOMPARE(budget.take(b, kStart), Decision::Record);
        // The instance's three are used: everyone is over, reported once.
        const QHostAddress c(QStringLiteral("192.0.2.9"));
        QCOMPARE(budget.take(c, kStart), Decision::SkipFirstTime);
        QCOMPARE(budget.take(b, kStart), Decision::Skip);
        // A new minute forgets everything.
        QCOMPARE(budget.take(a, kStart.addSecs(60)), Decision::Record);
        // So does a clock that stepped back.
        QCOMPARE(budget.take(a, kStart.addSecs(30)), Decision::Record);
        QCOMPARE(budget.take(a, kStart.addSecs(30)), Decision::Record);
        QCOMPARE(budget.take(a, kStart.addSecs(30)), Decision::SkipFirstTime);
    }

    void ipv6SendersAreGroupedBySlash64()
    {
        RefusedWebhookBudget budget({1, 100});
        QCOMPARE(budget.take(QHostAddress(QStringLiteral("2001:db8:1:2::1")), kStart),
                 Decision::Record);
        // Same /64, another interface id: the same sender.
        QCOMPARE(budget.take(QHostAddress(QStringLiteral("2001:db8:1:2:ffff::9")), kStart),
                 Decision::SkipFirstTime);
        // The next /64 is someone else.
        QCOMPARE(budget.take(QHostAddress(QStringLiteral("2001:db8:1:3::1")), kStart),
                 Decision::Record);
        // An IPv4-mapped address is its IPv4 address.
        QCOMPARE(budget.take(QHostAddress(QStringLiteral("203.0.113.7")), kStart),
                 Decision::Record);
        QCOMPARE(budget.take(QHostAddress(QStringLiteral("::ffff:203.0.113.7")), kStart),
                 Decision::SkipFirstTime);
    }

    void zeroRecordsNothing()
    {
        RefusedWebhookBudget perAddress({0, 100});
        QCOMPARE(perAddress.take(QHostAddress(QStringLiteral("203.0.113.7")), kStart),
                 Decision::Skip);
        RefusedWebhookBudget inAll({10, 0});
        QCOMPARE(inAll.take(QHostAddress(QStringLiteral("203.0.113.7")), kStart),
                 Decision::SkipFirstTime);
    }

    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            PaymentFixture::configure(c, m_apis);
            c.payments.refusedWebhooks = {kPerAddress, kPerMinute};
        });
    }

    void cleanupTestCase() { m_server.reset(); }

    void routeRecordsWithinTheBudgetOnly()
    {
        const qint64 rowsBefore = refusedRows();
        const quint64 unrecordedBefore = counters().webhookRefusalsUnrecorded.load();

        // One sender: its first three are kept; the fourth is refused alike.
        QList<RawAnswer> answers;
        for (int i = 0; i < kPerAddress + 1; ++i)
            answers << forgedFrom(QStringLiteral("127.0.0.2"));
        for (const RawAnswer &a : std::as_const(answers)) {
            QCOMPARE(a.status, 401);
            QVERIFY(a.body.contains("\"status\":401"));
        }
        QCOMPARE(refusedRows(), rowsBefore + kPerAddress);

        // Another sender gets the two the instance has left, then nothing.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(forgedFrom(QStringLiteral("127.0.0.3")).status, 401);
        QCOMPARE(refusedRows(), rowsBefore + kPerMinute);
        QCOMPARE(counters().webhookRefusalsUnrecorded.load() - unrecordedBefore, quint64(2));

        // The next minute, the first sender is recorded again.
        m_clock.advance(61);
        QCOMPARE(forgedFrom(QStringLiteral("127.0.0.2")).status, 401);
        QCOMPARE(refusedRows(), rowsBefore + kPerMinute + 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookRefusals)
#include "tst_webhookrefusals.moc"
