#include "auditview.h"

#include "auditchainstatus.h"
#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "common/tenantchooser.h"
#include "common/timezonetext.h"
#include "domain/role.h"
#include "net/accessclaims.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QList<PagedJsonModel::Column> auditColumns()
{
    const auto text = [](auto f) {
        return [f](const QJsonObject &r, int role) -> QVariant {
            return role == Qt::DisplayRole ? QVariant(f(r)) : QVariant();
        };
    };
    return {
        {[] { return AuditView::tr("When"); }, text([](const QJsonObject &r) {
             return DisplayFormat::timestamp(r.value(u"occurred_at").toString());
         })},
        {[] { return AuditView::tr("Actor"); },
         text([](const QJsonObject &r) { return r.value(u"actor").toString(); })},
        {[] { return AuditView::tr("Action"); },
         text([](const QJsonObject &r) { return r.value(u"action").toString(); })},
        {[] { return AuditView::tr("Resource"); },
         text([](const QJsonObject &r) { return r.value(u"resource").toString(); })},
        {[] { return AuditView::tr("Outcome"); }, text([](const QJsonObject &r) {
             return DisplayFormat::auditOutcome(r.value(u"outcome").toString());
         })},
        {[] { return AuditView::tr("Request ID"); },
         text([](const QJsonObject &r) { return r.value(u"request_id").toString(); })},
    };
}

QLineEdit *filterEdit(QWidget *parent, const QString &placeholder, const QString &name)
{
    auto *edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(name);
    edit->setClearButtonEnabled(true);
    return edit;
}

// A time bound: off until its box is ticked; whole minutes, in the user's zone.
QDateTimeEdit *timeEdit(QWidget *parent, const QDateTime &initial, const QString &name)
{
    auto *edit = new QDateTimeEdit(initial, parent);
    edit->setCalendarPopup(true);
    edit->setAccessibleName(name);
    edit->setEnabled(false);
    return edit;
}

QDateTime wholeMinute(const QDateTime &local)
{
    return QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()));
}

} // namespace

AuditView::Access AuditView::accessFor(const AccessClaims &claims)
{
    const bool platformWide = claims.tenantId.isNull();
    return {platformWide && claims.hasRole(role::kAdmin), platformWide};
}

AuditView::AuditView(ApiClient &api, Access access, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_access(access)
    , m_model(new PagedJsonModel(api, QStringLiteral("/v1/audit"), auditColumns(), this))
    , m_actor(filterEdit(this, tr("Actor (user id)"), tr("Actor filter")))
    , m_action(filterEdit(this, tr("Action, e.g. auth.login"), tr("Action filter")))
    , m_resource(filterEdit(this, tr("Resource, e.g. user:<id>"), tr("Resource filter")))
    , m_fromEnabled(new QCheckBox(tr("&From:"), this))
    , m_from(timeEdit(this, wholeMinute(QDateTime::currentDateTime().addDays(-7)),
                      tr("From time filter")))
    , m_toEnabled(new QCheckBox(tr("&Until:"), this))
    , m_to(timeEdit(this, wholeMinute(QDateTime::currentDateTime().addSecs(60)),
                    tr("Until time filter")))
    , m_debounce(new QTimer(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_export(new AuditCsvExport(api, this))
    , m_exportButton(new QPushButton(tr("&Export CSV…"), this))
    , m_exportProgress(new QProgressBar(this))
    , m_exportStatus(new QLabel(this))
    , m_cancelExport(new QPushButton(tr("Cancel export"), this))
{
    setObjectName(QStringLiteral("audit"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    m_fromEnabled->setAccessibleName(tr("Filter from a time"));
    m_fromEnabled->setToolTip(tr("Entries at or after this time (your time zone)"));
    m_toEnabled->setAccessibleName(tr("Filter until a time"));
    m_toEnabled->setToolTip(tr("Entries before this time (your time zone)"));

    auto *who = new QHBoxLayout;
    if (m_access.chooseTenant) {
        m_tenant = new TenantChooser(api, this);
        auto *tenantLabel = new QLabel(tr("&Tenant:"), this);
        tenantLabel->setBuddy(m_tenant);
        who->addWidget(tenantLabel);
        who->addWidget(m_tenant);
        who->addSpacing(12);
        connect(m_tenant, &TenantChooser::tenantChanged, this, &AuditView::applyFilters);
    }
    const auto addFilter = [this, who](const QString &label, QLineEdit *edit) {
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(edit);
        who->addWidget(buddy);
        who->addWidget(edit, 1);
        connect(edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    };
    addFilter(tr("&Actor:"), m_actor);
    who->addSpacing(12);
    addFilter(tr("A&ction:"), m_action);
    who->addSpacing(12);
    addFilter(tr("&Resource:"), m_resource);

    auto *when = new QHBoxLayout;
    for (auto [box, edit] : {std::pair{m_fromEnabled, m_from}, std::pair{m_toEnabled, m_to}}) {
        when->addWidget(box);
        when->addWidget(edit);
        when->addSpacing(12);
        connect(box, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(box, &QCheckBox::toggled, this, &AuditView::applyFilters);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this, box = box] {
            if (box->isChecked())
                m_debounce->start();
        });
    }
    auto *zone = new QLabel(timezonetext::describeLocalZone(QDateTime::currentDateTime()), this);
    zone->setForegroundRole(QPalette::PlaceholderText);
    when->addWidget(zone);
    when->addStretch(1);
    when->addWidget(m_summary);

    if (m_access.verifyChain)
        m_chain = new AuditChainStatus(api, this);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Audit trail"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_exportButton->setAccessibleName(tr("Export CSV"));
    m_exportButton->setToolTip(tr("Save the entries the filters select as a CSV file."));
    m_exportProgress->setAccessibleName(tr("Export progress"));
    // The server does not count a filter's rows up front (that would cost a
    // second walk of the trail): the bar moves without a total, the label
    // counts the rows written.
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setTextVisible(false);
    m_exportProgress->setMaximumWidth(200);
    m_exportStatus->setAccessibleName(tr("Export status"));
    m_cancelExport->setAccessibleName(tr("Cancel export"));
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportButton);
    exportRow->addWidget(m_exportProgress);
    exportRow->addWidget(m_exportStatus, 1);
    exportRow->addWidget(m_cancelExport);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(who);
    layout->addLayout(when);
    if (m_chain)
        layout->addWidget(m_chain);
    layout->addWidget(m_table, 1);
    layout->addLayout(exportRow);

    connect(m_debounce, &QTimer::timeout, this, &AuditView::applyFilters);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditView::exportCsv);
    connect(m_cancelExport, &QPushButton::clicked, m_export, &AuditCsvExport::cancel);
    connect(m_export, &AuditCsvExport::progress, this, &AuditView::showExportProgress);
    connect(m_export, &AuditCsvExport::finished, this, &AuditView::showExportOutcome);
    bindPagedList(m_model, m_table, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"), tr("The audit trail could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n entries", nullptr, rows);
                   }},
                  false);
    setExporting(false);
}

QString AuditView::title() const
{
    return tr("Audit trail");
}

QIcon AuditView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/audit.svg"));
}

