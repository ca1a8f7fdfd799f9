#include "reservationsview.h"

#include "catalog/productdirectory.h"
#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "net/apiclient.h"
#include "newreservationdialog.h"
#include "paymentdialog.h"
#include "reservationdetailpane.h"
#include "reservationfeedpoller.h"
#include "shell/errormessagebox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QList<PagedJsonModel::Column> reservationColumns(const ProductDirectory *products)
{
    const auto text = [](auto f) {
        return [f](const QJsonObject &r, int role) -> QVariant {
            return role == Qt::DisplayRole ? QVariant(f(r)) : QVariant();
        };
    };
    return {
        {[] { return ReservationsView::tr("Created"); }, text([](const QJsonObject &r) {
             return DisplayFormat::timestamp(r.value(u"created_at").toString());
         }),
         QStringLiteral("created_at")},
        {[] { return ReservationsView::tr("Customer"); }, text([](const QJsonObject &r) {
             return r.value(u"customer").toObject().value(u"name").toString();
         }),
         QStringLiteral("customer_name")},
        {[] { return ReservationsView::tr("Product"); }, text([products](const QJsonObject &r) {
             return products->name(r.value(u"product_id").toString());
         })},
        {[] { return ReservationsView::tr("Seats"); },
         [](const QJsonObject &r, int role) -> QVariant {
             if (role == Qt::DisplayRole)
                 return r.value(u"quantity").toInt();
             if (role == Qt::TextAlignmentRole)
                 return int(Qt::AlignRight | Qt::AlignVCenter);
             return {};
         }},
        {[] { return ReservationsView::tr("Amount"); },
         [](const QJsonObject &r, int role) -> QVariant {
             if (role == Qt::DisplayRole)
                 return DisplayFormat::money(r.value(u"amount_minor").toInteger(),
                                             r.value(u"currency").toString());
             if (role == Qt::TextAlignmentRole)
                 return int(Qt::AlignRight | Qt::AlignVCenter);
             return {};
         },
         QStringLiteral("amount_minor")},
        {[] { return ReservationsView::tr("Status"); }, text([](const QJsonObject &r) {
             return DisplayFormat::reservationStatus(r.value(u"status").toString());
         })},
        {[] { return ReservationsView::tr("Held until"); }, text([](const QJsonObject &r) {
             return DisplayFormat::timestamp(r.value(u"hold_expires_at").toString());
         })},
        {[] { return ReservationsView::tr("Email"); }, text([](const QJsonObject &r) {
             return r.value(u"customer").toObject().value(u"email").toString();
         })},
    };
}

} // namespace

ReservationsView::ReservationsView(ApiClient &api, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_products(new ProductDirectory(api, this))
    , m_model(new PagedJsonModel(api, QStringLiteral("/v1/reservations"),
                                 reservationColumns(m_products), this))
    , m_status(new QComboBox(this))
    , m_email(new QLineEdit(this))
    , m_emailDebounce(new QTimer(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_detail(new ReservationDetailPane(api, this))
    , m_feed(new ReservationFeedPoller(api, this))
{
    setObjectName(QStringLiteral("reservations"));
    m_status->addItem(tr("All statuses"), QString());
    for (const QString &name : DisplayFormat::reservationStatusNames())
        m_status->addItem(DisplayFormat::reservationStatus(name), name);
    m_status->setAccessibleName(tr("Status filter"));
    m_email->setPlaceholderText(tr("Customer email"));
    m_email->setAccessibleName(tr("Customer email filter"));
    m_email->setClearButtonEnabled(true);
    m_emailDebounce->setSingleShot(true);
    m_emailDebounce->setInterval(400);

    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto *emailLabel = new QLabel(tr("&Customer:"), this);
    emailLabel->setBuddy(m_email);
    auto *filters = new QHBoxLayout;
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(emailLabel);
    filters->addWidget(m_email, 1);
    filters->addWidget(m_summary);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Reservations"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &ReservationsView::applyFilters);
    connect(m_email, &QLineEdit::textChanged, m_emailDebounce, qOverload<>(&QTimer::start));
    connect(m_emailDebounce, &QTimer::timeout, this, &ReservationsView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReservationsView::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, m_detail, &ReservationDetailPane::clear);
    // Newest first, as the server lists by default; the headers of the
    // created, customer and amount columns sort on the server.
    m_model->setSort(0, Qt::DescendingOrder);
    bindServerSorting(m_model, m_table);
    bindPagedList(m_model, m_table, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"), tr("The reservations could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n reservation(s)", nullptr, rows);
                   }},
                  false);
    connect(m_products, &ProductDirectory::loaded, this, [this] {
        m_model->refreshDisplay();
        showSelected();
    });
    connect(m_feed, &ReservationFeedPoller::changed, this, &ReservationsView::applyChanges);
    connect(m_detail, &ReservationDetailPane::paymentRequested, this,
            &ReservationsView::startPayment);
    connect(m_detail, &ReservationDetailPane::cancelRequested, this,
            &ReservationsView::cancelSelected);
}

QString ReservationsView::title() const
{
    return tr("Reservations");
}

QIcon ReservationsView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/reservations.svg"));
}

