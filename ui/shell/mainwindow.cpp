#include "mainwindow.h"

#include "admin/usersview.h"
#include "admin/webhookeventsview.h"
#include "audit/auditview.h"
#include "catalog/catalogview.h"
#include "common/displayformat.h"
#include "common/translationloader.h"
#include "dashboard/dashboardview.h"
#include "domain/role.h"
#include "net/accessclaims.h"
#include "net/apiclient.h"
#include "net/connectionmonitor.h"
#include "net/session.h"
#include "promotions/promotionsview.h"
#include "reservations/reservationsview.h"
#include "workspaceview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace reserva::ui {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLastView = QStringLiteral("window/view");
const QString kColumns = QStringLiteral("columns/%1/%2");

// The column headers of a page's tables and lists, in a stable order (the
// order the page builds them in), so each keeps its widths across runs.
QList<QHeaderView *> columnHeaders(QWidget *page)
{
    QList<QHeaderView *> headers;
    const auto views = page->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        if (auto *table = qobject_cast<QTableView *>(view))
            headers << table->horizontalHeader();
        else if (auto *tree = qobject_cast<QTreeView *>(view))
            headers << tree->header();
    }
    return headers;
}

} // namespace

MainWindow::MainWindow(ApiClient &api, Session &session, ConnectionMonitor &monitor,
                       QSettings &settings, const QString &serverName, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_session(session)
    , m_settings(settings)
    , m_serverName(serverName)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_connection(new QLabel(this))
    , m_identity(new QLabel(this))
{
    setWindowTitle(tr("Reserva — %1").arg(serverName));
    setObjectName(QStringLiteral("mainWindow"));

    m_refresh =
        new QAction(QIcon(QStringLiteral(":/reserva/icons/refresh.svg")), tr("&Refresh"), this);
    m_refresh->setShortcuts(QKeySequence::Refresh); // F5 (and Ctrl+R where native)
    m_refresh->setToolTip(tr("Load the current page again (F5)"));
    m_filter =
        new QAction(QIcon(QStringLiteral(":/reserva/icons/filter.svg")), tr("&Filter"), this);
    m_filter->setShortcut(QKeySequence::Find);
    m_filter->setToolTip(tr("Go to the filter of the current page (Ctrl+F)"));
    m_new = new QAction(QIcon(QStringLiteral(":/reserva/icons/new.svg")), tr("&New…"), this);
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Create a new item on the current page (Ctrl+N)"));
    m_signOut = new QAction(tr("Sign &out"), this);
    m_signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_new);
    fileMenu->addSeparator();
    fileMenu->addAction(m_signOut);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_refresh);
    viewMenu->addAction(m_filter);
    viewMenu->addSeparator();
    // Each language in its own name, so it can be found whatever is shown.
    auto *languageMenu = viewMenu->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    const QString current = TranslationLoader::currentLanguage();
    for (const QString &code : TranslationLoader::availableLanguages()) {
        QAction *action = languageMenu->addAction(TranslationLoader::nativeName(code));
        action->setData(code);
        action->setCheckable(true);
        action->setChecked(code == current);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (code != TranslationLoader::currentLanguage())
                Q_EMIT languageRequested(code);
        });
    }

    auto *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_new);
    toolbar->addAction(m_refresh);
    toolbar->addAction(m_filter);

    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setMaximumWidth(240);
    m_navigation->setMinimumWidth(150);
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({180, 1000});
    setCentralWidget(splitter);

    const AccessClaims &claims = m_session.claims();
    // Only an administrator can list tenants to choose one (GET /v1/tenants).
    const bool platformWide = claims.tenantId.isNull() && claims.hasRole(role::kAdmin);
    for (const ViewKind kind : allowedViews(claims)) {
        switch (kind) {
        case ViewKind::Dashboard:
            addView(kind, new DashboardView(m_api, platformWide, m_pages));
            break;
        case ViewKind::Reservations:
            addView(kind, new ReservationsView(m_api, m_pages));
            break;
        case ViewKind::Catalog:
            addView(kind, new CatalogView(m_api, canEdit(kind, claims), platformWide, m_pages));
            break;
        case ViewKind::Promotions:
            addView(kind, new PromotionsView(m_api, PromotionsView::accessFor(claims), m_pages));
            break;
        case ViewKind::Audit:
            addView(kind, new AuditView(m_api, AuditView::accessFor(claims), m_pages));
            break;
        case ViewKind::Payments:
            addView(kind, new WebhookEventsView(m_api, m_pages));
            break;
        case ViewKind::Users:
            addView(kind, new UsersView(m_api, UsersView::accessFor(claims), m_pages));
            break;
        }
    }
    if (m_kinds.isEmpty()) {
        auto *none = new QLabel(tr("Your account has no pages in this version of Reserva. Ask an "
                                   "administrator for a role."),
                                m_pages);
        none->setAlignment(Qt::AlignCenter);
        none->setWordWrap(true);
        m_pages->addWidget(none);
        m_navigation->setVisible(false);
    }

    QStringList roleNames;
    for (const QString &r : m_session.claims().roles)
        roleNames << DisplayFormat::role(r);
    m_identity->setText(
        tr("%1 (%2) on %3")
            .arg(m_session.username(), roleNames.join(QStringLiteral(", ")), m_serverName));
    m_connection->setAccessibleName(tr("Connection status"));
    m_identity->setAccessibleName(tr("Signed-in user"));
    statusBar()->addWidget(m_identity, 1);
    statusBar()->addPermanentWidget(m_connection);
    showConnected();

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        m_settings.setValue(kLastView, row);
        updateActions();
        if (auto *view = currentView())
            view->refresh();
    });
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (auto *view = currentView())
            view->refresh();
    });
    connect(m_filter, &QAction::triggered, this, [this] {
        if (auto *view = currentView())
            view->focusFilter();
    });
    connect(m_new, &QAction::triggered, this, [this] {
        if (auto *view = currentView(); view && view->canCreate())
            view->createNew();
    });
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_quit, &QAction::triggered, this, &QMainWindow::close);
    connect(&monitor, &ConnectionMonitor::connectionLost, this, &MainWindow::showLost);
    connect(&monitor, &ConnectionMonitor::connectionRestored, this, [this] {
        showConnected();
        // What is on screen may be stale after an outage: load it again.
        if (auto *view = currentView())
            view->refresh();
    });

    if (!restoreGeometry(m_settings.value(kGeometry).toByteArray()))
        resize(1240, 760);
    restoreState(m_settings.value(kState).toByteArray());
    if (!m_kinds.isEmpty()) {
        const int last = m_settings.value(kLastView, 0).toInt();
        m_navigation->setCurrentRow(last >= 0 && last < m_kinds.size() ? last : 0);
    }
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::addView(ViewKind kind, WorkspaceView *view)
{
    m_kinds << kind;
    m_pages->addWidget(view);
    restoreColumns(view);
    // Tab moves on to the next control; the arrow keys move within a table
    // (by default Tab walks every cell, and a long list traps the keyboard).
    const auto lists = view->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *list : lists)
        list->setTabKeyNavigation(false);
    auto *item = new QListWidgetItem(view->icon(), view->title(), m_navigation);
    item->setSizeHint(QSize(0, 34));
}

