#pragma once

#include "connectionsettings.h"
#include "localpostgres.h"

#include <memory>
#include <optional>

namespace reserva {

// Resolves where the database is: an external server named by a URL
// (--database), or the managed private cluster in <data-dir>/pg, which it
// starts (and stops again when destroyed, if it started it).
class DatabaseEndpoint
{
public:
    DatabaseEndpoint() = default;
    ~DatabaseEndpoint();
    Q_DISABLE_COPY_MOVE(DatabaseEndpoint)

    bool open(const QString &databaseUrl, const QString &dataDir, bool durable, QString *error);
    void close();

    // The login role's settings: migrations and administration use them;
    // request handling adds SET ROLE reserva_app on top.
    const ConnectionSettings &settings() const { return m_settings; }
    bool isManaged() const { return m_local != nullptr; }
    LocalPostgres *localCluster() { return m_local.get(); }

private:
    ConnectionSettings m_settings;
    std::unique_ptr<LocalPostgres> m_local;
};

} // namespace reserva
