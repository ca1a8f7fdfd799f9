// Every visible string is translated: the .ts files are complete and hold
// every tr() string of ui/ (lupdate is run on the sources), and the windows
// and dialogs built in Spanish show no English text.
#include "catalog/productdirectory.h"
#include "common/displayformat.h"
#include "common/translationloader.h"
#include "embedded/firstrundialog.h"
#include "login/certificatedialog.h"
#include "login/logindialog.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "reservations/newreservationdialog.h"
#include "reservations/paymentdialog.h"
#include "shell/errormessagebox.h"
#include "shell/mainwindow.h"
#include "shell/signinflow.h"
#include "shell/workspaceview.h"
#include "testserver.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QXmlStreamReader>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

struct TsEntry
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "", "unfinished", "vanished", "obsolete"
};

QList<TsEntry> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsEntry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    TsEntry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = TsEntry{context, {}, {}, {}};
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            // Either text or numerusform children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"numerusform")
                    current.translations << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (current.translations.isEmpty())
                current.translations << text.trimmed();
            entries << current;
        }
    }
    return entries;
}

// Texts that may be the same in both languages: what the translator kept
// as is (brand, "Auditor", "Subtotal:"; with %1 filled in), data from the
// test server, symbols and addresses.
bool languageNeutral(const QString &text, const QList<TsEntry> &spanish)
{
    static const QSet<QString> data{QStringLiteral("test"), QStringLiteral("admin"),
                                    QStringLiteral("ada.admin"), QStringLiteral("reserva.local"),
                                    QStringLiteral("AB:CD")};
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{2,}"));
    // Brand names (the payment providers) are the same in every language.
    for (const char *provider : {"stripe", "mercadopago", "pix"}) {
        if (text == DisplayFormat::paymentProvider(QLatin1String(provider)))
            return true;
    }
    // The language menu names each language in itself, in every language.
    for (const QString &language : TranslationLoader::availableLanguages()) {
        if (text == TranslationLoader::nativeName(language))
            return true;
    }
    if (data.contains(text) || !letters.match(text).hasMatch() ||
        text.startsWith(QStringLiteral("http")))
        return true;
    for (const TsEntry &e : spanish) {
        if (e.translations.value(0) != e.source)
            continue;
        QString pattern = QRegularExpression::escape(e.source);
        // escape() put a backslash before "%": a placeholder matches anything.
        pattern.replace(QRegularExpression(QStringLiteral("\\\\?%\\d")), QStringLiteral(".*"));
        QString plain = e.source;
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        if (plain == text ||
            QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch())
            return true;
    }
    return false;
}

QStringList visibleTexts(QWidget *root)
{
    QStringList texts{root->windowTitle()};
    auto widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        texts << w->toolTip() << w->accessibleName();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const auto *model = view->model();
            for (int c = 0; c < model->columnCount(); ++c)
                texts << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
            for (int r = 0; r < model->rowCount(); ++r)
                texts << model->data(model->index(r, 0), Qt::DisplayRole).toString();
        }
        const auto actions = w->actions();
        for (QAction *a : actions)
            texts << a->text() << a->toolTip();
        if (auto *menu = qobject_cast<QMenu *>(w))
            texts << menu->title();
    }
    texts.removeAll(QString());
    // Rich text: compare what is read, not the markup.
    for (QString &t : texts)
        t.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return texts;
}

