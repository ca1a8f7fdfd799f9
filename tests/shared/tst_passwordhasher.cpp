#include "identity/passwordhasher.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace reserva;

namespace {

// Tests run at the production parameters where it matters (format, defaults)
// and at the lowest accepted cost elsewhere, so the suite stays fast.
constexpr ScryptParams kFast{10, 8, 1};

QString replacePart(const QString &encoded, int index, const QString &part)
{
    QStringList parts = encoded.split(u'$');
    parts[index] = part;
    return parts.join(u'$');
}

} // namespace

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashHasTheDocumentedFormat();
    void hashThenVerify();
    void wrongPasswordFails();
    void twoHashesOfOnePasswordDiffer();
    void unicodePasswordsAreUtf8();
    void tamperedHashSaltOrParamsFail_data();
    void tamperedHashSaltOrParamsFail();
    void outOfBoundsParamsAreRejectedWithoutComputing_data();
    void outOfBoundsParamsAreRejectedWithoutComputing();
    void needsRehash();
    void spendVerifyTimeCostsLikeAVerify();
};

void TestPasswordHasher::hashHasTheDocumentedFormat()
{
    const QString encoded = PasswordHasher::hash(QStringLiteral("correct horse battery staple"));
    static const QRegularExpression format(
        QStringLiteral(R"(^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$)"));
    QVERIFY2(format.match(encoded).hasMatch(), qPrintable(encoded));
    QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse battery staple"), encoded));
}

void TestPasswordHasher::hashThenVerify()
{
    const QString encoded = PasswordHasher::hash(QStringLiteral("s3cret!"), kFast);
    QVERIFY(encoded.startsWith(QLatin1StringView("$scrypt$ln=10,r=8,p=1$")));
    QVERIFY(PasswordHasher::verify(QStringLiteral("s3cret!"), encoded));
    const QString empty = PasswordHasher::hash(QString(), kFast);
    QVERIFY(PasswordHasher::verify(QString(), empty));
    QVERIFY(!PasswordHasher::verify(QStringLiteral(" "), empty));
}

void TestPasswordHasher::wrongPasswordFails()
{
    const QString encoded = PasswordHasher::hash(QStringLiteral("s3cret!"), kFast);
    QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret"), encoded));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("S3cret!"), encoded));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret! "), encoded));
    QVERIFY(!PasswordHasher::verify(QString(), encoded));
}

void TestPasswordHasher::twoHashesOfOnePasswordDiffer()
{
    const QString a = PasswordHasher::hash(QStringLiteral("same"), kFast);
    const QString b = PasswordHasher::hash(QStringLiteral("same"), kFast);
    QVERIFY(a != b);
    QVERIFY(a.split(u'$')[3] != b.split(u'$')[3]); // the salt
    QVERIFY(PasswordHasher::verify(QStringLiteral("same"), a));
    QVERIFY(PasswordHasher::verify(QStringLiteral("same"), b));
}

void TestPasswordHasher::unicodePasswordsAreUtf8()
{
    const QString password = QStringLiteral("contraseña-ação-密码-🔑");
    const QString encoded = PasswordHasher::hash(password, kFast);
    QVERIFY(PasswordHasher::verify(password, encoded));
    // A Latin-1 or lossy conversion would map these to the same bytes.
    QVERIFY(!PasswordHasher::verify(QStringLiteral("contrase?a-a?\?o-?\?-?"), encoded));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("contrasena-acao-密码-🔑"), encoded));
}

void TestPasswordHasher::tamperedHashSaltOrParamsFail_data()
{
    const QString encoded = PasswordHasher::hash(QStringLiteral("s3cret!"), kFast);
    const QStringList parts = encoded.split(u'$');
    QString flippedHash = parts[4];
    flippedHash[0] = flippedHash[0] == u'A' ? u'B' : u'A';
    QString flippedSalt = parts[3];
    flippedSalt[0] = flippedSalt[0] == u'A' ? u'B' : u'A';

    QTest::addColumn<QString>("stored");
    QTest::newRow("hash changed") << replacePart(encoded, 4, flippedHash);
    QTest::newRow("hash truncated") << replacePart(encoded, 4, parts[4].left(42));
    QTest::newRow("hash padded") << replacePart(encoded, 4, parts[4] + u'=');
    QTest::newRow("hash empty") << replacePart(encoded, 4, QString());
    QTest::newRow("salt changed") << replacePart(encoded, 3, flippedSalt);
    QTest::newRow("salt too short")
        << replacePart(encoded, 3, QStringLiteral("AAAAAAAAAAAAAAAAAAAA"));
    QTest::newRow("salt empty") << replacePart(encoded, 3, QString());
    QTest::newRow("ln changed") << replacePart(encoded, 2, QStringLiteral("ln=11,r=8,p=1"));
    QTest::newRow("r changed") << replacePart(encoded, 2, QStringLiteral("ln=10,r=9,p=1"));
    QTest::newRow("p changed") << replacePart(encoded, 2, QStringLiteral("ln=10,r=8,p=2"));
    QTest::newRow("params reordered") << replacePart(encoded, 2, QStringLiteral("r=8,ln=10,p=1"));
    QTest::newRow("leading zero") << replacePart(encoded, 2, QStringLiteral("ln=010,r=8,p=1"));
    QTest::newRow("sign") << replacePart(encoded, 2, QStringLiteral("ln=+10,r=8,p=1"));
    QTest::newRow("extra param") << replacePart(encoded, 2, QStringLiteral("ln=10,r=8,p=1,x=1"));
    QTest::newRow("algorithm") << replacePart(encoded, 1, QStringLiteral("argon2id"));
    QTest::newRow("extra field") << encoded + u'$';
    QTest::newRow("missing field") << parts.mid(0, 4).join(u'$');
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("s3cret!");
}

