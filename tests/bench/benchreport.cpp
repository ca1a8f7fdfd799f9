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

namespace {

QByteArray fixed(double v, int decimals)
{
    return QByteArray::number(v, 'f', decimals);
}

// Appends `lines` to the CSV at `path`, with `header` first when it is new.
void appendCsv(const QString &path, const QByteArray &header, const QByteArray &lines)
{
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        fail(QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString()));
    const QByteArray out = (file.size() == 0 ? header : QByteArray()) + lines;
    if (file.write(out) != out.size() || !file.flush())
        fail(QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString()));
}

} // namespace

void appendReportRows(const QString &path, const QList<ReportRow> &rows)
{
    QByteArray lines;
    for (const ReportRow &row : rows)
        lines += reportCsvLine(row);
    appendCsv(path, reportCsvHeader(), lines);
}

RateRow rateRow(const QString &scenario, int connections, double offeredRps, LoadResult &result,
                double durationS, PgbenchResult &pgbench)
{
    std::sort(result.latencyMs.begin(), result.latencyMs.end());
    std::sort(pgbench.latencyMs.begin(), pgbench.latencyMs.end());
    RateRow row;
    row.scenario = scenario;
    row.connections = connections;
    row.offeredRps = offeredRps;
    row.throughputRps = durationS > 0 ? double(successes(result)) / durationS : 0;
    row.p50Ms = percentile(result.latencyMs, 0.50);
    row.p95Ms = percentile(result.latencyMs, 0.95);
    row.p99Ms = percentile(result.latencyMs, 0.99);
    if (pgbench.ok) {
        row.pgbenchTps = pgbench.tps;
        row.pgbenchP50Ms = percentile(pgbench.latencyMs, 0.50);
        row.pgbenchP95Ms = percentile(pgbench.latencyMs, 0.95);
        row.pgbenchP99Ms = percentile(pgbench.latencyMs, 0.99);
    }
    return row;
}

void appendRateRows(const QString &path, const QList<RateRow> &rows)
{
    QByteArray lines;
    for (const RateRow &r : rows) {
        lines += r.scenario.toUtf8() + ',' + QByteArray::number(r.connections) + ',' +
                 fixed(r.offeredRps, 1) + ',' + fixed(r.throughputRps, 1) + ',' +
                 fixed(r.p50Ms, 3) + ',' + fixed(r.p95Ms, 3) + ',' + fixed(r.p99Ms, 3) + ',' +
                 fixed(r.pgbenchTps, 1) + ',' + fixed(r.pgbenchP50Ms, 3) + ',' +
                 fixed(r.pgbenchP95Ms, 3) + ',' + fixed(r.pgbenchP99Ms, 3) + '\n';
    }
    appendCsv(path,
              "scenario,connections,offered_rps,throughput_rps,p50_ms,p95_ms,p99_ms,pgbench_tps,"
              "pgbench_p50_ms,pgbench_p95_ms,pgbench_p99_ms\n",
              lines);
}

} // namespace reserva::bench
