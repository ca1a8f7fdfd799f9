// JsonObjectReader::time, the one reader of RFC 3339 fields in request bodies
// (slots, promotions, transfer details): a time with its zone offset comes
// back in UTC; anything else is a field error naming the field, and an absent
// optional field is no error.
#include "contract/jsonreader.h"

#include <QTimeZone>
#include <QtTest>

using namespace reserva;

class TestJsonReader : public QObject
{
    Q_OBJECT

private:
    using Presence = JsonObjectReader::Presence;

    // The message of the one error about `name`, or "" when there is none.
    static QString errorAbout(const QJsonObject &body, const QString &name, Presence presence,
                              std::optional<QDateTime> *read = nullptr)
    {
        JsonObjectReader reader(body);
        const auto t = reader.time(name, presence);
        if (read)
            *read = t;
        const auto problem = reader.finish();
        if (!problem)
            return {};
        for (const FieldError &e : problem->errors) {
            if (e.field == name)
                return e.message;
        }
        return QStringLiteral("(an error about another field)");
    }

private Q_SLOTS:
    void readsAnOffsetTimeAsUtc()
    {
        std::optional<QDateTime> t;
        const QJsonObject body{{QStringLiteral("at"), QStringLiteral("2027-03-10T09:40:00-03:00")}};
        QCOMPARE(errorAbout(body, QStringLiteral("at"), Presence::Required, &t), QString());
        QVERIFY(t.has_value());
        QCOMPARE(*t, QDateTime(QDate(2027, 3, 10), QTime(12, 40), QTimeZone::utc()));
        QCOMPARE(t->timeSpec(), Qt::UTC);
    }

    void refusesWhatIsNotAnRfc3339TimeWithAZone_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        const QString notTime = QStringLiteral("must be an RFC 3339 time with a zone offset");
        QTest::newRow("no zone") << QJsonValue(QStringLiteral("2027-03-10T09:40:00")) << notTime;
        QTest::newRow("a date") << QJsonValue(QStringLiteral("2027-03-10")) << notTime;
        QTest::newRow("trailing newline")
            << QJsonValue(QStringLiteral("2027-03-10T09:40:00Z\n")) << QString();
        QTest::newRow("year 0") << QJsonValue(QStringLiteral("0000-01-01T00:00:00Z")) << notTime;
        QTest::newRow("short") << QJsonValue(QStringLiteral("2027")) << notTime;
        QTest::newRow("a number") << QJsonValue(1800000000) << QStringLiteral("must be a string");
        QTest::newRow("too long") << QJsonValue(QString(41, u'1')) << QString();
    }

    void refusesWhatIsNotAnRfc3339TimeWithAZone()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        std::optional<QDateTime> t;
        const QString error = errorAbout({{QStringLiteral("at"), value}}, QStringLiteral("at"),
                                         Presence::Optional, &t);
        QVERIFY(!t.has_value());
        QVERIFY2(!error.isEmpty(), "no field error");
        if (!message.isEmpty())
            QCOMPARE(error, message);
    }

    void absenceIsAnErrorOnlyWhenRequired()
    {
        std::optional<QDateTime> t;
        QCOMPARE(errorAbout({}, QStringLiteral("at"), Presence::Optional, &t), QString());
        QVERIFY(!t.has_value());
        QVERIFY(!errorAbout({}, QStringLiteral("at"), Presence::Required).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
