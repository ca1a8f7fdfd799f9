// Login latency through the real API (HTTP, throttle check, user lookup,
// scrypt, token family, audit row, commit, token signing), reported beside
// the bare scrypt verification measured in the same run: the ratio shows what
// everything but the password hash costs. Reports only; asserts nothing.

#include "db/dbconnection.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace reserva;

namespace {

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    const auto index = qsizetype(p * double(samples.size() - 1) + 0.5);
    return samples.at(std::clamp<qsizetype>(index, 0, samples.size() - 1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    constexpr int kSamples = 40;
    const QString password = QStringLiteral("correct horse battery");

    test::TestServer server(SystemClock::instance(), [](ServerConfig &c) {
        c.throttle.loginPerAddress = {1000000, 60}; // the bench logs in many times from one address
    });
    const QString encoded = PasswordHasher::hash(password); // production cost: N = 2^15, r = 8
    const auto user = userstore::create(
        server.appDb(),
        {QStringLiteral("bench.user"), encoded, {QStringLiteral("admin")}, {}, {}, {}},
        QDateTime::currentDateTimeUtc());
    if (!user)
        qFatal("cannot create the bench user");

    QList<double> scrypt;
    for (int i = 0; i < kSamples; ++i) {
        QElapsedTimer t;
        t.start();
        if (!PasswordHasher::verify(password, encoded))
            qFatal("scrypt verify failed");
        scrypt << double(t.nsecsElapsed()) / 1e6;
    }

    test::TestHttpClient http = server.client();
    const QJsonObject body{{QStringLiteral("username"), QStringLiteral("bench.user")},
                           {QStringLiteral("password"), password}};
    http.post(QStringLiteral("/v1/auth/login"), body); // warm-up: connection, prepared statements
    QList<double> login;
    for (int i = 0; i < kSamples; ++i) {
        QElapsedTimer t;
        t.start();
        const test::TestResponse r = http.post(QStringLiteral("/v1/auth/login"), body);
        if (r.status != 200)
            qFatal("login failed: %d", r.status);
        login << double(t.nsecsElapsed()) / 1e6;
    }

    std::printf("\nLogin latency, %d sequential logins, scrypt N=2^15 r=8 p=1\n", kSamples);
    std::printf("| %-30s | %9s | %9s | %9s |\n", "measure", "p50 ms", "p95 ms", "p99 ms");
    std::printf("|%s|%s|%s|%s|\n", "--------------------------------", "-----------", "-----------",
                "-----------");
    std::printf("| %-30s | %9.1f | %9.1f | %9.1f |\n", "scrypt verify alone (baseline)",
                percentile(scrypt, 0.5), percentile(scrypt, 0.95), percentile(scrypt, 0.99));
    std::printf("| %-30s | %9.1f | %9.1f | %9.1f |\n", "POST /v1/auth/login",
                percentile(login, 0.5), percentile(login, 0.95), percentile(login, 0.99));
    std::printf("\nratio login / scrypt at p50: %.2f (1.00 would mean everything else is free)\n",
                percentile(login, 0.5) / percentile(scrypt, 0.5));
    return 0;
}
