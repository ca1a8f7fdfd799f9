#include "promotionsview.h"

#include "catalog/productdirectory.h"
#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "common/tenantchooser.h"
#include "domain/role.h"
#include "net/accessclaims.h"
#include "net/apiclient.h"
#include "promotiondialog.h"
#include "releaseonrefundsetting.h"
#include "shell/errormessagebox.h"
#include "shell/viewaccess.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QString discountText(const QJsonObject &p)
{
    if (p.value(u"discount_percent").isDouble())
        return DisplayFormat::percent(int(qRound64(p.value(u"discount_percent").toDouble() * 100)));
    return DisplayFormat::money(p.value(u"discount_minor").toInteger(),
                                p.value(u"currency").toString());
}

QString usesText(const QJsonObject &p)
{
    const int redeemed = p.value(u"redeemed").toInt();
    const QJsonValue max = p.value(u"max_redemptions");
    return max.isNull() || max.isUndefined()
               ? QString::number(redeemed)
               : PromotionsView::tr("%1 of %2").arg(redeemed).arg(max.toInteger());
}

QList<PagedJsonModel::Column> promotionColumns()
{
    using M = PagedJsonModel;
    return {
        M::textColumn([] { return PromotionsView::tr("Code"); },
                      [](const QJsonObject &p) { return p.value(u"code").toString(); }),
        M::numberColumn([] { return PromotionsView::tr("Discount"); },
                        [](const QJsonObject &p) { return discountText(p); }),
        M::textColumn([] { return PromotionsView::tr("Valid from"); },
                      [](const QJsonObject &p) {
                          return DisplayFormat::timestamp(p.value(u"valid_from").toString());
                      }),
        M::textColumn([] { return PromotionsView::tr("Valid until"); },
                      [](const QJsonObject &p) {
                          return DisplayFormat::timestamp(p.value(u"valid_until").toString());
                      }),
        M::numberColumn([] { return PromotionsView::tr("Uses"); },
                        [](const QJsonObject &p) { return usesText(p); }),
        M::textColumn([] { return PromotionsView::tr("Status"); },
                      [](const QJsonObject &p) {
                          return p.value(u"active").toBool() ? PromotionsView::tr("Active")
                                                             : PromotionsView::tr("Inactive");
                      }),
    };
}

QString releaseReason(const QString &wire)
{
    if (wire == u"expired")
        return PromotionsView::tr("Released: hold expired");
    if (wire == u"cancelled")
        return PromotionsView::tr("Released: cancelled");
    if (wire == u"refunded")
        return PromotionsView::tr("Released: refunded");
    return PromotionsView::tr("Released");
}

