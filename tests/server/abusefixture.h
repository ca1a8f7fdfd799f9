#pragma once

#include "db/dbconnection.h"
#include "dbfingerprint.h"
#include "providers/fake/fakeproviderserver.h"
#include "reservadserver.h"
#include "testhttpclient.h"

#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace reserva::test {

// reservad is configured with test::PaymentSecrets (paymentfixture.h), the
// values tst_logscan searches every log line for.

// One tenant with a partner_manager, logged in.
struct AbuseTenant
{
    QUuid id;
    QUuid managerId;
    QString token;
    QString refreshToken;
};

// Everything the hostile-input suites share: a real `reservad serve` (every
// provider configured against in-process fakes) on a throwaway database, two
// tenants, one pending reservation of the first, a superuser connection that
// looks behind reservad's back, and the three checks every case ends with.
class AbuseFixture
{
public:
    explicit AbuseFixture(const QString &reservadPath);
    ~AbuseFixture();
    Q_DISABLE_COPY_MOVE(AbuseFixture)

    // Starts everything; empty on success, else what failed.
    QString setUp();

    quint16 port() const { return m_server->port(); }
    // reservad's --data-dir (its master.key lives there).
    QString dataDir() const { return m_dataDir.path(); }
    QUrl fakeProvidersBase() const { return m_fake->baseUrl(); }
    DbConnection &db() { return *m_db; }
    const ConnectionSettings &database() const { return m_database; }
    const AbuseTenant &tenantA() const { return m_a; }
    const AbuseTenant &tenantB() const { return m_b; }
    const QUuid &slot() const { return m_slot; }
    const QUuid &reservationA() const { return m_reservation; }

    std::unique_ptr<TestHttpClient> client(const QString &token = {}) const;
    // A valid booking of one seat on slot(), as raw JSON.
    QByteArray bookingJson() const;

    // The database once the audit sealer has linked every committed row
    // (it writes in the background, and would otherwise show up as a change).
    DbFingerprint quiescentFingerprint();
    // Empty when nothing changed since `before`; else the changed tables.
    QString unchangedSince(const DbFingerprint &before);
    // Empty when `table` gained exactly one row matching `where` (over `t`,
    // with `params`) and nothing else changed anywhere since `before`.
    QString onlyNewRowSince(const DbFingerprint &before, const QString &table, const QString &where,
                            const QVariantList &params);
    // Empty when reservad is alive and a normal authenticated request (tenant
    // A reading its reservation) succeeds on a fresh connection.
    QString serverServes();

    // Empty when `r` is the problem+json answer `status` (and `slug` unless
    // empty) with a request id.
    static QString isProblem(const TestResponse &r, int status, const QString &slug = {});

    // What a raw exchange on a fresh connection produced.
    struct RawAnswer
    {
        QByteArray bytes;
        bool closedByServer = false; // false: still open when we gave up waiting
        int responses = 0;           // status lines in `bytes`
        TestResponse first;
    };
    // Sends `bytes` and reads until the server closes the connection (at
    // most `timeoutMs`: generous, a closing server does it at once).
    RawAnswer rawExchange(const QByteArray &bytes, int timeoutMs = 20000) const;

private:
    QString login(const QString &username, AbuseTenant &tenant);

    std::unique_ptr<FakeProviderServer> m_fake;
    ConnectionSettings m_database;
    std::unique_ptr<DbConnection> m_db;
    QString m_reservadPath;
    QTemporaryDir m_dataDir;
    std::unique_ptr<ReservadServer> m_server;
    AbuseTenant m_a;
    AbuseTenant m_b;
    QUuid m_slot;
    QUuid m_reservation;
};

} // namespace reserva::test
