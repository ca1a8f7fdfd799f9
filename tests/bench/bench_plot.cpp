// Draws the combined benchmark report (report.csv, see benchreport.h) as a
// PNG: latency against concurrency for every scenario (p95 solid, p50 dashed,
// p99 dotted; both axes logarithmic), and throughput against concurrency
// beside it, so a reader sees how cost grows with load.
//
// Usage: bench_plot report.csv latency.png   (QT_QPA_PLATFORM=offscreen)

#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <cmath>
#include <cstdio>

namespace {

struct Point
{
    int connections = 0;
    double rps = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

using Series = QMap<QString, QList<Point>>; // by scenario, in file order

bool readReport(const QString &path, Series *series, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    const QList<QByteArray> header = f.readLine().trimmed().split(',');
    const auto column = [&](const char *name) { return header.indexOf(QByteArray(name)); };
    const qsizetype scenario = column("scenario"), connections = column("connections"),
                    rps = column("throughput_rps"), p50 = column("p50_ms"), p95 = column("p95_ms"),
                    p99 = column("p99_ms");
    if (scenario < 0 || connections < 0 || rps < 0 || p50 < 0 || p95 < 0 || p99 < 0) {
        *error = QStringLiteral("not a benchmark report (missing columns)");
        return false;
    }
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() < header.size())
            continue;
        Point p{cells.at(connections).toInt(), cells.at(rps).toDouble(), cells.at(p50).toDouble(),
                cells.at(p95).toDouble(), cells.at(p99).toDouble()};
        if (p.connections > 0 && p.rps > 0) // no answer in the window: nothing to draw
            (*series)[QString::fromUtf8(cells.at(scenario))].append(p);
    }
    if (series->isEmpty()) {
        *error = QStringLiteral("the report has no rows");
        return false;
    }
    return true;
}

// One panel: log-log axes over the data's range, a line per scenario.
class Panel
{
public:
    Panel(QRectF area, QString title, QString yLabel, double yMin, double yMax, int xMax)
        : m_area(area)
        , m_title(std::move(title))
        , m_yLabel(std::move(yLabel))
        , m_yMin(std::pow(10.0, std::floor(std::log10(std::max(yMin, 1e-3)))))
        , m_yMax(std::pow(10.0, std::ceil(std::log10(std::max(yMax, yMin * 10)))))
        , m_xMax(std::max(2, xMax))
    {
    }

    QPointF at(int connections, double y) const
    {
        const double fx = std::log2(double(connections)) / std::log2(double(m_xMax));
        const double fy = (std::log10(std::max(y, m_yMin)) - std::log10(m_yMin)) /
                          (std::log10(m_yMax) - std::log10(m_yMin));
        return {m_area.left() + fx * m_area.width(), m_area.bottom() - fy * m_area.height()};
    }

    void drawAxes(QPainter &p, const QList<int> &ticks) const
    {
        p.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
        for (double y = m_yMin; y <= m_yMax * 1.001; y *= 10) {
            const QPointF a = at(1, y);
            p.drawLine(QPointF(m_area.left(), a.y()), QPointF(m_area.right(), a.y()));
        }
        p.setPen(QPen(Qt::black, 1));
        p.drawRect(m_area);
        QFont font = p.font();
        for (double y = m_yMin; y <= m_yMax * 1.001; y *= 10) {
            const QPointF a = at(1, y);
            p.drawText(QRectF(m_area.left() - 70, a.y() - 10, 64, 20),
                       Qt::AlignRight | Qt::AlignVCenter, QString::number(y));
        }
        for (int c : ticks) {
            const QPointF a = at(c, m_yMin);
            p.drawLine(a, a + QPointF(0, 5));
            p.drawText(QRectF(a.x() - 30, m_area.bottom() + 6, 60, 20), Qt::AlignCenter,
                       QString::number(c));
        }
        p.drawText(QRectF(m_area.left(), m_area.bottom() + 26, m_area.width(), 20), Qt::AlignCenter,
                   QStringLiteral("connections (log scale)"));
        font.setBold(true);
        p.setFont(font);
        p.drawText(QRectF(m_area.left(), m_area.top() - 34, m_area.width(), 22), Qt::AlignCenter,
                   m_title);
        font.setBold(false);
        p.setFont(font);
        p.save();
        p.translate(m_area.left() - 80, m_area.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-m_area.height() / 2, -20, m_area.height(), 20), Qt::AlignCenter,
                   m_yLabel);
        p.restore();
    }

