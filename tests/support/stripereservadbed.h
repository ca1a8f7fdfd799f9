#pragma once

// What the crash suites start before their load: the Stripe fake, a migrated
// database with a tenant and its manager, a superuser connection that looks
// behind reservad's back, and a reservad (not started yet) whose Stripe
// settings point at the fake. Suites inherit it to keep the member names.

#include "db/connectionsettings.h"
#include "db/dbconnection.h"
#include "providers/fake/fakeproviderserver.h"
#include "reservadserver.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace reserva::test {

class StripeReservadBed
{
protected:
    // `program` is the reservad binary; `name` names the database, the
    // tenant slug and "<name>.manager"; false with `error` when a part cannot
    // be set up.
    bool setUpBed(const QString &program, const QString &name, const QByteArray &webhookSecret,
                  const QString &password, QString *error);
    void tearDownBed();

    std::unique_ptr<FakeProviderServer> m_fake;
    ConnectionSettings m_database;
    QString m_databaseUrl;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<DbConnection> m_db; // superuser: looks behind reservad's back
    std::unique_ptr<ReservadServer> m_reservad;
};

} // namespace reserva::test
