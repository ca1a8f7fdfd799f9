#include "benchreport.h"

#include <QFile>

#include <algorithm>

namespace reserva::bench {

qint64 successes(const LoadResult &result)
{
    qint64 n = 0;
    for (const auto &[status, count] : result.statuses) {
        if (status >= 200 && status < 300)
            n += count;
    }
    return n;
}

ReportRow reportRow(const QString &scenario, int connections, LoadResult &result, double durationS,
                    qint64 peakRssKb, const PgbenchResult *pgbench)
{
    std::sort(result.latencyMs.begin(), result.latencyMs.end());
    ReportRow row;
    row.scenario = scenario;
    row.connections = connections;
    row.throughputRps = durationS > 0 ? double(successes(result)) / durationS : 0;
    row.p50Ms = percentile(result.latencyMs, 0.50);
    row.p95Ms = percentile(result.latencyMs, 0.95);
    row.p99Ms = percentile(result.latencyMs, 0.99);
    row.rssMb = double(peakRssKb) / 1024.0;
    row.pgbenchTps = pgbench && pgbench->ok ? pgbench->tps : 0;
    return row;
}

QByteArray reportCsvHeader()
{
    return "scenario,connections,throughput_rps,p50_ms,p95_ms,p99_ms,rss_mb,pgbench_tps,ratio\n";
}

QByteArray reportCsvLine(const ReportRow &row)
{
    auto fixed = [](double v, int decimals) { return QByteArray::number(v, 'f', decimals); };
    return row.scenario.toUtf8() + ',' + QByteArray::number(row.connections) + ',' +
           fixed(row.throughputRps, 1) + ',' + fixed(row.p50Ms, 3) + ',' + fixed(row.p95Ms, 3) +
           ',' + fixed(row.p99Ms, 3) + ',' + fixed(row.rssMb, 1) + ',' +
           (row.pgbenchTps > 0 ? fixed(row.pgbenchTps, 1) : QByteArray()) + ',' +
           (row.pgbenchTps > 0 ? fixed(row.ratio(), 3) : QByteArray()) + '\n';
}

void appendReportRows(const QString &path, const QList<ReportRow> &rows)
{
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        fail(QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString()));
    QByteArray out;
    if (file.size() == 0)
        out += reportCsvHeader();
    for (const ReportRow &row : rows)
        out += reportCsvLine(row);
    if (file.write(out) != out.size() || !file.flush())
        fail(QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString()));
}

} // namespace reserva::bench