private:
    QRectF m_area;
    QString m_title;
    QString m_yLabel;
    double m_yMin;
    double m_yMax;
    int m_xMax;
};

void drawLine(QPainter &p, const Panel &panel, const QList<Point> &points, QColor color,
              Qt::PenStyle style, double (*value)(const Point &))
{
    QPainterPath path;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF at = panel.at(points.at(i).connections, value(points.at(i)));
        if (i == 0)
            path.moveTo(at);
        else
            path.lineTo(at);
    }
    p.setPen(QPen(color, style == Qt::SolidLine ? 2.5 : 1.5, style));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    if (style == Qt::SolidLine) {
        p.setBrush(color);
        for (const Point &pt : points)
            p.drawEllipse(panel.at(pt.connections, value(pt)), 4, 4);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_plot report.csv out.png\n");
        return 2;
    }
    Series series;
    QString error;
    if (!readReport(QString::fromLocal8Bit(argv[1]), &series, &error)) {
        std::fprintf(stderr, "bench_plot: %s: %s\n", argv[1], qUtf8Printable(error));
        return 1;
    }
    double latMin = 1e9, latMax = 0, rpsMin = 1e12, rpsMax = 0;
    int xMax = 1;
    QList<int> ticks;
    for (auto it = series.begin(); it != series.end(); ++it) {
        std::sort(it->begin(), it->end(),
                  [](const Point &a, const Point &b) { return a.connections < b.connections; });
        for (const Point &pt : std::as_const(*it)) {
            latMin = std::min({latMin, pt.p50 > 0 ? pt.p50 : latMin});
            latMax = std::max(latMax, pt.p99);
            if (pt.rps > 0) {
                rpsMin = std::min(rpsMin, pt.rps);
                rpsMax = std::max(rpsMax, pt.rps);
            }
            xMax = std::max(xMax, pt.connections);
            if (!ticks.contains(pt.connections))
                ticks << pt.connections;
        }
    }
    std::sort(ticks.begin(), ticks.end());

    QImage image(1600, 720, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(14);
    p.setFont(font);
    const Panel latency(QRectF(110, 70, 600, 520),
                        QStringLiteral("Latency: p95 solid, p50 dashed, p99 dotted"),
                        QStringLiteral("milliseconds (log scale)"), latMin, latMax, xMax);
    const Panel throughput(QRectF(870, 70, 600, 520),
                           QStringLiteral("Throughput (2xx answers per second)"),
                           QStringLiteral("requests per second (log scale)"), rpsMin, rpsMax, xMax);
    latency.drawAxes(p, ticks);
    throughput.drawAxes(p, ticks);
    const QList<QColor> palette{QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f)};
    int index = 0;
    for (auto it = series.cbegin(); it != series.cend(); ++it, ++index) {
        const QColor color = palette.at(index % palette.size());
        drawLine(p, latency, *it, color, Qt::SolidLine, [](const Point &pt) { return pt.p95; });
        drawLine(p, latency, *it, color, Qt::DashLine, [](const Point &pt) { return pt.p50; });
        drawLine(p, latency, *it, color, Qt::DotLine, [](const Point &pt) { return pt.p99; });
        drawLine(p, throughput, *it, color, Qt::SolidLine, [](const Point &pt) { return pt.rps; });
        const QPointF legend(110 + (index % 4) * 340, 650 + (index / 4) * 26);
        p.setPen(QPen(color, 3));
        p.drawLine(legend, legend + QPointF(30, 0));
        p.setPen(Qt::black);
        p.drawText(QRectF(legend.x() + 38, legend.y() - 10, 290, 20), Qt::AlignVCenter, it.key());
    }
    p.end();
    if (!image.save(QString::fromLocal8Bit(argv[2]), "PNG")) {
        std::fprintf(stderr, "bench_plot: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
