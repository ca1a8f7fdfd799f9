#include "catalogview.h"

#include "availabilitycalendar.h"
#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "common/tenantchooser.h"
#include "productdialog.h"
#include "shell/errormessagebox.h"
#include "slotdialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

// Departures from a day ago on: today's, including one under way, and
// everything ahead.
constexpr int kSlotDaysBack = 1;

QList<PagedJsonModel::Column> productColumns()
{
    using M = PagedJsonModel;
    return {
        M::textColumn([] { return CatalogView::tr("Name"); },
                      [](const QJsonObject &p) { return p.value(u"name").toString(); }),
        M::textColumn([] { return CatalogView::tr("Kind"); },
                      [](const QJsonObject &p) {
                          QString kind = DisplayFormat::productKind(p.value(u"kind").toString());
                          if (const QString t = p.value(u"transfer_kind").toString(); !t.isEmpty())
                              kind += QStringLiteral(" · ") + DisplayFormat::transferKind(t);
                          return kind;
                      }),
        M::numberColumn([] { return CatalogView::tr("Price"); },
                        [](const QJsonObject &p) {
                            return DisplayFormat::money(p.value(u"price_minor").toInteger(),
                                                        p.value(u"currency").toString());
                        }),
        M::textColumn([] { return CatalogView::tr("Status"); },
                      [](const QJsonObject &p) {
                          return p.value(u"active").toBool() ? CatalogView::tr("Active")
                                                             : CatalogView::tr("Inactive");
                      }),
    };
}

QList<PagedJsonModel::Column> slotColumns()
{
    using M = PagedJsonModel;
    return {
        M::textColumn([] { return CatalogView::tr("Starts"); },
                      [](const QJsonObject &s) {
                          return DisplayFormat::timestamp(s.value(u"starts_at").toString());
                      }),
        M::textColumn([] { return CatalogView::tr("Duration"); },
                      [](const QJsonObject &s) {
                          return DisplayFormat::duration(s.value(u"duration_minutes").toInt());
                      }),
        M::numberColumn([] { return CatalogView::tr("Capacity"); },
                        [](const QJsonObject &s) { return s.value(u"capacity").toInt(); }),
        M::numberColumn([] { return CatalogView::tr("Seats taken"); },
                        [](const QJsonObject &s) {
                            return s.value(u"capacity").toInt() - s.value(u"remaining").toInt();
                        }),
        M::numberColumn([] { return CatalogView::tr("Left"); },
                        [](const QJsonObject &s) { return s.value(u"remaining").toInt(); }),
    };
}

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

} // namespace

