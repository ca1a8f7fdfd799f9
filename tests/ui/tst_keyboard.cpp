// Keyboard and assistive technology: in every window and dialog, Tab
// reaches every control a user can operate, and each control has a name a
// screen reader can say (its accessible name, its own text, or the label
// whose buddy it is).
#include "admin/tenantdialog.h"
#include "admin/userdialog.h"
#include "admin/usersview.h"
#include "catalog/productdialog.h"
#include "catalog/productdirectory.h"
#include "catalog/slotdialog.h"
#include "login/logindialog.h"
#include "net/certificatepins.h"
#include "net/connectionmonitor.h"
#include "promotions/promotiondialog.h"
#include "reservations/newreservationdialog.h"
#include "reservations/paymentdialog.h"
#include "shell/mainwindow.h"
#include "shell/workspaceview.h"
#include "testserver.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCalendarWidget>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSet>
#include <QTabBar>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

// Parts of a composite control (a spin box's editor, a combo box's list, a
// calendar's buttons) are reached and named through the control itself.
bool insideComposite(const QWidget *w, const QWidget *root)
{
    for (const QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p) ||
            qobject_cast<const QCalendarWidget *>(p) || qobject_cast<const QAbstractItemView *>(p))
            return true;
    }
    return false;
}

// What a user operates, as shown now.
QList<QWidget *> controls(QWidget *root)
{
    QList<QWidget *> out;
    const auto all = root->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (!w->isVisibleTo(root) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) ||
            insideComposite(w, root) || qobject_cast<QTabBar *>(w))
            continue;
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QAbstractButton *>(w) ||
            qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
            qobject_cast<QCalendarWidget *>(w))
            out << w;
    }
    return out;
}

QString describe(const QWidget *w)
{
    return QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName() + u' ' +
           w->accessibleName();
}

// The controls Tab never reaches, starting from the first one.
QStringList unreachable(QWidget *root)
{
    const QList<QWidget *> wanted = controls(root);
    if (wanted.isEmpty())
        return {};
    root->activateWindow();
    QApplication::setActiveWindow(root); // offscreen: another window may keep it
    if (!QTest::qWaitForWindowActive(root))
        return {QStringLiteral("the window did not become active")};
    wanted.first()->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> seen;
    for (qsizetype i = 0; i < wanted.size() * 3 + 20; ++i) {
        if (QWidget *f = QApplication::focusWidget()) {
            seen.insert(f);
            // A composite's inner editor stands for the composite.
            for (QWidget *p = f->parentWidget(); p; p = p->parentWidget())
                seen.insert(p);
        }
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : root,
                        Qt::Key_Tab);
    }
    QStringList missing;
    for (QWidget *w : wanted) {
        if (seen.contains(w))
            continue;
        // Tab enters a group of radio buttons at its checked one; the arrow
        // keys move within the group.
        if (auto *radio = qobject_cast<QRadioButton *>(w); radio && radio->autoExclusive()) {
            bool groupReached = false;
            const auto siblings = radio->parentWidget()->findChildren<QRadioButton *>();
            for (QRadioButton *other : siblings)
                groupReached |= seen.contains(other);
            if (groupReached)
                continue;
        }
        missing << describe(w);
    }
    return missing;
}

// The controls a screen reader could not name.
QStringList unnamed(QWidget *root)
{
    QSet<const QWidget *> buddies;
    const auto labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->buddy())
            buddies.insert(label->buddy());
    }
    QStringList missing;
    for (QWidget *w : controls(root)) {
        const auto *button = qobject_cast<QAbstractButton *>(w);
        const bool named = !w->accessibleName().isEmpty() || buddies.contains(w) ||
                           (button && !button->text().remove(u'&').trimmed().isEmpty());
        if (!named)
            missing << describe(w);
    }
    return missing;
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private:
    void check(QWidget *root, const QString &name)
    {
        const QStringList notReached = unreachable(root);
        QVERIFY2(notReached.isEmpty(), qPrintable(name + QStringLiteral(": Tab never reaches ") +
                                                  notReached.join(QStringLiteral(" | "))));
        const QStringList notNamed = unnamed(root);
        QVERIFY2(notNamed.isEmpty(), qPrintable(name + QStringLiteral(": no accessible name: ") +
                                                notNamed.join(QStringLiteral(" | "))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_server->createUser(QStringLiteral("kim.admin"), m_password, {QStringLiteral("admin")});
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(localUrl(m_server->port()));
        m_session = std::make_unique<Session>(*m_api, nullptr);
        QVERIFY(!signIn(*m_session, QStringLiteral("kim.admin"), m_password));
    }
    void cleanupTestCase()
    {
        m_session.reset();
        m_api.reset();
        m_server.reset();
    }

    void loginDialog()
    {
        TemporarySettings settings;
        CertificatePins pins(settings.settings());
        ApiClient api(&pins);
        Session session(api, nullptr);
        LoginDialog dialog(api, session, pins, settings.settings(), nullptr);
        dialog.show();
        check(&dialog, QStringLiteral("login"));
    }

    void editorDialogs()
    {
        ProductDirectory products(*m_api);
        {
            NewReservationDialog booking(*m_api, products);
            booking.show();
            check(&booking, QStringLiteral("new reservation"));
        }
        {
            ProductDialog product(*m_api, {}, {});
            product.show();
            check(&product, QStringLiteral("product"));
        }
        {
            SlotDialog slot(*m_api, QString(), {});
            slot.show();
            check(&slot, QStringLiteral("departure"));
        }
        {
            PromotionDialog promotion(*m_api, products, {}, {});
            promotion.show();
            check(&promotion, QStringLiteral("promotion"));
        }
        {
            const QJsonObject reservation{{QStringLiteral("id"), QStringLiteral("r-1")},
                                          {QStringLiteral("currency"), QStringLiteral("BRL")},
                                          {QStringLiteral("quantity"), 1},
                                          {QStringLiteral("amount_minor"), 1000}};
            PaymentDialog payment(*m_api, reservation);
            payment.show();
            check(&payment, QStringLiteral("payment"));
        }
    }

    void everyPageOfTheMainWindow()
    {
        TemporarySettings settings;
        ConnectionMonitor monitor(*m_api);
        MainWindow window(*m_api, *m_session, monitor, settings.settings(), QStringLiteral("test"));
        window.resize(1240, 760);
        window.show();
        auto *pages = window.findChild<QListWidget *>();
        QVERIFY(pages->count() >= 7); // an administrator sees them all
        for (int row = 0; row < pages->count(); ++row) {
            pages->setCurrentRow(row);
            QTest::qWait(200); // the page's first answers arrive and enable what they enable
            check(&window, window.currentView()->objectName());
        }
        auto *users = window.findChild<UsersView *>();
        QVERIFY(users);
        std::unique_ptr<UserDialog> user(users->newUserDialog());
        user->show();
        check(user.get(), QStringLiteral("user"));
        TenantDialog tenant(*m_api);
        tenant.show();
        check(&tenant, QStringLiteral("tenant"));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    const QString m_password = QStringLiteral("correct-horse-1");
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