void AuditView::refresh()
{
    if (m_tenant)
        m_tenant->load();
    applyFilters();
}

void AuditView::focusFilter()
{
    m_action->setFocus(Qt::ShortcutFocusReason);
    m_action->selectAll();
}

void AuditView::showEvent(QShowEvent *event)
{
    WorkspaceView::showEvent(event);
    // The chain is verified once when the page first appears; again on demand.
    if (!m_shownOnce && m_chain)
        m_chain->verify();
    m_shownOnce = true;
}

QUrlQuery AuditView::currentFilters() const
{
    QUrlQuery query;
    const auto add = [&query](const QString &name, const QString &value) {
        if (!value.isEmpty())
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("actor"), m_actor->text().trimmed());
    add(QStringLiteral("action"), m_action->text().trimmed());
    add(QStringLiteral("resource"), m_resource->text().trimmed());
    if (m_tenant && !m_tenant->tenantId().isNull())
        add(QStringLiteral("tenant_id"), m_tenant->tenantId().toString(QUuid::WithoutBraces));
    if (m_fromEnabled->isChecked())
        add(QStringLiteral("from"), timezonetext::rfc3339WithOffset(m_from->dateTime()));
    if (m_toEnabled->isChecked())
        add(QStringLiteral("to"), timezonetext::rfc3339WithOffset(m_to->dateTime()));
    return query;
}

void AuditView::applyFilters()
{
    m_debounce->stop();
    m_model->setFilters(currentFilters());
    m_model->reload();
}

void AuditView::exportCsv()
{
    if (m_export->isRunning())
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(
                QStringLiteral("audit-%1.csv")
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit trail"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool AuditView::exportTo(const QString &path)
{
    // A filter typed a moment ago counts: what is exported is what is asked for.
    if (m_debounce->isActive())
        applyFilters();
    if (!m_export->start(path, currentFilters())) {
        m_exportStatus->setText(m_export->errorString());
        return false;
    }
    m_exportPath = path;
    setExporting(true);
    showExportProgress(0);
    return true;
}

QString AuditView::exportStatus() const
{
    return m_exportStatus->text();
}

void AuditView::showExportProgress(qint64 rows)
{
    m_exportStatus->setText(tr("Exporting… %Ln row(s) written", nullptr, int(rows)));
}

void AuditView::showExportOutcome(AuditCsvExport::Outcome outcome)
{
    setExporting(false);
    const QString file = QFileInfo(m_exportPath).fileName();
    switch (outcome) {
    case AuditCsvExport::Outcome::Written:
        m_exportStatus->setText(
            tr("%Ln row(s) exported to %1", nullptr, int(m_export->rowsWritten())).arg(file));
        break;
    case AuditCsvExport::Outcome::Canceled:
        m_exportStatus->setText(tr("Export cancelled; %1 was not written.").arg(file));
        break;
    case AuditCsvExport::Outcome::Failed:
        m_exportStatus->setText(
            tr("Export failed; %1 was not written. %2").arg(file, m_export->errorString()));
        break;
    }
}

void AuditView::setExporting(bool exporting)
{
    m_exportButton->setEnabled(!exporting);
    m_exportProgress->setVisible(exporting);
    m_cancelExport->setVisible(exporting);
}

} // namespace reserva::ui
