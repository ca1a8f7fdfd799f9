// Token and password throughput on one core: what each request's
// authentication costs (Ed25519 verification, cold and cached), what issuing a
// token costs, and scrypt latency, which dominates login time.
// Reports only: it asserts nothing about speed, so it never fails a build.

#include "core/clock.h"
#include "crypto/ed25519key.h"
#include "identity/passwordhasher.h"
#include "token/accesstokensigner.h"
#include "token/accesstokenverifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>

#include <openssl/crypto.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace reserva;

namespace {

constexpr qint64 kRunNs = 3'000'000'000; // per measurement
constexpr double kTargetPerSecond = 20000;

// Runs `operation` for about kRunNs; returns operations per second.
double throughput(const std::function<bool(int)> &operation)
{
    for (int i = 0; i < 200; ++i) // warm-up: caches, branch predictors, allocator
        operation(i);
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    qint64 elapsed = 0;
    while ((elapsed = timer.nsecsElapsed()) < kRunNs) {
        for (int i = 0; i < 64; ++i) {
            if (!operation(int(count)))
                qFatal("bench_tokens: an operation failed");
            ++count;
        }
    }
    return double(count) * 1e9 / double(elapsed);
}

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    const auto index = qsizetype(p * double(samples.size() - 1) + 0.5);
    return samples.at(std::clamp<qsizetype>(index, 0, samples.size() - 1));
}

void row(const char *what, const QString &value, const char *note)
{
    std::printf("| %-44s | %18s | %-28s |\n", what, qPrintable(value), note);
}

QString perSecond(double value)
{
    return QString::number(qint64(value + 0.5)) + QStringLiteral(" /s");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);

    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    JwksKeySet keys;
    keys.insert(QStringLiteral("bench"), key.publicKey());

    AccessTokenClaims claims;
    claims.subject = QStringLiteral("3f1c9a4e-2b7d-4c61-9a0e-5d8f7b6a1c20");
    claims.roles = {QStringLiteral("partner_manager"), QStringLiteral("partner_staff")};
    claims.tenant = QStringLiteral("7b2e1d4c-0a9f-4e3b-8c5d-6f1a2b3c4d5e");
    claims.issuer = QStringLiteral("https://reserva.example");
    claims.audience = QStringLiteral("reserva-api");
    claims.clientId = QStringLiteral("reserva-desktop");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    claims.issuedAt = now;
    claims.notBefore = now;
    claims.expiresAt = now.addSecs(3600);

    // A pool of distinct tokens, as many users would send.
    QList<QByteArray> tokens;
    for (int i = 0; i < 1024; ++i) {
        claims.tokenId = QStringLiteral("jti-%1").arg(i);
        tokens.append(signAccessToken(claims, QStringLiteral("bench"), key));
    }

    AccessTokenVerifierOptions options;
    options.issuer = claims.issuer;
    options.audience = claims.audience;

    options.cacheCapacity = 0; // every verification does the Ed25519 check
    AccessTokenVerifier cold(options, SystemClock::instance());
    cold.setKeys(keys);
    options.cacheCapacity = 20000;
    AccessTokenVerifier warm(options, SystemClock::instance());
    warm.setKeys(keys);

    const auto accepted = [](const TokenVerification &v) {
        return std::holds_alternative<AccessTokenClaims>(v);
    };
    const double coldRate =
        throughput([&](int i) { return accepted(cold.verify(tokens[i % tokens.size()])); });
    const double warmRate =
        throughput([&](int i) { return accepted(warm.verify(tokens[i % tokens.size()])); });

    const Ed25519PublicKey publicKey = key.publicKey();
    const QByteArray message = tokens.first().first(tokens.first().lastIndexOf('.'));
    const QByteArray signature = key.sign(message);
    const double rawVerifyRate =
        throughput([&](int) { return publicKey.verify(message, signature); });

    const double signRate = throughput([&](int i) {
        claims.tokenId = QString::number(i);
        return !signAccessToken(claims, QStringLiteral("bench"), key).isEmpty();
    });

    // scrypt at the production parameters: a few seconds of samples.
    QList<double> hashMs;
    QElapsedTimer total;
    total.start();
    while (hashMs.size() < 10 || (total.nsecsElapsed() < kRunNs && hashMs.size() < 200)) {
        QElapsedTimer timer;
        timer.start();
        const QString encoded = PasswordHasher::hash(QStringLiteral("correct horse battery"));
        hashMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (encoded.isEmpty())
            qFatal("bench_tokens: scrypt failed");
    }

#ifdef NDEBUG
    const char *build = "release";
#else
    const char *build = "debug (numbers are pessimistic)";
#endif
    std::printf("\nReserva token benchmark: one thread, %s build, %s\n\n", build,
                OpenSSL_version(OPENSSL_VERSION));
    std::printf("| %-44s | %18s | %-28s |\n", "measurement", "result", "note");
    std::printf("|%s|%s|%s|\n", QByteArray(46, '-').constData(), QByteArray(20, '-').constData(),
                QByteArray(30, '-').constData());
    const auto meets = [](double rate) {
        return rate >= kTargetPerSecond ? "meets 20,000/s/core" : "BELOW 20,000/s/core";
    };
    row("access token verify, cold (no cache)", perSecond(coldRate), meets(coldRate));
    row("access token verify, warm (cache hit)", perSecond(warmRate), meets(warmRate));
    row("raw Ed25519 verify (floor of the cold path)", perSecond(rawVerifyRate), "");
    row("access token sign", perSecond(signRate), "");
    row("scrypt hash ln=15,r=8,p=1: p50",
        QString::number(percentile(hashMs, 0.50), 'f', 1) + QStringLiteral(" ms"),
        qPrintable(QStringLiteral("%1 samples").arg(hashMs.size())));
    row("scrypt hash ln=15,r=8,p=1: p95",
        QString::number(percentile(hashMs, 0.95), 'f', 1) + QStringLiteral(" ms"),
        "login latency is about this");
    std::printf("\n");
    return 0;
}
