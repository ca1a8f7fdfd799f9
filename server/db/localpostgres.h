#pragma once

#include "connectionsettings.h"
#include "postgresbinaries.h"

#include <QString>

namespace reserva {

// A private PostgreSQL cluster managed by reservad (the embedded default) and
// by the tests (throwaway clusters). It lives in <data-dir>/pg, listens on no
// TCP port at all, only on a Unix socket inside that directory whose mode is
// 0700, so only its owner (and root) can connect: trust authentication on that
// socket is therefore as strong as the directory's permissions.
//
// As root, initdb and the server run as an unprivileged account
// ($RESERVA_PG_USER, else "postgres", else "nobody") because PostgreSQL refuses
// to run as root.
class LocalPostgres
{
public:
    struct Options
    {
        QString dataDir;     // the cluster goes to dataDir + "/pg"
        bool durable = true; // fsync and synchronous_commit on; tests turn it off
        QString database = QStringLiteral("reserva");
        int maxConnections = 200;
    };

    explicit LocalPostgres(Options options);
    ~LocalPostgres(); // stops the server if this object started it
    Q_DISABLE_COPY_MOVE(LocalPostgres)

    // initdb on first use, start (or adopt a server already running on this
    // directory, e.g. one started by a concurrent `reservad serve`), and create
    // the database if missing. Blocks until the server accepts connections.
    bool start(QString *error);
    enum class Shutdown {
        Fast,      // active transactions roll back, then a checkpoint
        Immediate, // every process quits at once; the next start recovers from the WAL
    };
    // Stops the server if this object started it. Safe to call twice.
    void stop(Shutdown mode = Shutdown::Fast);
    bool isRunning() const { return m_running; }

    // Superuser settings for options.database (migrations, administration).
    ConnectionSettings connectionSettings() const;
    // Creates another database on this cluster (tests: one per suite).
    bool createDatabase(const QString &name, QString *error) const;

    QString clusterDir() const;
    // Stops a cluster in `dataDir` that some other process started and then
    // abandoned (it crashed): immediate shutdown, no questions asked.
    static bool stopAbandoned(const QString &dataDir, QString *error);
    QString socketDir() const { return clusterDir(); }
    static constexpr int kPort = 5432;
    static constexpr auto kSuperuser = "reserva";

private:
    bool runTool(const QString &program, const QStringList &args, int timeoutMs, QString *output);
    bool initCluster(QString *error);
    bool writeServerConfig(QString *error);
    bool prepareOwnership(QString *error);
    bool serverIsRunning();

    Options m_options;
    std::optional<PostgresBinaries> m_binaries;
    bool m_running = false;
    bool m_startedHere = false;
    // Account that runs PostgreSQL when we are root; -1 when not dropping.
    int m_uid = -1;
    int m_gid = -1;
};

} // namespace reserva
