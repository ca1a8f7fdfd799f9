#include "abusefixture.h"

#include "bookingfixture.h"
#include "domain/role.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "paymentfixture.h"
#include "reservadprocess.h"
#include "tenants/tenantstore.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>

namespace reserva::test {

AbuseFixture::AbuseFixture(const QString &reservadPath)
    : m_reservadPath(reservadPath)
{
}

AbuseFixture::~AbuseFixture()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_db.reset();
    m_fake.reset();
}

QString AbuseFixture::setUp()
{
    m_fake = std::make_unique<FakeProviderServer>();
    QString error;
    if (!m_fake->start(QHostAddress::LocalHost, 0, &error))
        return error;
    m_database = TestCluster::createMigratedDatabase(QStringLiteral("abuse"));
    DbSessionOptions superuser;
    superuser.settings = m_database;
    superuser.role.clear();
    m_db = std::make_unique<DbConnection>(superuser, QStringLiteral("abuse-check"));
    if (!m_db->open(&error))
        return error;

    // Two tenants and their managers, written the way `reservad user add` does.
    {
        DbSessionOptions app;
        app.settings = m_database;
        DbConnection appDb(app, QStringLiteral("abuse-seed"));
        if (!appDb.open(&error))
            return error;
        ScryptParams fast;
        fast.logN = 10;
        for (AbuseTenant *t : {&m_a, &m_b}) {
            const QString slug = t == &m_a ? QStringLiteral("abuse-a") : QStringLiteral("abuse-b");
            const auto tenant = tenantstore::create(appDb, slug, QStringLiteral("Abuse ") + slug);
            if (!tenant)
                return QStringLiteral("tenant not created");
            t->id = tenant->id;
            const auto user =
                userstore::create(appDb,
                                  {slug + QStringLiteral(".manager"),
                                   PasswordHasher::hash(BookingFixture::kPassword, fast),
                                   {role::kPartnerManager},
                                   tenant->id,
                                   {},
                                   {}},
                                  QDateTime::currentDateTimeUtc());
            if (!user)
                return QStringLiteral("user not created");
            t->managerId = user->view.id;
        }
    }

    const QString base = m_fake->baseUrl().toString();
    m_server = std::make_unique<ReservadServer>(m_reservadPath, cliDatabaseUrl(m_database),
                                                m_dataDir.path());
    m_server->setWorkers(2);
    m_server->setEnvironment(
        {{QStringLiteral("RESERVA_STRIPE_API_KEY"), PaymentSecrets::kStripeApiKey},
         {QStringLiteral("RESERVA_STRIPE_API_BASE"), base},
         {QStringLiteral("RESERVA_STRIPE_WEBHOOK_SECRET"),
          QString::fromLatin1(PaymentSecrets::kStripe)},
         {QStringLiteral("RESERVA_MP_ACCESS_TOKEN"), PaymentSecrets::kMercadoPagoToken},
         {QStringLiteral("RESERVA_MP_API_BASE"), base},
         {QStringLiteral("RESERVA_MP_WEBHOOK_SECRET"),
          QString::fromLatin1(PaymentSecrets::kMercadoPago)},
         {QStringLiteral("RESERVA_PIX_API_BASE"), base},
         {QStringLiteral("RESERVA_PIX_CLIENT_ID"), PaymentSecrets::kPixClientId},
         {QStringLiteral("RESERVA_PIX_CLIENT_SECRET"), PaymentSecrets::kPixClientSecret},
         {QStringLiteral("RESERVA_PIX_KEY"), PaymentSecrets::kPixKey},
         {QStringLiteral("RESERVA_PIX_WEBHOOK_SECRET"),
          QString::fromLatin1(PaymentSecrets::kPix)}});
    error = m_server->start();
    if (!error.isEmpty())
        return error;

    for (AbuseTenant *t : {&m_a, &m_b}) {
        error = login(
            t == &m_a ? QStringLiteral("abuse-a.manager") : QStringLiteral("abuse-b.manager"), *t);
        if (!error.isEmpty())
            return error;
    }

    // Tenant A's catalog: BRL, so every provider (Pix included) can charge it.
    auto http = client(m_a.token);
    const TestResponse product = http->post(QStringLiteral("/v1/products"),
                                            {{QStringLiteral("name"), QStringLiteral("Abuse tour")},
                                             {QStringLiteral("kind"), QStringLiteral("tour")},
                                             {QStringLiteral("price_minor"), 15050},
                                             {QStringLiteral("currency"), QStringLiteral("BRL")}});
    if (product.status != 201)
        return QStringLiteral("product: ") + QString::fromUtf8(product.body);
    const QString productId = product.json().value(QStringLiteral("id")).toString();
    const TestResponse slot =
        http->post(QStringLiteral("/v1/products/") + productId + QStringLiteral("/slots"),
                   {{QStringLiteral("starts_at"),
                     QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate)},
                    {QStringLiteral("duration_minutes"), 90},
                    {QStringLiteral("capacity"), 500}});
    if (slot.status != 201)
        return QStringLiteral("slot: ") + QString::fromUtf8(slot.body);
    m_slot = QUuid::fromString(slot.json().value(QStringLiteral("id")).toString());
    const TestResponse booked = BookingFixture::book(*http, m_slot, 1, "abuse-setup-booking");
    if (booked.status != 201)
        return QStringLiteral("booking: ") + QString::fromUtf8(booked.body);
    m_reservation = QUuid::fromString(booked.json().value(QStringLiteral("id")).toString());
    // The fingerprint must cover the tables a hostile request could touch.
    const DbFingerprint all = DbFingerprint::take(*m_db);
    for (const char *table :
         {"reservations", "slots", "products", "idempotency_keys", "audit_log", "payment_intents",
          "webhook_deliveries", "webhook_events", "users", "refresh_tokens", "throttle_counters"}) {
        if (!all.tables().contains(QLatin1String(table)))
            return QStringLiteral("the fingerprint misses ") + QLatin1String(table);
    }
    return {};
}