QList<PagedJsonModel::Column> redemptionColumns()
{
    using M = PagedJsonModel;
    return {
        M::textColumn([] { return PromotionsView::tr("Claimed"); },
                      [](const QJsonObject &r) {
                          return DisplayFormat::timestamp(r.value(u"claimed_at").toString());
                      }),
        M::textColumn([] { return PromotionsView::tr("Customer"); },
                      [](const QJsonObject &r) { return r.value(u"customer_email").toString(); }),
        M::numberColumn([] { return PromotionsView::tr("Discount"); },
                        [](const QJsonObject &r) {
                            return DisplayFormat::money(r.value(u"discount_minor").toInteger(),
                                                        r.value(u"currency").toString());
                        }),
        M::textColumn([] { return PromotionsView::tr("Status"); },
                      [](const QJsonObject &r) {
                          const QString released = r.value(u"released_at").toString();
                          return released.isEmpty()
                                     ? PromotionsView::tr("Live")
                                     : releaseReason(r.value(u"release_reason").toString());
                      }),
        M::textColumn([] { return PromotionsView::tr("Reservation"); },
                      [](const QJsonObject &r) { return r.value(u"reservation_id").toString(); }),
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

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

PromotionsView::Access PromotionsView::accessFor(const AccessClaims &claims)
{
    return {canEdit(ViewKind::Promotions, claims), canSeePromotionRedemptions(claims),
            claims.tenantId.isNull() && claims.hasRole(role::kAdmin)};
}

PromotionsView::PromotionsView(ApiClient &api, Access access, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_access(access)
    , m_products(new ProductDirectory(api, this))
    , m_promotions(
          new PagedJsonModel(api, QStringLiteral("/v1/promotions"), promotionColumns(), this))
    , m_redemptions(new PagedJsonModel(api, QString(), redemptionColumns(), this))
    , m_active(new QComboBox(this))
    , m_code(new QLineEdit(this))
    , m_codeDebounce(new QTimer(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_heading(new QLabel(this))
    , m_terms(new QLabel(this))
    , m_new(new QPushButton(QIcon(QStringLiteral(":/reserva/icons/new.svg")), tr("New promotion…"),
                            this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_deactivate(new QPushButton(tr("Deactivate"), this))
{
    setObjectName(QStringLiteral("promotions"));
    m_active->addItem(tr("Active and inactive"), QString());
    m_active->addItem(tr("Active only"), QStringLiteral("true"));
    m_active->addItem(tr("Inactive only"), QStringLiteral("false"));
    m_active->setAccessibleName(tr("Status filter"));
    m_code->setPlaceholderText(tr("Code"));
    m_code->setAccessibleName(tr("Code filter"));
    m_code->setClearButtonEnabled(true);
    m_codeDebounce->setSingleShot(true);
    m_codeDebounce->setInterval(400);

    auto *filters = new QHBoxLayout;
    if (m_access.platformWide) {
        m_tenant = new TenantChooser(api, this);
        auto *tenantLabel = new QLabel(tr("&Tenant:"), this);
        tenantLabel->setBuddy(m_tenant);
        filters->addWidget(tenantLabel);
        filters->addWidget(m_tenant);
        filters->addSpacing(12);
    }
    auto *activeLabel = new QLabel(tr("&Status:"), this);
    activeLabel->setBuddy(m_active);
    auto *codeLabel = new QLabel(tr("C&ode:"), this);
    codeLabel->setBuddy(m_code);
    filters->addWidget(activeLabel);
    filters->addWidget(m_active);
    filters->addSpacing(12);
    filters->addWidget(codeLabel);
    filters->addWidget(m_code, 1);
    filters->addWidget(m_summary);

    m_table->setModel(m_promotions);
    m_table->setAccessibleName(tr("Promotions"));
    setUpTable(m_table);
    m_new->setAccessibleName(tr("New promotion"));
    m_edit->setAccessibleName(tr("Edit promotion"));
    m_deactivate->setAccessibleName(tr("Deactivate promotion"));
    m_deactivate->setToolTip(tr("Stops new uses. Codes are never deleted: reservations refer to "
                                "them. Edit the code to activate it again."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_deactivate);
    buttons->addStretch(1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(buttons);
    for (QPushButton *b : {m_new, m_edit, m_deactivate})
        b->setVisible(m_access.canEdit);

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_terms->setWordWrap(true);
    m_terms->setTextFormat(Qt::RichText);
    m_terms->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_terms->setAccessibleName(tr("Promotion terms"));
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_terms);
    if (m_access.seesRedemptions) {
        m_redemptionTable = new QTableView(this);
        m_redemptionTable->setModel(m_redemptions);
        m_redemptionTable->setAccessibleName(tr("Redemptions"));
        setUpTable(m_redemptionTable);
        m_redemptionSummary = new QLabel(this);
        rightLayout->addSpacing(8);
        rightLayout->addWidget(sectionLabel(tr("Redemptions"), this));
        rightLayout->addWidget(m_redemptionTable, 1);
        rightLayout->addWidget(m_redemptionSummary);
    } else {
        rightLayout->addStretch(1);
    }
    if (m_access.canEdit) {
        m_setting = new ReleaseOnRefundSetting(api, this);
        rightLayout->addSpacing(8);
        rightLayout->addWidget(sectionLabel(tr("Settings of the tenant"), this));
        rightLayout->addWidget(m_setting);
    }

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    if (m_tenant) {
        connect(m_tenant, &TenantChooser::tenantChanged, this, [this] {
            applyFilters();
            if (m_setting)
                m_setting->load(m_tenant->tenantId(), true);
            updateButtons();
        });
    }
    connect(m_active, &QComboBox::currentIndexChanged, this, &PromotionsView::applyFilters);
    connect(m_code, &QLineEdit::textChanged, m_codeDebounce, qOverload<>(&QTimer::start));
    connect(m_codeDebounce, &QTimer::timeout, this, &PromotionsView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PromotionsView::showSelected);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (m_access.canEdit)
            editSelected();
    });
    connect(m_new, &QPushButton::clicked, this, &PromotionsView::createNew);
    connect(m_edit, &QPushButton::clicked, this, &PromotionsView::editSelected);
    connect(m_deactivate, &QPushButton::clicked, this, &PromotionsView::deactivateSelected);
    connect(m_products, &ProductDirectory::loaded, this, &PromotionsView::showSelected);
    connect(m_promotions, &QAbstractItemModel::modelReset, this, &PromotionsView::showSelected);
    bindPagedList(m_promotions, m_table, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"), tr("The promotions could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n promotion(s)", nullptr, rows);
                   }},
                  true);
    connect(m_redemptions, &PagedJsonModel::pageLoaded, this, [this] {
        if (!m_redemptionTable)
            return;
        m_redemptionTable->resizeColumnsToContents();
        const int rows = m_redemptions->rowCount();
        m_redemptionSummary->setText(m_redemptions->hasMore()
                                         ? tr("%n shown, more below", nullptr, rows)
                                         : tr("%n redemption(s)", nullptr, rows));
    });
    connect(m_redemptions, &PagedJsonModel::loadFailed, this, [this](const ApiError &error) {
        if (m_redemptionSummary)
            m_redemptionSummary->setText(ErrorMessageBox::explanation(error));
    });
    showSelected();
}

QString PromotionsView::title() const
{
    return tr("Promotions");
}

QIcon PromotionsView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/promotions.svg"));
}

void PromotionsView::refresh()
{
    if (m_tenant)
        m_tenant->load();
    m_products->load();
    if (m_setting)
        m_setting->load(m_tenant ? m_tenant->tenantId() : QUuid(), m_access.platformWide);
    applyFilters();
}

void PromotionsView::focusFilter()
{
    m_code->setFocus(Qt::ShortcutFocusReason);
    m_code->selectAll();
}

void PromotionsView::applyFilters()
{
    QUrlQuery query;
    if (const QString active = m_active->currentData().toString(); !active.isEmpty())
        query.addQueryItem(QStringLiteral("active"), active);
    if (const QString code = m_code->text().trimmed(); !code.isEmpty())
        query.addQueryItem(QStringLiteral("code"), code);
    if (m_tenant && !m_tenant->tenantId().isNull())
        query.addQueryItem(QStringLiteral("tenant_id"),
                           m_tenant->tenantId().toString(QUuid::WithoutBraces));
    m_promotions->setFilters(query);
    m_promotions->reload();
}

QJsonObject PromotionsView::selected() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_promotions->item(current.row()) : QJsonObject();
}

QUuid PromotionsView::tenantForNew() const
{
    return m_tenant ? m_tenant->tenantId() : QUuid();
}

void PromotionsView::showSelected()
{
    const QJsonObject p = selected();
    updateButtons();
    if (p.isEmpty()) {
        m_heading->setText(tr("No promotion selected"));
        m_terms->setText(tr("Select a promotion to see its terms and uses."));
        m_redemptions->clear();
        if (m_redemptionSummary)
            m_redemptionSummary->clear();
        return;
    }
    const QString currency = p.value(u"currency").toString();
    QStringList products;
    for (const QJsonValue &id : p.value(u"product_ids").toArray()) {
        const QString name = m_products->name(id.toString());
        products << (name.isEmpty() ? id.toString() : name);
    }
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const auto limit = [](const QJsonValue &v, const QString &unset) {
        return v.isNull() || v.isUndefined() ? unset : QString::number(v.toInteger());
    };
    const QJsonValue budget = p.value(u"budget_minor");
    const qint64 spent = p.value(u"discounted_minor").toInteger();
    QString html = QStringLiteral("<table>");
    html += row(tr("Discount"), discountText(p));
    html += row(tr("Currency"), currency.isEmpty() ? tr("Any") : currency);
    html += row(tr("Products"),
                products.isEmpty() ? tr("Every product") : products.join(QStringLiteral(", ")));
    html +=
        row(tr("Valid"), tr("%1 to %2")
                             .arg(DisplayFormat::timestamp(p.value(u"valid_from").toString()),
                                  DisplayFormat::timestamp(p.value(u"valid_until").toString())));
    html += row(tr("Uses"), usesText(p));
    html += row(tr("Per customer"), limit(p.value(u"per_customer_limit"), tr("No limit")));
    html +=
        row(tr("Budget"), budget.isNull() || budget.isUndefined()
                              ? tr("No limit (%1 given)").arg(DisplayFormat::money(spent, currency))
                              : tr("%1 of %2 used")
                                    .arg(DisplayFormat::money(spent, currency),
                                         DisplayFormat::money(budget.toInteger(), currency)));
    const qint64 minimum = p.value(u"min_amount_minor").toInteger();
    html += row(tr("Minimum"), minimum > 0 ? DisplayFormat::money(minimum, currency) : tr("None"));
    html += row(tr("Stackable"), p.value(u"stackable").toBool() ? tr("Yes") : tr("No"));
    html += row(tr("Status"), p.value(u"active").toBool() ? tr("Active") : tr("Inactive"));
    html += QStringLiteral("</table>");
    m_heading->setText(p.value(u"code").toString());
    m_terms->setText(html);
    if (m_redemptionTable) {
        m_redemptions->setPath(
            QStringLiteral("/v1/promotions/%1/redemptions").arg(p.value(u"id").toString()));
        m_redemptionSummary->setText(tr("Loading…"));
        m_redemptions->reload();
    }
}

void PromotionsView::updateButtons()
{
    const QJsonObject p = selected();
    m_new->setEnabled(!m_tenant || !m_tenant->tenantId().isNull());
    m_new->setToolTip(m_new->isEnabled() ? QString()
                                         : tr("Choose a tenant first: codes belong to one."));
    m_edit->setEnabled(!p.isEmpty());
    m_deactivate->setEnabled(!p.isEmpty() && p.value(u"active").toBool());
}

void PromotionsView::createNew()
{
    if (!m_access.canEdit || !m_new->isEnabled())
        return;
    auto *dialog = new PromotionDialog(m_api, *m_products, {}, tenantForNew(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PromotionDialog::promotionSaved, this, &PromotionsView::applyFilters);
    dialog->open();
}

void PromotionsView::editSelected()
{
    const QJsonObject p = selected();
    if (!m_access.canEdit || p.isEmpty())
        return;
    auto *dialog = new PromotionDialog(m_api, *m_products, p, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PromotionDialog::promotionSaved, this, [this](const QJsonObject &saved) {
        m_promotions->updateItem(saved);
        showSelected();
    });
    dialog->open();
}

void PromotionsView::deactivateSelected()
{
    const QJsonObject p = selected();
    if (!m_access.canEdit || p.isEmpty())
        return;
    // No confirmation: it is undone by editing the code back to active, and
    // nothing is lost (claims and counters stay).
    m_deactivate->setEnabled(false);
    ApiRequest request;
    request.method = "PATCH";
    request.path = QStringLiteral("/v1/promotions/%1").arg(p.value(u"id").toString());
    request.body = QJsonObject{{QStringLiteral("active"), false}};
    m_api.send(request, this, [this](const ApiResponse &response) {
        if (!response.ok()) {
            updateButtons();
            ErrorMessageBox::show(this, tr("The promotion could not be deactivated."),
                                  *response.error);
            return;
        }
        m_promotions->updateItem(response.object());
        showSelected();
    });
}

} // namespace reserva::ui
