#pragma once

#include <QByteArray>
#include <QString>

namespace reserva::test {

// When RESERVA_TEST_LOG_DIR is set (ctest sets it for every suite), every
// log line the server code writes in this process — the access log and
// alerts (jsonlog) and its qInfo/qWarning under the "reserva.*" categories,
// quiet or not — is appended to <dir>/<suite>-<pid>.jsonl, for tst_logscan
// to search the whole run for secrets and customer data. Idempotent.
void startLogCapture();
// Appends the JSON log lines (not plain command output) a reservad child
// process wrote.
void captureChildLog(const QByteArray &output);
QString logCaptureDir();

} // namespace reserva::test
