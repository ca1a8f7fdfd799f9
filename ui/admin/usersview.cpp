#include "usersview.h"

#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "common/tenantchooser.h"
#include "domain/role.h"
#include "net/accessclaims.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"
#include "tenantdialog.h"
#include "userdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

constexpr int kTenantColumn = 2;

QString rolesText(const QJsonObject &u)
{
    QStringList names;
    for (const QJsonValue &v : u.value(u"roles").toArray())
        names << DisplayFormat::role(v.toString());
    return names.join(QStringLiteral(", "));
}

QString statusText(const QJsonObject &u)
{
    return u.value(u"active").toBool() ? UsersView::tr("Active") : UsersView::tr("Deactivated");
}

QString identityText(const QJsonObject &u)
{
    const QJsonObject identity = u.value(u"identity").toObject();
    if (identity.value(u"verified").toBool())
        return UsersView::tr("Verified");
    if (!u.value(u"has_document").toBool())
        return UsersView::tr("No document");
    const QString last = identity.value(u"last_check").toString();
    if (last == u"rejected")
        return UsersView::tr("Rejected");
    if (last == u"unavailable")
        return UsersView::tr("Not verified (service down)");
    return UsersView::tr("Not verified");
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

QList<PagedJsonModel::Column> tenantColumns()
{
    using M = PagedJsonModel;
    return {
        M::textColumn([] { return UsersView::tr("Name"); },
                      [](const QJsonObject &t) { return t.value(u"name").toString(); }),
        M::textColumn([] { return UsersView::tr("Slug"); },
                      [](const QJsonObject &t) { return t.value(u"slug").toString(); }),
        M::textColumn([] { return UsersView::tr("Created"); },
                      [](const QJsonObject &t) {
                          return DisplayFormat::timestamp(t.value(u"created_at").toString());
                      }),
        M::textColumn([] { return UsersView::tr("ID"); },
                      [](const QJsonObject &t) { return t.value(u"id").toString(); }),
    };
}

} // namespace

UsersView::Access UsersView::accessFor(const AccessClaims &claims)
{
    Access access;
    access.admin = claims.hasRole(role::kAdmin);
    access.selfId = claims.subject;
    // The server's rule (POST /v1/users): a partner manager grants partner
    // roles only, in its own tenant.
    access.grantable =
        access.admin ? role::all() : QStringList{role::kPartnerManager, role::kPartnerStaff};
    return access;
}