CatalogView::CatalogView(ApiClient &api, bool canEdit, bool platformWide, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_canEdit(canEdit)
    , m_products(new PagedJsonModel(api, QStringLiteral("/v1/products"), productColumns(), this))
    , m_slots(new PagedJsonModel(api, QString(), slotColumns(), this))
    , m_kind(new QComboBox(this))
    , m_active(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_productTable(new QTableView(this))
    , m_slotTable(new QTableView(this))
    , m_calendar(new AvailabilityCalendar(api, this))
    , m_departureTabs(new QTabWidget(this))
    , m_heading(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_description(new QLabel(this))
    , m_slotSummary(new QLabel(this))
    , m_newProduct(new QPushButton(QIcon(QStringLiteral(":/reserva/icons/new.svg")),
                                   tr("New product…"), this))
    , m_editProduct(new QPushButton(tr("Edit product…"), this))
    , m_newSlot(new QPushButton(tr("Add departure…"), this))
    , m_editSlot(new QPushButton(tr("Change departure…"), this))
{
    setObjectName(QStringLiteral("catalog"));
    m_kind->addItem(tr("All kinds"), QString());
    for (const QString &kind : DisplayFormat::productKindNames())
        m_kind->addItem(DisplayFormat::productKind(kind), kind);
    m_kind->setAccessibleName(tr("Kind filter"));
    m_active->addItem(tr("Active and inactive"), QString());
    m_active->addItem(tr("Active only"), QStringLiteral("true"));
    m_active->addItem(tr("Inactive only"), QStringLiteral("false"));
    m_active->setAccessibleName(tr("Status filter"));

    auto *filters = new QHBoxLayout;
    if (platformWide) {
        m_tenant = new TenantChooser(api, this);
        auto *tenantLabel = new QLabel(tr("&Tenant:"), this);
        tenantLabel->setBuddy(m_tenant);
        filters->addWidget(tenantLabel);
        filters->addWidget(m_tenant);
        filters->addSpacing(12);
        connect(m_tenant, &TenantChooser::tenantChanged, this, [this] {
            applyFilters();
            updateButtons();
        });
    }
    auto *kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    auto *activeLabel = new QLabel(tr("&Status:"), this);
    activeLabel->setBuddy(m_active);
    filters->addWidget(kindLabel);
    filters->addWidget(m_kind);
    filters->addSpacing(12);
    filters->addWidget(activeLabel);
    filters->addWidget(m_active);
    filters->addStretch(1);
    filters->addWidget(m_summary);

    m_productTable->setModel(m_products);
    m_productTable->setAccessibleName(tr("Products"));
    setUpTable(m_productTable);
    m_slotTable->setModel(m_slots);
    m_slotTable->setAccessibleName(tr("Departures"));
    setUpTable(m_slotTable);
    // A day in the calendar selects all of its departures.
    m_slotTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_departureTabs->addTab(m_slotTable, tr("&List"));
    m_departureTabs->addTab(m_calendar, tr("&Calendar"));
    m_departureTabs->setDocumentMode(true);

    m_newProduct->setAccessibleName(tr("New product"));
    m_editProduct->setAccessibleName(tr("Edit product"));
    m_newSlot->setAccessibleName(tr("Add departure"));
    m_editSlot->setAccessibleName(tr("Change departure"));
    auto *productButtons = new QHBoxLayout;
    productButtons->addWidget(m_newProduct);
    productButtons->addWidget(m_editProduct);
    productButtons->addStretch(1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_productTable, 1);
    leftLayout->addLayout(productButtons);

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_facts->setWordWrap(true);
    m_facts->setAccessibleName(tr("Product facts"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setAccessibleName(tr("Product description"));
    auto *departures = new QLabel(tr("Departures"), this);
    QFont sectionFont = departures->font();
    sectionFont.setBold(true);
    departures->setFont(sectionFont);
    auto *slotButtons = new QHBoxLayout;
    slotButtons->addWidget(m_newSlot);
    slotButtons->addWidget(m_editSlot);
    slotButtons->addStretch(1);
    slotButtons->addWidget(m_slotSummary);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_facts);
    rightLayout->addWidget(m_description);
    rightLayout->addSpacing(8);
    rightLayout->addWidget(departures);
    rightLayout->addWidget(m_departureTabs, 1);
    rightLayout->addLayout(slotButtons);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    // Readers never see what they could not use (the server refuses it anyway).
    for (QPushButton *button : {m_newProduct, m_editProduct, m_newSlot, m_editSlot})
        button->setVisible(m_canEdit);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &CatalogView::applyFilters);
    connect(m_active, &QComboBox::currentIndexChanged, this, &CatalogView::applyFilters);
    connect(m_productTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogView::showSelectedProduct);
    connect(m_slotTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogView::updateButtons);
    connect(m_productTable, &QTableView::doubleClicked, this, [this] {
        if (m_canEdit)
            editSelectedProduct();
    });
    connect(m_slotTable, &QTableView::doubleClicked, this, [this] {
        if (m_canEdit)
            editSelectedSlot();
    });
    connect(m_newProduct, &QPushButton::clicked, this, &CatalogView::createNew);
    connect(m_editProduct, &QPushButton::clicked, this, &CatalogView::editSelectedProduct);
    connect(m_newSlot, &QPushButton::clicked, this, &CatalogView::addSlot);
    connect(m_editSlot, &QPushButton::clicked, this, &CatalogView::editSelectedSlot);
    connect(m_products, &QAbstractItemModel::modelReset, this, &CatalogView::showSelectedProduct);
    bindPagedList(m_products, m_productTable, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"), tr("The catalog could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n product(s)", nullptr, rows);
                   }},
                  true);
    connect(m_slots, &PagedJsonModel::pageLoaded, this, [this] {
        m_slotTable->resizeColumnsToContents();
        const int rows = m_slots->rowCount();
        m_slotSummary->setText(m_slots->hasMore() ? tr("%n shown, more below", nullptr, rows)
                                                  : tr("%n departure(s)", nullptr, rows));
        updateButtons();
    });
    connect(m_slots, &PagedJsonModel::loadFailed, this, [this](const ApiError &error) {
        m_slotSummary->setText(ErrorMessageBox::explanation(error));
    });
    connect(m_slots, &PagedJsonModel::pageLoaded, this, &CatalogView::selectPendingDay);
    connect(m_calendar, &QCalendarWidget::clicked, this, &CatalogView::selectDepartures);
    // Enter or a double click on a day: its departures, in the list.
    connect(m_calendar, &QCalendarWidget::activated, this, [this](QDate day) {
        selectDepartures(day);
        m_departureTabs->setCurrentWidget(m_slotTable);
    });
    connect(m_calendar, &AvailabilityCalendar::loadFailed, this, [this](const ApiError &error) {
        m_slotSummary->setText(ErrorMessageBox::explanation(error));
    });
    showSelectedProduct();
}

QString CatalogView::title() const
{
    return tr("Catalog");
}

QIcon CatalogView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/catalog.svg"));
}

