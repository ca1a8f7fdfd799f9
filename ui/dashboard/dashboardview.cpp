#include "dashboardview.h"

#include "common/displayformat.h"
#include "common/tenantchooser.h"
#include "domain/currency.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace reserva::ui {

namespace {

// Height one departure takes in the occupancy chart (a bar and its label);
// past what fits, the chart scrolls instead of squeezing bars into slivers.
constexpr int kBarHeight = 24;
// Product names in a departure's label are cut to this (the tooltip has them whole).
constexpr int kLabelNameLength = 28;

// An amount in the currency's major unit, for a chart axis only: what the
// user reads as text is DisplayFormat::money, exact from the minor units.
double majorUnits(qint64 minor, const QString &code)
{
    double value = double(minor);
    for (int i = 0; i < currency::exponent(code).value_or(2); ++i)
        value /= 10.0;
    return value;
}

QString localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QLocale::ShortFormat);
}

// The locale's short date without its year ("3/26", "26/3", "26.03"): the
// charts span two weeks, and a label must fit under one bar.
QString dayAndMonth(const QDate &date)
{
    static const QRegularExpression yearAtEnd(QStringLiteral("[^dM]*y+[^dM]*$"));
    static const QRegularExpression yearAtStart(QStringLiteral("^[^dM]*y+[^dM]*"));
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    format.remove(yearAtEnd).remove(yearAtStart);
    return QLocale().toString(date, format.isEmpty() ? QStringLiteral("d/M") : format);
}

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QTableWidgetItem *numberItem(const QString &text)
{
    QTableWidgetItem *item = textItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// `stretch`: the column that takes the room left (the product's name), or -1.
QTableWidget *makeTable(QWidget *parent, const QString &accessibleName, int stretch)
{
    auto *table = new QTableWidget(0, 4, parent);
    table->setAccessibleName(accessibleName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (stretch >= 0)
        table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    else
        table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QGroupBox *section(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

DashboardView::DashboardView(ApiClient &api, bool platformWide, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_holdWindow(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_departures(makeTable(this, tr("Today's departures"), 1))
    , m_pending(makeTable(this, tr("Pending payments"), -1))
    , m_holds(makeTable(this, tr("Holds about to expire"), 1))
    , m_occupancyChart(new QChart)
    , m_occupancyView(new QChartView(m_occupancyChart))
    , m_revenueChart(new QChart)
    , m_revenueView(new QChartView(m_revenueChart, this))
    , m_timeZone(localTimeZoneId())
{
    setObjectName(QStringLiteral("dashboard"));
    m_departures->setHorizontalHeaderLabels({tr("Time"), tr("Product"), tr("Seats"), tr("Paid")});
    // The amount carries its currency: one row per currency, nothing added up across them.
    m_pending->setColumnCount(3);
    m_pending->setHorizontalHeaderLabels({tr("Amount"), tr("Reservations"), tr("Seats")});
    m_holds->setHorizontalHeaderLabels({tr("Expires"), tr("Product"), tr("Seats"), tr("Amount")});

    auto *filters = new QHBoxLayout;
    if (platformWide) {
        m_tenant = new TenantChooser(api, this);
        auto *tenantLabel = new QLabel(tr("&Tenant:"), this);
        tenantLabel->setBuddy(m_tenant);
        filters->addWidget(tenantLabel);
        filters->addWidget(m_tenant);
        filters->addSpacing(12);
        connect(m_tenant, &TenantChooser::tenantChanged, this, &DashboardView::load);
    }
    m_holdWindow->setRange(5, dashboard::kMaxExpiringMinutes);
    m_holdWindow->setSingleStep(5);
    m_holdWindow->setValue(dashboard::kDefaultExpiringMinutes);
    m_holdWindow->setSuffix(tr(" min"));
    m_holdWindow->setAccessibleName(tr("Holds expiring within, in minutes"));
    auto *windowLabel = new QLabel(tr("Holds ending &within:"), this);
    windowLabel->setBuddy(m_holdWindow);
    filters->addWidget(windowLabel);
    filters->addWidget(m_holdWindow);
    filters->addStretch(1);
    m_summary->setAccessibleName(tr("Dashboard status"));
    filters->addWidget(m_summary);

    m_occupancyChart->legend()->setAlignment(Qt::AlignTop);
    m_occupancyView->setRenderHint(QPainter::Antialiasing);
    m_occupancyView->setAccessibleName(tr("Occupancy chart"));
    auto *occupancyScroll = new QScrollArea(this);
    occupancyScroll->setWidget(m_occupancyView);
    occupancyScroll->setWidgetResizable(true);
    occupancyScroll->setFrameShape(QFrame::NoFrame);
    occupancyScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_revenueChart->legend()->setAlignment(Qt::AlignTop);
    m_revenueView->setRenderHint(QPainter::Antialiasing);
    m_revenueView->setAccessibleName(tr("Revenue chart"));
    m_revenueView->setMinimumHeight(280);
    m_revenueView->setToolTip(tr("Click a currency in the legend to hide or show it."));

    auto *lists = new QHBoxLayout;
    lists->addWidget(section(tr("Today's departures"), m_departures, this), 3);
    lists->addWidget(section(tr("Pending payments"), m_pending, this), 3);
    lists->addWidget(section(tr("Holds about to expire"), m_holds, this), 4);
    auto *charts = new QHBoxLayout;
    charts->addWidget(section(tr("Seats per departure, next 14 days"), occupancyScroll, this), 3);
    charts->addWidget(section(tr("Revenue per day, last 14 days"), m_revenueView, this), 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(lists, 2);
    layout->addLayout(charts, 3);

    connect(m_holdWindow, &QSpinBox::valueChanged, this, &DashboardView::load);
    applyPalette();
}

QString DashboardView::title() const
{
    return tr("Dashboard");
}

QIcon DashboardView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/dashboard.svg"));
}

void DashboardView::refresh()
{
    if (m_tenant)
        m_tenant->load();
    load();
}

void DashboardView::focusFilter()
{
    if (m_tenant) {
        m_tenant->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    m_holdWindow->setFocus(Qt::ShortcutFocusReason);
    m_holdWindow->selectAll();
}

QString DashboardView::localTimeZoneId()
{
    const QString id = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    return dashboard::timeZoneFrom(id) ? id : QStringLiteral("UTC");
}

void DashboardView::load()
{
    const int generation = ++m_generation;
    m_loading = true;
    m_summary->setText(tr("Loading…"));
    ApiRequest request;
    request.path = QStringLiteral("/v1/dashboard");
    request.query.addQueryItem(QStringLiteral("tz"), m_timeZone);
    request.query.addQueryItem(QStringLiteral("expiring_within_minutes"),
                               QString::number(m_holdWindow->value()));
    if (m_tenant && !m_tenant->tenantId().isNull())
        request.query.addQueryItem(QStringLiteral("tenant_id"),
                                   m_tenant->tenantId().toString(QUuid::WithoutBraces));
    m_api.send(request, this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation)
            return; // an answer to an older question
        m_loading = false;
        std::optional<ApiError> error = response.error;
        std::optional<DashboardSnapshot> dashboard;
        if (!error) {
            dashboard = DashboardSnapshot::fromJson(response.object());
            if (!dashboard)
                error = ApiError::invalidResponse(response.status, response.header("x-request-id"));
        }
        if (error) {
            // A server whose time zone database lacks this computer's zone:
            // the days in UTC are better than no dashboard (the status says so).
            const bool zoneRefused =
                error->status == 400 &&
                std::any_of(error->fieldErrors.cbegin(), error->fieldErrors.cend(),
                            [](const ApiFieldError &f) { return f.field == u"tz"; });
            if (zoneRefused && m_timeZone != u"UTC") {
                m_timeZone = QStringLiteral("UTC");
                load();
                return;
            }
            m_summary->setText(tr("Not loaded"));
            if (!error->isConnectionProblem())
                ErrorMessageBox::show(this, tr("The dashboard could not be loaded."), *error);
            Q_EMIT loadFailed(*error);
            return;
        }
        m_snapshot = dashboard;
        showDashboard(*dashboard);
        Q_EMIT loaded();
    });
}

void DashboardView::showDashboard(const DashboardSnapshot &dashboard)
{
    fillDepartures(dashboard);
    fillPending(dashboard);
    fillHolds(dashboard);
    fillOccupancy(dashboard);
    fillRevenue(dashboard);
    applyPalette();

    QStringList notes{tr("Updated at %1; days are in the %2 time zone")
                          .arg(localTime(dashboard.generatedAt), dashboard.timeZone)};
    if (dashboard.departuresTruncated || dashboard.occupancyTruncated ||
        dashboard.expiringTruncated)
        notes << tr("only the first entries are shown");
    m_summary->setText(notes.join(QStringLiteral("; ")));
}

void DashboardView::fillDepartures(const DashboardSnapshot &dashboard)
{
    m_departures->setRowCount(int(dashboard.departuresToday.size()));
    int row = 0;
    for (const DashboardSlot &s : dashboard.departuresToday) {
        m_departures->setItem(row, 0, textItem(localTime(s.startsAt)));
        m_departures->setItem(row, 1, textItem(s.productName));
        m_departures->setItem(
            row, 2,
            numberItem(tr("%1 of %2")
                           .arg(QLocale().toString(s.seatsTaken), QLocale().toString(s.capacity))));
        m_departures->setItem(row, 3, numberItem(QLocale().toString(s.seatsPaid)));
        m_departures->item(row, 0)->setData(Qt::UserRole, s.slotId.toString(QUuid::WithoutBraces));
        ++row;
    }
}

void DashboardView::fillPending(const DashboardSnapshot &dashboard)
{
    m_pending->setRowCount(int(dashboard.pendingPayments.size()));
    int row = 0;
    for (const PendingTotal &t : dashboard.pendingPayments) {
        m_pending->setItem(row, 0, numberItem(DisplayFormat::money(t.amountMinor, t.currency)));
        m_pending->setItem(row, 1, numberItem(QLocale().toString(t.reservations)));
        m_pending->setItem(row, 2, numberItem(QLocale().toString(t.seats)));
        ++row;
    }
}

void DashboardView::fillHolds(const DashboardSnapshot &dashboard)
{
    m_holds->setRowCount(int(dashboard.expiringHolds.size()));
    int row = 0;
    for (const ExpiringHold &h : dashboard.expiringHolds) {
        m_holds->setItem(row, 0, textItem(localTime(h.holdExpiresAt)));
        m_holds->setItem(row, 1, textItem(h.productName));
        m_holds->setItem(row, 2, numberItem(QLocale().toString(h.quantity)));
        m_holds->setItem(row, 3, numberItem(DisplayFormat::money(h.amountMinor, h.currency)));
        m_holds->item(row, 0)->setData(Qt::UserRole,
                                       h.reservationId.toString(QUuid::WithoutBraces));
        const QString tip = tr("Reservation %1, departure %2")
                                .arg(h.reservationId.toString(QUuid::WithoutBraces),
                                     DisplayFormat::timestamp(h.startsAt));
        for (int column = 0; column < 4; ++column)
            m_holds->item(row, column)->setToolTip(tip);
        ++row;
    }
}

void DashboardView::fillOccupancy(const DashboardSnapshot &dashboard)
{
    clearChart(m_occupancyChart);
    auto *paid = new QBarSet(tr("Paid"));
    auto *held = new QBarSet(tr("Held"));
    auto *open = new QBarSet(tr("Free"));
    QStringList categories;
    int maxCapacity = 1;
    // A category axis beside horizontal bars counts from the bottom: the
    // departures go in latest first, so that the soonest is on top.
    for (auto it = dashboard.occupancy.crbegin(); it != dashboard.occupancy.crend(); ++it) {
        const DashboardSlot &s = *it;
        *paid << s.seatsPaid;
        *held << std::max(0, s.seatsTaken - s.seatsPaid);
        *open << std::max(0, s.capacity - s.seatsTaken);
        maxCapacity = std::max(maxCapacity, s.capacity);
        // Categories must differ: the time and the product, then a number.
        QString name = s.productName;
        if (name.size() > kLabelNameLength)
            name = name.left(kLabelNameLength - 1) + QChar(0x2026);
        const QString base = dayAndMonth(s.startsAt.toLocalTime().date()) + u' ' +
                             localTime(s.startsAt) + QStringLiteral(" · ") + name;
        QString label = base;
        for (int n = 2; categories.contains(label); ++n)
            label = base + QStringLiteral(" (%1)").arg(n);
        categories << label;
    }
    // Horizontal bars: a departure's label (when, what) reads across.
    auto *series = new QHorizontalStackedBarSeries;
    series->append({paid, held, open});
    series->setBarWidth(0.7);
    m_occupancyChart->addSeries(series);
    auto *departures = new QBarCategoryAxis;
    departures->append(categories);
    auto *seats = new QValueAxis;
    seats->setRange(0, maxCapacity);
    seats->setLabelFormat(QStringLiteral("%d"));
    seats->applyNiceNumbers();
    seats->setTitleText(tr("Seats"));
    m_occupancyChart->addAxis(departures, Qt::AlignLeft);
    m_occupancyChart->addAxis(seats, Qt::AlignTop); // in sight above a long list
    series->attachAxis(departures);
    series->attachAxis(seats);
    m_occupancyChart->setTitle(
        dashboard.occupancy.isEmpty() ? tr("No departures in the next 14 days") : QString());
    m_occupancyView->setMinimumHeight(
        std::max(280, 110 + kBarHeight * int(dashboard.occupancy.size())));

    connect(series, &QHorizontalStackedBarSeries::hovered, this, [this](bool on, int index) {
        if (!on || !m_snapshot || index < 0 || index >= m_snapshot->occupancy.size()) {
            QToolTip::hideText();
            return;
        }
        const DashboardSlot &s = m_snapshot->occupancy.at(m_snapshot->occupancy.size() - 1 - index);
        QToolTip::showText(QCursor::pos(),
                           tr("%1, %2\n%3 of %4 seats taken, %5 paid")
                               .arg(s.productName, DisplayFormat::timestamp(s.startsAt),
                                    QLocale().toString(s.seatsTaken),
                                    QLocale().toString(s.capacity),
                                    QLocale().toString(s.seatsPaid)),
                           m_occupancyView);
    });
}

void DashboardView::fillRevenue(const DashboardSnapshot &dashboard)
{
    clearChart(m_revenueChart);
    QStringList currencies;
    for (const RevenueDay &day : dashboard.revenue) {
        for (const RevenueTotal &t : day.byCurrency) {
            if (!currencies.contains(t.currency))
                currencies << t.currency;
        }
    }
    currencies.sort();
    QStringList days;
    for (const RevenueDay &day : dashboard.revenue)
        days << dayAndMonth(day.date);
    auto *x = new QBarCategoryAxis;
    x->append(days);
    x->setLabelsAngle(-90);
    x->setTruncateLabels(false);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    m_revenueChart->addAxis(x, Qt::AlignBottom);
    m_revenueChart->addAxis(y, Qt::AlignLeft);
    // One line per currency: amounts in different currencies do not add up.
    for (const QString &code : std::as_const(currencies)) {
        auto *series = new QLineSeries;
        series->setName(code);
        series->setPointsVisible(true);
        for (qsizetype i = 0; i < dashboard.revenue.size(); ++i) {
            qint64 minor = 0;
            for (const RevenueTotal &t : dashboard.revenue.at(i).byCurrency) {
                if (t.currency == code)
                    minor = t.amountMinor;
            }
            series->append(double(i), majorUnits(minor, code));
        }
        m_revenueChart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        connect(series, &QLineSeries::hovered, this, [this, code](const QPointF &point, bool on) {
            const int index = qRound(point.x());
            if (!on || !m_snapshot || index < 0 || index >= m_snapshot->revenue.size()) {
                QToolTip::hideText();
                return;
            }
            const RevenueDay &day = m_snapshot->revenue.at(index);
            RevenueTotal total;
            for (const RevenueTotal &t : day.byCurrency) {
                if (t.currency == code)
                    total = t;
            }
            QToolTip::showText(QCursor::pos(),
                               tr("%1: %2 from %n payment(s)", nullptr, total.payments)
                                   .arg(QLocale().toString(day.date, QLocale::LongFormat),
                                        DisplayFormat::money(total.amountMinor, code)),
                               m_revenueView);
        });
    }
    // A currency of much smaller units flattens the others: the legend
    // hides and shows each line, and the axis follows what is shown.
    const auto markers = m_revenueChart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            QAbstractSeries *series = marker->series();
            series->setVisible(!series->isVisible());
            marker->setVisible(true);
            QFont font = marker->font();
            font.setStrikeOut(!series->isVisible());
            marker->setFont(font);
            rescaleRevenue();
        });
    }
    m_revenueChart->setTitle(currencies.isEmpty() ? tr("No payments in the last 14 days")
                                                  : QString());
    rescaleRevenue();
}

void DashboardView::rescaleRevenue()
{
    double top = 0;
    const auto series = m_revenueChart->series();
    for (QAbstractSeries *s : series) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (!line || !line->isVisible())
            continue;
        const auto points = line->points();
        for (const QPointF &p : points)
            top = std::max(top, p.y());
    }
    const auto axes = m_revenueChart->axes(Qt::Vertical);
    for (QAbstractAxis *axis : axes) {
        if (auto *y = qobject_cast<QValueAxis *>(axis)) {
            y->setRange(0, top > 0 ? top * 1.1 : 1.0);
            y->applyNiceNumbers();
        }
    }
}

void DashboardView::applyPalette()
{
    // The charts take the application's palette (light or dark, the OS's
    // high-contrast schemes), never colours of their own.
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {m_occupancyChart, m_revenueChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.brush(QPalette::Base));
        chart->setTitleBrush(pal.brush(QPalette::Text));
        chart->legend()->setLabelColor(pal.color(QPalette::Text));
        const auto axes = chart->axes();
        for (QAbstractAxis *axis : axes) {
            axis->setLabelsBrush(pal.brush(QPalette::Text));
            axis->setTitleBrush(pal.brush(QPalette::Text));
            axis->setGridLineColor(pal.color(QPalette::Mid));
            axis->setLinePenColor(pal.color(QPalette::Mid));
        }
    }
    const auto occupancy = m_occupancyChart->series();
    for (QAbstractSeries *s : occupancy) {
        auto *bars = qobject_cast<QHorizontalStackedBarSeries *>(s);
        if (!bars || bars->count() != 3)
            continue;
        const QColor paid = pal.color(QPalette::Highlight);
        QColor held = paid;
        held.setAlpha(110);
        QColor open = pal.color(QPalette::Mid);
        open.setAlpha(90);
        const QList<QBarSet *> sets = bars->barSets();
        const QList<QColor> colours{paid, held, open};
        for (int i = 0; i < 3; ++i) {
            sets.at(i)->setColor(colours.at(i));
            sets.at(i)->setBorderColor(pal.color(QPalette::Base));
        }
    }
}

void DashboardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    WorkspaceView::changeEvent(event);
}

} // namespace reserva::ui
