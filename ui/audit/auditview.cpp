#include "auditview.h"

#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "shell/errormessagebox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

} // namespace

AuditView::AuditView(ApiClient &api, QWidget *parent)
    : WorkspaceView(parent)
    , m_model(new PagedJsonModel(api, QStringLiteral("/v1/audit"), auditColumns(), this))
    , m_actor(new QLineEdit(this))
    , m_action(new QLineEdit(this))
    , m_debounce(new QTimer(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("audit"));
    m_actor->setPlaceholderText(tr("Actor (user id)"));
    m_actor->setAccessibleName(tr("Actor filter"));
    m_actor->setClearButtonEnabled(true);
    m_action->setPlaceholderText(tr("Action, e.g. auth.login"));
    m_action->setAccessibleName(tr("Action filter"));
    m_action->setClearButtonEnabled(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    auto *actorLabel = new QLabel(tr("&Actor:"), this);
    actorLabel->setBuddy(m_actor);
    auto *actionLabel = new QLabel(tr("A&ction:"), this);
    actionLabel->setBuddy(m_action);
    auto *filters = new QHBoxLayout;
    filters->addWidget(actorLabel);
    filters->addWidget(m_actor, 1);
    filters->addSpacing(12);
    filters->addWidget(actionLabel);
    filters->addWidget(m_action, 1);
    filters->addWidget(m_summary);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Audit trail"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_actor, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_action, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &AuditView::applyFilters);
    bindPagedList(m_model, m_table, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"), tr("The audit trail could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n entries", nullptr, rows);
                   }},
                  false);
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
    applyFilters();
}

void AuditView::focusFilter()
{
    m_action->setFocus(Qt::ShortcutFocusReason);
    m_action->selectAll();
}

void AuditView::applyFilters()
{
    QUrlQuery query;
    if (const QString actor = m_actor->text().trimmed(); !actor.isEmpty())
        query.addQueryItem(QStringLiteral("actor"), actor);
    if (const QString action = m_action->text().trimmed(); !action.isEmpty())
        query.addQueryItem(QStringLiteral("action"), action);
    m_model->setFilters(query);
    m_model->reload();
}

} // namespace reserva::ui
