// RFC 3339 on the wire: toRfc3339 writes its text by hand (for speed) and
// must write exactly what Qt's ISO format with milliseconds writes for the
// same instant in UTC, whatever time spec the QDateTime carries, across
// leap days, the epoch, times before it, and the first and last years;
// fromRfc3339 reads every such text back to the same instant.
#include "contract/timeformat.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <QtTest>

using namespace reserva;

class TestTimeFormat : public QObject
{
    Q_OBJECT

private:
    static QString reference(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

private Q_SLOTS:
    void writesWhatQtWrites_data()
    {
        QTest::addColumn<QDateTime>("instant");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0);
        QTest::newRow("just before the epoch") << utc(1969, 12, 31, 23, 59, 59, 999);
        QTest::newRow("leap day") << utc(2028, 2, 29, 12, 30, 45, 7);
        QTest::newRow("end of a leap year") << utc(2024, 12, 31, 23, 59, 59, 999);
        QTest::newRow("year 2000") << utc(2000, 2, 29, 0, 0, 0, 1);
        QTest::newRow("1900, not leap") << utc(1900, 3, 1, 1, 2, 3, 4);
        QTest::newRow("first year") << utc(1, 1, 1, 0, 0, 0, 0);
        QTest::newRow("last year") << utc(9999, 12, 31, 23, 59, 59, 999);
        QTest::newRow("offset +05:30")
            << QDateTime(QDate(2026, 11, 25), QTime(4, 0, 0, 250), QTimeZone(5 * 3600 + 1800));
        QTest::newRow("offset -03:00 across midnight")
            << QDateTime(QDate(2026, 12, 31), QTime(22, 15), QTimeZone(-3 * 3600));
        QTest::newRow("local time") << QDateTime(QDate(2026, 7, 1), QTime(9, 0), Qt::LocalTime);
    }

    void writesWhatQtWrites()
    {
        QFETCH(QDateTime, instant);
        QCOMPARE(toRfc3339(instant), reference(instant));
        QCOMPARE(fromRfc3339(toRfc3339(instant)), std::optional<QDateTime>(instant.toUTC()));
    }

    void writesWhatQtWritesForRandomInstants()
    {
        // Deterministic: a failure names an instant that can be replayed.
        QRandomGenerator random(20261125);
        const qint64 first = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 last =
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = first + qint64(random.bounded(quint64(last - first + 1)));
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(toRfc3339(t), reference(t));
        }
    }

    void invalidIsEmpty() { QVERIFY(toRfc3339(QDateTime()).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
