#include "logcapture.h"

#include "log/jsonlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <cstdio>

namespace reserva::test {

namespace {

QtMessageHandler g_previous = nullptr;

// Test code logs what it likes (response bodies in a failure message); only
// the server's own categories are its log.
void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrncmp(context.category, "reserva.", 8) == 0) {
        const QJsonObject line{
            {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("level"), int(type)},
            {QStringLiteral("category"), QString::fromLatin1(context.category)},
            {QStringLiteral("message"), message}};
        jsonlog::capture(QJsonDocument(line).toJson(QJsonDocument::Compact));
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

QString logCaptureDir()
{
    return qEnvironmentVariable("RESERVA_TEST_LOG_DIR");
}

void startLogCapture()
{
    static QMutex mutex;
    static bool started = false;
    QMutexLocker lock(&mutex);
    const QString dir = logCaptureDir();
    if (started || dir.isEmpty())
        return;
    started = true;
    QDir().mkpath(dir);
    const QString name = QFileInfo(QCoreApplication::applicationFilePath()).fileName() + u'-' +
                         QString::number(QCoreApplication::applicationPid()) +
                         QStringLiteral(".jsonl");
    // Kept open for the life of the process (its lines come from any thread).
    FILE *file = std::fopen(QDir(dir).filePath(name).toLocal8Bit().constData(), "a");
    if (!file)
        return;
    jsonlog::setCapture(file);
    g_previous = qInstallMessageHandler(handler);
}

void captureChildLog(const QByteArray &output)
{
    if (logCaptureDir().isEmpty())
        return;
    startLogCapture();
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith('{'))
            jsonlog::capture(line);
    }
}

} // namespace reserva::test
