#include "crypto/constanttime.h"
#include "crypto/digest.h"
#include "crypto/randombytes.h"

#include <QTest>

using namespace reserva;

class TestDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownAnswers_data();
    void sha256KnownAnswers();
    void hmacSha256Rfc4231_data();
    void hmacSha256Rfc4231();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void randomBytesAreFreshAndSized();
};

// FIPS 180-2 appendix B.1 ("abc") and the empty message.
void TestDigest::sha256KnownAnswers_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digestHex");
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb924"
                                         "27ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223"
                                       "b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestDigest::sha256KnownAnswers()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digestHex);
    QCOMPARE(sha256(message).toHex(), digestHex);
}

// RFC 4231 section 4 (HMAC-SHA-256 results), plus the empty key and message.
void TestDigest::hmacSha256Rfc4231_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("macHex");
    QTest::newRow("test case 1")
        << QByteArray(20, '\x0b') << QByteArray("Hi There")
        << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("test case 2")
        << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
        << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("test case 3")
        << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
        << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    QTest::newRow("test case 6 (key longer than a block)")
        << QByteArray(131, '\xaa')
        << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
        << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("empty key and message")
        << QByteArray() << QByteArray()
        << QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

void TestDigest::hmacSha256Rfc4231()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, macHex);
    QCOMPARE(hmacSha256(key, message).toHex(), macHex);
}

void TestDigest::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    const QByteArray mac = QByteArray::fromHex("5bdcc146bf60754e6a042426089575c7");
    QByteArray firstByte = mac;
    firstByte[0] = char(firstByte[0] ^ 1);
    QByteArray lastByte = mac;
    lastByte[lastByte.size() - 1] = char(lastByte[lastByte.size() - 1] ^ 0x80);
    QTest::newRow("equal") << mac << QByteArray(mac.constData(), mac.size()) << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first byte differs") << mac << firstByte << false;
    QTest::newRow("last byte differs") << mac << lastByte << false;
    QTest::newRow("prefix") << mac << mac.first(8) << false;
    QTest::newRow("one empty") << mac << QByteArray() << false;
}

void TestDigest::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(reserva::constantTimeEquals(a, b), equal);
    QCOMPARE(reserva::constantTimeEquals(b, a), equal);
}

void TestDigest::randomBytesAreFreshAndSized()
{
    QCOMPARE(randomBytes(0).size(), 0);
    QCOMPARE(randomBytes(-1).size(), 0);
    QCOMPARE(randomBytes(16).size(), 16);
    QVERIFY(randomBytes(32) != randomBytes(32));
    const QByteArray token = randomToken();
    QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
    QVERIFY(token != randomToken());
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
