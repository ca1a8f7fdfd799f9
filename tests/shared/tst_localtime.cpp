// Wall-clock times read in an IANA zone: unique readings convert to UTC; the
// readings a DST change makes happen twice or never are reported as such,
// never guessed. Historical dates, so tzdata updates cannot move them.
#include "domain/localtime.h"

#include <QtTest>

using namespace reserva;

class TestLocalTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolves_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("reading");
        QTest::addColumn<int>("resolution");
        QTest::addColumn<QDateTime>("utc");
        const auto utc = [](int y, int mo, int d, int h, int mi) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
        };
        const int unique = int(localtime::Resolution::Unique);
        const int twice = int(localtime::Resolution::Ambiguous);
        const int never = int(localtime::Resolution::Nonexistent);
        const QString sp = QStringLiteral("America/Sao_Paulo");
        QTest::newRow("summer time")
            << sp << QStringLiteral("2018-01-10T09:00:00") << unique << utc(2018, 1, 10, 11, 0);
        QTest::newRow("standard time")
            << sp << QStringLiteral("2018-03-10T09:00") << unique << utc(2018, 3, 10, 12, 0);
        QTest::newRow("the hour that repeats")
            << sp << QStringLiteral("2018-02-17T23:30:00") << twice << QDateTime();
        QTest::newRow("just before it") << sp << QStringLiteral("2018-02-17T22:59:59") << unique
                                        << QDateTime(QDate(2018, 2, 18), QTime(0, 59, 59), Qt::UTC);
        QTest::newRow("the hour that is skipped")
            << sp << QStringLiteral("2018-11-04T00:30:00") << never << QDateTime();
        QTest::newRow("just after it")
            << sp << QStringLiteral("2018-11-04T01:00:00") << unique << utc(2018, 11, 4, 3, 0);
        QTest::newRow("lisbon, clocks back")
            << QStringLiteral("Europe/Lisbon") << QStringLiteral("2019-10-27T01:30:00") << twice
            << QDateTime();
        QTest::newRow("lisbon, clocks forward")
            << QStringLiteral("Europe/Lisbon") << QStringLiteral("2019-03-31T01:30:00") << never
            << QDateTime();
        QTest::newRow("a zone without DST")
            << QStringLiteral("Etc/GMT+3") << QStringLiteral("2031-01-10T09:00:00") << unique
            << utc(2031, 1, 10, 12, 0);
    }
    void resolves()
    {
        QFETCH(QString, zone);
        QFETCH(QString, reading);
        QFETCH(int, resolution);
        QFETCH(QDateTime, utc);
        QDate date;
        QTime time;
        QVERIFY(localtime::parseWallClock(reading, &date, &time));
        const auto resolved = localtime::toUtc(date, time, QTimeZone(zone.toUtf8()));
        QCOMPARE(int(resolved.resolution), resolution);
        QCOMPARE(resolved.utc, utc);
    }

    void refusesWhatIsNotAWallClockReading()
    {
        QDate date;
        QTime time;
        for (const char *text : {"2018-01-10T09:00:00Z", "2018-01-10T09:00:00-03:00", "2018-01-10",
                                 "2018-02-30T09:00", "2018-01-10T25:00", "10/01/2018 09:00", ""}) {
            QVERIFY2(!localtime::parseWallClock(QLatin1String(text), &date, &time), text);
        }
        QVERIFY(localtime::parseWallClock(QStringLiteral("2018-01-10 09:00"), &date, &time));
        QCOMPARE(localtime::toUtc(QDate(2018, 1, 1), QTime(9, 0), QTimeZone()).resolution,
                 localtime::Resolution::Nonexistent);
    }
};

QTEST_GUILESS_MAIN(TestLocalTime)
#include "tst_localtime.moc"
