#pragma once

#include "shell/workspaceview.h"

#include <QJsonObject>
#include <QUuid>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace reserva::ui {

struct AccessClaims;
class ApiClient;
class PagedJsonModel;
class TenantChooser;
class UserDialog;

// Accounts: for an administrator every user (or one tenant's, through the
// tenant filter) and the tenants themselves, with new tenants; for a partner
// manager the staff of its own tenant (the server scopes the list). New
// users, role changes, password resets, and deactivation (which signs the
// user out everywhere) and reactivation. Users are never deleted: the audit
// trail names them.
class UsersView final : public WorkspaceView
{
    Q_OBJECT
public:
    struct Access
    {
        bool admin = false;    // every tenant, every role, tenants too
        QString selfId;        // the signed-in user's id: not deactivated from here
        QStringList grantable; // roles the caller may grant
    };
    static Access accessFor(const AccessClaims &claims);

    UsersView(ApiClient &api, Access access, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;
    bool canCreate() const override { return true; }
    void createNew() override;

    PagedJsonModel *users() const { return m_users; }
    PagedJsonModel *tenants() const { return m_tenants; }
    QTableView *userTable() const { return m_userTable; }
    TenantChooser *tenantFilter() const { return m_tenantFilter; }
    // The dialogs, built as the buttons build them (tests fill them in).
    UserDialog *newUserDialog();
    UserDialog *editUserDialog();
    void createTenant();
    void toggleSelectedActive();

private:
    void applyFilters();
    void showSelected();
    void updateButtons();
    void setActive(const QJsonObject &user, bool active);
    QJsonObject selectedUser() const;
    QString tenantName(const QString &id) const;

    ApiClient &m_api;
    Access m_access;
    TenantChooser *m_tenantFilter = nullptr;
    QTabWidget *m_tabs = nullptr;
    PagedJsonModel *m_users;
    PagedJsonModel *m_tenants = nullptr;
    QTableView *m_userTable;
    QTableView *m_tenantTable = nullptr;
    QLabel *m_summary;
    QLabel *m_tenantSummary = nullptr;
    QLabel *m_heading;
    QLabel *m_facts;
    QPushButton *m_newUser;
    QPushButton *m_edit;
    QPushButton *m_toggleActive;
    QPushButton *m_newTenant = nullptr;
};

} // namespace reserva::ui
