#include "reservadserver.h"

#include "bookingfixture.h"
#include "db/dbconnection.h"
#include "domain/role.h"
#include "identity/passwordhasher.h"
#include "identity/userstore.h"
#include "logcapture.h"
#include "reservadprocess.h"
#include "tenants/tenantstore.h"
#include "testhttpclient.h"

#include <QFile>
#include <QRegularExpression>
#include <QUuid>

#include <atomic>

namespace reserva::test {

ReservadServer::ReservadServer(QString program, QString databaseUrl, QString dataDir)
    : m_program(std::move(program))
    , m_databaseUrl(std::move(databaseUrl))
    , m_dataDir(std::move(dataDir))
{
}

ReservadServer::~ReservadServer()
{
    stop();
}

QString ReservadServer::start(bool waitReady)
{
    if (isRunning())
        return QStringLiteral("already running");
    // Numbered across instances: two servers may share a data directory
    // (and its master key) on one database.
    static std::atomic<int> starts{0};
    m_logPath = m_dataDir + QStringLiteral("/reservad-%1.log").arg(++starts);
    m_process.setProcessEnvironment(cleanReservadEnvironment(m_extra));
    m_process.setStandardOutputFile(m_logPath);
    m_process.setStandardErrorFile(m_logPath + QStringLiteral(".err"));
    if (m_childSetup)
        m_process.setChildProcessModifier(m_childSetup);
    m_process.start(m_program, {QStringLiteral("serve"), QStringLiteral("--database"),
                                m_databaseUrl, QStringLiteral("--data-dir"), m_dataDir,
                                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--workers"), QString::number(m_workers)});
    if (!m_process.waitForStarted(10000))
        return m_process.errorString();
    const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    m_port = 0;
    BookingFixture::waitFor(
        [&] {
            if (!isRunning())
                return true;
            const auto m = listening.match(QString::fromUtf8(log()));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0;
        },
        120000);
    if (m_port == 0) {
        QFile err(m_logPath + QStringLiteral(".err"));
        err.open(QIODevice::ReadOnly);
        const QString tail = QString::fromUtf8(err.readAll().right(2000));
        stop();
        return QStringLiteral("reservad did not start listening: ") + tail;
    }
    if (!waitReady)
        return {};
    TestHttpClient http(m_port);
    if (!BookingFixture::waitFor([&] { return http.get(QStringLiteral("/readyz")).status == 200; },
                                 60000))
        return QStringLiteral("reservad listens but /readyz is not 200 after 60 s");
    return {};
}

void ReservadServer::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(30000);
    captureLogs();
}

int ReservadServer::stop()
{
    if (!isRunning())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();
    if (!m_process.waitForFinished(60000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        captureLogs();
        return -1;
    }
    captureLogs();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray ReservadServer::log() const
{
    QFile f(m_logPath);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void ReservadServer::captureLogs()
{
    captureChildLog(log());
    QFile err(m_logPath + QStringLiteral(".err"));
    if (!err.open(QIODevice::ReadOnly))
        return;
    const QByteArray text = err.readAll();
    captureChildLog(text);
    // A sanitizer report in the child (ASan, UBSan, TSan) fails the suite by
    // the child's exit code; its text would go with the temporary directory.
    if (text.contains("Sanitizer") || text.contains("runtime error:"))
        qWarning("reservad's stderr holds a sanitizer report:\n%s", text.right(20000).constData());
}

QString auditChainProblem(const QString &program, const QString &databaseUrl)
{
    const ReservadRun run = runReservad(program, {QStringLiteral("audit"), QStringLiteral("verify"),
                                                  QStringLiteral("--database"), databaseUrl});
    if (run.exitCode == 0 && run.out.contains(QStringLiteral("intact")))
        return {};
    return run.describe();
}

bool seedTenantManager(const ConnectionSettings &database, const QString &slug,
                       const QString &username, const QString &password)
{
    DbSessionOptions app;
    app.settings = database;
    DbConnection db(app, QStringLiteral("seed-") + QUuid::createUuid().toString());
    QString error;
    if (!db.open(&error)) {
        qWarning("seed: %s", qPrintable(error));
        return false;
    }
    const auto tenant = tenantstore::create(db, slug, slug + QStringLiteral(" operator"));
    if (!tenant) {
        qWarning("seed: tenant %s not created", qPrintable(slug));
        return false;
    }
    ScryptParams fast;
    fast.logN = 10;
    return bool(userstore::create(db,
                                  {username,
                                   PasswordHasher::hash(password, fast),
                                   {role::kPartnerManager},
                                   tenant->id,
                                   {},
                                   {}},
                                  QDateTime::currentDateTimeUtc()));
}

} // namespace reserva::test
