#pragma once

#include "auditcsvexport.h"
#include "shell/workspaceview.h"

#include <QUrlQuery>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace reserva::ui {

struct AccessClaims;
class ApiClient;
class AuditChainStatus;
class PagedJsonModel;
class TenantChooser;

// The audit trail (administrators and auditors), newest first, page by page,
// filtered on the server by actor, action, resource, tenant and time; the
// hash chain's verification status; and a CSV export of the current filter
// with its progress, which can be cancelled.
class AuditView final : public WorkspaceView
{
    Q_OBJECT
public:
    struct Access
    {
        bool chooseTenant = false; // an administrator without a tenant (GET /v1/tenants)
        bool verifyChain = false;  // a platform-wide reader: the chain spans every tenant
    };
    static Access accessFor(const AccessClaims &claims);

    AuditView(ApiClient &api, Access access, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;

    PagedJsonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Null without Access::verifyChain.
    AuditChainStatus *chainStatus() const { return m_chain; }
    AuditCsvExport *csvExport() const { return m_export; }
    // GET /v1/audit's filter parameters as the controls say now.
    QUrlQuery currentFilters() const;

    // Asks where to save, then exportTo().
    void exportCsv();
    // Writes the rows of the current filter to `path` in the background;
    // false (said on the page) when it cannot start.
    bool exportTo(const QString &path);
    // What the export line says now.
    QString exportStatus() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilters();
    void showExportProgress(qint64 rows);
    void showExportOutcome(AuditCsvExport::Outcome outcome);
    void setExporting(bool exporting);

    ApiClient &m_api;
    Access m_access;
    PagedJsonModel *m_model;
    TenantChooser *m_tenant = nullptr;
    QLineEdit *m_actor;
    QLineEdit *m_action;
    QLineEdit *m_resource;
    QCheckBox *m_fromEnabled;
    QDateTimeEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateTimeEdit *m_to;
    QTimer *m_debounce;
    AuditChainStatus *m_chain = nullptr;
    QTableView *m_table;
    QLabel *m_summary;
    AuditCsvExport *m_export;
    QPushButton *m_exportButton;
    QProgressBar *m_exportProgress;
    QLabel *m_exportStatus;
    QPushButton *m_cancelExport;
    QString m_exportPath;
    bool m_shownOnce = false;
};

} // namespace reserva::ui
