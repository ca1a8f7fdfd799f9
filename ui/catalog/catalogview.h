#pragma once

#include "shell/workspaceview.h"

#include <QDate>
#include <QDateTime>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;

namespace reserva::ui {

class ApiClient;
class AvailabilityCalendar;
class PagedJsonModel;
class TenantChooser;

// The catalog: products (filtered by kind and status on the server, paged as
// the user scrolls) and the selected product's departures with their
// capacity and the seats already held or sold, as a list and as a month
// calendar (a day clicked there selects its departures in the list). Editors (admin,
// partner_manager) create and edit products and departures; everyone else
// reads, and the editing buttons are not shown.
class CatalogView final : public WorkspaceView
{
    Q_OBJECT
public:
    // `platformWide`: the user's token names no tenant (an administrator).
    CatalogView(ApiClient &api, bool canEdit, bool platformWide, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;
    bool canCreate() const override { return m_canEdit; }
    void createNew() override;

    PagedJsonModel *products() const { return m_products; }
    PagedJsonModel *slots() const { return m_slots; }
    QTableView *productTable() const { return m_productTable; }
    QTableView *slotTable() const { return m_slotTable; }
    AvailabilityCalendar *calendar() const { return m_calendar; }
    // Selects the departures of `day` (the user's day) in the list, listing
    // from that day when the list does not hold it yet.
    void selectDepartures(const QDate &day);
    void editSelectedProduct();
    void addSlot();
    void editSelectedSlot();

private:
    void applyFilters();
    void showSelectedProduct();
    void loadSlots();
    void listSlotsFrom(const QDateTime &from);
    bool listCovers(const QDate &day) const;
    void selectPendingDay();
    void updateButtons();
    QJsonObject selectedProduct() const;

    ApiClient &m_api;
    bool m_canEdit;
    TenantChooser *m_tenant = nullptr;
    PagedJsonModel *m_products;
    PagedJsonModel *m_slots;
    QComboBox *m_kind;
    QComboBox *m_active;
    QLabel *m_summary;
    QTableView *m_productTable;
    QTableView *m_slotTable;
    AvailabilityCalendar *m_calendar;
    QTabWidget *m_departureTabs;
    QDateTime m_slotsFrom; // where the departures list starts
    QDate m_pendingDay;    // to select once the list has loaded
    QLabel *m_heading;
    QLabel *m_facts;
    QLabel *m_description;
    QLabel *m_slotSummary;
    QPushButton *m_newProduct;
    QPushButton *m_editProduct;
    QPushButton *m_newSlot;
    QPushButton *m_editSlot;
};

} // namespace reserva::ui
