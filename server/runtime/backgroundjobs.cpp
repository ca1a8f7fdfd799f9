#include "backgroundjobs.h"

#include "crypto/threadcleanup.h"
#include "db/sqlerror.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcJobs, "reserva.jobs")

namespace reserva {

class BackgroundJobs::Runner final : public QObject
{
public:
    Runner(const DbSessionOptions &session, const QList<Job> &jobs,
           std::shared_ptr<std::atomic<qint64>[]> lastSuccess)
        : m_db(session, QStringLiteral("background-jobs-") + QUuid::createUuid().toString())
        , m_jobs(jobs)
        , m_lastSuccess(std::move(lastSuccess))
    {
    }

    void begin()
    {
        QString error;
        if (!m_db.open(&error))
            qCWarning(lcJobs, "background jobs: database not reachable yet: %s",
                      qUtf8Printable(error));
        for (int i = 0; i < m_jobs.size(); ++i) {
            auto *timer = new QTimer(this);
            timer->setInterval(m_jobs[i].intervalMs);
            connect(timer, &QTimer::timeout, this, [this, i] { runJob(i); });
            timer->start();
            runJob(i);
        }
    }

private:
    void runJob(int i)
    {
        const Job &job = m_jobs[i];
        QString error;
        if (!m_db.ensureHealthy(&error)) {
            qCWarning(lcJobs, "%s: database unavailable: %s", qUtf8Printable(job.name),
                      qUtf8Printable(error));
            return;
        }
        try {
            job.run(m_db);
            m_lastSuccess[i] = QDateTime::currentMSecsSinceEpoch();
        } catch (const DatabaseFailure &failure) {
            m_db.markSuspect();
            qCWarning(lcJobs, "%s failed: %s", qUtf8Printable(job.name), failure.what());
        } catch (const std::exception &e) {
            qCCritical(lcJobs, "%s failed: %s", qUtf8Printable(job.name), e.what());
        }
    }

    DbConnection m_db;
    QList<Job> m_jobs;
    std::shared_ptr<std::atomic<qint64>[]> m_lastSuccess;
};

BackgroundJobs::BackgroundJobs(DbSessionOptions session, QList<Job> jobs)
    : m_session(std::move(session))
    , m_jobs(std::move(jobs))
    , m_lastSuccessMs(new std::atomic<qint64>[size_t(qMax<qsizetype>(1, m_jobs.size()))])
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < m_jobs.size(); ++i)
        m_lastSuccessMs[size_t(i)] = now;
    m_thread.setObjectName(QStringLiteral("background-jobs"));
}

BackgroundJobs::~BackgroundJobs()
{
    stop();
}

void BackgroundJobs::start()
{
    if (m_runner)
        return;
    m_runner = new Runner(m_session, m_jobs, m_lastSuccessMs);
    m_runner->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_runner, [runner = m_runner] { runner->begin(); }, Qt::QueuedConnection);
}

void BackgroundJobs::stop()
{
    if (!m_runner)
        return;
    // The runner (and its database connection) is destroyed on its own thread.
    QMetaObject::invokeMethod(
        m_runner,
        [runner = m_runner] {
            delete runner;
            releaseThreadCryptoState(); // the sealer hashed with OpenSSL here
        },
        Qt::BlockingQueuedConnection);
    m_runner = nullptr;
    m_thread.quit();
    m_thread.wait();
}

bool BackgroundJobs::healthy() const
{
    if (!m_runner)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        const qint64 bound = qMax<qint64>(10000, 3LL * m_jobs[i].intervalMs);
        if (now - m_lastSuccessMs[size_t(i)] > bound)
            return false;
    }
    return true;
}

} // namespace reserva
