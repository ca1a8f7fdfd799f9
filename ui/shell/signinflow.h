#pragma once

#include <QObject>
#include <QPointer>

class QSettings;

namespace reserva::ui {

class ApiClient;
class CertificatePins;
class ConnectionMonitor;
class EmbeddedServer;
class LoginDialog;
class MainWindow;
class Session;
class TranslationLoader;

// The app's two states: the login dialog until a session starts, then the
// main window until it ends (signed out, or ended by the server, which sends
// the user back to the login dialog with the reason). Quitting from either
// emits quitRequested.
class SignInFlow final : public QObject
{
    Q_OBJECT
public:
    SignInFlow(ApiClient &api, Session &session, ConnectionMonitor &monitor, CertificatePins &pins,
               QSettings &settings, EmbeddedServer *embedded, QObject *parent = nullptr);
    ~SignInFlow() override;

    // Shows the login dialog; with `resume`, a remembered sign-in is tried first.
    void start(bool resume = true);
    LoginDialog *loginDialog() const;
    MainWindow *mainWindow() const;

    // The loader the app installed its language with; switching language
    // (View > Language) goes through it. Without one the flow makes its own.
    void setTranslationLoader(TranslationLoader *loader) { m_translations = loader; }
    // Installs `language`, remembers it, and rebuilds the main window in it:
    // same session, same page, no sign-in. False if it is not available.
    bool switchLanguage(const QString &language);

    static QString savedLanguage(const QSettings &settings);

Q_SIGNALS:
    void quitRequested();
    void mainWindowShown();

private:
    void showLogin(const QString &notice, bool resume);
    void showMain();
    void openMainWindow(const QString &server);

    ApiClient &m_api;
    Session &m_session;
    ConnectionMonitor &m_monitor;
    CertificatePins &m_pins;
    QSettings &m_settings;
    EmbeddedServer *m_embedded;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_main;
    TranslationLoader *m_translations = nullptr;
    QString m_serverName;
};

} // namespace reserva::ui
