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
class PaymentDialog;
class ProductDirectory;
class ReservationDetailPane;
class ReservationFeedPoller;

// Reservations of the user's tenant (all tenants for an administrator),
// newest first, loaded page by page as the user scrolls; filtered by status
// and customer email on the server; the selected one in a detail pane with
// its payments and history; new bookings through NewReservationDialog;
// payments started through PaymentDialog; cancelling. Rows follow the
// server's change feed, so a payment shows the moment its webhook lands.
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
    ReservationDetailPane *detailPane() const { return m_detail; }
    ReservationFeedPoller *feed() const { return m_feed; }

    // Opens the payment dialog for the selected reservation (the detail
    // pane's button); returns it, or null when nothing pending is selected.
    PaymentDialog *startPayment();
    // Asks to confirm, then cancels the selected reservation.
    void cancelSelected();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyFilters();
    void showSelected();
    void applyChanges(const QList<QJsonObject> &reservations);
    bool matchesFilters(const QJsonObject &reservation) const;
    void cancel(const QJsonObject &reservation);

    ApiClient &m_api;
    ProductDirectory *m_products;
    PagedJsonModel *m_model;
    QComboBox *m_status;
    QLineEdit *m_email;
    QTimer *m_emailDebounce;
    QTableView *m_table;
    QLabel *m_summary;
    ReservationDetailPane *m_detail;
    ReservationFeedPoller *m_feed;
};

} // namespace reserva::ui
