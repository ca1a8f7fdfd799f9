#pragma once

#include "db/connectionsettings.h"

#include <QString>

namespace reserva::test {

// The throwaway PostgreSQL cluster of one test executable: started on first
// use with the same LocalPostgres code reservad uses (fsync off: it is thrown
// away), stopped when the application exits. Each suite or test takes its own
// freshly migrated database from it, so tests never see each other's rows.
// With RESERVA_TEST_DATABASE_URL set, databases are created on that server
// instead (its user must be allowed to CREATE DATABASE).
class TestCluster
{
public:
    // Superuser settings of a new, empty database; qFatal if the cluster cannot start.
    static ConnectionSettings createDatabase(const QString &prefix = QStringLiteral("t"));
    // A new database with every migration applied.
    static ConnectionSettings createMigratedDatabase(const QString &prefix = QStringLiteral("t"));
    // The directory the cluster lives in (its data dir is <dir>/pg).
    static QString clusterDataDir();
};

} // namespace reserva::test
