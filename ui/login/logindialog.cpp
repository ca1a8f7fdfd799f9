#include "logindialog.h"

#include "certificatedialog.h"
#include "embedded/embeddedserver.h"
#include "embedded/firstrundialog.h"
#include "net/apiclient.h"
#include "net/certificatepins.h"
#include "net/serveraddress.h"
#include "net/session.h"
#include "shell/errormessagebox.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

const QString kMode = QStringLiteral("login/mode");
const QString kServer = QStringLiteral("login/server");
const QString kUsername = QStringLiteral("login/username");
const QString kRemember = QStringLiteral("login/remember");
const QString kEmbeddedMode = QStringLiteral("embedded");
const QString kRemoteMode = QStringLiteral("remote");

} // namespace

LoginDialog::LoginDialog(ApiClient &api, Session &session, CertificatePins &pins,
                         QSettings &settings, EmbeddedServer *embedded, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_session(session)
    , m_pins(pins)
    , m_settings(settings)
    , m_embedded(embedded)
    , m_notice(new QLabel(this))
    , m_thisComputer(new QRadioButton(tr("This &computer"), this))
    , m_remote(new QRadioButton(tr("&Server:"), this))
    , m_server(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_status(new QLabel(this))
    , m_copyRequestId(new QPushButton(tr("Copy request ID"), this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Sign in to Reserva"));
    setWindowIcon(QApplication::windowIcon());

    auto *logo = new QLabel(this);
    logo->setPixmap(QApplication::windowIcon().pixmap(56, 56));
    auto *title = new QLabel(tr("<span style='font-size:16pt; font-weight:600'>Reserva</span>"
                                "<br>Bookings and payments backoffice"),
                             this);
    auto *header = new QHBoxLayout;
    header->addWidget(logo);
    header->addWidget(title, 1);

    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(8);

    m_thisComputer->setToolTip(
        tr("Keep the bookings database on this computer: Reserva starts its own server."));
    m_server->setPlaceholderText(QStringLiteral("https://reserva.example.com"));
    m_server->setAccessibleName(tr("Server address"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setToolTip(tr("The sign-in is kept in the system keychain, never in a file."));
    auto *group = new QButtonGroup(this);
    group->addButton(m_thisComputer);
    group->addButton(m_remote);

    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_remote);
    serverRow->addWidget(m_server, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Connect to:"), m_thisComputer);
    form->addRow(QString(), serverRow);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Sign-in status"));
    m_copyRequestId->setVisible(false);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_copyRequestId, 0, Qt::AlignTop);

    auto *signInButton = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    signInButton->setDefault(true);
    m_buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addLayout(statusRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_thisComputer, &QRadioButton::toggled, this, &LoginDialog::updateModeWidgets);
    connect(m_copyRequestId, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_requestId); });
    if (m_embedded) {
        connect(m_embedded, &EmbeddedServer::started, this, &LoginDialog::onEmbeddedStarted);
        connect(m_embedded, &EmbeddedServer::failed, this, [this](const QString &message) {
            m_afterEmbeddedStart = nullptr;
            setBusy(false);
            showError(message);
        });
    }

    const bool embeddedAvailable = m_embedded != nullptr;
    m_thisComputer->setEnabled(embeddedAvailable);
    const QString mode = m_settings.value(kMode).toString();
    const bool useEmbedded = embeddedAvailable && mode != kRemoteMode;
    (useEmbedded ? m_thisComputer : m_remote)->setChecked(true);
    m_server->setText(m_settings.value(kServer).toString());
    m_username->setText(m_settings.value(kUsername).toString());
    m_remember->setChecked(m_settings.value(kRemember, false).toBool());
    updateModeWidgets();
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

LoginDialog::~LoginDialog() = default;

bool LoginDialog::usesEmbeddedServer() const
{
    return m_thisComputer->isChecked();
}

QString LoginDialog::serverText() const
{
    return usesEmbeddedServer() ? tr("this computer") : m_api.baseUrl().toDisplayString();
}

void LoginDialog::setNotice(const QString &message)
{
    m_notice->setText(message);
    m_notice->setVisible(!message.isEmpty());
}

void LoginDialog::updateModeWidgets()
{
    m_server->setEnabled(m_remote->isChecked());
}

void LoginDialog::setBusy(bool busy, const QString &message)
{
    m_progress->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(m_thisComputer), static_cast<QWidget *>(m_remote),
                       static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_remember)})
        w->setEnabled(!busy);
    m_thisComputer->setEnabled(!busy && m_embedded);
    m_server->setEnabled(!busy && m_remote->isChecked());
    if (auto *signInButton = m_buttons->buttons().value(0))
        signInButton->setEnabled(!busy);
    if (busy) {
        m_status->setText(message);
        m_copyRequestId->setVisible(false);
    }
}

void LoginDialog::showError(const QString &message, const QString &requestId)
{
    m_requestId = requestId;
    QString text = message;
    if (!requestId.isEmpty())
        text += QStringLiteral("\n") + tr("Request ID: %1").arg(requestId);
    m_status->setText(text);
    m_copyRequestId->setVisible(!requestId.isEmpty());
}

