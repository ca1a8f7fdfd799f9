#pragma once

#include "shell/workspaceview.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace reserva::ui {

struct AccessClaims;
class ApiClient;
class PagedJsonModel;
class ProductDirectory;
class ReleaseOnRefundSetting;
class TenantChooser;

// Promotion codes, filtered by status and code on the server; the selected
// code's terms and its redemptions (not for auditors: they carry customer
// emails); create, edit and deactivate for managers (there is no delete:
// claims reference promotions); the tenant's release-on-refund setting.
class PromotionsView final : public WorkspaceView
{
    Q_OBJECT
public:
    struct Access
    {
        bool canEdit = false;         // admin, partner_manager
        bool seesRedemptions = false; // not auditors
        bool platformWide = false;    // the token names no tenant
    };
    static Access accessFor(const AccessClaims &claims);

    PromotionsView(ApiClient &api, Access access, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;
    bool canCreate() const override { return m_access.canEdit; }
    void createNew() override;

    PagedJsonModel *promotions() const { return m_promotions; }
    PagedJsonModel *redemptions() const { return m_redemptions; }
    QTableView *table() const { return m_table; }
    void editSelected();
    void deactivateSelected();

private:
    void applyFilters();
    void showSelected();
    void updateButtons();
    QJsonObject selected() const;
    QUuid tenantForNew() const;

    ApiClient &m_api;
    Access m_access;
    TenantChooser *m_tenant = nullptr;
    ProductDirectory *m_products;
    PagedJsonModel *m_promotions;
    PagedJsonModel *m_redemptions;
    QComboBox *m_active;
    QLineEdit *m_code;
    QTimer *m_codeDebounce;
    QLabel *m_summary;
    QTableView *m_table;
    QTableView *m_redemptionTable = nullptr;
    QLabel *m_heading;
    QLabel *m_terms;
    QLabel *m_redemptionSummary = nullptr;
    ReleaseOnRefundSetting *m_setting = nullptr;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_deactivate;
};

} // namespace reserva::ui
