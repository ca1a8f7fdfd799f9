#include "contractrecorder.h"

#include "openapicontract.h"
#include "testhttpclient.h"

#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace reserva::test {

namespace {

struct Recording
{
    QMutex mutex;
    int count = 0;
    QStringList mismatches;
};

Recording &recording()
{
    static Recording r;
    return r;
}

std::atomic<bool> &enabledFlag()
{
    static std::atomic<bool> flag{qEnvironmentVariableIntValue("RESERVA_RECORD_RESPONSES") != 0};
    return flag;
}

} // namespace

void ContractRecorder::enable()
{
    (void)OpenApiContract::fromSourceTree(); // read it now, not mid-request
    enabledFlag() = true;
}

void ContractRecorder::disable()
{
    enabledFlag() = false;
}

bool ContractRecorder::isEnabled()
{
    return enabledFlag();
}

void ContractRecorder::record(const QByteArray &method, const QString &target,
                              const TestResponse &response)
{
    if (!isEnabled() || response.status == 0)
        return;
    const QStringList mismatches =
        OpenApiContract::fromSourceTree().checkResponse(method, target, response);
    Recording &r = recording();
    const QMutexLocker lock(&r.mutex);
    ++r.count;
    for (const QString &m : mismatches) {
        // One line per distinct mismatch: a suite repeats its requests. Logged
        // as found, so RESERVA_RECORD_RESPONSES=1 shows them in any suite.
        if (!r.mismatches.contains(m)) {
            r.mismatches.append(m);
            qWarning("contract mismatch: %s", qUtf8Printable(m));
        }
    }
}

int ContractRecorder::recordedCount()
{
    Recording &r = recording();
    const QMutexLocker lock(&r.mutex);
    return r.count;
}

QStringList ContractRecorder::mismatches()
{
    Recording &r = recording();
    const QMutexLocker lock(&r.mutex);
    return r.mismatches;
}

void ContractRecorder::reset()
{
    Recording &r = recording();
    const QMutexLocker lock(&r.mutex);
    r.count = 0;
    r.mismatches.clear();
}

bool ContractRecorder::verify(QString *report)
{
    QStringList found = mismatches();
    // Enabled but nothing recorded: the hook is broken, and silence would pass.
    if (isEnabled() && recordedCount() == 0)
        found.append(QStringLiteral("recording is enabled, but no response was recorded"));
    qInfo("contract: %d responses checked against the OpenAPI document", recordedCount());
    if (report)
        *report = found.join(QStringLiteral("\n"));
    return found.isEmpty();
}

} // namespace reserva::test
