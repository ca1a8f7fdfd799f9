#include "firstrundialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace reserva::ui {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
    , m_username(new QLineEdit(QStringLiteral("admin"), this))
    , m_password(new QLineEdit(this))
    , m_confirmation(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set up Reserva on this computer"));
    auto *intro = new QLabel(
        tr("<b>Welcome to Reserva.</b><br>This computer will keep its own bookings database. "
           "Choose the administrator's name and password: you will use them to sign in, and "
           "to create the accounts of your staff."),
        this);
    intro->setWordWrap(true);
    m_password->setEchoMode(QLineEdit::Password);
    m_confirmation->setEchoMode(QLineEdit::Password);
    m_username->setAccessibleName(tr("Administrator username"));
    m_password->setAccessibleName(tr("Administrator password"));
    m_confirmation->setAccessibleName(tr("Repeat the password"));
    m_password->setPlaceholderText(tr("At least 10 characters"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create administrator"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat password:"), m_confirmation);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_username, &QLineEdit::textChanged, this, &FirstRunDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &FirstRunDialog::validate);
    connect(m_confirmation, &QLineEdit::textChanged, this, &FirstRunDialog::validate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        setBusy(true);
        Q_EMIT administratorRequested(username(), password());
    });
    setMinimumWidth(460);
    validate();
    m_password->setFocus();
}

QString FirstRunDialog::username() const
{
    return m_username->text().trimmed();
}

QString FirstRunDialog::password() const
{
    return m_password->text();
}

QString FirstRunDialog::usernameProblem(const QString &username)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._@-]{3,64}$"));
    if (!allowed.match(username).hasMatch())
        return tr("The username must be 3 to 64 letters, digits or . _ @ -");
    return {};
}

QString FirstRunDialog::passwordProblem(const QString &password, const QString &confirmation)
{
    if (password.size() < 10 || password.size() > 256)
        return tr("The password must be 10 to 256 characters long.");
    if (password != confirmation)
        return tr("The two passwords are not the same.");
    return {};
}

void FirstRunDialog::validate()
{
    QString problem = usernameProblem(username());
    if (problem.isEmpty() && !m_password->text().isEmpty())
        problem = passwordProblem(m_password->text(), m_confirmation->text());
    const bool complete = problem.isEmpty() && !m_password->text().isEmpty();
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

void FirstRunDialog::showError(const QString &message)
{
    setBusy(false);
    m_problem->setText(message);
}

void FirstRunDialog::setBusy(bool busy)
{
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_confirmation->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    if (!busy)
        validate();
}

} // namespace reserva::ui
