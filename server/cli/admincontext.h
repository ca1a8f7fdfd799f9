#pragma once

#include "db/databaseendpoint.h"
#include "db/dbconnection.h"

#include <functional>
#include <memory>

namespace reserva::cli {

// For one-shot administrative commands: resolves the database (starting the
// managed cluster if needed, and stopping it again afterwards if this command
// started it), applies pending migrations, and opens an application-role
// connection.
class AdminContext
{
public:
    bool open(const QString &databaseUrl, const QString &dataDir, QString *error);
    DbConnection &db() { return *m_db; }
    const QString &dataDir() const { return m_dataDir; }

private:
    DatabaseEndpoint m_endpoint;
    std::unique_ptr<DbConnection> m_db;
    QString m_dataDir;
};

// Runs `work` and turns a database failure into an error message.
int runAdmin(const std::function<int()> &work);

} // namespace reserva::cli
