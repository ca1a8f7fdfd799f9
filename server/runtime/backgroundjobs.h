#pragma once

#include "db/dbconnection.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace reserva {

// Periodic server-side work (the audit sealer, key reloads, purges) on one
// thread with its own database connection, so none of it runs on a request
// worker. Each job runs on its interval; a failing job is logged and retried
// on its next tick, and the connection is re-established if it was lost.
class BackgroundJobs
{
public:
    struct Job
    {
        QString name;
        int intervalMs;
        std::function<void(DbConnection &)> run;
    };

    BackgroundJobs(DbSessionOptions session, QList<Job> jobs);
    ~BackgroundJobs();
    Q_DISABLE_COPY_MOVE(BackgroundJobs)

    void start();
    void stop();
    // True while every job has succeeded within three of its intervals
    // (a generous bound of at least 10 s).
    bool healthy() const;

private:
    class Runner;
    DbSessionOptions m_session;
    QList<Job> m_jobs;
    QThread m_thread;
    Runner *m_runner = nullptr;
    std::shared_ptr<std::atomic<qint64>[]> m_lastSuccessMs;
};

} // namespace reserva
