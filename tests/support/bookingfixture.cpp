#include "bookingfixture.h"

#include "contract/timeformat.h"
#include "domain/role.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <latch>
#include <memory>
#include <vector>

namespace reserva::test {

char *toString(const WriteCounts &c)
{
    return qstrdup(
        QStringLiteral("reservations %1, seats taken %2, audit rows %3, idempotency keys %4")
            .arg(c.reservations)
            .arg(c.seatsTaken)
            .arg(c.auditRows)
            .arg(c.idempotencyKeys)
            .toUtf8()
            .constData());
}

const QString BookingFixture::kPassword = QStringLiteral("correct horse battery");

BookingTenant BookingFixture::addTenant(const QString &slug)
{
    BookingTenant t;
    t.id = m_server.createTenant(slug).id;
    t.managerToken =
        addUser(slug + QStringLiteral("-manager"), {role::kPartnerManager}, t.id, &t.managerId);
    t.staffToken =
        addUser(slug + QStringLiteral("-staff"), {role::kPartnerStaff}, t.id, &t.staffId);
    return t;
}

QString BookingFixture::addUser(const QString &username, const QStringList &roles,
                                const QUuid &tenant, QUuid *userId)
{
    const UserView user = m_server.createUser(username, kPassword, roles, tenant);
    if (userId)
        *userId = user.id;
    return m_server.login(username, kPassword).accessToken;
}

std::unique_ptr<TestHttpClient> BookingFixture::clientAs(const QString &token) const
{
    auto http = std::make_unique<TestHttpClient>(m_server.client());
    http->setBearer(token);
    return http;
}

QUuid BookingFixture::createProduct(const QString &token, const QJsonObject &fields)
{
    QJsonObject body{{QStringLiteral("name"), QStringLiteral("Glacier walk")},
                     {QStringLiteral("kind"), QStringLiteral("excursion")},
                     {QStringLiteral("price_minor"), 12500},
                     {QStringLiteral("currency"), QStringLiteral("USD")}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        body.insert(it.key(), it.value());
    const TestResponse r = clientAs(token)->post(QStringLiteral("/v1/products"), body);
    if (r.status != 201) {
        qWarning("create product: %d %s", r.status, r.body.constData());
        return {};
    }
    return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
}

QUuid BookingFixture::createSlot(const QString &token, const QUuid &productId,
                                 const QDateTime &startsAt, int capacity, int durationMinutes)
{
    const TestResponse r = clientAs(token)->post(
        QStringLiteral("/v1/products/") + idText(productId) + QStringLiteral("/slots"),
        {{QStringLiteral("starts_at"), toRfc3339(startsAt)},
         {QStringLiteral("duration_minutes"), durationMinutes},
         {QStringLiteral("capacity"), capacity}});
    if (r.status != 201) {
        qWarning("create slot: %d %s", r.status, r.body.constData());
        return {};
    }
    return QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
}

QJsonObject BookingFixture::bookingBody(const QUuid &slotId, int quantity, const QString &email)
{
    return {{QStringLiteral("slot_id"), idText(slotId)},
            {QStringLiteral("quantity"), quantity},
            {QStringLiteral("customer"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("Ana Pereira")},
                         {QStringLiteral("email"), email},
                         {QStringLiteral("phone"), QStringLiteral("+55 11 91234-5678")}}}};
}

TestResponse BookingFixture::book(TestHttpClient &http, const QJsonObject &body,
                                  const QByteArray &key)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({QByteArrayLiteral("Idempotency-Key"), key});
    return http.request("POST", QStringLiteral("/v1/reservations"),
                        QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

TestResponse BookingFixture::book(TestHttpClient &http, const QUuid &slotId, int quantity,
                                  const QByteArray &key)
{
    return book(http, bookingBody(slotId, quantity), key);
}

QString BookingFixture::seatInvariantViolations(DbConnection &db)
{
    DbRows q = db.exec(
        QStringLiteral(
            "SELECT s.id, s.capacity, s.seats_taken, COALESCE(live.seats, 0)"
            " FROM slots s LEFT JOIN (SELECT slot_id, sum(quantity) AS seats FROM reservations"
            "   WHERE status IN ('pending_payment', 'paid') GROUP BY slot_id) live"
            "   ON live.slot_id = s.id"
            " WHERE s.seats_taken <> COALESCE(live.seats, 0)"
            "    OR s.seats_taken < 0 OR s.seats_taken > s.capacity"
            " ORDER BY s.id"),
        {}, "seat invariant");
    QStringList violations;
    while (q.next()) {
        violations << QStringLiteral("slot %1: capacity %2, seats_taken %3, live seats %4")
                          .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString());
    }
    return violations.join(QStringLiteral("; "));
}

WriteCounts BookingFixture::writeCounts(DbConnection &db)
{
    DbRows q = db.exec(QStringLiteral("SELECT (SELECT count(*) FROM reservations),"
                                      " (SELECT COALESCE(sum(seats_taken), 0) FROM slots),"
                                      " (SELECT count(*) FROM audit_log),"
                                      " (SELECT count(*) FROM idempotency_keys)"),
                       {}, "write counts");
    WriteCounts c;
    if (q.next()) {
        c.reservations = q.value(0).toLongLong();
        c.seatsTaken = q.value(1).toLongLong();
        c.auditRows = q.value(2).toLongLong();
        c.idempotencyKeys = q.value(3).toLongLong();
    }
    return c;
}

qint64 BookingFixture::count(DbConnection &db, const QString &sql, const QVariantList &params)
{
    DbRows q = db.exec(sql, params, "test count");
    return q.next() ? q.value(0).toLongLong() : -1;
}

qint64 BookingFixture::seatsTaken(DbConnection &db, const QUuid &slotId)
{
    return count(db, QStringLiteral("SELECT seats_taken FROM slots WHERE id = ?::uuid"),
                 {idText(slotId)});
}

QString BookingFixture::statusOf(DbConnection &db, const QUuid &reservationId)
{
    DbRows q = db.exec(QStringLiteral("SELECT status FROM reservations WHERE id = ?::uuid"),
                       {idText(reservationId)}, "reservation status");
    return q.next() ? q.value(0).toString() : QString();
}

bool BookingFixture::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(10);
    }
    return true;
}

void BookingFixture::runConcurrently(int threads, const std::function<void(int)> &work)
{
    // Every thread waits at the latch until all exist, so the requests really
    // overlap instead of trickling in as the threads start.
    std::latch start(threads);
    std::vector<std::unique_ptr<QThread>> running;
    running.reserve(size_t(threads));
    for (int i = 0; i < threads; ++i) {
        running.emplace_back(QThread::create([&start, &work, i] {
            start.arrive_and_wait();
            work(i);
        }));
        running.back()->start();
    }
    for (auto &thread : running)
        thread->wait();
}

QString BookingFixture::problemField(const TestResponse &r)
{
    return r.json()
        .value(QStringLiteral("errors"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

} // namespace reserva::test
