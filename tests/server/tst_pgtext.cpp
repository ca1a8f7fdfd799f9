// The text-format codec DbConnection uses with libpq. Rows must read as the
// QtSql driver read them (the stores were written against it): timestamps
// are parsed by hand for speed and held here to Qt's ISO parser, rounding
// included, on edge cases and 20,000 seeded random instants. Bound values
// keep QtSql's NULL rule (a null QString is NULL, an empty one is not), and
// `?` becomes `$n` only where it is a placeholder.
#include "db/pgtext.h"

#include <QRandomGenerator>
#include <QUuid>
#include <QtTest>

#include <cmath>

using namespace reserva;

namespace {

// What QPSQL produced for the same text: Qt's ISO parser, 'Z' appended when
// the server printed no offset (timestamp without time zone).
QDateTime reference(const QByteArray &text)
{
    const QString s = QString::fromLatin1(text);
    const QStringView time = QStringView(s).sliced(11);
    const bool hasOffset = time.contains(u'+') || time.contains(u'-') || s.endsWith(u'Z');
    return QDateTime::fromString(hasOffset ? s : s + u'Z', Qt::ISODate).toUTC();
}

QDateTime parse(const QByteArray &text)
{
    return pgtext::parseTimestamp(text.constData(), int(text.size()));
}

QByteArray numbered(const QString &sql, int *count)
{
    return pgtext::numberPlaceholders(sql, count);
}

} // namespace

