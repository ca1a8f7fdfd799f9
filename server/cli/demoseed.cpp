#include "demoseed.h"

#include "audit/auditlog.h"
#include "crypto/base64url.h"
#include "crypto/randombytes.h"
#include "db/dbconnection.h"
#include "db/sqlvalues.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "tenants/tenantstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace reserva::cli {

namespace {

QString credentialsPath(const QString &dataDir)
{
    return QDir(dataDir).absoluteFilePath(QStringLiteral("demo-credentials.json"));
}

bool readCredentials(const QString &dataDir, DemoCredentials *out)
{
    QFile f(credentialsPath(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    out->adminUser = o.value(QStringLiteral("admin_user")).toString();
    out->adminPassword = o.value(QStringLiteral("admin_password")).toString();
    out->managerUser = o.value(QStringLiteral("manager_user")).toString();
    out->managerPassword = o.value(QStringLiteral("manager_password")).toString();
    return !out->adminUser.isEmpty();
}

struct DemoProduct
{
    const char *name;
    const char *kind;
    const char *transferKind; // transfers only
    const char *description;
    qint64 priceMinor;
    const char *currency;
    int capacity;
    int durationMinutes;
};

} // namespace

bool seedDemo(DbConnection &db, const QString &dataDir, DemoCredentials *credentials,
              QString *error)
{
    if (tenantstore::findBySlug(db, QStringLiteral("demo"))) {
        if (!readCredentials(dataDir, credentials)) {
            *error = QStringLiteral("the demo was seeded, but %1 is missing")
                         .arg(credentialsPath(dataDir));
            return false;
        }
        return true;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    credentials->adminUser = QStringLiteral("admin");
    credentials->adminPassword = QString::fromLatin1(base64UrlEncode(randomBytes(12)));
    credentials->managerUser = QStringLiteral("demo.manager");
    credentials->managerPassword = QString::fromLatin1(base64UrlEncode(randomBytes(12)));

    Transaction tx(db);
    const auto tenant =
        tenantstore::create(db, QStringLiteral("demo"), QStringLiteral("Demo Turismo"));
    if (!tenant) {
        *error = tenant.problem().detail;
        return false;
    }
    for (const auto &[name, password, roles, tenantId] :
         {std::tuple{credentials->adminUser, credentials->adminPassword, QStringList{role::kAdmin},
                     QUuid()},
          std::tuple{credentials->managerUser, credentials->managerPassword,
                     QStringList{role::kPartnerManager}, tenant->id}}) {
        const auto user = userstore::create(
            db, {name, PasswordHasher::hash(password), roles, tenantId, {}, {}}, now);
        if (!user) {
            *error = QStringLiteral("user %1: %2").arg(name, user.problem().detail);
            return false;
        }
    }
    static const DemoProduct products[] = {
        {"Buenos Aires city tour", "tour", nullptr,
         "Four hours through San Telmo, La Boca and Recoleta.", 3500000, "ARS", 20, 240},
        {"Tigre delta excursion", "excursion", nullptr, "A day on the Paraná delta by boat.",
         5200000, "ARS", 30, 480},
        {"Ezeiza airport transfer", "transfer", "airport_pickup",
         "Private car from EZE to any downtown hotel.", 4500, "USD", 4, 60},
        {"Iguazú falls package", "package", nullptr,
         "Two nights, both sides of the falls, transfers included.", 89000, "USD", 12, 2880},
        // Priced in reais, so Pix (BRL only) can be tried too.
        {"Florianópolis beach transfer", "transfer", "airport_pickup",
         "Shared van from the FLN airport to the northern beaches.", 18000, "BRL", 12, 90},
    };
    // Slots at 09:00 and 15:00 Buenos Aires time for the next 14 days.
    const QTimeZone buenosAires(QByteArrayLiteral("America/Argentina/Buenos_Aires"));
    for (const DemoProduct &p : products) {
        DbRows q = db.exec(
            QStringLiteral(
                "INSERT INTO products (tenant_id, name, kind, transfer_kind, description,"
                " price_minor, currency) VALUES (?::uuid, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {sql::uuid(tenant->id), QString::fromUtf8(p.name), QString::fromLatin1(p.kind),
             sql::nullableText(QString::fromLatin1(p.transferKind)),
             QString::fromUtf8(p.description), p.priceMinor, QString::fromLatin1(p.currency)},
            "seed product");
        q.next();
        const QUuid productId = sql::toUuid(q.value(0));
        const QDate today = now.toTimeZone(buenosAires).date();
        for (int day = 1; day <= 14; ++day) {
            for (int hour : {9, 15}) {
                const QDateTime start(today.addDays(day), QTime(hour, 0), buenosAires);
                db.exec(QStringLiteral(
                            "INSERT INTO slots (product_id, tenant_id, starts_at, duration_minutes,"
                            " capacity) VALUES (?::uuid, ?::uuid, ?, ?, ?)"),
                        {sql::uuid(productId), sql::uuid(tenant->id), sql::time(start),
                         p.durationMinutes, p.capacity},
                        "seed slot");
            }
        }
    }
    AuditEvent event;
    event.action = QStringLiteral("demo.seed");
    event.actor = QStringLiteral("cli");
    event.tenantId = tenant->id;
    event.resource = QStringLiteral("tenant:") + tenant->id.toString(QUuid::WithoutBraces);
    appendAudit(db, event, now);

    QFile f(credentialsPath(dataDir));
    const QJsonObject stored{{QStringLiteral("admin_user"), credentials->adminUser},
                             {QStringLiteral("admin_password"), credentials->adminPassword},
                             {QStringLiteral("manager_user"), credentials->managerUser},
                             {QStringLiteral("manager_password"), credentials->managerPassword}};
    if (!QDir().mkpath(dataDir) ||
        !f.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(QJsonDocument(stored).toJson()) <= 0) {
        *error = QStringLiteral("cannot write %1").arg(f.fileName());
        return false;
    }
    f.close();
    tx.commit();
    return true;
}

} // namespace reserva::cli