UsersView::UsersView(ApiClient &api, Access access, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_access(std::move(access))
    , m_users(nullptr)
    , m_userTable(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_newUser(
          new QPushButton(QIcon(QStringLiteral(":/reserva/icons/new.svg")), tr("New user…"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_toggleActive(new QPushButton(tr("Deactivate"), this))
{
    setObjectName(QStringLiteral("users"));
    using M = PagedJsonModel;
    m_users = new PagedJsonModel(
        api, QStringLiteral("/v1/users"),
        {
            M::textColumn([] { return UsersView::tr("Username"); },
                          [](const QJsonObject &u) { return u.value(u"username").toString(); }),
            M::textColumn([] { return UsersView::tr("Roles"); }, rolesText),
            M::textColumn([] { return UsersView::tr("Tenant"); },
                          [this](const QJsonObject &u) {
                              return tenantName(u.value(u"tenant_id").toString());
                          }),
            M::textColumn([] { return UsersView::tr("Status"); }, statusText),
            M::textColumn([] { return UsersView::tr("Identity"); }, identityText),
            M::textColumn([] { return UsersView::tr("Created"); },
                          [](const QJsonObject &u) {
                              return DisplayFormat::timestamp(u.value(u"created_at").toString());
                          }),
        },
        this);

    // --- users ---------------------------------------------------------------
    auto *filters = new QHBoxLayout;
    if (m_access.admin) {
        m_tenantFilter = new TenantChooser(api, this);
        auto *tenantLabel = new QLabel(tr("&Tenant:"), this);
        tenantLabel->setBuddy(m_tenantFilter);
        filters->addWidget(tenantLabel);
        filters->addWidget(m_tenantFilter);
    } else {
        auto *scope = new QLabel(tr("The staff of your tenant."), this);
        scope->setEnabled(false);
        filters->addWidget(scope);
    }
    filters->addStretch(1);
    filters->addWidget(m_summary);

    m_userTable->setModel(m_users);
    m_userTable->setAccessibleName(tr("Users"));
    setUpTable(m_userTable);
    // A partner manager sees one tenant: its own.
    m_userTable->setColumnHidden(kTenantColumn, !m_access.admin);

    m_newUser->setAccessibleName(tr("New user"));
    m_edit->setAccessibleName(tr("Edit user"));
    m_edit->setToolTip(tr("Roles, whether the user may sign in, a new password."));
    m_toggleActive->setAccessibleName(tr("Deactivate or reactivate user"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newUser);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_toggleActive);
    buttons->addStretch(1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_userTable, 1);
    leftLayout->addLayout(buttons);

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAccessibleName(tr("User details"));
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_facts);
    rightLayout->addStretch(1);
    right->setMinimumWidth(360); // a user id stays whole

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *usersPage = new QWidget(this);
    auto *usersLayout = new QVBoxLayout(usersPage);
    usersLayout->addLayout(filters);
    usersLayout->addWidget(splitter, 1);

    auto *layout = new QVBoxLayout(this);
    if (m_access.admin) {
        // --- tenants (administrators) ---------------------------------------
        m_tenants = new PagedJsonModel(api, QStringLiteral("/v1/tenants"), tenantColumns(), this);
        m_tenantTable = new QTableView(this);
        m_tenantTable->setModel(m_tenants);
        m_tenantTable->setAccessibleName(tr("Tenants"));
        setUpTable(m_tenantTable);
        m_tenantSummary = new QLabel(this);
        m_newTenant = new QPushButton(QIcon(QStringLiteral(":/reserva/icons/new.svg")),
                                      tr("New tenant…"), this);
        m_newTenant->setAccessibleName(tr("New tenant"));
        auto *tenantButtons = new QHBoxLayout;
        tenantButtons->addWidget(m_newTenant);
        tenantButtons->addStretch(1);
        tenantButtons->addWidget(m_tenantSummary);
        auto *tenantsPage = new QWidget(this);
        auto *tenantsLayout = new QVBoxLayout(tenantsPage);
        tenantsLayout->addWidget(m_tenantTable, 1);
        tenantsLayout->addLayout(tenantButtons);

        m_tabs = new QTabWidget(this);
        m_tabs->setDocumentMode(true);
        m_tabs->addTab(usersPage, tr("&Users"));
        m_tabs->addTab(tenantsPage, tr("Te&nants"));
        layout->addWidget(m_tabs);

        connect(m_newTenant, &QPushButton::clicked, this, &UsersView::createTenant);
        connect(m_tenantFilter, &TenantChooser::tenantChanged, this, &UsersView::applyFilters);
        // Tenant names arrive after the users may have: repaint the column.
        connect(m_tenantFilter->model(), &QAbstractItemModel::rowsInserted, this, [this] {
            m_users->refreshDisplay();
            showSelected();
        });
        bindPagedList(m_tenants, m_tenantTable, m_tenantSummary, this,
                      {tr("Loading…"), tr("Not loaded"), tr("The tenants could not be loaded."),
                       [](int rows, bool more) {
                           return more ? tr("%n shown, more below", nullptr, rows)
                                       : tr("%n tenant(s)", nullptr, rows);
                       }},
                      false);
    } else {
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(usersPage);
    }

    connect(m_userTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersView::showSelected);
    connect(m_userTable, &QTableView::doubleClicked, this, [this] {
        if (UserDialog *dialog = editUserDialog())
            dialog->open();
    });
    connect(m_newUser, &QPushButton::clicked, this, [this] { newUserDialog()->open(); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (UserDialog *dialog = editUserDialog())
            dialog->open();
    });
    connect(m_toggleActive, &QPushButton::clicked, this, &UsersView::toggleSelectedActive);
    connect(m_users, &QAbstractItemModel::modelReset, this, &UsersView::showSelected);
    bindPagedList(m_users, m_userTable, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"), tr("The users could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n user(s)", nullptr, rows);
                   }},
                  true);
    showSelected();
}

QString UsersView::title() const
{
    return m_access.admin ? tr("Users and tenants") : tr("Users");
}

QIcon UsersView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/users.svg"));
}

void UsersView::refresh()
{
    if (m_tenantFilter)
        m_tenantFilter->load();
    if (m_tenants)
        m_tenants->reload();
    applyFilters();
}

void UsersView::focusFilter()
{
    if (m_tenantFilter) {
        m_tabs->setCurrentIndex(0);
        m_tenantFilter->setFocus(Qt::ShortcutFocusReason);
    } else {
        m_userTable->setFocus(Qt::ShortcutFocusReason);
    }
}

void UsersView::createNew()
{
    if (m_tabs && m_tabs->currentIndex() == 1)
        createTenant();
    else
        newUserDialog()->open();
}

void UsersView::applyFilters()
{
    QUrlQuery query;
    if (m_tenantFilter && !m_tenantFilter->tenantId().isNull())
        query.addQueryItem(QStringLiteral("tenant_id"),
                           m_tenantFilter->tenantId().toString(QUuid::WithoutBraces));
    m_users->setFilters(query);
    m_users->reload();
}

QString UsersView::tenantName(const QString &id) const
{
    if (id.isEmpty())
        return tr("None (platform-wide)");
    if (m_tenantFilter) {
        if (const QString name = m_tenantFilter->tenantName(QUuid::fromString(id)); !name.isEmpty())
            return name;
    }
    return id;
}

QJsonObject UsersView::selectedUser() const
{
    const QModelIndex current = m_userTable->currentIndex();
    return current.isValid() ? m_users->item(current.row()) : QJsonObject();
}

void UsersView::showSelected()
{
    const QJsonObject u = selectedUser();
    if (u.isEmpty()) {
        m_heading->setText(tr("No user selected"));
        m_facts->setText(tr("Select a user to see their roles and status."));
        updateButtons();
        return;
    }
    m_heading->setText(u.value(u"username").toString());
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QJsonObject identity = u.value(u"identity").toObject();
    QString checked = identityText(u);
    if (const QString at = identity.value(u"checked_at").toString(); !at.isEmpty())
        checked = tr("%1 (checked %2)").arg(checked, DisplayFormat::timestamp(at));
    QString html = QStringLiteral("<table>");
    html += row(tr("Roles"), rolesText(u));
    if (m_access.admin)
        html += row(tr("Tenant"), tenantName(u.value(u"tenant_id").toString()));
    html += row(tr("Status"), u.value(u"active").toBool() ? tr("Active: may sign in")
                                                          : tr("Deactivated: cannot sign in"));
    if (const QString type = u.value(u"document_type").toString(); !type.isEmpty())
        html += row(tr("Document"), tr("%1 on file").arg(type));
    html += row(tr("Identity"), checked);
    html += row(tr("Created"), DisplayFormat::timestamp(u.value(u"created_at").toString()));
    html += row(tr("Changed"), DisplayFormat::timestamp(u.value(u"updated_at").toString()));
    html += row(tr("User ID"), u.value(u"id").toString());
    if (u.value(u"id").toString() == m_access.selfId)
        html += row(QString(), tr("This is you."));
    html += QStringLiteral("</table>");
    m_facts->setText(html);
    updateButtons();
}

void UsersView::updateButtons()
{
    const QJsonObject u = selectedUser();
    const bool self = !u.isEmpty() && u.value(u"id").toString() == m_access.selfId;
    m_edit->setEnabled(!u.isEmpty());
    m_toggleActive->setText(!u.isEmpty() && !u.value(u"active").toBool() ? tr("Reactivate")
                                                                         : tr("Deactivate"));
    m_toggleActive->setEnabled(!u.isEmpty() && !self);
    m_toggleActive->setToolTip(self ? tr("You cannot deactivate yourself.")
                                    : tr("A deactivated user cannot sign in, and their "
                                         "sessions end at once. Nothing is deleted."));
}

UserDialog *UsersView::newUserDialog()
{
    UserDialog::Options options;
    options.grantableRoles = m_access.grantable;
    if (m_tenantFilter) {
        for (int i = 1; i < m_tenantFilter->count(); ++i)
            options.tenants << qMakePair(QUuid::fromString(m_tenantFilter->itemData(i).toString()),
                                         m_tenantFilter->itemText(i));
        options.tenant = m_tenantFilter->tenantId();
    }
    auto *dialog = new UserDialog(m_api, options, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::userSaved, this, &UsersView::applyFilters);
    return dialog;
}

UserDialog *UsersView::editUserDialog()
{
    const QJsonObject u = selectedUser();
    if (u.isEmpty())
        return nullptr;
    UserDialog::Options options;
    options.grantableRoles = m_access.grantable;
    if (m_tenantFilter) {
        for (int i = 1; i < m_tenantFilter->count(); ++i)
            options.tenants << qMakePair(QUuid::fromString(m_tenantFilter->itemData(i).toString()),
                                         m_tenantFilter->itemText(i));
    }
    auto *dialog = new UserDialog(m_api, options, u, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::userSaved, this, [this](const QJsonObject &saved) {
        m_users->updateItem(saved);
        showSelected();
    });
    return dialog;
}

void UsersView::createTenant()
{
    if (!m_access.admin)
        return;
    auto *dialog = new TenantDialog(m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TenantDialog::tenantSaved, this, [this] {
        m_tenants->reload();
        m_tenantFilter->load(); // the new tenant can now be chosen for users
    });
    dialog->open();
}

void UsersView::toggleSelectedActive()
{
    const QJsonObject u = selectedUser();
    if (u.isEmpty() || u.value(u"id").toString() == m_access.selfId)
        return;
    if (!u.value(u"active").toBool()) {
        setActive(u, true);
        return;
    }
    // Deactivating ends the user's sessions at once: asked first.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Deactivate user"),
                                tr("Deactivate %1?").arg(u.value(u"username").toString()),
                                QMessageBox::NoButton, this);
    box->setInformativeText(tr("They are signed out everywhere at once and cannot sign in "
                               "until reactivated. Nothing of theirs is deleted."));
    QPushButton *confirm = box->addButton(tr("Deactivate"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, u] {
        if (box->clickedButton() == confirm)
            setActive(u, false);
    });
    box->open();
}

void UsersView::setActive(const QJsonObject &user, bool active)
{
    m_toggleActive->setEnabled(false);
    ApiRequest request;
    request.method = "PATCH";
    request.path = QStringLiteral("/v1/users/%1").arg(user.value(u"id").toString());
    request.body = QJsonObject{{QStringLiteral("active"), active}};
    m_api.send(request, this, [this, active](const ApiResponse &response) {
        if (!response.ok()) {
            updateButtons();
            ErrorMessageBox::show(this,
                                  active ? tr("The user could not be reactivated.")
                                         : tr("The user could not be deactivated."),
                                  *response.error);
            return;
        }
        m_users->updateItem(response.object());
        showSelected();
    });
}

} // namespace reserva::ui
