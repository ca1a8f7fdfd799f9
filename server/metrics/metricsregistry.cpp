#include "metricsregistry.h"

#include <QLocale>

#include <cmath>
#include <mutex>

namespace reserva {

MetricFamily::MetricFamily(QByteArray name, QByteArray help, QList<QByteArray> labelNames)
    : m_name(std::move(name))
    , m_help(std::move(help))
    , m_labelNames(std::move(labelNames))
{
}

QByteArray MetricFamily::escapeLabelValue(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricFamily::escapeHelp(QByteArrayView help)
{
    QByteArray out;
    out.reserve(help.size());
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricFamily::formatNumber(double value)
{
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

void MetricFamily::renderHeader(QByteArray &out, const char *type) const
{
    out += "# HELP " + m_name + ' ' + escapeHelp(m_help) + '\n';
    out += "# TYPE " + m_name + ' ' + type + '\n';
}

QByteArray MetricFamily::labelText(const QList<QByteArray> &values, const QByteArray &extra) const
{
    if (m_labelNames.isEmpty() && extra.isEmpty())
        return {};
    QByteArray out = "{";
    for (qsizetype i = 0; i < m_labelNames.size(); ++i) {
        if (i > 0)
            out += ',';
        out += m_labelNames[i] + "=\"" + escapeLabelValue(values.value(i)) + '"';
    }
    if (!extra.isEmpty()) {
        if (!m_labelNames.isEmpty())
            out += ',';
        out += extra;
    }
    out += '}';
    return out;
}

// --- counters -----------------------------------------------------------

std::atomic<quint64> &CounterFamily::series(const QList<QByteArray> &labelValues)
{
    {
        std::shared_lock reader(m_lock);
        if (const auto it = m_series.find(labelValues); it != m_series.end())
            return *it->second;
    }
    std::unique_lock writer(m_lock);
    auto &slot = m_series[labelValues];
    if (!slot)
        slot = std::make_unique<std::atomic<quint64>>(0);
    return *slot;
}

void CounterFamily::increment(const QList<QByteArray> &labelValues, quint64 by)
{
    series(labelValues).fetch_add(by, std::memory_order_relaxed);
}

quint64 CounterFamily::value(const QList<QByteArray> &labelValues) const
{
    std::shared_lock reader(m_lock);
    const auto it = m_series.find(labelValues);
    return it == m_series.end() ? 0 : it->second->load(std::memory_order_relaxed);
}

void CounterFamily::render(QByteArray &out) const
{
    renderHeader(out, "counter");
    std::shared_lock reader(m_lock);
    // An unlabelled counter is exported at 0 before its first event, so a
    // rate() over it is defined from the first scrape.
    if (m_labelNames.isEmpty() && m_series.empty())
        out += m_name + " 0\n";
    for (const auto &[labels, value] : m_series)
        out += m_name + labelText(labels) + ' ' +
               QByteArray::number(value->load(std::memory_order_relaxed)) + '\n';
}

// --- histograms ---------------------------------------------------------

HistogramFamily::HistogramFamily(QByteArray name, QByteArray help, QList<QByteArray> labelNames,
                                 std::vector<double> bounds)
    : MetricFamily(std::move(name), std::move(help), std::move(labelNames))
    , m_bounds(std::move(bounds))
{
}

HistogramFamily::Series &HistogramFamily::series(const QList<QByteArray> &labelValues)
{
    {
        std::shared_lock reader(m_lock);
        if (const auto it = m_series.find(labelValues); it != m_series.end())
            return *it->second;
    }
    std::unique_lock writer(m_lock);
    auto &slot = m_series[labelValues];
    if (!slot)
        slot = std::make_unique<Series>(m_bounds.size());
    return *slot;
}

void HistogramFamily::observe(const QList<QByteArray> &labelValues, double value)
{
    Series &s = series(labelValues);
    size_t bucket = 0;
    while (bucket < m_bounds.size() && value > m_bounds[bucket])
        ++bucket;
    s.counts[bucket].fetch_add(1, std::memory_order_relaxed);
    s.sum.fetch_add(value, std::memory_order_relaxed);
    s.count.fetch_add(1, std::memory_order_relaxed);
}

quint64 HistogramFamily::count(const QList<QByteArray> &labelValues) const
{
    std::shared_lock reader(m_lock);
    const auto it = m_series.find(labelValues);
    return it == m_series.end() ? 0 : it->second->count.load(std::memory_order_relaxed);
}

void HistogramFamily::render(QByteArray &out) const
{
    renderHeader(out, "histogram");
    std::shared_lock reader(m_lock);
    for (const auto &[labels, s] : m_series) {
        // Buckets are cumulative, and _count is the +Inf bucket: both from
        // the same reads, so a scrape racing an observation stays consistent.
        quint64 cumulative = 0;
        for (size_t i = 0; i <= m_bounds.size(); ++i) {
            cumulative += s->counts[i].load(std::memory_order_relaxed);
            const QByteArray le =
                "le=\"" +
                (i < m_bounds.size() ? formatNumber(m_bounds[i]) : QByteArrayLiteral("+Inf")) + '"';
            out += m_name + "_bucket" + labelText(labels, le) + ' ' +
                   QByteArray::number(cumulative) + '\n';
        }
        out += m_name + "_sum" + labelText(labels) + ' ' +
               formatNumber(s->sum.load(std::memory_order_relaxed)) + '\n';
        out += m_name + "_count" + labelText(labels) + ' ' + QByteArray::number(cumulative) + '\n';
    }
}

// --- read on scrape -------------------------------------------------------

CallbackFamily::CallbackFamily(QByteArray name, QByteArray help, QList<QByteArray> labelNames,
                               const char *type, std::function<QList<Sample>()> read)
    : MetricFamily(std::move(name), std::move(help), std::move(labelNames))
    , m_type(type)
    , m_read(std::move(read))
{
}

void CallbackFamily::render(QByteArray &out) const
{
    renderHeader(out, m_type);
    for (const Sample &sample : m_read())
        out += m_name + labelText(sample.labelValues) + ' ' + formatNumber(sample.value) + '\n';
}

QByteArray MetricsRegistry::render() const
{
    QByteArray out;
    out.reserve(16384);
    for (const auto &family : m_families)
        family->render(out);
    return out;
}

} // namespace reserva