void CatalogView::refresh()
{
    if (m_tenant)
        m_tenant->load();
    applyFilters();
}

void CatalogView::focusFilter()
{
    m_kind->setFocus(Qt::ShortcutFocusReason);
}

void CatalogView::applyFilters()
{
    QUrlQuery query;
    if (const QString kind = m_kind->currentData().toString(); !kind.isEmpty())
        query.addQueryItem(QStringLiteral("kind"), kind);
    if (const QString active = m_active->currentData().toString(); !active.isEmpty())
        query.addQueryItem(QStringLiteral("active"), active);
    if (m_tenant && !m_tenant->tenantId().isNull())
        query.addQueryItem(QStringLiteral("tenant_id"),
                           m_tenant->tenantId().toString(QUuid::WithoutBraces));
    m_products->setFilters(query);
    m_products->reload();
}

QJsonObject CatalogView::selectedProduct() const
{
    const QModelIndex current = m_productTable->currentIndex();
    return current.isValid() ? m_products->item(current.row()) : QJsonObject();
}

void CatalogView::showSelectedProduct()
{
    const QJsonObject product = selectedProduct();
    if (product.isEmpty()) {
        m_heading->setText(tr("No product selected"));
        m_facts->setText(tr("Select a product to see its departures."));
        m_description->clear();
        m_description->setVisible(false);
        m_slots->clear();
        m_calendar->setProduct(QString());
        m_slotSummary->clear();
        updateButtons();
        return;
    }
    m_heading->setText(product.value(u"name").toString());
    QString kind = DisplayFormat::productKind(product.value(u"kind").toString());
    if (const QString t = product.value(u"transfer_kind").toString(); !t.isEmpty())
        kind = tr("%1 (%2)").arg(kind, DisplayFormat::transferKind(t));
    m_facts->setText(
        tr("%1 · %2 · %3")
            .arg(kind,
                 DisplayFormat::money(product.value(u"price_minor").toInteger(),
                                      product.value(u"currency").toString()),
                 product.value(u"active").toBool() ? tr("Active") : tr("Inactive — not bookable")));
    const QString description = product.value(u"description").toString();
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    loadSlots();
}

void CatalogView::loadSlots()
{
    const QString id = selectedProduct().value(u"id").toString();
    if (id.isEmpty())
        return;
    m_calendar->setProduct(id);
    m_pendingDay = QDate();
    listSlotsFrom(QDateTime::currentDateTimeUtc().addDays(-kSlotDaysBack));
}

void CatalogView::listSlotsFrom(const QDateTime &from)
{
    const QString id = selectedProduct().value(u"id").toString();
    if (id.isEmpty())
        return;
    m_slotsFrom = from;
    m_slots->setPath(QStringLiteral("/v1/products/%1/slots").arg(id));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), from.toUTC().toString(Qt::ISODate));
    m_slots->setFilters(query);
    m_slotSummary->setText(tr("Loading…"));
    m_slots->reload();
    updateButtons();
}

void CatalogView::selectDepartures(const QDate &day)
{
    if (selectedProduct().isEmpty() || !day.isValid())
        return;
    m_pendingDay = day;
    selectPendingDay();
}

