// Throttling of login and refresh: per username (failures), per client
// address, counted in PostgreSQL so that every instance on one database
// enforces the same limits. Windows move with a ManualClock, not with sleeps.
#include "domain/role.h"
#include "manualclock.h"
#include "testserver.h"

#include <QtTest>

#include <latch>
#include <thread>
#include <vector>

using namespace reserva;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kWrong = QStringLiteral("wrong password");

// Large limits everywhere except the rule under test.
void generous(ServerConfig &c)
{
    c.throttle.loginPerAddress = {100000, 60};
    c.throttle.loginFailuresPerUser = {100000, 900};
    c.throttle.refreshPerAddress = {100000, 60};
}

test::TestResponse login(test::TestServer &server, const QString &username, const QString &password)
{
    test::TestHttpClient http = server.client();
    return http.post(QStringLiteral("/v1/auth/login"), {{QStringLiteral("username"), username},
                                                        {QStringLiteral("password"), password}});
}

void verifyThrottled(const test::TestResponse &r, int windowSeconds)
{
    QCOMPARE(r.status, 429);
    QCOMPARE(r.problemSlug(), QStringLiteral("too-many-requests"));
    bool ok = false;
    const int retryAfter = r.header("retry-after").toInt(&ok);
    QVERIFY2(ok, r.header("retry-after").constData());
    QVERIFY(retryAfter >= 1);
    QVERIFY(retryAfter <= windowSeconds);
}

} // namespace

class TestThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Five failures for one username, then even the right password waits for
    // the window to end: guessing costs an attacker 15 minutes per 5 tries.
    void loginFailuresPerUsername()
    {
        test::ManualClock clock;
        test::TestServer server(clock, [](ServerConfig &c) {
            generous(c);
            c.throttle.loginFailuresPerUser = {5, 900};
        });
        server.createUser(QStringLiteral("target.user"), kPassword, {role::kAdmin});
        server.createUser(QStringLiteral("bystander"), kPassword, {role::kAdmin});
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(server, QStringLiteral("target.user"), kWrong).status, 401);
        const test::TestResponse sixth = login(server, QStringLiteral("target.user"), kWrong);
        verifyThrottled(sixth, 900);
        const test::TestResponse right = login(server, QStringLiteral("target.user"), kPassword);
        verifyThrottled(right, 900);
        // Case does not open a second bucket.
        verifyThrottled(login(server, QStringLiteral("TARGET.User"), kPassword), 900);
        // Only that username is held back.
        QCOMPARE(login(server, QStringLiteral("bystander"), kPassword).status, 200);

        clock.advance(900);
        QCOMPARE(login(server, QStringLiteral("target.user"), kPassword).status, 200);
    }

    // A success clears the failures: a user who mistypes now and then is
    // never locked out by old mistakes.
    void successResetsTheUsernameCounter()
    {
        test::ManualClock clock;
        test::TestServer server(clock, [](ServerConfig &c) {
            generous(c);
            c.throttle.loginFailuresPerUser = {3, 900};
        });
        server.createUser(QStringLiteral("typo.user"), kPassword, {role::kAdmin});
        for (int round = 0; round < 3; ++round) {
            QCOMPARE(login(server, QStringLiteral("typo.user"), kWrong).status, 401);
            QCOMPARE(login(server, QStringLiteral("typo.user"), kWrong).status, 401);
            QCOMPARE(login(server, QStringLiteral("typo.user"), kPassword).status, 200);
        }
    }

    // Unknown usernames are throttled like known ones (no enumeration by
    // throttling behaviour), and a burst of concurrent guesses gets no more
    // tries than sequential ones: the count is taken before the password check.
    void concurrentGuessesGetNoMoreTries()
    {
        test::ManualClock clock;
        test::TestServer server(clock, [](ServerConfig &c) {
            generous(c);
            c.throttle.loginFailuresPerUser = {3, 900};
        });
        constexpr int kGuesses = 12;
        std::latch ready(kGuesses);
        std::vector<int> statuses(kGuesses, 0);
        std::vector<std::thread> threads;
        const quint16 port = server.port();
        for (int i = 0; i < kGuesses; ++i) {
            threads.emplace_back([&, i] {
                test::TestHttpClient http(port);
                http.request("GET", QStringLiteral("/healthz")); // connected before the burst
                ready.arrive_and_wait();
                statuses[size_t(i)] =
                    http.post(QStringLiteral("/v1/auth/login"),
                              {{QStringLiteral("username"), QStringLiteral("no.such.user")},
                               {QStringLiteral("password"), QStringLiteral("guess %1").arg(i)}})
                        .status;
            });
        }
        for (std::thread &t : threads)
            t.join();
        const auto tried = std::count(statuses.begin(), statuses.end(), 401);
        const auto held = std::count(statuses.begin(), statuses.end(), 429);
        QCOMPARE(tried + held, qsizetype(kGuesses));
        QVERIFY2(tried <= 3, qPrintable(QStringLiteral("%1 guesses were tried").arg(tried)));
        QCOMPARE(tried, qsizetype(3));
    }

    void loginPerAddress()
    {
        test::ManualClock clock;
        test::TestServer server(clock, [](ServerConfig &c) {
            generous(c);
            c.throttle.loginPerAddress = {4, 60};
        });
        server.createUser(QStringLiteral("first.user"), kPassword, {role::kAdmin});
        server.createUser(QStringLiteral("second.user"), kPassword, {role::kAdmin});
        // Successes count too: this limits spraying many usernames.
        QCOMPARE(login(server, QStringLiteral("first.user"), kPassword).status, 200);
        QCOMPARE(login(server, QStringLiteral("first.user"), kWrong).status, 401);
        QCOMPARE(login(server, QStringLiteral("second.user"), kWrong).status, 401);
        QCOMPARE(login(server, QStringLiteral("someone.else"), kWrong).status, 401);
        verifyThrottled(login(server, QStringLiteral("second.user"), kPassword), 60);
        verifyThrottled(login(server, QStringLiteral("third.user"), kWrong), 60);
        clock.advance(60);
        QCOMPARE(login(server, QStringLiteral("second.user"), kPassword).status, 200);
    }

    void refreshPerAddress()
    {
        test::ManualClock clock;
        test::TestServer server(clock, [](ServerConfig &c) {
            generous(c);
            c.throttle.refreshPerAddress = {3, 60};
        });
        server.createUser(QStringLiteral("refresher"), kPassword, {role::kAdmin});
        const TokenPair pair = server.login(QStringLiteral("refresher"), kPassword);
        test::TestHttpClient http = server.client();
        for (int i = 0; i < 3; ++i) {
            const test::TestResponse r = http.post(
                QStringLiteral("/v1/auth/refresh"),
                {{QStringLiteral("refresh_token"), QStringLiteral("made-up-token-%1").arg(i)}});
            QCOMPARE(r.status, 401);
        }
        const test::TestResponse held =
            http.post(QStringLiteral("/v1/auth/refresh"),
                      {{QStringLiteral("refresh_token"), pair.refreshToken}});
        verifyThrottled(held, 60);
        clock.advance(60);
        // Throttled before the token was looked at: it is still unspent.
        QCOMPARE(http.post(QStringLiteral("/v1/auth/refresh"),
                           {{QStringLiteral("refresh_token"), pair.refreshToken}})
                     .status,
                 200);
    }

    // The counters live in the database: failures on one instance hold the
    // username back on another, and so do the address counts.
    void countersAreSharedAcrossInstances()
    {
        test::ManualClock clock;
        auto limits = [](ServerConfig &c) {
            generous(c);
            c.throttle.loginFailuresPerUser = {3, 900};
            c.throttle.loginPerAddress = {8, 60};
        };
        test::TestServer first(clock, limits);
        // No background jobs on the second: BackgroundJobs names its QtSql
        // connection "background-jobs" in every instance, and two in one
        // process would take each other's connection.
        test::TestServer second(first, clock, [&limits](ServerConfig &c) {
            limits(c);
            c.runBackgroundJobs = false;
        });
        first.createUser(QStringLiteral("shared.user"), kPassword, {role::kAdmin});
        first.createUser(QStringLiteral("other.user"), kPassword, {role::kAdmin});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(first, QStringLiteral("shared.user"), kWrong).status, 401);
        verifyThrottled(login(second, QStringLiteral("shared.user"), kPassword), 900);

        // Per address: 4 attempts so far (3 + 1 throttled by username); four
        // more on the second instance reach the limit of 8.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(login(second, QStringLiteral("other.user"), kPassword).status, 200);
        verifyThrottled(login(first, QStringLiteral("other.user"), kPassword), 60);
        verifyThrottled(login(second, QStringLiteral("other.user"), kPassword), 60);
    }
};

QTEST_GUILESS_MAIN(TestThrottle)
#include "tst_throttle.moc"
