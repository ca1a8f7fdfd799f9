#include "reservadprocess.h"

#include "logcapture.h"

#include <QProcess>
#include <QUrl>
#include <QUrlQuery>

namespace reserva::test {

QString ReservadRun::describe() const
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(exitCode).arg(out, err);
}

QProcessEnvironment cleanReservadEnvironment(const QList<std::pair<QString, QString>> &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"RESERVA_"))
            env.remove(name);
    }
    // Suites run in parallel: the fixed default metrics port would collide.
    // A test that wants metrics passes its own RESERVA_METRICS_LISTEN.
    env.insert(QStringLiteral("RESERVA_METRICS_LISTEN"), QStringLiteral("off"));
    for (const auto &[name, value] : extra)
        env.insert(name, value);
    return env;
}

ReservadRun runReservad(const QString &program, const QStringList &arguments,
                        const QByteArray &stdinBytes, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ReservadRun result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString();
        return result;
    }
    if (!stdinBytes.isEmpty())
        process.write(stdinBytes);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("reservad did not finish");
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    captureChildLog(out);
    captureChildLog(err);
    result.out = QString::fromLocal8Bit(out);
    result.err = QString::fromLocal8Bit(err);
    return result;
}

QString cliDatabaseUrl(const ConnectionSettings &s)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("host"),
                       QString::fromLatin1(QUrl::toPercentEncoding(s.host)));
    query.addQueryItem(QStringLiteral("port"), QString::number(s.port));
    return QStringLiteral("postgresql://") + s.user + QStringLiteral("@/") + s.database + u'?' +
           query.toString(QUrl::FullyEncoded);
}

} // namespace reserva::test
