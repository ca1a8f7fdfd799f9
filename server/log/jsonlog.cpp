#include "jsonlog.h"

#include "contract/timeformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>

#include <atomic>
#include <cstdio>

namespace reserva::jsonlog {

namespace {

QMutex g_mutex;
std::atomic_bool g_quiet{false};
std::atomic<FILE *> g_stream{nullptr};
std::atomic<FILE *> g_capture{nullptr};

void captureLine(const QByteArray &line)
{
    if (FILE *file = g_capture.load()) {
        std::fwrite(line.constData(), 1, size_t(line.size()), file);
        std::fflush(file);
    }
}

QByteArray format(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

void emitLine(const QByteArray &line, bool shown)
{
    QMutexLocker lock(&g_mutex);
    captureLine(line);
    if (!shown)
        return;
    FILE *stream = g_stream.load();
    if (!stream)
        stream = stdout;
    std::fwrite(line.constData(), 1, size_t(line.size()), stream);
    std::fflush(stream);
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("error");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool shown = !(g_quiet && (type == QtDebugMsg || type == QtInfoMsg));
    if (!shown && !g_capture.load())
        return;
    QJsonObject line{
        {QStringLiteral("time"), toRfc3339(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("level"), levelName(type)},
        {QStringLiteral("message"), message},
    };
    if (context.category && qstrcmp(context.category, "default") != 0)
        line.insert(QStringLiteral("category"), QString::fromLatin1(context.category));
    emitLine(format(line), shown);
}

} // namespace

void install()
{
    qInstallMessageHandler(handler);
}

void write(QJsonObject fields)
{
    const bool shown = !(g_quiet && fields.value(QStringLiteral("level")).toString() == u"info");
    if (!shown && !g_capture.load())
        return;
    fields.insert(QStringLiteral("time"), toRfc3339(QDateTime::currentDateTimeUtc()));
    emitLine(format(fields), shown);
}

bool infoWanted()
{
    return !g_quiet || g_capture.load();
}

void writeInfoLine(QByteArray line)
{
    line.append('\n');
    emitLine(line, !g_quiet);
}

void setQuiet(bool quiet)
{
    g_quiet = quiet;
}

void logToStderr()
{
    g_stream = stderr;
}

FILE *setCapture(FILE *file)
{
    QMutexLocker lock(&g_mutex);
    return g_capture.exchange(file);
}

void capture(const QByteArray &line)
{
    QMutexLocker lock(&g_mutex);
    captureLine(line.endsWith('\n') ? line : line + '\n');
}

} // namespace reserva::jsonlog