void ReservationsView::refresh()
{
    m_products->load();
    if (m_feed->isReady()) {
        applyFilters();
        return;
    }
    // The feed's starting point first, then the list: whatever is written
    // between the two arrives through the feed, nothing falls in between.
    connect(m_feed, &ReservationFeedPoller::ready, this, &ReservationsView::applyFilters,
            Qt::SingleShotConnection);
    m_feed->start();
}

void ReservationsView::createNew()
{
    auto *dialog = new NewReservationDialog(m_api, *m_products, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewReservationDialog::reservationCreated, this,
            [this](const QJsonObject &reservation) {
                // Newest first: the new booking goes on top (the feed would
                // bring it too, a moment later).
                applyChanges({reservation});
            });
    dialog->open();
}

void ReservationsView::focusFilter()
{
    m_email->setFocus(Qt::ShortcutFocusReason);
    m_email->selectAll();
}

void ReservationsView::applyFilters()
{
    QUrlQuery query;
    if (const QString status = m_status->currentData().toString(); !status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), status);
    if (const QString email = m_email->text().trimmed(); !email.isEmpty())
        query.addQueryItem(QStringLiteral("customer_email"), email);
    m_model->setFilters(query);
    m_model->reload();
}

void ReservationsView::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QJsonObject reservation = m_model->item(current.row());
    m_detail->showReservation(reservation,
                              m_products->name(reservation.value(u"product_id").toString()));
}

} // namespace reserva::ui

namespace reserva::ui {

void ReservationsView::showEvent(QShowEvent *event)
{
    WorkspaceView::showEvent(event);
    // Polling only while the page is on screen; it resumes where it stopped.
    if (m_feed->isReady())
        m_feed->start();
}

void ReservationsView::hideEvent(QHideEvent *event)
{
    WorkspaceView::hideEvent(event);
    m_feed->stop();
}

bool ReservationsView::matchesFilters(const QJsonObject &reservation) const
{
    const QString status = m_status->currentData().toString();
    if (!status.isEmpty() && reservation.value(u"status").toString() != status)
        return false;
    const QString email = m_email->text().trimmed();
    return email.isEmpty() ||
           reservation.value(u"customer").toObject().value(u"email").toString() == email.toLower();
}

void ReservationsView::applyChanges(const QList<QJsonObject> &reservations)
{
    const QString newest =
        m_model->rowCount() > 0 ? m_model->item(0).value(u"created_at").toString() : QString();
    for (const QJsonObject &reservation : reservations) {
        // A row on screen takes its new state even if it no longer matches
        // the filter: rows do not vanish under the user's eyes.
        if (m_model->updateItem(reservation))
            continue;
        // A booking made elsewhere that this list (newest first) would show first.
        if (!m_model->isLoading() && m_model->sortParameter() == u"-created_at" &&
            matchesFilters(reservation) && reservation.value(u"created_at").toString() >= newest)
            m_model->prependItem(reservation);
    }
    showSelected();
}

PaymentDialog *ReservationsView::startPayment()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QJsonObject reservation = m_model->item(current.row());
    if (reservation.value(u"status").toString() != u"pending_payment")
        return nullptr;
    auto *dialog = new PaymentDialog(m_api, reservation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The intent shows in the detail pane at once; "paid" comes by the feed.
    connect(dialog, &PaymentDialog::intentCreated, this, [this] {
        m_detail->clear();
        showSelected();
    });
    dialog->open();
    return dialog;
}

void ReservationsView::cancelSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QJsonObject reservation = m_model->item(current.row());
    auto *ask = new QMessageBox(
        QMessageBox::Question, tr("Cancel reservation"),
        tr("Cancel the reservation of %1 for %n seat(s)? Its seats are released at once. This "
           "cannot be undone.",
           nullptr, reservation.value(u"quantity").toInt())
            .arg(reservation.value(u"customer").toObject().value(u"name").toString()),
        QMessageBox::Yes | QMessageBox::No, this);
    ask->setDefaultButton(QMessageBox::No);
    ask->button(QMessageBox::Yes)->setText(tr("Cancel reservation"));
    ask->button(QMessageBox::No)->setText(tr("Keep it"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, reservation] {
        if (ask->clickedButton() == ask->button(QMessageBox::Yes))
            cancel(reservation);
    });
    ask->open();
}

void ReservationsView::cancel(const QJsonObject &reservation)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/reservations/") + reservation.value(u"id").toString() +
                   QStringLiteral("/cancel");
    m_api.send(request, this, [this](const ApiResponse &response) {
        if (!response.ok()) {
            ErrorMessageBox::show(this, tr("The reservation could not be cancelled."),
                                  *response.error);
            return;
        }
        applyChanges({response.object()});
    });
}

} // namespace reserva::ui
