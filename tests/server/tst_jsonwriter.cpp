// JsonWriter writes JSON by hand for hot answers and must write exactly what
// QJsonDocument::toJson(Compact) writes: every escape (controls, quote,
// backslash, lone surrogates), multi-byte UTF-8, integers at the 64-bit
// edges, nesting and commas. The slot page and the availability answer built
// with it must be byte for byte what the QJsonObject path built, on seeded
// random slots.
#include "catalog/slotpagejson.h"
#include "contract/timeformat.h"
#include "contract/wirevalues.h"
#include "http/jsonwriter.h"
#include "http/paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace reserva;

namespace {

QByteArray qtCompact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString randomText(QRandomGenerator &random)
{
    QString s;
    const int n = random.bounded(12);
    for (int i = 0; i < n; ++i) {
        switch (random.bounded(5)) {
        case 0:
            s += QChar(char16_t(random.bounded(0x20))); // controls
            break;
        case 1:
            s += QChar(char16_t(0x20 + random.bounded(0x60))); // printable ASCII
            break;
        case 2:
            s += QChar(char16_t(0x80 + random.bounded(0xd800 - 0x80))); // 2-3 byte UTF-8
            break;
        case 3: { // a supplementary character: a surrogate pair
            const char32_t cp = 0x10000 + random.bounded(0x100000);
            s += QChar(QChar::highSurrogate(cp));
            s += QChar(QChar::lowSurrogate(cp));
            break;
        }
        default:
            s += QChar(char16_t(0xd800 + random.bounded(0x800))); // a lone surrogate
        }
    }
    return s;
}

QList<SlotView> randomSlots(QRandomGenerator &random, int round)
{
    QList<SlotView> slots;
    const int n = random.bounded(30);
    for (int i = 0; i < n; ++i) {
        SlotView s;
        s.id = QUuid::createUuidV5(QUuid(), QByteArray::number(random.generate()));
        s.productId = round % 7 == 0 ? QUuid() : QUuid::createUuid();
        if (random.bounded(10) != 0)
            s.startsAt =
                QDateTime::fromMSecsSinceEpoch(qint64(random.bounded(4102444800000.0)), Qt::UTC);
        s.durationMinutes = random.bounded(10081);
        s.capacity = random.bounded(100001);
        s.remaining = random.bounded(s.capacity + 1) - (round % 5 == 0 ? 3 : 0);
        slots.append(s);
    }
    return slots;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatQtWrites()
    {
        QString everyAscii;
        for (int c = 0; c < 0x80; ++c)
            everyAscii += QChar(char16_t(c));
        const QString mixed = QStringLiteral("ação \u2028 \U0001F600") + QChar(0xdc00);
        JsonWriter json;
        json.beginObject();
        json.key(QLatin1StringView("a"));
        json.beginArray();
        json.endArray();
        json.key(QLatin1StringView("b"));
        json.beginObject();
        json.endObject();
        json.key(QLatin1StringView("c"));
        json.beginArray();
        json.integer(std::numeric_limits<qint64>::min());
        json.integer(std::numeric_limits<qint64>::max());
        json.integer(0);
        json.boolean(true);
        json.boolean(false);
        json.null();
        json.beginArray();
        json.string(QLatin1StringView("caf\xe9"));
        json.endArray();
        json.endArray();
        json.key(QLatin1StringView("d"));
        json.string(everyAscii);
        json.key(QLatin1StringView("e"));
        json.string(mixed);
        json.endObject();

        const QJsonObject expected{
            {QStringLiteral("a"), QJsonArray()},
            {QStringLiteral("b"), QJsonObject()},
            {QStringLiteral("c"),
             QJsonArray{std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), 0,
                        true, false, QJsonValue(), QJsonArray{QStringLiteral("café")}}},
            {QStringLiteral("d"), everyAscii},
            {QStringLiteral("e"), mixed}};
        QCOMPARE(json.bytes(), qtCompact(expected));
    }