CertificateInfo sampleCertificate()
{
    CertificateInfo info;
    info.subject = QStringLiteral("reserva.local");
    info.issuer = QStringLiteral("reserva.local");
    info.validFrom = QDateTime::currentDateTimeUtc();
    info.validTo = info.validFrom.addYears(1);
    info.sha256 = QStringLiteral("AB:CD");
    info.selfSigned = true;
    info.certificate = QSslCertificate(); // details only
    return info;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    // Builds every window and dialog and returns their visible texts.
    QSet<QString> buildAndCollect()
    {
        QSet<QString> all;
        const auto add = [&](QWidget *w) {
            const QStringList texts = visibleTexts(w);
            for (const QString &t : texts)
                all.insert(t);
        };
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        {
            LoginDialog login(api, session, pins, settings.settings(), nullptr);
            add(&login);
        }
        {
            FirstRunDialog firstRun;
            add(&firstRun);
            firstRun.showError(FirstRunDialog::passwordProblem(QStringLiteral("x"), {}));
            add(&firstRun);
        }
        {
            CertificateDialog certificate(QStringLiteral("reserva.local"), sampleCertificate());
            add(&certificate);
        }
        {
            ApiError error = ApiError::fromHttp(
                409, R"({"type":"urn:reserva:problem:sold-out","request_id":"r-1"})", {});
            ErrorMessageBox box(QStringLiteral("x"), error);
            all.insert(box.informativeText());
        }
        if (signIn(session, QStringLiteral("ada.admin"), m_password))
            return {};
        {
            ProductDirectory products(api);
            NewReservationDialog booking(api, products);
            if (!QTest::qWaitFor([&] { return products.isLoaded(); }, 60000))
                qWarning("the products did not load");
            add(&booking);
        }
        {
            const QJsonObject reservation{
                {QStringLiteral("id"), QStringLiteral("r-1")},
                {QStringLiteral("currency"), QStringLiteral("BRL")},
                {QStringLiteral("quantity"), 2},
                {QStringLiteral("amount_minor"), 25000},
                {QStringLiteral("customer"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Ana")}}}};
            PaymentDialog payment(api, reservation);
            add(&payment);
        }
        ConnectionMonitor monitor(api);
        MainWindow window(api, session, monitor, settings.settings(), QStringLiteral("test"));
        window.show();
        QTest::qWait(0);
        add(&window);
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_server->createUser(QStringLiteral("ada.admin"), m_password, {QStringLiteral("admin")});
    }
    void cleanupTestCase() { m_server.reset(); }

    void filesAreComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("es") << QStringLiteral("es");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
    }
    void filesAreComplete()
    {
        QFETCH(QString, language);
        const auto entries = readTs(QStringLiteral(RESERVA_TRANSLATIONS_DIR "/reserva_") +
                                    language + QStringLiteral(".ts"));
        QVERIFY(entries.size() > 50);
        for (const TsEntry &e : entries) {
            QVERIFY2(e.type.isEmpty(), qPrintable(e.type + u' ' + e.context + u' ' + e.source));
            for (const QString &t : e.translations)
                QVERIFY2(!t.isEmpty(), qPrintable(QStringLiteral("empty: ") + e.source));
        }
    }

    void filesHoldEverySourceString()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(RESERVA_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral(RESERVA_UI_SOURCE_DIR),
                       QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const auto current = readTs(fresh);
        QVERIFY(current.size() > 50);
        for (const QString &language : {QStringLiteral("es"), QStringLiteral("pt_BR")}) {
            QSet<QString> known;
            for (const TsEntry &e : readTs(QStringLiteral(RESERVA_TRANSLATIONS_DIR "/reserva_") +
                                           language + QStringLiteral(".ts")))
                known.insert(e.context + u'\x1f' + e.source);
            for (const TsEntry &e : current)
                QVERIFY2(known.contains(e.context + u'\x1f' + e.source),
                         qPrintable(language + QStringLiteral(" lacks ") + e.context +
                                    QStringLiteral(": ") + e.source));
        }
    }

    void spanishWindowsShowNoEnglish()
    {
        TranslationLoader loader;
        QVERIFY(loader.install(QStringLiteral("en")));
        const QSet<QString> english = buildAndCollect();
        QVERIFY(!english.isEmpty());
        QVERIFY(loader.install(QStringLiteral("es")));
        const QSet<QString> spanish = buildAndCollect();
        QVERIFY(loader.install(QStringLiteral("en")));
        const auto entries = readTs(QStringLiteral(RESERVA_TRANSLATIONS_DIR "/reserva_es.ts"));
        QStringList untranslated;
        for (const QString &text : spanish) {
            if (english.contains(text) && !languageNeutral(text, entries))
                untranslated << text;
        }
        untranslated.sort();
        QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("shown in English: ") +
                                                    untranslated.join(QStringLiteral(" | "))));
    }

    // View > Language rebuilds the main window in the new language, in
    // place: the same session (no sign-in), the same page; and the choice is
    // remembered for the next start.
    void languageSwitchesAtRuntime()
    {
        TranslationLoader loader;
        QVERIFY(loader.install(QStringLiteral("en")));
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        ConnectionMonitor monitor(api);
        SignInFlow flow(api, session, monitor, pins, settings.settings(), nullptr);
        flow.setTranslationLoader(&loader);
        QSignalSpy shown(&flow, &SignInFlow::mainWindowShown);
        QSignalSpy quit(&flow, &SignInFlow::quitRequested);
        flow.start(false);
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Server address"))
            ->setText(localUrl(m_server->port()).toString());
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Username"))
            ->setText(QStringLiteral("ada.admin"));
        widgetNamed<QLineEdit>(flow.loginDialog(), QStringLiteral("Password"))->setText(m_password);
        buttonLabelled(flow.loginDialog(), QStringLiteral("Sign in"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 60000);
        QPointer<MainWindow> english = flow.mainWindow();
        auto *pages = english->findChild<QListWidget *>();
        pages->setCurrentRow(1);
        const QString pageTitle = english->currentView()->title();
        const QByteArray accessToken = session.accessToken();

        QAction *spanish = nullptr;
        for (QAction *a : english->languageActions()) {
            QCOMPARE(a->isChecked(), a->data().toString() == u"en");
            if (a->data().toString() == u"es")
                spanish = a;
        }
        QVERIFY(spanish);
        spanish->trigger();
        QTRY_VERIFY(english.isNull());
        MainWindow *window = flow.mainWindow();
        QVERIFY(window && window->isVisible());
        QCOMPARE(shown.size(), 2);
        QCOMPARE(quit.size(), 0);
        QVERIFY(!flow.loginDialog() || !flow.loginDialog()->isVisible());
        QCOMPARE(session.accessToken(), accessToken); // no new sign-in
        QCOMPARE(window->findChild<QListWidget *>()->currentRow(), 1);
        QVERIFY(window->currentView()->title() != pageTitle);
        QCOMPARE(window->refreshAction()->text(),
                 QCoreApplication::translate("reserva::ui::MainWindow", "&Refresh"));
        QVERIFY(window->refreshAction()->text() != QStringLiteral("&Refresh"));
        for (QAction *a : window->languageActions())
            QCOMPARE(a->isChecked(), a->data().toString() == u"es");
        QCOMPARE(SignInFlow::savedLanguage(settings.settings()), QStringLiteral("es"));

        QVERIFY(flow.switchLanguage(QStringLiteral("en")));
        QTRY_VERIFY(flow.mainWindow() &&
                    flow.mainWindow()->refreshAction()->text() == QStringLiteral("&Refresh"));
        QCOMPARE(quit.size(), 0);
    }

private:
    std::unique_ptr<TestServer> m_server;
    const QString m_password = QStringLiteral("correct-horse-1");
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