class TestPgText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTimestampsAsQtDid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("whole seconds") << QByteArray("2026-11-25 06:31:03+00");
        QTest::newRow("microseconds, rounds down") << QByteArray("2026-11-25 06:31:03.123456+00");
        QTest::newRow("microseconds, rounds up") << QByteArray("2026-11-25 06:31:03.123956+00");
        QTest::newRow("half a millisecond") << QByteArray("2026-11-25 06:31:03.0005+00");
        QTest::newRow("carries into the next day") << QByteArray("2026-12-31 23:59:59.9996+00");
        QTest::newRow("one fraction digit") << QByteArray("2026-11-25 06:31:03.5+00");
        QTest::newRow("offset +05:30") << QByteArray("2026-11-25 06:31:03.25+05:30");
        QTest::newRow("offset -03") << QByteArray("2026-11-25 23:00:00-03");
        QTest::newRow("no offset: UTC") << QByteArray("2026-11-25 06:31:03.123");
        QTest::newRow("leap day") << QByteArray("2028-02-29 12:00:00+00");
        QTest::newRow("before the epoch") << QByteArray("1969-12-31 23:59:59.999+00");
        QTest::newRow("first year") << QByteArray("0001-01-01 00:00:00+00");
        QTest::newRow("last year") << QByteArray("9999-12-31 23:59:59.999+00");
    }

    void parsesTimestampsAsQtDid()
    {
        QFETCH(QByteArray, text);
        const QDateTime expected = reference(text);
        QVERIFY(expected.isValid());
        const QDateTime parsed = parse(text);
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void parsesRandomTimestampsAsQtDid()
    {
        // Deterministic: a failure names a text that can be replayed.
        QRandomGenerator random(20261125);
        for (int i = 0; i < 20000; ++i) {
            const QDate date = QDate(1, 1, 1).addDays(random.bounded(3652059));
            const int hour = random.bounded(24), minute = random.bounded(60);
            const int second = random.bounded(60), micros = random.bounded(1000000);
            const int offsetMinutes = (random.bounded(2) ? 1 : -1) * random.bounded(15 * 60);
            QByteArray text = date.toString(u"yyyy-MM-dd").toLatin1() + ' ' +
                              QTime(hour, minute, second).toString(u"HH:mm:ss").toLatin1();
            if (micros % 3 != 0) // PostgreSQL drops a zero fraction
                text += '.' + QByteArray::number(micros).rightJustified(6, '0');
            text += offsetMinutes < 0 ? '-' : '+';
            text += QByteArray::number(std::abs(offsetMinutes) / 60).rightJustified(2, '0');
            if (offsetMinutes % 60 != 0)
                text +=
                    ':' + QByteArray::number(std::abs(offsetMinutes) % 60).rightJustified(2, '0');
            QCOMPARE(parse(text), reference(text));
        }
    }

    void leavesWhatItCannotReadToQt()
    {
        // infinity, BC and five-digit years: what Qt makes of them, which is
        // an invalid QDateTime for the first two.
        QVERIFY(!parse("infinity").isValid());
        QVERIFY(!parse("-infinity").isValid());
        QVERIFY(!parse("0044-03-15 12:00:00+00 BC").isValid());
        QVERIFY(!parse("1900-01-01 00:00:00+00:19:32").isValid());
        QVERIFY(!parse("2026-13-01 00:00:00+00").isValid());
        QVERIFY(!parse("2026-02-30 00:00:00+00").isValid());
        QVERIFY(!parse("").isValid());
    }

    void decodesEachTypeAsQtSqlDid()
    {
        const auto decode = [](unsigned oid, const char *text) {
            return pgtext::decode(oid, text, int(qstrlen(text)));
        };
        QCOMPARE(decode(pgtext::oid::kBool, "t"), QVariant(true));
        QCOMPARE(decode(pgtext::oid::kBool, "f"), QVariant(false));
        QCOMPARE(decode(pgtext::oid::kInt4, "-2147483648"), QVariant(int(-2147483647 - 1)));
        QCOMPARE(decode(pgtext::oid::kInt8, "9223372036854775807"),
                 QVariant(qlonglong(9223372036854775807LL)));
        QCOMPARE(decode(pgtext::oid::kNumeric, "12.50"), QVariant(12.5));
        QVERIFY(std::isnan(decode(pgtext::oid::kFloat8, "NaN").toDouble()));
        QCOMPARE(decode(pgtext::oid::kFloat8, "-Infinity").toDouble(), -HUGE_VAL);
        QCOMPARE(decode(pgtext::oid::kDate, "2026-11-25"), QVariant(QDate(2026, 11, 25)));
        QCOMPARE(decode(pgtext::oid::kBytea, "\\x00ff41"), QVariant(QByteArray("\x00\xff"
                                                                               "A",
                                                                               3)));
        QCOMPARE(decode(2950 /* uuid */, "6f1c0d8e-4a63-4c4e-9d39-1d2e3f405162").metaType().id(),
                 int(QMetaType::QString));
        QCOMPARE(decode(25 /* text */, "a\xc3\xa7\xc3\xa3o"), QVariant(QStringLiteral("ação")));
        QCOMPARE(pgtext::metaTypeFor(pgtext::oid::kTimestampTz).id(), int(QMetaType::QDateTime));
    }

    void encodesNullAsQtSqlDid()
    {
        bool binary = true;
        QVERIFY(!pgtext::encode(QVariant(), &binary));
        QVERIFY(!pgtext::encode(QVariant(QMetaType(QMetaType::QString)), &binary));
        QVERIFY(!pgtext::encode(QVariant(QString()), &binary));
        QVERIFY(!pgtext::encode(QVariant(QDateTime()), &binary));
        QVERIFY(!pgtext::encode(QVariant(QUuid()), &binary));
        QVERIFY(!pgtext::encode(QVariant(QByteArray()), &binary));
        // An empty string is a value, not NULL.
        QCOMPARE(pgtext::encode(QVariant(QStringLiteral("")), &binary), QByteArray(""));
        QVERIFY(!binary);
    }

    void encodesValuesAsText()
    {
        bool binary = true;
        QCOMPARE(pgtext::encode(QVariant(true), &binary), QByteArray("true"));
        QCOMPARE(pgtext::encode(QVariant(qlonglong(-9223372036854775807LL - 1)), &binary),
                 QByteArray("-9223372036854775808"));
        QCOMPARE(pgtext::encode(QVariant(0.1), &binary), QByteArray("0.1"));
        QCOMPARE(pgtext::encode(QVariant(std::nan("")), &binary), QByteArray("NaN"));
        const QDateTime offset(QDate(2026, 11, 25), QTime(4, 0, 0, 250),
                               QTimeZone(5 * 3600 + 1800));
        QCOMPARE(pgtext::encode(QVariant(offset), &binary), QByteArray("2026-11-24T22:30:00.250Z"));
        QCOMPARE(pgtext::encode(QVariant(QStringLiteral("ação")), &binary),
                 QByteArray("a\xc3\xa7\xc3\xa3o"));
        QVERIFY(!binary);
        // bytea goes in binary format: no escaping to get wrong.
        const QByteArray raw("\x00'\\x", 4);
        QCOMPARE(pgtext::encode(QVariant(raw), &binary), raw);
        QVERIFY(binary);
    }

    void numbersOnlyPlaceholders_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<int>("count");
        QTest::newRow("plain") << QStringLiteral("SELECT ? + ?") << QByteArray("SELECT $1 + $2")
                               << 2;
        QTest::newRow("casts") << QStringLiteral("WHERE id = ?::uuid AND t < ?")
                               << QByteArray("WHERE id = $1::uuid AND t < $2") << 2;
        QTest::newRow("string literal") << QStringLiteral("SELECT '?', 'it''s ?', ?")
                                        << QByteArray("SELECT '?', 'it''s ?', $1") << 1;
        QTest::newRow("quoted identifier") << QStringLiteral("SELECT \"a?b\" FROM t WHERE x = ?")
                                           << QByteArray("SELECT \"a?b\" FROM t WHERE x = $1") << 1;
        QTest::newRow("line comment") << QStringLiteral("SELECT ? -- why?\n, ?")
                                      << QByteArray("SELECT $1 -- why?\n, $2") << 2;
        QTest::newRow("block comment")
            << QStringLiteral("SELECT /* a ? b */ ?") << QByteArray("SELECT /* a ? b */ $1") << 1;
        QTest::newRow("ten and more")
            << QStringLiteral("VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            << QByteArray("VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)") << 11;
        QTest::newRow("unterminated literal")
            << QStringLiteral("SELECT ?, 'open ?") << QByteArray("SELECT $1, 'open ?") << 1;
        QTest::newRow("non-ASCII") << QStringLiteral("SELECT 'ação', ?")
                                   << QByteArray("SELECT 'a\xc3\xa7\xc3\xa3o', $1") << 1;
    }

    void numbersOnlyPlaceholders()
    {
        QFETCH(QString, sql);
        QFETCH(QByteArray, expected);
        QFETCH(int, count);
        int n = -1;
        QCOMPARE(numbered(sql, &n), expected);
        QCOMPARE(n, count);
    }
};

QTEST_GUILESS_MAIN(TestPgText)
#include "tst_pgtext.moc"
