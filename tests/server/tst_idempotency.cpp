// Invariant 5 on POST /v1/reservations: keys scoped per token subject, a
// repeat answers the first status and body byte for byte (errors too), the
// same key with another request is 422, a repeat while the first is in flight
// is 409, keys are forgotten after the retention, and a 5xx is never stored.
#include "booking/idempotency.h"
#include "bookingfixture.h"
#include "db/sqlvalues.h"
#include "manualclock.h"

#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;

namespace {

constexpr int kRetentionSeconds = 3600;
constexpr int kLockTimeoutMs = 300;

} // namespace

class TestIdempotency : public QObject
{
    Q_OBJECT

private:
    test::TestServer &server() { return *m_server; }
    DbConnection &db() { return server().appDb(); }

    QUuid newSlot(int capacity)
    {
        return m_fixture->createSlot(m_tenant.managerToken, m_product,
                                     m_clock.now().addDays(30 + m_slots++), capacity);
    }

    test::TestResponse bookAs(const QString &token, const QJsonObject &body, const QByteArray &key)
    {
        return BookingFixture::book(*m_fixture->clientAs(token), body, key);
    }

    qint64 keyRows(const QUuid &subject, const QByteArray &key)
    {
        return BookingFixture::count(
            db(),
            QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE subject = ?"
                           " AND idempotency_key = ?"),
            {BookingFixture::idText(subject), QString::fromLatin1(key)});
    }

    static QByteArray newKey() { return QUuid::createUuid().toByteArray(QUuid::WithoutBraces); }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, [](ServerConfig &c) {
            c.runBackgroundJobs = false; // the purge runs when a test says so
            c.idempotencyRetentionSeconds = kRetentionSeconds;
            c.lockTimeoutMs = kLockTimeoutMs;
            c.tokens.accessTokenSeconds = 7 * 24 * 3600; // the clock jumps past the retention
        });
        m_fixture = std::make_unique<BookingFixture>(server());
        m_tenant = m_fixture->addTenant(QStringLiteral("idem"));
        m_otherStaff =
            m_fixture->addUser(QStringLiteral("idem-staff-2"), {QStringLiteral("partner_staff")},
                               m_tenant.id, &m_otherStaffId);
        m_product = m_fixture->createProduct(m_tenant.managerToken);
        QVERIFY(!m_product.isNull());
        m_slot = newSlot(1000);
        QVERIFY(!m_slot.isNull());
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
    }
    void cleanup() { QCOMPARE(BookingFixture::seatInvariantViolations(db()), QString()); }

    void missingOrMalformedKeyIs400AndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("too long") << QByteArray(256, 'k');
        QTest::newRow("space") << QByteArray("two words");
        QTest::newRow("non-ascii") << QByteArray("cl\xc3\xa9");
    }
    void missingOrMalformedKeyIs400AndWritesNothing()
    {
        QFETCH(QByteArray, key);
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse r =
            bookAs(m_tenant.staffToken, BookingFixture::bookingBody(m_slot, 1), key);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.problemSlug(), QStringLiteral("bad-request"));
        QVERIFY(r.json().value(QStringLiteral("detail")).toString().contains(u"Idempotency-Key"));
        QCOMPARE(BookingFixture::writeCounts(db()), before);
    }

    void repeatReplaysTheFirstAnswerByteForByte()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 2);
        const test::TestResponse first = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("idempotent-replayed").isEmpty());
        const test::WriteCounts afterFirst = BookingFixture::writeCounts(db());

        const test::TestResponse again = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("content-type"), first.header("content-type"));
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));

        // The same JSON spelled differently (spacing, key order) is the same request.
        const QByteArray respelled =
            "{ \"customer\" : " +
            QJsonDocument(body.value(QStringLiteral("customer")).toObject()).toJson() +
            ", \"quantity\": 2, \"slot_id\": \"" + BookingFixture::idText(m_slot).toLatin1() +
            "\" }";
        const test::TestResponse respelledAnswer =
            m_fixture->clientAs(m_tenant.staffToken)
                ->request("POST", QStringLiteral("/v1/reservations"), respelled,
                          {{"Idempotency-Key", key}});
        QCOMPARE(respelledAnswer.status, 201);
        QCOMPARE(respelledAnswer.body, first.body);
        QCOMPARE(BookingFixture::writeCounts(db()), afterFirst); // nothing booked twice
    }

    // Error answers are stored too: a retry gets the same answer even when the
    // world has changed since (here: the slot got more seats).
    void soldOutAnswerReplaysIdentically()
    {
        const QUuid slot = newSlot(1);
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(slot, 2);
        const test::TestResponse first = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(first.status, 409);
        QCOMPARE(first.problemSlug(), QStringLiteral("sold-out"));
        QCOMPARE(keyRows(m_tenant.staffId, key), 1);

        const test::TestResponse grown =
            m_fixture->clientAs(m_tenant.managerToken)
                ->patch(QStringLiteral("/v1/slots/") + BookingFixture::idText(slot),
                        {{QStringLiteral("capacity"), 5}});
        QCOMPARE(grown.status, 200);

        const test::TestResponse again = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(bookAs(m_tenant.staffToken, body, newKey()).status, 201); // a new key is new work
    }

    void validationErrorReplaysIdentically()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 0);
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        const test::TestResponse first = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(first.status, 400);
        QCOMPARE(BookingFixture::problemField(first), QStringLiteral("quantity"));
        test::WriteCounts expected = before;
        expected.idempotencyKeys += 1; // the record of that answer, and nothing else
        QCOMPARE(BookingFixture::writeCounts(db()), expected);

        const test::TestResponse again = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(BookingFixture::writeCounts(db()), expected);
    }

    void sameKeyWithAnotherBodyIs422()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 1);
        const test::TestResponse first = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(first.status, 201);
        const test::WriteCounts before = BookingFixture::writeCounts(db());

        const test::TestResponse other =
            bookAs(m_tenant.staffToken, BookingFixture::bookingBody(m_slot, 3), key);
        QCOMPARE(other.status, 422);
        QCOMPARE(other.problemSlug(), QStringLiteral("idempotency-key-reused"));
        QCOMPARE(BookingFixture::writeCounts(db()), before);

        // The first answer is still the key's answer.
        const test::TestResponse again = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
    }

    // Another client may use the same key: it is its own request.
    void keysAreScopedToTheTokenSubject()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 1);
        const test::TestResponse mine = bookAs(m_tenant.staffToken, body, key);
        const test::TestResponse theirs = bookAs(m_otherStaff, body, key);
        QCOMPARE(mine.status, 201);
        QCOMPARE(theirs.status, 201);
        QVERIFY(theirs.header("idempotent-replayed").isEmpty());
        QVERIFY(mine.json().value(QStringLiteral("id")) !=
                theirs.json().value(QStringLiteral("id")));
        QCOMPARE(keyRows(m_tenant.staffId, key), 1);
        QCOMPARE(keyRows(m_otherStaffId, key), 1);

        // And each replays its own answer.
        QCOMPARE(bookAs(m_otherStaff, body, key).body, theirs.body);
        QCOMPARE(bookAs(m_tenant.staffToken, body, key).body, mine.body);
        // Another subject with another body is not a reuse of my key.
        const QByteArray fresh = newKey();
        QCOMPARE(bookAs(m_tenant.staffToken, body, fresh).status, 201);
        QCOMPARE(bookAs(m_otherStaff, BookingFixture::bookingBody(m_slot, 4), fresh).status, 201);
    }

    // A first attempt still running (its claim not committed) keeps the key:
    // a repeat waits for it up to the lock timeout, then gets 409.
    void repeatWhileTheFirstIsInFlightIs409()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 1);
        QVERIFY(db().db().transaction());
        db().exec(QStringLiteral("INSERT INTO idempotency_keys (subject, idempotency_key,"
                                 " request_hash, created_at) VALUES (?, ?, ?, ?)"),
                  {BookingFixture::idText(m_tenant.staffId), QString::fromLatin1(key),
                   QByteArray(32, '\x01'), sql::time(m_clock.now())},
                  "claim like an in-flight request");
        const test::TestResponse during = bookAs(m_tenant.staffToken, body, key);
        QVERIFY(db().db().rollback());
        QCOMPARE(during.status, 409);
        QCOMPARE(during.problemSlug(), QStringLiteral("idempotency-key-in-flight"));
        QCOMPARE(keyRows(m_tenant.staffId, key), 0); // the 409 is not the key's answer

        const test::TestResponse after = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(after.status, 201);
        QVERIFY(after.header("idempotent-replayed").isEmpty());
    }

    // A 5xx (here: the slot's row lock held past the lock timeout) rolls back
    // the claim with everything else, so a retry with the same key does the work.
    void serverErrorIsNotStored()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 1);
        const test::WriteCounts before = BookingFixture::writeCounts(db());
        QVERIFY(db().db().transaction());
        db().exec(QStringLiteral("SELECT id FROM slots WHERE id = ?::uuid FOR UPDATE"),
                  {BookingFixture::idText(m_slot)}, "hold the slot lock");
        const test::TestResponse during = bookAs(m_tenant.staffToken, body, key);
        const qint64 rowsDuring = keyRows(m_tenant.staffId, key);
        QVERIFY(db().db().rollback());
        QCOMPARE(during.status, 503);
        QCOMPARE(rowsDuring, 0);
        QCOMPARE(BookingFixture::writeCounts(db()), before);

        const test::TestResponse retry = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(retry.status, 201);
        QVERIFY(retry.header("idempotent-replayed").isEmpty());
    }

    // Past the retention a key is forgotten: the same key is new work, and
    // the purge deletes what is older than the retention, nothing younger.
    void keysExpireAfterTheRetention()
    {
        const QByteArray key = newKey();
        const QJsonObject body = BookingFixture::bookingBody(m_slot, 1);
        const test::TestResponse first = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(first.status, 201);

        m_clock.advance(kRetentionSeconds - 1);
        const test::TestResponse young = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(young.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(young.body, first.body);

        m_clock.advance(2);
        const qint64 reservationsBefore = BookingFixture::writeCounts(db()).reservations;
        const test::TestResponse old = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(old.status, 201);
        QVERIFY(old.header("idempotent-replayed").isEmpty());
        QVERIFY(old.json().value(QStringLiteral("id")) != first.json().value(QStringLiteral("id")));
        QCOMPARE(BookingFixture::writeCounts(db()).reservations, reservationsBefore + 1);
        // Another body for an expired key is new work too, not a 422.
        const QByteArray otherKey = newKey();
        QCOMPARE(bookAs(m_tenant.staffToken, body, otherKey).status, 201);
        m_clock.advance(kRetentionSeconds + 1);
        QCOMPARE(
            bookAs(m_tenant.staffToken, BookingFixture::bookingBody(m_slot, 2), otherKey).status,
            201);

        // The purge: `key` (claimed again above) is now past the retention,
        // `otherKey` (claimed again just now) is not.
        const QDateTime cutoff = m_clock.now().addSecs(-kRetentionSeconds);
        const qint64 expired = BookingFixture::count(
            db(), QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE created_at <= ?"),
            {sql::time(cutoff)});
        QVERIFY(expired >= 1);
        QCOMPARE(idempotencystore::purgeExpired(db(), cutoff), int(expired));
        QCOMPARE(keyRows(m_tenant.staffId, key), 0);
        QCOMPARE(keyRows(m_tenant.staffId, otherKey), 1);
        QCOMPARE(BookingFixture::count(
                     db(),
                     QStringLiteral("SELECT count(*) FROM idempotency_keys WHERE created_at <= ?"),
                     {sql::time(cutoff)}),
                 0);
        // A purged key is new work.
        const test::TestResponse afterPurge = bookAs(m_tenant.staffToken, body, key);
        QCOMPARE(afterPurge.status, 201);
        QVERIFY(afterPurge.header("idempotent-replayed").isEmpty());
    }

private:
    test::ManualClock m_clock;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    test::BookingTenant m_tenant;
    QString m_otherStaff;
    QUuid m_otherStaffId;
    QUuid m_product;
    QUuid m_slot;
    int m_slots = 0;
};

QTEST_GUILESS_MAIN(TestIdempotency)
#include "tst_idempotency.moc"
