// Exact decimal <-> minor-unit conversions for the provider APIs that speak
// decimals (Pix "110.00", Mercado Pago 350.5): no rounding, no floating point,
// and a refusal for anything that is not plainly an amount in that exponent.
#include "domain/money.h"

#include <QtTest>

#include <limits>

using namespace reserva;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("cents") << QStringLiteral("1234.56") << 2 << qint64(123456);
        QTest::newRow("one fraction digit") << QStringLiteral("1234.5") << 2 << qint64(123450);
        QTest::newRow("whole, exponent 2") << QStringLiteral("110") << 2 << qint64(11000);
        QTest::newRow("pix valor") << QStringLiteral("110.00") << 2 << qint64(11000);
        QTest::newRow("one cent") << QStringLiteral("0.01") << 2 << qint64(1);
        QTest::newRow("zero") << QStringLiteral("0.00") << 2 << qint64(0);
        QTest::newRow("leading zeros") << QStringLiteral("007.10") << 2 << qint64(710);
        QTest::newRow("exponent 0 (CLP)") << QStringLiteral("12500") << 0 << qint64(12500);
        QTest::newRow("exponent 3") << QStringLiteral("1.005") << 3 << qint64(1005);
        QTest::newRow("exponent 4") << QStringLiteral("0.0001") << 4 << qint64(1);
        QTest::newRow("surrounding space") << QStringLiteral(" 5.25 ") << 2 << qint64(525);
        QTest::newRow("limit 10^15 minor")
            << QStringLiteral("10000000000000.00") << 2 << qint64(1000000000000000LL);
        QTest::newRow("limit, exponent 0")
            << QStringLiteral("1000000000000000") << 0 << qint64(1000000000000000LL);
    }
    void parsesExactly()
    {
        QFETCH(QString, text);
        QFETCH(int, exponent);
        QFETCH(qint64, minor);
        const auto parsed = money::parseDecimal(text, exponent);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, minor);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exponent");
        QTest::newRow("empty") << QString() << 2;
        QTest::newRow("blank") << QStringLiteral("   ") << 2;
        QTest::newRow("sub-cent") << QStringLiteral("1.005") << 2;
        QTest::newRow("fraction with exponent 0") << QStringLiteral("12500.0") << 0;
        QTest::newRow("decimal point, exponent 0") << QStringLiteral("12500.") << 0;
        QTest::newRow("negative") << QStringLiteral("-1.00") << 2;
        QTest::newRow("plus sign") << QStringLiteral("+1.00") << 2;
        QTest::newRow("scientific") << QStringLiteral("1e3") << 2;
        QTest::newRow("no whole part") << QStringLiteral(".50") << 2;
        QTest::newRow("no fraction digits") << QStringLiteral("5.") << 2;
        QTest::newRow("comma decimal") << QStringLiteral("5,00") << 2;
        QTest::newRow("two points") << QStringLiteral("1.2.3") << 2;
        QTest::newRow("inner space") << QStringLiteral("1 000.00") << 2;
        QTest::newRow("thousands separator") << QStringLiteral("1,000.00") << 2;
        QTest::newRow("hex") << QStringLiteral("0x10") << 0;
        QTest::newRow("non-ASCII digits") << QStringLiteral("\u0661\u0662.00") << 2;
        QTest::newRow("fullwidth digits") << QStringLiteral("\uff11.00") << 2;
        QTest::newRow("nan") << QStringLiteral("NaN") << 2;
        QTest::newRow("infinity") << QStringLiteral("inf") << 2;
        QTest::newRow("beyond 10^15 minor") << QStringLiteral("10000000000000.01") << 2;
        QTest::newRow("beyond 10^15, exponent 0") << QStringLiteral("1000000000000001") << 0;
        QTest::newRow("int64 overflow") << QStringLiteral("99999999999999999999") << 0;
        QTest::newRow("too long") << QString(QStringLiteral("0").repeated(30) + u'1') << 0;
        QTest::newRow("negative exponent") << QStringLiteral("1") << -1;
        QTest::newRow("exponent 5") << QStringLiteral("1.00000") << 5;
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(int, exponent);
        QVERIFY2(!money::parseDecimal(text, exponent).has_value(), qPrintable(text));
    }

    void formats_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("text");
        QTest::newRow("cents") << qint64(123450) << 2 << QStringLiteral("1234.50");
        QTest::newRow("pix") << qint64(11000) << 2 << QStringLiteral("110.00");
        QTest::newRow("one cent") << qint64(1) << 2 << QStringLiteral("0.01");
        QTest::newRow("zero") << qint64(0) << 2 << QStringLiteral("0.00");
        QTest::newRow("exponent 0") << qint64(12500) << 0 << QStringLiteral("12500");
        QTest::newRow("zero, exponent 0") << qint64(0) << 0 << QStringLiteral("0");
        QTest::newRow("exponent 3") << qint64(5) << 3 << QStringLiteral("0.005");
        QTest::newRow("negative") << qint64(-5) << 2 << QStringLiteral("-0.05");
        QTest::newRow("int64 max")
            << std::numeric_limits<qint64>::max() << 2 << QStringLiteral("92233720368547758.07");
        // The one value whose negation overflows.
        QTest::newRow("int64 min")
            << std::numeric_limits<qint64>::min() << 2 << QStringLiteral("-92233720368547758.08");
    }
    void formats()
    {
        QFETCH(qint64, minor);
        QFETCH(int, exponent);
        QFETCH(QString, text);
        QCOMPARE(money::formatDecimal(minor, exponent), text);
    }

    // What we send a provider parses back to the amount we meant, for every
    // exponent a supported currency can have.
    void roundTrips()
    {
        const QList<qint64> amounts{
            0, 1, 9, 10, 99, 100, 101, 12345, 30000, 999999999, 1000000000000000LL};
        for (int exponent = 0; exponent <= 4; ++exponent) {
            for (const qint64 minor : amounts) {
                const QString text = money::formatDecimal(minor, exponent);
                const auto back = money::parseDecimal(text, exponent);
                QVERIFY2(back.has_value(), qPrintable(text));
                QCOMPARE(*back, minor);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
