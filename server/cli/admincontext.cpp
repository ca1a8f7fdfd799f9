#include "admincontext.h"

#include "cli.h"
#include "commonoptions.h"
#include "db/migrator.h"
#include "db/sqlerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace reserva::cli {

bool AdminContext::open(const QString &databaseUrl, const QString &dataDir, QString *error)
{
    m_dataDir = dataDir;
    if (!m_endpoint.open(databaseUrl, dataDir, true, error))
        return false;
    {
        const QString name = QStringLiteral("cli-migrate");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            m_endpoint.settings().applyTo(db);
            if (!db.open())
                *error =
                    QStringLiteral("cannot connect to the database: %1").arg(db.lastError().text());
            else
                ok = Migrator::migrate(db, nullptr, error);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (!ok)
            return false;
    }
    DbSessionOptions session;
    session.settings = m_endpoint.settings();
    session.loginAsRole = m_endpoint.isManaged();
    m_db = std::make_unique<DbConnection>(session, QStringLiteral("cli"));
    return m_db->open(error);
}

int runAdmin(const std::function<int()> &work)
{
    try {
        return work();
    } catch (const DatabaseFailure &failure) {
        printErr(QStringLiteral("error: database failure: ") + QString::fromUtf8(failure.what()));
        return kExitFailure;
    }
}

} // namespace reserva::cli
