#pragma once

#include "testserver.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariantList>

#include <functional>
#include <memory>

namespace reserva::test {

// One tenant's people, logged in: who creates the catalog and who books.
struct BookingTenant
{
    QUuid id;
    QUuid managerId;
    QUuid staffId;
    QString managerToken;
    QString staffToken;
};

// What a rejected request must not have changed (and what an idempotent
// answer may add: its own idempotency record).
struct WriteCounts
{
    qint64 reservations = 0;
    qint64 seatsTaken = 0; // over every slot
    qint64 auditRows = 0;
    qint64 idempotencyKeys = 0;

    bool operator==(const WriteCounts &) const = default;
};
// For QCOMPARE (found by argument-dependent lookup).
char *toString(const WriteCounts &counts);

// Catalog and booking helpers shared by the booking suites. Everything goes
// through the API except the checks, which read the database directly so that
// they do not trust the code under test.
class BookingFixture
{
public:
    explicit BookingFixture(TestServer &server)
        : m_server(server)
    {
    }

    static const QString kPassword;

    // A tenant `slug` with a partner_manager and a partner_staff, both logged in.
    BookingTenant addTenant(const QString &slug);
    // A user with `roles` (global when tenant is null), logged in; its token.
    QString addUser(const QString &username, const QStringList &roles, const QUuid &tenant = {},
                    QUuid *userId = nullptr);

    // A client (its own connection) sending `token` as Bearer.
    std::unique_ptr<TestHttpClient> clientAs(const QString &token) const;

    // POST /v1/products as `token` with sensible defaults overridden by
    // `fields`; the product's id, or null (with a warning) when not 201.
    QUuid createProduct(const QString &token, const QJsonObject &fields = {});
    // POST /v1/products/{id}/slots; the slot's id, or null when not 201.
    QUuid createSlot(const QString &token, const QUuid &productId, const QDateTime &startsAt,
                     int capacity, int durationMinutes = 120);

    static QJsonObject bookingBody(const QUuid &slotId, int quantity,
                                   const QString &email = QStringLiteral("ana@example.com"));
    // POST /v1/reservations with an Idempotency-Key (none when `key` is empty).
    static TestResponse book(TestHttpClient &http, const QJsonObject &body, const QByteArray &key);
    static TestResponse book(TestHttpClient &http, const QUuid &slotId, int quantity,
                             const QByteArray &key);

    // The seat invariant, as ONE SQL query over every slot: seats_taken equals
    // the seats of the slot's live (pending_payment or paid) reservations, and
    // 0 <= seats_taken <= capacity. Empty when it holds; otherwise the
    // offending slots, for the failure message.
    static QString seatInvariantViolations(DbConnection &db);

    // One snapshot of the counts, in one statement.
    static WriteCounts writeCounts(DbConnection &db);
    static qint64 count(DbConnection &db, const QString &sql, const QVariantList &params = {});
    static qint64 seatsTaken(DbConnection &db, const QUuid &slotId);
    static QString statusOf(DbConnection &db, const QUuid &reservationId);

    // Polls `condition` until it holds or `timeoutMs` passes (no fixed sleeps).
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000);
    // Runs work(0..threads-1), one call per thread, all released at once;
    // returns when every thread has finished.
    static void runConcurrently(int threads, const std::function<void(int)> &work);

    static QString idText(const QUuid &id) { return id.toString(QUuid::WithoutBraces); }
    static QString problemField(const TestResponse &r);

private:
    TestServer &m_server;
};

} // namespace reserva::test