    void writesRandomStringsAsQtDoes()
    {
        QRandomGenerator random(20261125);
        for (int i = 0; i < 5000; ++i) {
            const QString text = randomText(random);
            JsonWriter json;
            json.beginObject();
            json.key(QLatin1StringView("s"));
            json.string(text);
            json.endObject();
            QCOMPARE(json.bytes(), qtCompact({{QStringLiteral("s"), text}}));
        }
    }

    void writesUuidsAsQtDoes()
    {
        QRandomGenerator random(3);
        QList<QUuid> ids{QUuid(), QUuid(QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff"))};
        for (int i = 0; i < 2000; ++i)
            ids.append(
                QUuid(random.generate(), quint16(random.generate()), quint16(random.generate()),
                      uchar(random.generate()), uchar(random.generate()), uchar(random.generate()),
                      uchar(random.generate()), uchar(random.generate()), uchar(random.generate()),
                      uchar(random.generate()), uchar(random.generate())));
        for (const QUuid &id : std::as_const(ids)) {
            JsonWriter json;
            json.beginArray();
            json.uuid(id);
            json.endArray();
            QCOMPARE(json.bytes(),
                     QByteArray("[\"" + id.toByteArray(QUuid::WithoutBraces) + "\"]"));
        }
    }

    void writesDoublesThatReadBack()
    {
        QRandomGenerator random(5);
        QList<double> values{0.0,
                             -0.0,
                             1.0,
                             -2.5,
                             0.001,
                             1e-7,
                             123456.789,
                             1e300,
                             -1e-300,
                             std::numeric_limits<double>::min(),
                             std::numeric_limits<double>::max()};
        for (int i = 0; i < 2000; ++i)
            values.append((random.generateDouble() - 0.5) *
                          std::pow(10.0, random.bounded(-20, 20)));
        for (const double v : std::as_const(values)) {
            JsonWriter json;
            json.beginArray();
            json.number(v);
            json.endArray();
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(json.bytes(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError, json.bytes().constData());
            QCOMPARE(doc.array().at(0).toDouble(), v);
        }
        for (const double v :
             {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
              std::numeric_limits<double>::quiet_NaN()}) {
            JsonWriter json;
            json.beginArray();
            json.number(v);
            json.endArray();
            QCOMPARE(json.bytes(), QByteArray("[null]"));
        }
    }

    void slotPageIsThePageQtBuilt()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 200; ++round) {
            const QList<SlotView> slots = randomSlots(random, round);
            const QString lastKey = round % 2 ? QStringLiteral("2026-11-25T06:00:00.000Z|") +
                                                    idText(QUuid::createUuid())
                                              : QString();

            // What the route answered before: pageJson over SlotView::toJson.
            QJsonArray items;
            for (const SlotView &s : std::as_const(slots))
                items.append(s.toJson());
            const QJsonObject page = pageJson(items, lastKey);
            const QString cursor = lastKey.isEmpty() ? QString() : encodeCursor(lastKey);
            QCOMPARE(slotPageJson(slots, cursor), qtCompact(page));
        }
    }

    void availabilityIsTheAnswerQtBuilt()
    {
        QRandomGenerator random(11);
        for (int round = 0; round < 200; ++round) {
            const QList<SlotView> slots = randomSlots(random, round);
            const QUuid product = QUuid::createUuid();
            const QDateTime from =
                QDateTime::fromMSecsSinceEpoch(qint64(random.bounded(4102444800000.0)), Qt::UTC);
            const QDateTime to = from.addSecs(random.bounded(92 * 24 * 3600) + 1);

            // What the route answered before: a QJsonObject over SlotView::toJson.
            QJsonArray items;
            for (const SlotView &s : std::as_const(slots))
                items.append(s.toJson());
            const QJsonObject answer{{QStringLiteral("product_id"), idText(product)},
                                     {QStringLiteral("from"), toRfc3339(from)},
                                     {QStringLiteral("to"), toRfc3339(to)},
                                     {QStringLiteral("slots"), items}};
            QCOMPARE(availabilityJson(product, from, to, slots), qtCompact(answer));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
