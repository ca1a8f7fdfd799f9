#include "crypto/base64url.h"

#include <QTest>

using namespace reserva;

class TestBase64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesRfc4648Vectors_data();
    void encodesRfc4648Vectors();
    void usesUrlSafeAlphabetWithoutPadding();
    void roundTripsEveryLength();
    void rejectsNonCanonicalInput_data();
    void rejectsNonCanonicalInput();
};

// RFC 4648 section 10, with the padding removed as RFC 7515 section 2 requires.
void TestBase64Url::encodesRfc4648Vectors_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
}

void TestBase64Url::encodesRfc4648Vectors()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(base64UrlEncode(plain), encoded);
    const auto decoded = base64UrlDecode(encoded);
    QVERIFY(decoded);
    QCOMPARE(*decoded, plain);
}

void TestBase64Url::usesUrlSafeAlphabetWithoutPadding()
{
    // 0xfb 0xff is "+/8=" in standard base64.
    QCOMPARE(base64UrlEncode(QByteArray::fromHex("fbff")), QByteArray("-_8"));
    QCOMPARE(*base64UrlDecode("-_8"), QByteArray::fromHex("fbff"));
}

void TestBase64Url::roundTripsEveryLength()
{
    QByteArray data;
    for (int i = 0; i < 300; ++i) {
        const QByteArray encoded = base64UrlEncode(data);
        QCOMPARE(encoded,
                 data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const auto decoded = base64UrlDecode(encoded);
        QVERIFY(decoded);
        QCOMPARE(*decoded, data);
        data.append(char((i * 151 + 7) & 0xff));
    }
}

void TestBase64Url::rejectsNonCanonicalInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding") << QByteArray("Zg==");
    QTest::newRow("padding, full block") << QByteArray("Zm9v=");
    QTest::newRow("plus") << QByteArray("+_8");
    QTest::newRow("slash") << QByteArray("-/8");
    QTest::newRow("space") << QByteArray("Zm9 v");
    QTest::newRow("newline") << QByteArray("Zm9v\nYg");
    QTest::newRow("trailing newline") << QByteArray("Zm9v\n");
    QTest::newRow("length % 4 == 1") << QByteArray("Zm9vY");
    QTest::newRow("single char") << QByteArray("Z");
    QTest::newRow("trailing bits, 2 chars") << QByteArray("Zh");
    QTest::newRow("trailing bits, 3 chars") << QByteArray("Zm9");
    QTest::newRow("dot") << QByteArray("Zm.v");
    QTest::newRow("nul") << QByteArray("Zm\0v", 4);
    QTest::newRow("non-ascii") << QByteArray("Zm\xc3\xa9v");
}

void TestBase64Url::rejectsNonCanonicalInput()
{
    QFETCH(QByteArray, text);
    QVERIFY(!base64UrlDecode(text));
}

QTEST_GUILESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
