// No secret, token, password or customer data in any log line of a whole
// test run. Every suite appends the server's log lines (quiet or not: the
// access log, alerts, the reserva.* categories, reservad child processes)
// to RESERVA_TEST_LOG_DIR (tests/support/logcapture.h); ctest runs this
// suite after all the others (a fixture) and it searches every line for the
// secrets and customer data the suites seed, and for the shapes of tokens,
// keys, emails, phone numbers and tax ids.
#include "bookingfixture.h"
#include "logcapture.h"
#include "paymentfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace reserva;
using namespace reserva::test;

namespace {

struct Hit
{
    QString where; // file:line
    QString what;  // which rule
};

// What must never be logged, by value (seeded by the suites) and by shape.
struct Rules
{
    QStringList values;
    QList<QPair<QString, QRegularExpression>> shapes;

    Rules()
    {
        values = {BookingFixture::kPassword, QString::fromLatin1(PaymentSecrets::kStripe),
                  QString::fromLatin1(PaymentSecrets::kStripePrevious),
                  QString::fromLatin1(PaymentSecrets::kMercadoPago),
                  QString::fromLatin1(PaymentSecrets::kPix), PaymentSecrets::kStripeApiKey,
                  PaymentSecrets::kMercadoPagoToken, PaymentSecrets::kPixClientSecret,
                  PaymentSecrets::kPixKey,
                  // Other suites' passwords and secrets.
                  QStringLiteral("correct-horse-1"), QStringLiteral("first-run-password-1"),
                  QStringLiteral("mp-simulator-secret"), QStringLiteral("pix-simulator-secret"),
                  QStringLiteral("mp-e2e-secret"),
                  // Customers the suites book for.
                  QStringLiteral("Ana Pereira"), QStringLiteral("Joana Prado"),
                  QStringLiteral("Rui Costa"), QStringLiteral("Ana Díaz")};
        const auto shape = [this](const char *name, const char *pattern) {
            shapes.append(
                {QString::fromLatin1(name), QRegularExpression(QString::fromLatin1(pattern))});
        };
        shape("a Stripe webhook secret", "whsec_[A-Za-z0-9_]{4,}");
        shape("a Stripe API key", "\\b[sr]k_(test|live)_[A-Za-z0-9]{4,}");
        shape("a JWT", "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
        shape("a bearer credential", "Bearer [A-Za-z0-9._~+/-]{10,}");
        shape("a refresh token value", "refresh_token\\\\?\"\\s*:\\s*\\\\?\"[A-Za-z0-9_-]{16,}");
        shape("a password field", "\\bpassword\\\\?\"\\s*:\\s*\\\\?\"");
        shape("an email address",
              "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
        shape("a phone number", "\\+\\d{1,3} ?\\(?\\d{2,4}\\)? ?\\d{3,5}[ -]?\\d{3,4}");
        shape("a CPF", "\\b\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}\\b");
    }

    QStringList check(const QString &line) const
    {
        QStringList found;
        for (const QString &value : values) {
            if (!value.isEmpty() && line.contains(value))
                found << QStringLiteral("the seeded value \"%1\"").arg(value);
        }
        for (const auto &[name, pattern] : shapes) {
            if (const auto m = pattern.match(line); m.hasMatch())
                found << name + QStringLiteral(" (\"") + m.captured(0) + QStringLiteral("\")");
        }
        return found;
    }
};

} // namespace

class TestLogScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The rules catch what they are for (so a clean run means something).
    void rulesCatchLeaks_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("leak");
        const auto row = [](const char *name, const QString &line, bool leak) {
            QTest::newRow(name) << line << leak;
        };
        row("access line",
            QStringLiteral(
                "{\"kind\":\"access\",\"route\":\"/v1/reservations/{id}\",\"status\":200,"
                "\"actor\":\"6f1c2b9e-6b7a-4a8e-9a3e-2f4d5c6b7a8e\"}"),
            false);
        row("jwt",
            QStringLiteral("token eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl"),
            true);
        row("email", QStringLiteral("{\"message\":\"booking for ana@example.com\"}"), true);
        row("stripe secret", QStringLiteral("secret whsec_abc123def"), true);
        row("bearer", QStringLiteral("Authorization: Bearer abcdefghijklmnop"), true);
        row("password json", QStringLiteral("{\"message\":\"body {\\\"password\\\":\\\"x\\\"}\"}"),
            true);
        row("phone", QStringLiteral("call +351 910 000 000"), true);
        row("cpf", QStringLiteral("document 123.456.789-09"), true);
        row("seeded password", QStringLiteral("login with ") + BookingFixture::kPassword, true);
        row("uuid and time",
            QStringLiteral(
                "2026-11-24T22:49:20.330Z reservation 8f4a2b52-5b1e-4a3e-9f53-0d7f1c2b3a41"),
            false);
    }
    void rulesCatchLeaks()
    {
        QFETCH(QString, line);
        QFETCH(bool, leak);
        QCOMPARE(!Rules().check(line).isEmpty(), leak);
    }

    void noLogLineOfTheRunLeaks()
    {
        const QString dir = logCaptureDir();
        QVERIFY2(!dir.isEmpty(), "RESERVA_TEST_LOG_DIR is not set: run this suite through ctest");
        const QStringList files =
            QDir(dir).entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
        const Rules rules;
        qint64 lines = 0;
        qint64 accessLines = 0;
        QList<Hit> hits;
        for (const QString &name : files) {
            QFile file(QDir(dir).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            qint64 number = 0;
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine()).trimmed();
                ++number;
                ++lines;
                if (line.contains(QStringLiteral("\"kind\":\"access\"")))
                    ++accessLines;
                for (const QString &what : rules.check(line))
                    hits.append({name + u':' + QString::number(number), what});
            }
        }
        // A capture that silently broke would make a clean scan meaningless.
        QVERIFY2(accessLines > 0, qPrintable(QStringLiteral("no access log line among %1 lines in "
                                                            "%2: run the suites through ctest")
                                                 .arg(lines)
                                                 .arg(dir)));
        QStringList report;
        for (const Hit &hit : std::as_const(hits).mid(0, 20))
            report << hit.where + QStringLiteral(": ") + hit.what;
        QVERIFY2(hits.isEmpty(),
                 qPrintable(QString::number(hits.size()) +
                            QStringLiteral(" leak(s) in the logs:\n") + report.join(u'\n')));
        qInfo("scanned %lld log lines (%lld access lines) in %lld files", lines, accessLines,
              qint64(files.size()));
    }
};

QTEST_GUILESS_MAIN(TestLogScan)
#include "tst_logscan.moc"
