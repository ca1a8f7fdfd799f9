#include "crypto/ed25519key.h"
#include "crypto/threadcleanup.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace reserva;

namespace {

// RFC 8032 section 7.1, TEST 1 and TEST 2.
const QByteArray kSeed1 =
    QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray kPublic1 =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const QByteArray kSignature1 = QByteArray::fromHex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
    "b46bd25bf5f0595bbe24655141438e7a100b");
const QByteArray kSeed2 =
    QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
const QByteArray kPublic2 =
    QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
const QByteArray kMessage2 = QByteArray::fromHex("72");
const QByteArray kSignature2 = QByteArray::fromHex(
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f1"
    "1d8c387b2eaeb4302aeeb00d291612bb0c00");

} // namespace

class TestEd25519 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc8032KnownAnswers();
    void verifyRejectsAlteredInputs();
    void rejectsWrongSizes();
    void generatedKeysSignAndRoundTrip();
    void keysAreUsableFromManyThreads();
};

void TestEd25519::rfc8032KnownAnswers()
{
    const auto key1 = Ed25519PrivateKey::fromRaw(kSeed1);
    QVERIFY(key1);
    QCOMPARE(key1->rawSeed(), kSeed1);
    QCOMPARE(key1->publicKey().raw(), kPublic1);
    QCOMPARE(key1->sign(QByteArray()), kSignature1);
    QVERIFY(key1->publicKey().verify(QByteArray(), kSignature1));

    const auto key2 = Ed25519PrivateKey::fromRaw(kSeed2);
    QVERIFY(key2);
    QCOMPARE(key2->publicKey().raw(), kPublic2);
    QCOMPARE(key2->sign(kMessage2), kSignature2);
    const auto public2 = Ed25519PublicKey::fromRaw(kPublic2);
    QVERIFY(public2);
    QVERIFY(public2->verify(kMessage2, kSignature2));
    QVERIFY(*public2 == key2->publicKey());
    QVERIFY(!(*public2 == key1->publicKey()));
}

void TestEd25519::verifyRejectsAlteredInputs()
{
    const auto key = Ed25519PublicKey::fromRaw(kPublic2);
    QVERIFY(key);
    for (int bit = 0; bit < kSignature2.size() * 8; bit += 7) {
        QByteArray signature = kSignature2;
        signature[bit / 8] = char(signature[bit / 8] ^ (1 << (bit % 8)));
        QVERIFY2(!key->verify(kMessage2, signature), qPrintable(QString::number(bit)));
    }
    QVERIFY(!key->verify(QByteArray::fromHex("73"), kSignature2));
    QVERIFY(!key->verify(QByteArray(), kSignature2));
    // The right signature under the wrong key.
    QVERIFY(!Ed25519PublicKey::fromRaw(kPublic1)->verify(kMessage2, kSignature2));
}

void TestEd25519::rejectsWrongSizes()
{
    QVERIFY(!Ed25519PrivateKey::fromRaw(kSeed1.first(31)));
    QVERIFY(!Ed25519PrivateKey::fromRaw(QByteArray(kSeed1 + '\0')));
    QVERIFY(!Ed25519PrivateKey::fromRaw(QByteArray()));
    QVERIFY(!Ed25519PublicKey::fromRaw(kPublic1.first(31)));
    QVERIFY(!Ed25519PublicKey::fromRaw(QByteArray(kPublic1 + '\0')));
    const auto key = Ed25519PublicKey::fromRaw(kPublic1);
    QVERIFY(!key->verify(QByteArray(), kSignature1.first(63)));
    QVERIFY(!key->verify(QByteArray(), QByteArray(kSignature1 + '\0')));
    QVERIFY(!key->verify(QByteArray(), QByteArray()));
}

void TestEd25519::generatedKeysSignAndRoundTrip()
{
    const Ed25519PrivateKey a = Ed25519PrivateKey::generate();
    const Ed25519PrivateKey b = Ed25519PrivateKey::generate();
    QCOMPARE(a.rawSeed().size(), 32);
    QVERIFY(a.rawSeed() != b.rawSeed());
    const QByteArray message("reservation 42 paid");
    const QByteArray signature = a.sign(message);
    QCOMPARE(signature.size(), 64);
    QVERIFY(a.publicKey().verify(message, signature));
    QVERIFY(!b.publicKey().verify(message, signature));

    const auto restored = Ed25519PrivateKey::fromRaw(a.rawSeed());
    QVERIFY(restored);
    QCOMPARE(restored->sign(message), signature); // Ed25519 is deterministic
    const auto publicOnly = Ed25519PublicKey::fromRaw(a.publicKey().raw());
    QVERIFY(publicOnly->verify(message, signature));
}

void TestEd25519::keysAreUsableFromManyThreads()
{
    const auto key = Ed25519PrivateKey::fromRaw(kSeed2);
    const Ed25519PublicKey publicKey = key->publicKey();
    std::atomic<int> failures = 0;
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&, t] {
            for (int i = 0; i < 200; ++i) {
                const QByteArray message = QByteArray::number(t * 1000 + i);
                if (!publicKey.verify(message, key->sign(message)) ||
                    publicKey.verify(QByteArray(message + 'x'), key->sign(message)))
                    ++failures;
            }
            releaseThreadCryptoState();
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(TestEd25519)
#include "tst_ed25519.moc"
