// TokenStore and "remember me" against a real Secret Service: gnome-keyring
// on a private D-Bus session bus started by this test (see
// PrivateSecretService), so the user's own keyring is never touched.
#include "net/serveraddress.h"
#include "net/session.h"
#include "net/tokenstore.h"
#include "privatesecretservice.h"
#include "testserver.h"
#include "uitestsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace reserva;
using namespace reserva::test;
using reserva::ui::ApiClient;
using reserva::ui::Session;
using reserva::ui::TokenStore;

namespace {

struct Loaded
{
    std::optional<QString> token;
    QString error;
};

Loaded load(TokenStore &store, const QString &account)
{
    bool done = false;
    Loaded result;
    store.load(account, [&](const std::optional<QString> &token, const QString &error) {
        result = {token, error};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("no answer within the test bound");
    return result;
}

QString save(TokenStore &store, const QString &account, const QString &token)
{
    bool done = false;
    QString result;
    store.save(account, token, [&](const QString &error) {
        result = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("no answer within the test bound");
    return done ? result : QStringLiteral("no answer");
}

QString remove(TokenStore &store, const QString &account)
{
    bool done = false;
    QString result;
    store.remove(account, [&](const QString &error) {
        result = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("no answer within the test bound");
    return done ? result : QStringLiteral("no answer");
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_secrets.start(&error), qPrintable(error));
        m_service = QStringLiteral("Reserva test ") + QUuid::createUuid().toString();
    }

    void savesLoadsAndRemoves()
    {
        TokenStore store(m_service);
        const QString account =
            TokenStore::accountFor(QStringLiteral("https://h:443"), QStringLiteral("ada"));
        QCOMPARE(save(store, account, QStringLiteral("secret-refresh-1")), QString());
        const Loaded loaded = load(store, account);
        QCOMPARE(loaded.error, QString());
        QCOMPARE(loaded.token, std::optional<QString>(QStringLiteral("secret-refresh-1")));
        QCOMPARE(save(store, account, QStringLiteral("secret-refresh-2")), QString());
        QCOMPARE(load(store, account).token,
                 std::optional<QString>(QStringLiteral("secret-refresh-2")));
        QCOMPARE(remove(store, account), QString());
        const Loaded gone = load(store, account);
        QVERIFY(!gone.token);
        QCOMPARE(gone.error, QString());
        QCOMPARE(remove(store, account), QString()); // removing nothing is fine
    }

    void rememberMeKeepsTheRotatedTokenAndLogoutDeletesIt()
    {
        TestServer server;
        server.createUser(QStringLiteral("ada.remember"), QStringLiteral("correct-horse-1"),
                          {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        TokenStore store(m_service);
        const QString account = TokenStore::accountFor(ui::ServerAddress::originOf(api.baseUrl()),
                                                       QStringLiteral("ada.remember"));
        {
            Session session(api, &store);
            QVERIFY(!signIn(session, QStringLiteral("ada.remember"),
                            QStringLiteral("correct-horse-1"), Session::Remember::Yes));
            QTRY_VERIFY_WITH_TIMEOUT(load(store, account).token.has_value(), 60000);
        }
        // A new app start: the keychain's token signs in without a password,
        // and the rotated token replaces it in the keychain.
        const QString stored = *load(store, account).token;
        Session resumed(api, &store);
        bool done = false;
        std::optional<ui::ApiError> error;
        resumed.resume(QStringLiteral("ada.remember"), [&](const auto &e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QVERIFY(!error);
        QVERIFY(resumed.isSignedIn());
        QTRY_VERIFY_WITH_TIMEOUT(load(store, account).token != std::optional<QString>(stored),
                                 60000);
        QVERIFY(load(store, account).token.has_value());

        bool loggedOut = false;
        resumed.logout([&] { loggedOut = true; });
        QTRY_VERIFY_WITH_TIMEOUT(loggedOut, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!load(store, account).token.has_value(), 60000);
    }

    void withoutRememberMeNothingIsStored()
    {
        TestServer server;
        server.createUser(QStringLiteral("ada.forget"), QStringLiteral("correct-horse-1"),
                          {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        TokenStore store(m_service);
        const QString account = TokenStore::accountFor(ui::ServerAddress::originOf(api.baseUrl()),
                                                       QStringLiteral("ada.forget"));
        {
            Session plain(api, &store);
            QVERIFY(!signIn(plain, QStringLiteral("ada.forget"), QStringLiteral("correct-horse-1"),
                            Session::Remember::No));
            QVERIFY(!load(store, account).token.has_value());
        }
        // Left over from an earlier "remember me": unticking it forgets it.
        QCOMPARE(save(store, account, QStringLiteral("stale")), QString());
        Session session(api, &store);
        QVERIFY(!signIn(session, QStringLiteral("ada.forget"), QStringLiteral("correct-horse-1"),
                        Session::Remember::Forget));
        QTRY_VERIFY_WITH_TIMEOUT(!load(store, account).token.has_value(), 60000);
        // A renewal must not store anything either.
        QSignalSpy renewed(&session, &Session::accessRenewed);
        bool renewedOk = false;
        session.renewAccess([&](const auto &e) { renewedOk = !e; });
        QTRY_VERIFY_WITH_TIMEOUT(renewedOk, 60000);
        QVERIFY(!load(store, account).token.has_value());
    }

private:
    PrivateSecretService m_secrets;
    QString m_service;
};

QTEST_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
