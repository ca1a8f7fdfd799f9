// Session against a real reservad: renewal before expiry, one renewal and a
// replay when the server says 401, revocation ending the session, logout.
#include "manualclock.h"
#include "net/session.h"
#include "testserver.h"
#include "uitestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using reserva::ui::ApiClient;
using reserva::ui::ApiRequest;
using reserva::ui::Session;

class TestSession : public QObject
{
    Q_OBJECT

private:
    ApiRequest readSelf(const Session &session)
    {
        ApiRequest request;
        request.path = QStringLiteral("/v1/users/") + session.claims().subject;
        return request;
    }

private Q_SLOTS:
    void renewalMarginIsAFifthAtMostAMinute()
    {
        QCOMPARE(Session::renewalMarginMs(15 * 60 * 1000), 60000);
        QCOMPARE(Session::renewalMarginMs(2000), 400);
    }

    void claimsComeFromTheAccessToken()
    {
        TestServer server;
        const auto user = server.createUser(
            QStringLiteral("sam.staff.claims"), QStringLiteral("correct-horse-1"),
            {QStringLiteral("partner_staff")}, server.createTenant(QStringLiteral("acme")).id);
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        Session session(api, nullptr);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QVERIFY(!signIn(session, QStringLiteral("sam.staff.claims"),
                        QStringLiteral("correct-horse-1")));
        QCOMPARE(signedIn.size(), 1);
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.claims().roles, QStringList{QStringLiteral("partner_staff")});
        QCOMPARE(session.claims().subject, user.id.toString(QUuid::WithoutBraces));
        QVERIFY(!session.claims().tenantId.isNull());
    }

    void accessIsRenewedBeforeItExpires()
    {
        // A 2-second access token: renewal is due after 1.6 s, before expiry.
        TestServer server(SystemClock::instance(),
                          [](ServerConfig &config) { config.tokens.accessTokenSeconds = 2; });
        server.createUser(QStringLiteral("ada.renew"), QStringLiteral("correct-horse-1"),
                          {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.renew"), QStringLiteral("correct-horse-1")));
        QVERIFY(session.renewalDueAt() < session.accessExpiresAt());
        const QByteArray first = session.accessToken();
        QSignalSpy renewed(&session, &Session::accessRenewed);
        QVERIFY(renewed.wait(60000));
        QVERIFY(session.isSignedIn());
        QVERIFY(session.accessToken() != first);
        // The renewed token works.
        const auto response = call(api, readSelf(session));
        QVERIFY2(response.ok(), qPrintable(response.error ? response.error->title : QString()));
    }

    void a401IsRenewedOnceAndReplayed()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        TestServer server(clock);
        server.createUser(QStringLiteral("ada.replay"), QStringLiteral("correct-horse-1"),
                          {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.replay"), QStringLiteral("correct-horse-1")));
        const QByteArray first = session.accessToken();
        QSignalSpy renewed(&session, &Session::accessRenewed);

        // The server's time moves past expiry and skew; the app's timer has
        // not fired (15 min), so the next calls meet a 401.
        clock.advance(20 * 60);
        QList<ui::ApiResponse> answers;
        QObject context;
        for (int i = 0; i < 3; ++i)
            api.send(readSelf(session), &context,
                     [&](const ui::ApiResponse &r) { answers.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 60000);
        for (const auto &answer : std::as_const(answers))
            QVERIFY2(answer.ok(), qPrintable(answer.error ? answer.error->slug() : QString()));
        // One renewal for the three: a second one with the same refresh token
        // would have been reuse, revoking the family.
        QCOMPARE(renewed.size(), 1);
        QVERIFY(session.accessToken() != first);
        QVERIFY(session.isSignedIn());
    }

    void revokedFamilyEndsTheSession()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        TestServer server(clock);
        server.createUser(QStringLiteral("ada.boss"), QStringLiteral("correct-horse-1"),
                          {QStringLiteral("admin")});
        const auto victim =
            server.createUser(QStringLiteral("ada.victim"), QStringLiteral("correct-horse-1"),
                              {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.victim"), QStringLiteral("correct-horse-1")));
        QSignalSpy signedOut(&session, &Session::signedOut);

        // Deactivating the user revokes every refresh family it holds.
        TestHttpClient admin = server.client();
        admin.setBearer(server.login(QStringLiteral("ada.boss"), QStringLiteral("correct-horse-1"))
                            .accessToken);
        QCOMPARE(admin
                     .patch(QStringLiteral("/v1/users/") + victim.id.toString(QUuid::WithoutBraces),
                            QJsonObject{{QStringLiteral("active"), false}})
                     .status,
                 200);

        clock.advance(20 * 60); // the access token is now refused: renewal is attempted
        const auto response = call(api, readSelf(session));
        QVERIFY(!response.ok());
        QCOMPARE(response.error->status, 401);
        QCOMPARE(signedOut.size(), 1);
        QVERIFY(!signedOut.first().first().toString().isEmpty()); // a reason for the user
        QVERIFY(!session.isSignedIn());
        QVERIFY(session.accessToken().isEmpty());
    }

    void logoutRevokesAtTheServer()
    {
        TestServer server;
        server.createUser(QStringLiteral("ada.leaves"), QStringLiteral("correct-horse-1"),
                          {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(server.port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("ada.leaves"), QStringLiteral("correct-horse-1")));
        QSignalSpy signedOut(&session, &Session::signedOut);
        bool done = false;
        session.logout([&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QCOMPARE(signedOut.size(), 1);
        QVERIFY(signedOut.first().first().toString().isEmpty()); // the user's own choice
        QVERIFY(!session.isSignedIn());
        DbRows q = server.superDb().exec(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'auth.logout'"), {},
            "logout audit");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
