// Version 7 UUIDs (RFC 9562): the layout of the time, version and variant
// bits, the order of ids made at increasing times, and the random part.
#include "core/uuidv7.h"

#include <QSet>
#include <QtTest>

using namespace reserva;

class TestUuidV7 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layoutFollowsTheRfcExample()
    {
        // RFC 9562, appendix A.6: 2022-02-22 19:22:22.000 UTC is 0x017F22E279B0.
        const QDateTime at(QDate(2022, 2, 22), QTime(19, 22, 22), Qt::UTC);
        QCOMPARE(at.toMSecsSinceEpoch(), qint64(0x017F22E279B0));
        const QUuid id = uuidV7(at.toMSecsSinceEpoch());
        const QString text = id.toString(QUuid::WithoutBraces);
        QVERIFY2(text.startsWith(u"017f22e2-79b0-7"), qPrintable(text));
        QCOMPARE(id.variant(), QUuid::DCE); // the RFC variant: 10 in the top bits
        // (Qt 6.4 reports version() only up to 5: the nibble is read here.)
        const QByteArray bytes = id.toRfc4122();
        QCOMPARE(uchar(bytes.at(6)) >> 4, 7);
        QCOMPARE(uchar(bytes.at(8)) >> 6, 2);
    }

    void laterIdsSortAfterEarlierOnes()
    {
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        QByteArray previous;
        for (qint64 ms = start; ms < start + 2000; ms += 7) {
            const QByteArray bytes = uuidV7(ms).toRfc4122();
            QVERIFY(bytes > previous); // bytewise, as PostgreSQL compares uuid
            previous = bytes;
        }
    }

    void theRestIsRandom()
    {
        // 10,000 ids in the same millisecond: all distinct, and every one of
        // the 74 random bits takes both values.
        const qint64 ms = QDateTime::currentMSecsSinceEpoch();
        QSet<QUuid> seen;
        QByteArray ones(16, '\0');
        QByteArray zeros(16, '\xff');
        for (int i = 0; i < 10000; ++i) {
            const QUuid id = uuidV7(ms);
            seen.insert(id);
            const QByteArray b = id.toRfc4122();
            QCOMPARE(b.left(6), uuidV7(ms).toRfc4122().left(6));
            for (int k = 0; k < 16; ++k) {
                ones[k] = char(ones.at(k) | b.at(k));
                zeros[k] = char(zeros.at(k) & b.at(k));
            }
        }
        QCOMPARE(seen.size(), 10000);
        // Bytes 6..15 less the version nibble and the variant's two bits.
        const uchar versionMask = 0xf0, variantMask = 0xc0;
        for (int k = 6; k < 16; ++k) {
            const uchar fixed = k == 6 ? versionMask : k == 8 ? variantMask : 0;
            QCOMPARE(uchar(ones.at(k)) | fixed, 0xff);
            QCOMPARE(uchar(zeros.at(k)) & uchar(~fixed), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestUuidV7)
#include "tst_uuidv7.moc"
