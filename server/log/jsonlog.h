#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace reserva::jsonlog {

// Routes every Qt message (qInfo, qWarning...) to stdout as one JSON object per
// line: {"time","level","category","message"}. Messages never carry request
// bodies, headers, tokens or passwords: callers log identifiers, not content.
void install();
// Writes one structured line (an access log entry, an alert); adds "time".
void write(QJsonObject fields);
// Silences output (tests that drive thousands of requests); errors still go.
void setQuiet(bool quiet);
// One-shot commands keep stdout for their own output and log to stderr.
void logToStderr();
// Also appends every line (quiet or not) to `file`, which stays open; null
// stops. The test suites use it to scan a whole run's logs for secrets.
void setCapture(FILE *file);
// Appends one already formatted line to the capture file, if any.
void capture(const QByteArray &line);

} // namespace reserva::jsonlog
