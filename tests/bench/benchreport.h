#pragma once

// One row of the combined benchmark report (tests/bench/run-all.sh): a
// scenario at a connection count, through reservad, beside pgbench running
// the same SQL on the same database in the same run. Each server bench
// appends its rows to the CSV named by --csv; run-all.sh prints them as one
// table and plots latency against concurrency.

#include "benchsupport.h"

#include <QList>
#include <QString>

namespace reserva::bench {

struct ReportRow
{
    QString scenario;
    int connections = 0;
    double throughputRps = 0; // 2xx answers per second of the measured window
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double rssMb = 0;      // reservad's peak RSS during the window
    double pgbenchTps = 0; // 0: no pgbench counterpart

    // throughput / pgbench; 0 without a counterpart.
    double ratio() const { return pgbenchTps > 0 ? throughputRps / pgbenchTps : 0; }
};

// 2xx answers counted in the measured window.
qint64 successes(const LoadResult &result);

// A row from a load run (latencies sorted in place) and its pgbench run
// (nullptr: none).
ReportRow reportRow(const QString &scenario, int connections, LoadResult &result, double durationS,
                    qint64 peakRssKb, const PgbenchResult *pgbench);

// The CSV columns, in order: scenario, connections, throughput_rps, p50_ms,
// p95_ms, p99_ms, rss_mb, pgbench_tps, ratio.
QByteArray reportCsvHeader();
QByteArray reportCsvLine(const ReportRow &row);

// Appends `rows` to `path`, writing the header first when the file is new or
// empty. Does nothing when `path` is empty; fail() when it cannot write.
void appendReportRows(const QString &path, const QList<ReportRow> &rows);

// A scenario at a fixed offered load (open loop; pgbench -R for the
// baseline), where the server is busy but not saturated: the latency a client
// sees at that load. Written to its own CSV (run-all.sh: DIR/latency-at-rate.csv),
// as its throughput is the offered load, not a capacity, and it has no ratio.
struct RateRow
{
    QString scenario;
    int connections = 0;
    double offeredRps = 0;
    double throughputRps = 0; // reservad's 2xx answers per second
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double pgbenchTps = 0;
    double pgbenchP50Ms = 0;
    double pgbenchP95Ms = 0;
    double pgbenchP99Ms = 0;
};

// Latencies sorted in place.
RateRow rateRow(const QString &scenario, int connections, double offeredRps, LoadResult &result,
                double durationS, PgbenchResult &pgbench);

// Columns: scenario, connections, offered_rps, throughput_rps, p50_ms, p95_ms,
// p99_ms, pgbench_tps, pgbench_p50_ms, pgbench_p95_ms, pgbench_p99_ms.
void appendRateRows(const QString &path, const QList<RateRow> &rows);

} // namespace reserva::bench
