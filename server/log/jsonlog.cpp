#include "jsonlog.h"

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

void emitLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&g_mutex);
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
    if (g_quiet && (type == QtDebugMsg || type == QtInfoMsg))
        return;
    QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), levelName(type)},
        {QStringLiteral("message"), message},
    };
    if (context.category && qstrcmp(context.category, "default") != 0)
        line.insert(QStringLiteral("category"), QString::fromLatin1(context.category));
    emitLine(line);
}

} // namespace

void install()
{
    qInstallMessageHandler(handler);
}

void write(QJsonObject fields)
{
    if (g_quiet && fields.value(QStringLiteral("level")).toString() == u"info")
        return;
    fields.insert(QStringLiteral("time"),
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    emitLine(fields);
}

void setQuiet(bool quiet)
{
    g_quiet = quiet;
}

void logToStderr()
{
    g_stream = stderr;
}

} // namespace reserva::jsonlog
