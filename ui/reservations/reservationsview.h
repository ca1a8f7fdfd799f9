#pragma once

#include "shell/workspaceview.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace reserva::ui {

class ApiClient;
class PagedJsonModel;
class ProductDirectory;
class ReservationDetailPane;

// Reservations of the user's tenant (all tenants for an administrator),
// newest first, loaded page by page as the user scrolls; filtered by status
// and customer email on the server; the selected one in a detail pane; new
// bookings through NewReservationDialog.
class ReservationsView final : public WorkspaceView
{
    Q_OBJECT
public:
    explicit ReservationsView(ApiClient &api, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;
    bool canCreate() const override { return true; }
    void createNew() override;

    PagedJsonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

private:
    void applyFilters();
    void showSelected();

    ApiClient &m_api;
    ProductDirectory *m_products;
    PagedJsonModel *m_model;
    QComboBox *m_status;
    QLineEdit *m_email;
    QTimer *m_emailDebounce;
    QTableView *m_table;
    QLabel *m_summary;
    ReservationDetailPane *m_detail;
};

} // namespace reserva::ui
