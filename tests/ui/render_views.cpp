// reserva_render_views: signs in to a running reservad and renders the login
// dialog, the first-run dialog, each page of the main window the account may
// see (once loaded), the booking, product, departure, promotion, user and
// tenant dialogs to PNG files, so anyone can look
// at the app without clicking through it. Under Xvfb or QT_QPA_PLATFORM=offscreen.
//
//   reserva_render_views --url http://127.0.0.1:8080 --username demo.manager
//                        --password ... --out docs/screenshots [--language es]
#include "admin/tenantdialog.h"
#include "admin/userdialog.h"
#include "admin/usersview.h"
#include "catalog/productdialog.h"
#include "catalog/productdirectory.h"
#include "catalog/slotdialog.h"
#include "common/pagedjsonmodel.h"
#include "common/translationloader.h"
#include "dashboard/dashboardview.h"
#include "embedded/firstrundialog.h"
#include "login/logindialog.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "net/serveraddress.h"
#include "net/session.h"
#include "promotions/promotiondialog.h"
#include "reservations/newreservationdialog.h"
#include "shell/mainwindow.h"
#include "shell/workspaceview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QListWidget>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace reserva::ui;

namespace {

bool save(QWidget *widget, const QString &dir, const QString &name)
{
    widget->show();
    QTest::qWait(300); // let layouts and icons settle before grabbing
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/reserva/icons/reserva.svg")));
    QCommandLineParser parser;
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Server URL."),
                                 QStringLiteral("URL"));
    const QCommandLineOption username(QStringLiteral("username"), QStringLiteral("Account."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Password."),
                                      QStringLiteral("PASSWORD"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en, es, pt_BR."),
                                      QStringLiteral("LANG"), QStringLiteral("en"));
    parser.addOptions({url, username, password, out, language});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(url) || !parser.isSet(username) || !parser.isSet(password) ||
        !parser.isSet(out)) {
        std::fprintf(stderr, "--url, --username, --password and --out are required\n");
        return 2;
    }
    TranslationLoader translations;
    translations.install(parser.value(language));
    const QString dir = parser.value(out);
    QDir().mkpath(dir);

    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("reserva.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("login/mode"), QStringLiteral("embedded"));
    settings.setValue(QStringLiteral("login/username"), parser.value(username));
    CertificatePins pins(settings);
    ApiClient api(&pins);
    api.setBaseUrl(QUrl(parser.value(url)));
    Session session(api, nullptr);
    const QString suffix = u'-' + parser.value(language);
    int failures = 0;
    {
        // The embedded choice needs a server object; the dialog is only drawn.
        LoginDialog login(api, session, pins, settings, nullptr);
        failures += !save(&login, dir, QStringLiteral("login") + suffix);
        FirstRunDialog firstRun;
        failures += !save(&firstRun, dir, QStringLiteral("first-run") + suffix);
    }

    bool done = false;
    std::optional<ApiError> error;
    session.login(parser.value(username), parser.value(password), Session::Remember::No,
                  [&](const auto &e) {
                      error = e;
                      done = true;
                  });
    if (!QTest::qWaitFor([&] { return done; }, 60000) || error) {
        std::fprintf(stderr, "sign-in failed: %s\n",
                     error ? qPrintable(error->plainMessage()) : "no answer");
        return 1;
    }
    ConnectionMonitor monitor(api);
    MainWindow window(api, session, monitor, settings, ServerAddress::originOf(api.baseUrl()));
    window.resize(1240, 720);
    window.show();
    auto *navigation = window.findChild<QListWidget *>();
    for (int row = 0; row < window.views().size(); ++row) {
        navigation->setCurrentRow(row);
        WorkspaceView *view = window.currentView();
        auto *table = view->findChild<QTableView *>();
        auto *model = table ? qobject_cast<PagedJsonModel *>(table->model()) : nullptr;
        if (model && !QTest::qWaitFor([&] { return !model->isLoading(); }, 60000))
            std::fprintf(stderr, "%s did not load\n", qPrintable(view->objectName()));
        // Reservations load their list once the change feed has its cursor.
        if (model)
            (void)QTest::qWaitFor([&] { return model->rowCount() > 0 && !model->isLoading(); },
                                  3000);
        // The dashboard has no paged list: its own answer, charts included.
        if (auto *dashboard = qobject_cast<DashboardView *>(view);
            dashboard && !QTest::qWaitFor([&] { return !dashboard->isLoading(); }, 60000))
            std::fprintf(stderr, "%s did not load\n", qPrintable(view->objectName()));
        if (table && table->model()->rowCount() > 0) {
            table->selectRow(0);
            QTest::qWait(500); // a detail pane loads what it shows (payments, history)
        }
        failures += !save(&window, dir, view->objectName() + suffix);
    }
    if (window.views().contains(ViewKind::Reservations)) {
        ProductDirectory products(api);
        NewReservationDialog booking(api, products);
        if (!QTest::qWaitFor([&] { return products.isLoaded(); }, 60000))
            std::fprintf(stderr, "products did not load\n");
        QTest::qWait(500);
        failures += !save(&booking, dir, QStringLiteral("new-reservation") + suffix);
    }
    if (window.views().contains(ViewKind::Catalog)) {
        ProductDialog product(api, {}, {});
        failures += !save(&product, dir, QStringLiteral("new-product") + suffix);
        SlotDialog slot(api, QString(), {});
        failures += !save(&slot, dir, QStringLiteral("new-departure") + suffix);
    }
    if (window.views().contains(ViewKind::Promotions)) {
        ProductDirectory products(api);
        PromotionDialog promotion(api, products, {}, {});
        if (!QTest::qWaitFor([&] { return products.isLoaded(); }, 60000))
            std::fprintf(stderr, "products did not load\n");
        failures += !save(&promotion, dir, QStringLiteral("new-promotion") + suffix);
    }
    if (auto *users = window.findChild<UsersView *>()) {
        std::unique_ptr<UserDialog> user(users->newUserDialog());
        failures += !save(user.get(), dir, QStringLiteral("new-user") + suffix);
        if (users->tenants()) { // an administrator's page
            TenantDialog tenant(api);
            failures += !save(&tenant, dir, QStringLiteral("new-tenant") + suffix);
        }
    }
    return failures == 0 ? 0 : 1;
}