QString AbuseFixture::login(const QString &username, AbuseTenant &tenant)
{
    auto http = client();
    const TestResponse r = http->post(QStringLiteral("/v1/auth/login"),
                                      {{QStringLiteral("username"), username},
                                       {QStringLiteral("password"), BookingFixture::kPassword}});
    if (r.status != 200)
        return QStringLiteral("login %1: %2").arg(r.status).arg(QString::fromUtf8(r.body));
    tenant.token = r.json().value(QStringLiteral("access_token")).toString();
    tenant.refreshToken = r.json().value(QStringLiteral("refresh_token")).toString();
    return {};
}

std::unique_ptr<TestHttpClient> AbuseFixture::client(const QString &token) const
{
    auto http = std::make_unique<TestHttpClient>(m_server->port());
    if (!token.isEmpty())
        http->setBearer(token);
    return http;
}

QByteArray AbuseFixture::bookingJson() const
{
    return QJsonDocument(BookingFixture::bookingBody(m_slot, 1)).toJson(QJsonDocument::Compact);
}

DbFingerprint AbuseFixture::quiescentFingerprint()
{
    BookingFixture::waitFor(
        [&] {
            return BookingFixture::count(*m_db,
                                         QStringLiteral("SELECT count(*) FROM audit_pending")) == 0;
        },
        30000);
    return DbFingerprint::take(*m_db);
}

QString AbuseFixture::unchangedSince(const DbFingerprint &before)
{
    const DbFingerprint after = DbFingerprint::take(*m_db);
    if (before.changedTables(after).isEmpty())
        return {};
    return QStringLiteral("the database changed: ") + before.describeChanges(after);
}

QString AbuseFixture::onlyNewRowSince(const DbFingerprint &before, const QString &table,
                                      const QString &where, const QVariantList &params)
{
    const DbFingerprint after = DbFingerprint::take(*m_db);
    QStringList changed = before.changedTables(after);
    changed.removeOne(table);
    if (!changed.isEmpty())
        return QStringLiteral("more than %1 changed: ").arg(table) + before.describeChanges(after);
    const qint64 matching = BookingFixture::count(*m_db,
                                                  QStringLiteral("SELECT count(*) FROM ") + table +
                                                      QStringLiteral(" t WHERE ") + where,
                                                  params);
    if (matching != 1)
        return QStringLiteral("%1 rows of %2 match, not 1").arg(matching).arg(table);
    if (DbFingerprint::table(*m_db, table, where, params) != before.tables().value(table))
        return QStringLiteral("%1 changed beyond its one new row").arg(table);
    return {};
}

QString AbuseFixture::serverServes()
{
    if (!m_server->isRunning())
        return QStringLiteral("reservad is gone");
    auto http = client(m_a.token);
    const TestResponse r =
        http->get(QStringLiteral("/v1/reservations/") + BookingFixture::idText(m_reservation));
    if (r.status != 200)
        return QStringLiteral("a normal request then got %1: %2")
            .arg(r.status)
            .arg(QString::fromUtf8(r.body.left(300)));
    return {};
}

QString AbuseFixture::isProblem(const TestResponse &r, int status, const QString &slug)
{
    const QString got = QStringLiteral(" (got %1 %2: %3)")
                            .arg(r.status)
                            .arg(QString::fromLatin1(r.header("content-type")),
                                 QString::fromUtf8(r.body.left(300)));
    if (r.status != status)
        return QStringLiteral("expected %1").arg(status) + got;
    if (r.header("content-type") != "application/problem+json")
        return QStringLiteral("not problem+json") + got;
    const QJsonObject body = r.json();
    if (body.value(QStringLiteral("status")).toInt() != status ||
        body.value(QStringLiteral("request_id")).toString().isEmpty())
        return QStringLiteral("no status or request id in the problem") + got;
    if (!slug.isEmpty() && r.problemSlug() != slug)
        return QStringLiteral("expected the problem ") + slug + got;
    return {};
}

AbuseFixture::RawAnswer AbuseFixture::rawExchange(const QByteArray &bytes, int timeoutMs) const
{
    RawAnswer out;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(10000))
        return out;
    socket.write(bytes);
    socket.waitForBytesWritten(10000);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            out.bytes += socket.readAll();
            out.closedByServer = true;
            break;
        }
        if (socket.waitForReadyRead(200) || socket.bytesAvailable() > 0)
            out.bytes += socket.readAll();
    }
    out.first = TestHttpClient::parseResponse(out.bytes);
    for (qsizetype at = out.bytes.indexOf("HTTP/1."); at >= 0;
         at = out.bytes.indexOf("HTTP/1.", at + 1)) {
        if (at == 0 || out.bytes.mid(at - 2, 2) == "\r\n")
            ++out.responses;
    }
    return out;
}

} // namespace reserva::test
