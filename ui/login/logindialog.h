#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSettings;

namespace reserva::ui {

class ApiClient;
class CertificatePins;
class EmbeddedServer;
class FirstRunDialog;
class Session;

// Where to connect (this computer, embedded; or a remote https server), who
// signs in, and whether to remember the sign-in in the system keychain. It
// drives the whole sign-in: starting the embedded server and its first-run
// setup, the certificate question, the login call; it is accepted once the
// Session is signed in. Errors are shown in plain words with a copyable
// request id.
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(ApiClient &api, Session &session, CertificatePins &pins, QSettings &settings,
                EmbeddedServer *embedded, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // A message to show above the form (e.g. why the session ended).
    void setNotice(const QString &message);
    // With "remember me" saved for the last server and user: signs in from
    // the keychain without a password; falls back to the form on failure.
    void resumeIfRemembered();

    bool usesEmbeddedServer() const;
    QString serverText() const;

private:
    void signIn();
    void connectThen(std::function<void()> next);
    void loginWithPassword(const QString &username, const QString &password);
    void onEmbeddedStarted(const QUrl &url, bool needsAdministrator);
    void runFirstRun();
    void handleError(const ApiError &error, const std::function<void()> &retry);
    void showError(const QString &message, const QString &requestId = {});
    void setBusy(bool busy, const QString &message = {});
    void succeed();
    void updateModeWidgets();

    ApiClient &m_api;
    Session &m_session;
    CertificatePins &m_pins;
    QSettings &m_settings;
    QPointer<EmbeddedServer> m_embedded;
    std::function<void()> m_afterEmbeddedStart;
    QPointer<FirstRunDialog> m_firstRun;

    QLabel *m_notice;
    QRadioButton *m_thisComputer;
    QRadioButton *m_remote;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_status;
    QPushButton *m_copyRequestId;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QString m_requestId;
};

} // namespace reserva::ui
