#pragma once

#include "shell/workspaceview.h"

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace reserva::ui {

class ApiClient;
class PagedJsonModel;

// The audit trail (administrators and auditors), newest first, page by page,
// filtered on the server by actor and action.
class AuditView final : public WorkspaceView
{
    Q_OBJECT
public:
    explicit AuditView(ApiClient &api, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;

    PagedJsonModel *model() const { return m_model; }

private:
    void applyFilters();

    PagedJsonModel *m_model;
    QLineEdit *m_actor;
    QLineEdit *m_action;
    QTimer *m_debounce;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace reserva::ui
