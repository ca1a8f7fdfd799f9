#include "signinflow.h"

#include "common/translationloader.h"
#include "login/logindialog.h"
#include "mainwindow.h"
#include "net/apiclient.h"
#include "net/session.h"

#include <QMessageBox>
#include <QSettings>

namespace reserva::ui {

SignInFlow::SignInFlow(ApiClient &api, Session &session, ConnectionMonitor &monitor,
                       CertificatePins &pins, QSettings &settings, EmbeddedServer *embedded,
                       QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_session(session)
    , m_monitor(monitor)
    , m_pins(pins)
    , m_settings(settings)
    , m_embedded(embedded)
{
    connect(&m_session, &Session::signedOut, this, [this](const QString &message) {
        if (m_main)
            showLogin(message, false);
    });
    connect(&m_session, &Session::keychainProblem, this, [this](const QString &message) {
        QWidget *owner =
            m_main ? static_cast<QWidget *>(m_main.data()) : static_cast<QWidget *>(m_login.data());
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Reserva"), message,
                                    QMessageBox::Close, owner);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

SignInFlow::~SignInFlow()
{
    delete m_main;
    delete m_login;
}

LoginDialog *SignInFlow::loginDialog() const
{
    return m_login.data();
}

MainWindow *SignInFlow::mainWindow() const
{
    return m_main.data();
}

void SignInFlow::start(bool resume)
{
    showLogin(QString(), resume);
}

void SignInFlow::showLogin(const QString &notice, bool resume)
{
    if (m_main) {
        m_main->hide();
        m_main->deleteLater();
    }
    auto *login = new LoginDialog(m_api, m_session, m_pins, m_settings, m_embedded);
    login->setAttribute(Qt::WA_DeleteOnClose);
    login->setNotice(notice);
    m_login = login;
    connect(login, &QDialog::accepted, this, &SignInFlow::showMain);
    connect(login, &QDialog::rejected, this, &SignInFlow::quitRequested);
    login->show();
    if (resume)
        login->resumeIfRemembered();
}

namespace {

const QString kLanguage = QStringLiteral("ui/language");

} // namespace

QString SignInFlow::savedLanguage(const QSettings &settings)
{
    const QString language = settings.value(kLanguage).toString();
    return TranslationLoader::availableLanguages().contains(language) ? language : QString();
}

bool SignInFlow::switchLanguage(const QString &language)
{
    if (!m_translations)
        m_translations = new TranslationLoader(this);
    if (!m_translations->install(language))
        return false;
    m_settings.setValue(kLanguage, language);
    if (!m_main)
        return true;
    // Every text of the window is set where it is built: building it again
    // shows it all in the new language. The session, the remembered page and
    // the geometry carry over; the old window must not end the app.
    MainWindow *old = m_main;
    disconnect(old, nullptr, this, nullptr);
    old->close();
    openMainWindow(m_serverName);
    return true;
}

void SignInFlow::showMain()
{
    openMainWindow(m_login ? m_login->serverText() : m_api.baseUrl().toDisplayString());
}

void SignInFlow::openMainWindow(const QString &server)
{
    m_serverName = server;
    auto *window = new MainWindow(m_api, m_session, m_monitor, m_settings, server);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_main = window;
    connect(window, &MainWindow::signOutRequested, this, [this] { m_session.logout(); });
    connect(window, &MainWindow::languageRequested, this, &SignInFlow::switchLanguage);
    connect(window, &QObject::destroyed, this, [this] {
        // Closed by the user (not replaced by the login dialog): quit.
        if (!m_login || !m_login->isVisible())
            Q_EMIT quitRequested();
    });
    window->show();
    Q_EMIT mainWindowShown();
}

} // namespace reserva::ui
