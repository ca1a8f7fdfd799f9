#include "stripereservadbed.h"

#include "reservadprocess.h"
#include "testcluster.h"

#include <QHostAddress>

namespace reserva::test {

bool StripeReservadBed::setUpBed(const QString &program, const QString &name,
                                 const QByteArray &webhookSecret, const QString &password,
                                 QString *error)
{
    m_fake = std::make_unique<FakeProviderServer>();
    if (!m_fake->start(QHostAddress::LocalHost, 0, error))
        return false;
    m_database = TestCluster::createMigratedDatabase(name);
    m_databaseUrl = cliDatabaseUrl(m_database);
    m_dataDir = std::make_unique<QTemporaryDir>();
    if (!m_dataDir->isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    DbSessionOptions superuser;
    superuser.settings = m_database;
    superuser.role.clear();
    m_db = std::make_unique<DbConnection>(superuser, name + QStringLiteral("-check"));
    if (!m_db->open(error))
        return false;
    // The tenant and its manager, written the way `reservad user add` does.
    if (!seedTenantManager(m_database, name, name + QStringLiteral(".manager"), password)) {
        *error = QStringLiteral("cannot seed the tenant and its manager");
        return false;
    }
    m_reservad = std::make_unique<ReservadServer>(program, m_databaseUrl, m_dataDir->path());
    m_reservad->setEnvironment(
        {{QStringLiteral("RESERVA_STRIPE_API_KEY"), QStringLiteral("sk_test_crash")},
         {QStringLiteral("RESERVA_STRIPE_API_BASE"), m_fake->baseUrl().toString()},
         {QStringLiteral("RESERVA_STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(webhookSecret)}});
    return true;
}

void StripeReservadBed::tearDownBed()
{
    m_reservad.reset();
    m_db.reset();
    m_fake.reset();
}

} // namespace reserva::test
