#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace reserva::jsonlog {

// Routes every Qt message (qInfo, qWarning...) to stdout as one JSON object per
// line: {"time","level","category","message"}. Messages never carry request
// bodies, headers, tokens or passwords: callers log identifiers, not content.
void install();
// Writes one structured line (an alert, an outcome); adds "time".
void write(QJsonObject fields);
// Whether an info line would go anywhere (shown, or captured): the access
// log builds its line only then.
bool infoWanted();
// Writes one info line the caller already wrote as a compact JSON object,
// "time" included (the access log: one per request, built with JsonWriter).
void writeInfoLine(QByteArray line);
// Silences output (tests that drive thousands of requests); errors still go.
void setQuiet(bool quiet);
// One-shot commands keep stdout for their own output and log to stderr.
void logToStderr();
// Also appends every line (quiet or not) to `file`, which stays open; null
// stops; returns the file it replaces. The test suites use it to scan a
// whole run's logs for secrets.
FILE *setCapture(FILE *file);
// Appends one already formatted line to the capture file, if any.
void capture(const QByteArray &line);

} // namespace reserva::jsonlog