void LoginDialog::connectThen(std::function<void()> next)
{
    if (usesEmbeddedServer()) {
        if (m_embedded->isRunning()) {
            m_api.setBaseUrl(m_embedded->url());
            next();
            return;
        }
        m_afterEmbeddedStart = std::move(next);
        setBusy(true, tr("Starting the database on this computer…"));
        m_embedded->start();
        return;
    }
    QString problem;
    const QUrl url = ServerAddress::parse(m_server->text(), &problem);
    if (!problem.isEmpty()) {
        setBusy(false);
        showError(problem);
        m_server->setFocus();
        return;
    }
    m_api.setBaseUrl(url);
    next();
}

void LoginDialog::onEmbeddedStarted(const QUrl &url, bool needsAdministrator)
{
    m_api.setBaseUrl(url);
    if (needsAdministrator) {
        m_afterEmbeddedStart = nullptr;
        runFirstRun();
        return;
    }
    if (auto next = std::exchange(m_afterEmbeddedStart, nullptr))
        next();
}

void LoginDialog::runFirstRun()
{
    setBusy(false);
    m_status->setText(tr("First start: create the administrator."));
    auto *dialog = new FirstRunDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_firstRun = dialog;
    connect(dialog, &FirstRunDialog::administratorRequested, this,
            [this](const QString &username, const QString &password) {
                m_embedded->createAdministrator(username, password);
            });
    connect(m_embedded, &EmbeddedServer::administratorFailed, dialog, &FirstRunDialog::showError);
    connect(m_embedded, &EmbeddedServer::administratorCreated, dialog,
            [this, dialog](const QString &username) {
                const QString password = dialog->password();
                dialog->accept();
                m_username->setText(username);
                loginWithPassword(username, password);
            });
    connect(dialog, &QDialog::rejected, this, [this] {
        m_status->setText(tr("Reserva needs an administrator before anyone can sign in on this "
                             "computer."));
    });
    dialog->open();
}

void LoginDialog::signIn()
{
    const QString username = m_username->text().trimmed();
    if (username.isEmpty() && !usesEmbeddedServer()) {
        showError(tr("Enter your username."));
        m_username->setFocus();
        return;
    }
    const QString password = m_password->text();
    connectThen([this, username, password] {
        if (username.isEmpty() || password.isEmpty()) {
            setBusy(false);
            showError(tr("Enter your username and password."));
            (username.isEmpty() ? m_username : m_password)->setFocus();
            return;
        }
        loginWithPassword(username, password);
    });
}

void LoginDialog::loginWithPassword(const QString &username, const QString &password)
{
    setBusy(true, tr("Signing in…"));
    // The keychain is touched only when asked to remember, or to forget what
    // an earlier "remember me" kept there.
    const bool rememberedBefore = m_settings.value(kRemember, false).toBool() &&
                                  m_settings.value(kUsername).toString() == username;
    const Session::Remember remember = m_remember->isChecked() ? Session::Remember::Yes
                                       : rememberedBefore      ? Session::Remember::Forget
                                                               : Session::Remember::No;
    m_session.login(username, password, remember,
                    [this, username, password](const std::optional<ApiError> &error) {
                        if (!error) {
                            succeed();
                            return;
                        }
                        handleError(*error, [this, username, password] {
                            loginWithPassword(username, password);
                        });
                    });
}

void LoginDialog::resumeIfRemembered()
{
    const QString username = m_settings.value(kUsername).toString();
    if (!m_settings.value(kRemember, false).toBool() || username.isEmpty())
        return;
    connectThen([this, username] {
        setBusy(true, tr("Signing in as %1…").arg(username));
        m_session.resume(username, [this](const std::optional<ApiError> &error) {
            if (!error) {
                succeed();
                return;
            }
            setBusy(false);
            if (error->kind == ApiError::Kind::Http && error->status == 0)
                m_status->clear(); // nothing remembered: just ask for the password
            else
                showError(tr("Could not sign in automatically. %1").arg(error->plainMessage()),
                          error->requestId);
            m_password->setFocus();
        });
    });
}

void LoginDialog::handleError(const ApiError &error, const std::function<void()> &retry)
{
    setBusy(false);
    if (error.kind == ApiError::Kind::Tls && !error.certificate.isNull()) {
        const QUrl url = m_api.baseUrl();
        const QString pinned = m_pins.pinnedFingerprint(url.host(), url.port(443));
        CertificateDialog dialog(url.host(), error.certificate,
                                 !pinned.isEmpty() && pinned != error.certificate.sha256, this);
        if (dialog.exec() == QDialog::Accepted && dialog.canTrust()) {
            m_pins.pin(url.host(), url.port(443), error.certificate.sha256);
            retry();
            return;
        }
        showError(error.plainMessage());
        return;
    }
    showError(ErrorMessageBox::explanation(error), error.requestId);
    if (error.slug() == u"invalid-credentials") {
        m_password->selectAll();
        m_password->setFocus();
    }
}

void LoginDialog::succeed()
{
    setBusy(false);
    m_status->clear();
    m_password->clear();
    m_settings.setValue(kMode, usesEmbeddedServer() ? kEmbeddedMode : kRemoteMode);
    if (!usesEmbeddedServer())
        m_settings.setValue(kServer, m_api.baseUrl().toString());
    m_settings.setValue(kUsername, m_session.username());
    m_settings.setValue(kRemember, m_remember->isChecked());
    accept();
}

} // namespace reserva::ui
