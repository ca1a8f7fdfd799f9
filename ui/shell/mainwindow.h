#pragma once

#include "viewaccess.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QSettings;
class QStackedWidget;

namespace reserva::ui {

class ApiClient;
class ConnectionMonitor;
class Session;
class WorkspaceView;

// The shell: a navigation list holding only the pages the user's roles
// allow, the current page, shortcuts routed to it (refresh, filter, new),
// and a status bar with who is signed in where and whether the server is
// reachable. Geometry, the last page and each table's column widths are
// remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ApiClient &api, Session &session, ConnectionMonitor &monitor, QSettings &settings,
               const QString &serverName, QWidget *parent = nullptr);
    ~MainWindow() override;

    QList<ViewKind> views() const { return m_kinds; }
    WorkspaceView *currentView() const;
    QAction *refreshAction() const { return m_refresh; }
    QAction *filterAction() const { return m_filter; }
    QAction *newAction() const { return m_new; }
    QAction *signOutAction() const { return m_signOut; }
    QLabel *connectionLabel() const { return m_connection; }

    // The View > Language entries; each action's data is its language code.
    QList<QAction *> languageActions() const;

Q_SIGNALS:
    void signOutRequested();
    // The user picked another language (TranslationLoader's codes).
    void languageRequested(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addView(ViewKind kind, WorkspaceView *view);
    void restoreColumns(WorkspaceView *view);
    void saveColumns();
    void showConnected();
    void showLost();
    void updateActions();

    ApiClient &m_api;
    Session &m_session;
    QSettings &m_settings;
    QString m_serverName;
    QList<ViewKind> m_kinds;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_connection;
    QLabel *m_identity;
    QAction *m_refresh;
    QAction *m_filter;
    QAction *m_new;
    QAction *m_signOut;
    QAction *m_quit;
    class QActionGroup *m_languages;
};

} // namespace reserva::ui
