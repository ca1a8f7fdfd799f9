#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <vector>

namespace reserva {

// Metric families with labels, rendered in the Prometheus text exposition
// format 0.0.4. The hot path is a shared (reader) lock to find a series that
// already exists plus relaxed atomic increments: no exclusive lock per
// request. The exclusive lock is taken only the first time a label set is
// seen, and by a scrape only as a reader.
//
// Label values must have bounded cardinality (route PATTERNS, status codes,
// provider names): never a raw path, an id, a tenant or a customer.
class MetricFamily
{
public:
    MetricFamily(QByteArray name, QByteArray help, QList<QByteArray> labelNames);
    virtual ~MetricFamily() = default;
    Q_DISABLE_COPY_MOVE(MetricFamily)

    const QByteArray &name() const { return m_name; }
    // # HELP, # TYPE and every series.
    virtual void render(QByteArray &out) const = 0;

    // Prometheus escaping: label values escape \, " and newline; HELP text
    // escapes \ and newline.
    static QByteArray escapeLabelValue(QByteArrayView value);
    static QByteArray escapeHelp(QByteArrayView help);
    static QByteArray formatNumber(double value);

protected:
    void renderHeader(QByteArray &out, const char *type) const;
    // {a="x",b="y"} (empty when there are no labels); `extra` is appended
    // last, already formatted (le="0.5").
    QByteArray labelText(const QList<QByteArray> &values, const QByteArray &extra = {}) const;

    const QByteArray m_name;
    const QByteArray m_help;
    const QList<QByteArray> m_labelNames;
};

class CounterFamily final : public MetricFamily
{
public:
    using MetricFamily::MetricFamily;

    void increment(const QList<QByteArray> &labelValues, quint64 by = 1);
    // Tests and the unlabelled families: the current value (0 if never seen).
    quint64 value(const QList<QByteArray> &labelValues = {}) const;
    void render(QByteArray &out) const override;

private:
    std::atomic<quint64> &series(const QList<QByteArray> &labelValues);

    mutable std::shared_mutex m_lock;
    std::map<QList<QByteArray>, std::unique_ptr<std::atomic<quint64>>> m_series;
};

class HistogramFamily final : public MetricFamily
{
public:
    // `bounds`: the finite upper bounds, ascending; +Inf is implicit.
    HistogramFamily(QByteArray name, QByteArray help, QList<QByteArray> labelNames,
                    std::vector<double> bounds);

    void observe(const QList<QByteArray> &labelValues, double value);
    quint64 count(const QList<QByteArray> &labelValues = {}) const;
    void render(QByteArray &out) const override;

private:
    struct Series
    {
        explicit Series(size_t buckets)
            : counts(buckets + 1)
        {
        }
        std::vector<std::atomic<quint64>> counts; // per bucket, not cumulative; last: +Inf
        std::atomic<double> sum{0};
        std::atomic<quint64> count{0};
    };
    Series &series(const QList<QByteArray> &labelValues);

    const std::vector<double> m_bounds;
    mutable std::shared_mutex m_lock;
    std::map<QList<QByteArray>, std::unique_ptr<Series>> m_series;
};

// A value read when scraped (pool state, process-wide counters kept elsewhere).
class CallbackFamily final : public MetricFamily
{
public:
    struct Sample
    {
        QList<QByteArray> labelValues;
        double value = 0;
    };
    // `type`: "gauge" or "counter".
    CallbackFamily(QByteArray name, QByteArray help, QList<QByteArray> labelNames, const char *type,
                   std::function<QList<Sample>()> read);
    void render(QByteArray &out) const override;

private:
    const char *m_type;
    std::function<QList<Sample>()> m_read;
};

// The families, in registration order. Registration happens once at start-up;
// afterwards the list is only read.
class MetricsRegistry
{
public:
    template <typename Family, typename... Args>
    Family &add(Args &&...args)
    {
        auto family = std::make_unique<Family>(std::forward<Args>(args)...);
        Family &ref = *family;
        m_families.push_back(std::move(family));
        return ref;
    }
    QByteArray render() const;

private:
    std::vector<std::unique_ptr<MetricFamily>> m_families;
};

} // namespace reserva
