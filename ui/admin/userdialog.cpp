#include "userdialog.h"

#include "common/displayformat.h"
#include "common/editorsave.h"
#include "common/fielderrors.h"
#include "domain/role.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QString roleHint(const QString &wire)
{
    if (wire == role::kAdmin)
        return UserDialog::tr("Everything, in every tenant. Has no tenant of its own.");
    if (wire == role::kPartnerManager)
        return UserDialog::tr("Runs one tenant: catalog, promotions, its staff's accounts.");
    if (wire == role::kPartnerStaff)
        return UserDialog::tr("Books and looks after reservations of one tenant.");
    if (wire == role::kAuditor)
        return UserDialog::tr("Reads the audit trail (of one tenant, or of all without one).");
    return {};
}

} // namespace

UserDialog::UserDialog(ApiClient &api, Options options, const QJsonObject &existing,
                       QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_options(std::move(options))
    , m_existing(existing)
    , m_errors(new FieldErrors(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    const bool editing = !existing.isEmpty();
    setWindowTitle(editing ? tr("Edit user %1").arg(existing.value(u"username").toString())
                           : tr("New user"));
    auto *form = new QFormLayout;

    if (editing) {
        auto *username = new QLabel(existing.value(u"username").toString(), this);
        username->setTextInteractionFlags(Qt::TextSelectableByMouse);
        username->setAccessibleName(tr("Username"));
        form->addRow(tr("Username:"), username);
    } else {
        m_username = new QLineEdit(this);
        m_username->setAccessibleName(tr("Username"));
        m_username->setMaxLength(64);
        m_username->setPlaceholderText(tr("e.g. maria.gomez"));
        m_username->setToolTip(tr("Letters, digits and . _ @ -; 3 to 64 characters."));
        form->addRow(tr("&Username:"), m_errors->wrap(QStringLiteral("username"), m_username));
    }

    // Roles: only those the caller may grant; the ones already held stay
    // visible (checked) when editing.
    QStringList existingRoles;
    for (const QJsonValue &v : existing.value(u"roles").toArray())
        existingRoles << v.toString();
    auto *roleBox = new QWidget(this);
    auto *roleLayout = new QVBoxLayout(roleBox);
    roleLayout->setContentsMargins(0, 0, 0, 0);
    roleLayout->setSpacing(2);
    for (const QString &r : role::all()) {
        if (!m_options.grantableRoles.contains(r) && !existingRoles.contains(r))
            continue;
        auto *box = new QCheckBox(DisplayFormat::role(r), roleBox);
        box->setAccessibleName(DisplayFormat::role(r));
        box->setToolTip(roleHint(r));
        box->setChecked(existingRoles.contains(r));
        box->setEnabled(m_options.grantableRoles.contains(r));
        roleLayout->addWidget(box);
        m_roles.insert(r, box);
        connect(box, &QCheckBox::toggled, this, &UserDialog::updateRoleRules);
    }
    form->addRow(tr("Roles:"), m_errors->wrap(QStringLiteral("roles"), roleBox));

    if (editing) {
        const QUuid tenant = QUuid::fromString(existing.value(u"tenant_id").toString());
        QString tenantName = tenant.isNull() ? tr("None (platform-wide)") : QString();
        for (const auto &[id, name] : std::as_const(m_options.tenants))
            if (id == tenant)
                tenantName = name;
        if (tenantName.isEmpty())
            tenantName = tr("This tenant");
        auto *tenantLabel = new QLabel(tenantName, this);
        tenantLabel->setAccessibleName(tr("Tenant"));
        form->addRow(tr("Tenant:"), tenantLabel);
        m_active = new QCheckBox(tr("May sign in"), this);
        m_active->setAccessibleName(tr("Active"));
        m_active->setChecked(existing.value(u"active").toBool(true));
        m_active->setToolTip(tr("Clearing it signs the user out everywhere at once."));
        form->addRow(tr("Status:"), m_errors->wrap(QStringLiteral("active"), m_active));
    } else if (!m_options.tenants.isEmpty()) {
        m_tenant = new QComboBox(this);
        m_tenant->setAccessibleName(tr("Tenant"));
        m_tenant->addItem(tr("None (platform-wide)"), QString());
        for (const auto &[id, name] : std::as_const(m_options.tenants))
            m_tenant->addItem(name, id.toString(QUuid::WithoutBraces));
        m_tenant->setCurrentIndex(
            std::max(0, m_tenant->findData(m_options.tenant.toString(QUuid::WithoutBraces))));
        form->addRow(tr("&Tenant:"), m_errors->wrap(QStringLiteral("tenant_id"), m_tenant));
    }

    // Created here, in the form's order: Tab follows creation order.
    m_password = new QLineEdit(this);
    m_confirmation = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(editing ? tr("New password") : tr("Password"));
    m_password->setMaxLength(256);
    m_password->setPlaceholderText(editing ? tr("Leave empty to keep the current one")
                                           : tr("At least 10 characters"));
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_confirmation->setAccessibleName(tr("Repeat password"));
    m_confirmation->setMaxLength(256);
    form->addRow(editing ? tr("New &password:") : tr("&Password:"),
                 m_errors->wrap(QStringLiteral("password"), m_password));
    form->addRow(tr("&Repeat password:"),
                 m_errors->wrap(QStringLiteral("password_confirmation"), m_confirmation));

    if (!editing) {
        // Checked against the identity service at every sign-in when given.
        m_documentType = new QLineEdit(this);
        m_documentType->setAccessibleName(tr("Document type"));
        m_documentType->setMaxLength(16);
        m_documentType->setPlaceholderText(tr("Type, e.g. dni"));
        m_documentType->setToolTip(tr("The kind of document, e.g. dni, cpf, passport."));
        m_documentNumber = new QLineEdit(this);
        m_documentNumber->setAccessibleName(tr("Document number"));
        m_documentNumber->setMaxLength(32);
        m_documentNumber->setPlaceholderText(tr("Number"));
        auto *document = new QWidget(this);
        auto *documentLayout = new QHBoxLayout(document);
        documentLayout->setContentsMargins(0, 0, 0, 0);
        documentLayout->addWidget(m_errors->wrap(QStringLiteral("document_type"), m_documentType),
                                  1);
        documentLayout->addWidget(
            m_errors->wrap(QStringLiteral("document_number"), m_documentNumber), 2);
        form->addRow(tr("Identity &document:"), document);
    }

    m_save = m_buttons->addButton(editing ? tr("Save") : tr("Create user"),
                                  QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    m_saver = new EditorSave(api, m_save, m_status, this);
    connect(m_saver, &EditorSave::saved, this, [this](const QJsonObject &saved) {
        m_password->clear();
        m_confirmation->clear();
        Q_EMIT userSaved(saved);
        accept();
    });
    connect(m_saver, &EditorSave::failed, this, &UserDialog::showFailure);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *note = new QLabel(editing ? tr("A new password or clearing “May sign in” ends every "
                                         "session of this user at once.")
                                    : tr("The identity document is optional; when given, it is "
                                         "verified at every sign-in."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Save status"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(500);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &UserDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateRoleRules();

    if (m_username)
        m_username->setFocus();
}

QStringList UserDialog::offeredRoles() const
{
    QStringList out;
    for (const QString &r : role::all())
        if (m_roles.contains(r) && m_roles.value(r)->isEnabled())
            out << r;
    return out;
}

bool UserDialog::offersTenantChoice() const
{
    return m_tenant != nullptr;
}

QStringList UserDialog::checkedRoles() const
{
    QStringList out;
    for (const QString &r : role::all())
        if (m_roles.contains(r) && m_roles.value(r)->isChecked())
            out << r;
    return out;
}

void UserDialog::updateRoleRules()
{
    // An administrator is global: no tenant, no partner role (the server
    // refuses the mix; the form does not offer it).
    const bool admin = m_roles.contains(role::kAdmin) && m_roles.value(role::kAdmin)->isChecked();
    for (const QString &r : {role::kPartnerManager, role::kPartnerStaff}) {
        if (QCheckBox *box = m_roles.value(r)) {
            if (admin)
                box->setChecked(false);
            box->setEnabled(!admin && m_options.grantableRoles.contains(r));
        }
    }
    if (m_tenant) {
        if (admin)
            m_tenant->setCurrentIndex(0);
        m_tenant->setEnabled(!admin);
    }
}

std::optional<QJsonObject> UserDialog::payload()
{
    m_errors->clear();
    bool ok = true;
    const QStringList roles = checkedRoles();
    if (roles.isEmpty()) {
        m_errors->setError(QStringLiteral("roles"), tr("Choose at least one role."));
        ok = false;
    }
    const QString password = m_password->text();
    if (password != m_confirmation->text()) {
        m_errors->setError(QStringLiteral("password_confirmation"),
                           tr("The two passwords differ."));
        ok = false;
    }
    if (m_existing.isEmpty()) {
        if (m_username->text().trimmed().isEmpty()) {
            m_errors->setError(QStringLiteral("username"), tr("Enter a username."));
            ok = false;
        }
        if (password.isEmpty()) {
            m_errors->setError(QStringLiteral("password"), tr("Enter an initial password."));
            ok = false;
        }
        const bool partner =
            roles.contains(role::kPartnerManager) || roles.contains(role::kPartnerStaff);
        if (m_tenant && partner && m_tenant->currentData().toString().isEmpty()) {
            m_errors->setError(QStringLiteral("tenant_id"),
                               tr("Partner roles belong to a tenant: choose one."));
            ok = false;
        }
        const QString documentType = m_documentType->text().trimmed();
        const QString documentNumber = m_documentNumber->text().trimmed();
        if (documentType.isEmpty() != documentNumber.isEmpty()) {
            m_errors->setError(QStringLiteral("document_number"),
                               tr("Give both the document type and its number, or neither."));
            ok = false;
        }
        if (!ok)
            return std::nullopt;
        QJsonObject body{{QStringLiteral("username"), m_username->text().trimmed()},
                         {QStringLiteral("password"), password},
                         {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
        if (m_tenant && !m_tenant->currentData().toString().isEmpty())
            body.insert(QStringLiteral("tenant_id"), m_tenant->currentData().toString());
        if (!documentType.isEmpty()) {
            body.insert(QStringLiteral("document_type"), documentType);
            body.insert(QStringLiteral("document_number"), documentNumber);
        }
        return body;
    }
    if (!ok)
        return std::nullopt;
    // An edit sends only what changed: a roles change is audited as such.
    QJsonObject body;
    QStringList before;
    for (const QJsonValue &v : m_existing.value(u"roles").toArray())
        before << v.toString();
    QStringList sortedBefore = before;
    QStringList sortedAfter = roles;
    sortedBefore.sort();
    sortedAfter.sort();
    if (sortedBefore != sortedAfter)
        body.insert(QStringLiteral("roles"), QJsonArray::fromStringList(roles));
    if (m_active->isChecked() != m_existing.value(u"active").toBool(true))
        body.insert(QStringLiteral("active"), m_active->isChecked());
    if (!password.isEmpty())
        body.insert(QStringLiteral("password"), password);
    return body;
}

void UserDialog::submit()
{
    if (m_saver->isBusy())
        return;
    const auto body = payload();
    if (!body) {
        m_status->setText(tr("Check the highlighted fields."));
        return;
    }
    if (body->isEmpty()) {
        m_status->setText(tr("Nothing changed."));
        return;
    }
    if (m_existing.isEmpty())
        m_saver->send("POST", QStringLiteral("/v1/users"), *body);
    else
        m_saver->send(
            "PATCH", QStringLiteral("/v1/users/%1").arg(m_existing.value(u"id").toString()), *body);
}

void UserDialog::showFailure(const ApiError &error)
{
    // A taken username is a conflict, not a field error, on the wire; it is
    // still about the username field.
    if (m_username && error.kind == ApiError::Kind::Http && error.status == 409) {
        m_errors->setError(QStringLiteral("username"), tr("That username is taken."));
        m_status->setText(ErrorMessageBox::requestIdLine(error));
        return;
    }
    m_status->setText(EditorSave::failureText(error, m_errors->show(error)));
}

} // namespace reserva::ui
