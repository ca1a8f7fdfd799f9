#pragma once

#include "contract/dashboardtypes.h"
#include "net/apierror.h"
#include "shell/workspaceview.h"

#include <optional>

class QChart;
class QChartView;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace reserva::ui {

class ApiClient;
class TenantChooser;

// The day at a glance (admin, partner_manager, partner_staff), from
// GET /v1/dashboard in the user's own time zone: today's departures, payments
// still awaited, holds about to run out, the seats of every departure of the
// next 14 days as a chart, and the money that came in over the last 14 days,
// one line per currency. Administrators choose a tenant or see them all.
class DashboardView final : public WorkspaceView
{
    Q_OBJECT
public:
    // `platformWide`: the user's token names no tenant (an administrator).
    DashboardView(ApiClient &api, bool platformWide, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;

    bool isLoading() const { return m_loading; }
    // The last dashboard shown; nullopt before the first answer.
    const std::optional<DashboardSnapshot> &snapshot() const { return m_snapshot; }
    QChart *occupancyChart() const { return m_occupancyChart; }
    QChart *revenueChart() const { return m_revenueChart; }
    // The zone the days are asked in: this computer's, when it is an IANA
    // name the dashboard accepts (else UTC).
    static QString localTimeZoneId();

Q_SIGNALS:
    void loaded();
    void loadFailed(const ApiError &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void showDashboard(const DashboardSnapshot &dashboard);
    void fillDepartures(const DashboardSnapshot &dashboard);
    void fillPending(const DashboardSnapshot &dashboard);
    void fillHolds(const DashboardSnapshot &dashboard);
    void fillOccupancy(const DashboardSnapshot &dashboard);
    void fillRevenue(const DashboardSnapshot &dashboard);
    void rescaleRevenue();
    void applyPalette();

    ApiClient &m_api;
    TenantChooser *m_tenant = nullptr;
    QSpinBox *m_holdWindow;
    QLabel *m_summary;
    QTableWidget *m_departures;
    QTableWidget *m_pending;
    QTableWidget *m_holds;
    QChart *m_occupancyChart;
    QChartView *m_occupancyView;
    QChart *m_revenueChart;
    QChartView *m_revenueView;
    QString m_timeZone;
    std::optional<DashboardSnapshot> m_snapshot;
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace reserva::ui
