#include "tenantdialog.h"

#include "common/editorsave.h"
#include "common/fielderrors.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace reserva::ui {

TenantDialog::TenantDialog(ApiClient &api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_errors(new FieldErrors(this))
    , m_name(new QLineEdit(this))
    , m_slug(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("New tenant"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("e.g. Patagonia Adventures"));
    m_slug->setAccessibleName(tr("Slug"));
    m_slug->setMaxLength(63);
    m_slug->setPlaceholderText(tr("e.g. patagonia-adventures"));
    m_slug->setToolTip(tr("Lower-case letters, digits and dashes. It cannot be changed later."));
    // Typing is limited to what a slug may hold; the server still checks the rest.
    m_slug->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9-]{0,63}")), m_slug));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_errors->wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("&Slug:"), m_errors->wrap(QStringLiteral("slug"), m_slug));
    auto *note = new QLabel(tr("The slug names the tenant on the command line and in imports "
                               "(reservad catalog import --tenant SLUG)."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Save status"));
    m_save = m_buttons->addButton(tr("Create tenant"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    m_saver = new EditorSave(api, m_save, m_status, this);
    connect(m_saver, &EditorSave::saved, this, [this](const QJsonObject &saved) {
        Q_EMIT tenantSaved(saved);
        accept();
    });
    connect(m_saver, &EditorSave::failed, this, &TenantDialog::showFailure);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &name) {
        if (!m_slugEdited) {
            const QSignalBlocker quiet(m_slug);
            m_slug->setText(suggestedSlug(name));
        }
    });
    connect(m_slug, &QLineEdit::textEdited, this, [this] { m_slugEdited = true; });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TenantDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TenantDialog::suggestedSlug(const QString &name)
{
    // Accents dropped by decomposition (é -> e + combining mark).
    const QString plain = name.normalized(QString::NormalizationForm_KD).toLower();
    QString slug;
    for (const QChar c : plain) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing)
            continue;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.left(63);
}

QJsonObject TenantDialog::payload() const
{
    return {{QStringLiteral("name"), m_name->text().trimmed()},
            {QStringLiteral("slug"), m_slug->text()}};
}

void TenantDialog::submit()
{
    if (m_saver->isBusy())
        return;
    m_errors->clear();
    if (m_name->text().trimmed().isEmpty())
        m_errors->setError(QStringLiteral("name"), tr("Enter the tenant's name."));
    if (m_slug->text().isEmpty())
        m_errors->setError(QStringLiteral("slug"), tr("Enter a slug."));
    if (m_errors->hasErrors()) {
        m_status->setText(tr("Check the highlighted fields."));
        return;
    }
    m_saver->send("POST", QStringLiteral("/v1/tenants"), payload());
}

void TenantDialog::showFailure(const ApiError &error)
{
    // A taken slug is a conflict on the wire, but it is about the slug.
    if (error.kind == ApiError::Kind::Http && error.status == 409) {
        m_errors->setError(QStringLiteral("slug"), tr("Another tenant already has this slug."));
        m_status->setText(ErrorMessageBox::requestIdLine(error));
        return;
    }
    m_status->setText(EditorSave::failureText(error, m_errors->show(error)));
}

} // namespace reserva::ui