void TestPasswordHasher::tamperedHashSaltOrParamsFail()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret!"), stored));
}

void TestPasswordHasher::outOfBoundsParamsAreRejectedWithoutComputing_data()
{
    const QString salt =
        QStringLiteral("$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::addColumn<QString>("stored");
    // ln=30, r=8 would ask for 128 GiB; a tampered row must not get that far.
    QTest::newRow("ln=30") << QStringLiteral("$scrypt$ln=30,r=8,p=1") + salt;
    QTest::newRow("ln=21") << QStringLiteral("$scrypt$ln=21,r=8,p=1") + salt;
    QTest::newRow("ln=9") << QStringLiteral("$scrypt$ln=9,r=8,p=1") + salt;
    QTest::newRow("ln=0") << QStringLiteral("$scrypt$ln=0,r=8,p=1") + salt;
    QTest::newRow("r=17") << QStringLiteral("$scrypt$ln=15,r=17,p=1") + salt;
    QTest::newRow("r=0") << QStringLiteral("$scrypt$ln=15,r=0,p=1") + salt;
    QTest::newRow("p=5") << QStringLiteral("$scrypt$ln=15,r=8,p=5") + salt;
    QTest::newRow("p=0") << QStringLiteral("$scrypt$ln=15,r=8,p=0") + salt;
    QTest::newRow("p huge") << QStringLiteral("$scrypt$ln=15,r=8,p=99999999999") + salt;
}

void TestPasswordHasher::outOfBoundsParamsAreRejectedWithoutComputing()
{
    QFETCH(QString, stored);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret!"), stored));
    // An N=2^10 scrypt alone takes about a millisecond; refusing takes microseconds.
    QVERIFY2(timer.elapsed() < 50, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(PasswordHasher::needsRehash(stored));
}

void TestPasswordHasher::needsRehash()
{
    const QString fast = PasswordHasher::hash(QStringLiteral("pw"), kFast);
    QVERIFY(PasswordHasher::needsRehash(fast)); // below today's defaults
    QVERIFY(!PasswordHasher::needsRehash(fast, kFast));
    QVERIFY(PasswordHasher::needsRehash(fast, ScryptParams{10, 8, 2}));
    QVERIFY(PasswordHasher::needsRehash(fast, ScryptParams{10, 16, 1}));
    const QString standard = PasswordHasher::hash(QStringLiteral("pw"));
    QVERIFY(!PasswordHasher::needsRehash(standard));
    QVERIFY(PasswordHasher::needsRehash(standard, ScryptParams{16, 8, 1})); // raised later
    QVERIFY(PasswordHasher::needsRehash(QStringLiteral("garbage")));
}

void TestPasswordHasher::spendVerifyTimeCostsLikeAVerify()
{
    const QString encoded = PasswordHasher::hash(QStringLiteral("pw"));
    QElapsedTimer timer;
    qint64 verifyNs = std::numeric_limits<qint64>::max();
    qint64 spendNs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) { // best of three: robust against a busy machine
        timer.start();
        QVERIFY(PasswordHasher::verify(QStringLiteral("pw"), encoded));
        verifyNs = std::min(verifyNs, timer.nsecsElapsed());
        timer.start();
        PasswordHasher::spendVerifyTime();
        spendNs = std::min(spendNs, timer.nsecsElapsed());
    }
    const double ratio = double(spendNs) / double(verifyNs);
    QVERIFY2(ratio > 0.5 && ratio < 2.0, qPrintable(QString::number(ratio)));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