QList<QAction *> MainWindow::languageActions() const
{
    return m_languages->actions();
}

WorkspaceView *MainWindow::currentView() const
{
    return qobject_cast<WorkspaceView *>(m_pages->currentWidget());
}

void MainWindow::updateActions()
{
    const bool hasView = currentView() != nullptr;
    m_refresh->setEnabled(hasView);
    m_filter->setEnabled(hasView);
    m_new->setEnabled(hasView && currentView()->canCreate());
}

void MainWindow::showConnected()
{
    m_connection->setText(QStringLiteral("● ") + tr("Connected"));
    m_connection->setToolTip(tr("The server at %1 is answering.").arg(m_serverName));
    m_connection->setForegroundRole(QPalette::WindowText);
}

void MainWindow::showLost()
{
    m_connection->setText(QStringLiteral("○ ") + tr("Connection lost — retrying…"));
    m_connection->setToolTip(
        tr("The server at %1 is not answering. Reserva keeps trying and reloads the page when "
           "it is back.")
            .arg(m_serverName));
}

// Widths only: which columns a page shows depends on who is signed in, and
// must stay the page's decision.
void MainWindow::restoreColumns(WorkspaceView *view)
{
    const QList<QHeaderView *> headers = columnHeaders(view);
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QVariantList widths =
            m_settings.value(kColumns.arg(view->objectName()).arg(i)).toList();
        QHeaderView *header = headers.at(i);
        if (widths.size() != header->count())
            continue; // another version's columns
        for (int section = 0; section < header->count(); ++section) {
            if (const int width = widths.at(section).toInt(); width > 0)
                header->resizeSection(section, width);
        }
    }
}

void MainWindow::saveColumns()
{
    for (int page = 0; page < m_pages->count(); ++page) {
        auto *view = qobject_cast<WorkspaceView *>(m_pages->widget(page));
        if (!view)
            continue;
        const QList<QHeaderView *> headers = columnHeaders(view);
        for (qsizetype i = 0; i < headers.size(); ++i) {
            QVariantList widths;
            for (int section = 0; section < headers.at(i)->count(); ++section)
                widths << headers.at(i)->sectionSize(section);
            m_settings.setValue(kColumns.arg(view->objectName()).arg(i), widths);
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(kGeometry, saveGeometry());
    m_settings.setValue(kState, saveState());
    saveColumns();
    QMainWindow::closeEvent(event);
}

} // namespace reserva::ui