bool CatalogView::listCovers(const QDate &day) const
{
    const QDateTime dayStart(day, QTime(0, 0));
    if (dayStart < m_slotsFrom)
        return false;
    // Listed from that very day: what is there is what there is (a day with
    // more departures than a page shows the first page's).
    if (dayStart == m_slotsFrom || !m_slots->hasMore())
        return true;
    const int rows = m_slots->rowCount();
    if (rows == 0)
        return false;
    const QDateTime last = QDateTime::fromString(
        m_slots->item(rows - 1).value(u"starts_at").toString(), Qt::ISODateWithMs);
    return last.toLocalTime().date() > day;
}

void CatalogView::selectPendingDay()
{
    if (!m_pendingDay.isValid() || m_slots->isLoading())
        return; // again when the page arrives
    const QDate day = m_pendingDay;
    if (!listCovers(day)) {
        // The list starts later or has not reached that day: list from it.
        listSlotsFrom(QDateTime(day, QTime(0, 0)));
        return;
    }
    m_pendingDay = QDate();
    QItemSelection selection;
    int first = -1;
    for (int r = 0; r < m_slots->rowCount(); ++r) {
        const QDateTime start = QDateTime::fromString(
            m_slots->item(r).value(u"starts_at").toString(), Qt::ISODateWithMs);
        if (start.toLocalTime().date() != day)
            continue;
        if (first < 0)
            first = r;
        selection.select(m_slots->index(r, 0), m_slots->index(r, m_slots->columnCount() - 1));
    }
    QItemSelectionModel *selected = m_slotTable->selectionModel();
    if (first < 0) {
        selected->clearSelection();
        m_slotSummary->setText(
            tr("No departures on %1").arg(QLocale().toString(day, QLocale::ShortFormat)));
        return;
    }
    selected->setCurrentIndex(m_slots->index(first, 0), QItemSelectionModel::NoUpdate);
    selected->select(selection, QItemSelectionModel::ClearAndSelect);
    m_slotTable->scrollTo(m_slots->index(first, 0));
}

void CatalogView::updateButtons()
{
    const bool productChosen = !selectedProduct().isEmpty();
    // A platform-wide user creates for the tenant chosen in the filter.
    m_newProduct->setEnabled(!m_tenant || !m_tenant->tenantId().isNull());
    m_newProduct->setToolTip(m_newProduct->isEnabled()
                                 ? QString()
                                 : tr("Choose a tenant first: new products belong to one."));
    m_editProduct->setEnabled(productChosen);
    m_newSlot->setEnabled(productChosen);
    m_editSlot->setEnabled(productChosen && m_slotTable->currentIndex().isValid());
}

void CatalogView::createNew()
{
    if (!m_canEdit || !m_newProduct->isEnabled())
        return;
    auto *dialog = new ProductDialog(m_api, {}, m_tenant ? m_tenant->tenantId() : QUuid(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProductDialog::productSaved, this, &CatalogView::applyFilters);
    dialog->open();
}

void CatalogView::editSelectedProduct()
{
    const QJsonObject product = selectedProduct();
    if (!m_canEdit || product.isEmpty())
        return;
    auto *dialog = new ProductDialog(m_api, product, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProductDialog::productSaved, this, [this](const QJsonObject &saved) {
        m_products->updateItem(saved);
        showSelectedProduct();
    });
    dialog->open();
}

void CatalogView::addSlot()
{
    const QString id = selectedProduct().value(u"id").toString();
    if (!m_canEdit || id.isEmpty())
        return;
    auto *dialog = new SlotDialog(m_api, id, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SlotDialog::slotSaved, this, &CatalogView::loadSlots);
    dialog->open();
}

void CatalogView::editSelectedSlot()
{
    const QModelIndex current = m_slotTable->currentIndex();
    const QString id = selectedProduct().value(u"id").toString();
    if (!m_canEdit || id.isEmpty() || !current.isValid())
        return;
    auto *dialog = new SlotDialog(m_api, id, m_slots->item(current.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SlotDialog::slotSaved, m_slots, &PagedJsonModel::updateItem);
    connect(dialog, &SlotDialog::slotSaved, m_calendar, &AvailabilityCalendar::reload);
    dialog->open();
}

} // namespace reserva::ui
