// Invariant 12: every route needs a valid token unless it is on the one public
// list; the router refuses anything else. And the route table matches the
// OpenAPI document, both ways.
#include "http/router.h"
#include "testserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace reserva;

namespace {

QString concretePath(const QString &pattern)
{
    QString path = pattern;
    static const QRegularExpression param(QStringLiteral("\\{[a-z_]+\\}"));
    return path.replace(param, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

} // namespace

class TestRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<test::TestServer>(); }
    void cleanupTestCase() { m_server.reset(); }

    void routerRefusesPublicRouteNotOnTheList()
    {
        Router router;
        QVERIFY(!router.addPublic("GET", QStringLiteral("/v1/users"),
                                  [](RequestContext &) { return HttpResponse(); }));
        QVERIFY(!router.addPublic("POST", QStringLiteral("/v1/auth/logout"),
                                  [](RequestContext &) { return HttpResponse(); }));
        QVERIFY(router.routes().isEmpty());
        QVERIFY(router.addPublic("GET", QStringLiteral("/healthz"),
                                 [](RequestContext &) { return HttpResponse(); }));
        QCOMPARE(router.routes().size(), 1);
    }

    void literalSegmentWinsOverParameterInAnyOrder()
    {
        Router router;
        const auto ok = [](RequestContext &) { return HttpResponse(); };
        router.add("GET", QStringLiteral("/v1/things/{id}"), {}, ok);
        router.add("GET", QStringLiteral("/v1/things/changes"), {}, ok);
        router.add("POST", QStringLiteral("/v1/things/{id}"), {}, ok);
        const Router::Match literal = router.match("GET", QStringLiteral("/v1/things/changes"));
        QVERIFY(literal.route);
        QCOMPARE(literal.route->key.pattern, QStringLiteral("/v1/things/changes"));
        QVERIFY(literal.params.isEmpty());
        const Router::Match param = router.match("GET", QStringLiteral("/v1/things/42"));
        QVERIFY(param.route);
        QCOMPARE(param.params.value(QStringLiteral("id")), QStringLiteral("42"));
        // Another method on the path: the parameter route serves it.
        QCOMPARE(router.match("POST", QStringLiteral("/v1/things/changes")).route->key.method,
                 QByteArray("POST"));
        const Router::Match none = router.match("DELETE", QStringLiteral("/v1/things/changes"));
        QVERIFY(!none.route);
        QCOMPARE(none.allowedMethods, (QList<QByteArray>{"GET", "POST"}));
    }

    void everyNonPublicRouteAnswers401WithoutAToken()
    {
        const QList<Route> &routes = m_server->server().router().routes();
        QVERIFY(routes.size() > 10);
        int checked = 0;
        for (const Route &route : routes) {
            QCOMPARE(route.isPublic, Router::publicRoutes().contains(route.key));
            if (route.isPublic)
                continue;
            test::TestHttpClient http = m_server->client();
            const QString path = concretePath(route.key.pattern);
            const QByteArray body = route.key.method == "GET" ? QByteArray() : QByteArray("{}");
            const test::TestResponse none = http.request(route.key.method, path, body);
            QVERIFY2(none.status == 401,
                     qPrintable(QString::fromLatin1(route.key.method) + u' ' + path));
            QCOMPARE(none.problemSlug(), QStringLiteral("unauthorized"));
            QVERIFY(!none.header("x-request-id").isEmpty());

            http.setBearer(QStringLiteral("eyJhbGciOiJub25lIn0.e30."));
            const test::TestResponse forged = http.request(route.key.method, path, body);
            QVERIFY2(forged.status == 401,
                     qPrintable(QString::fromLatin1(route.key.method) + u' ' + path));
            QCOMPARE(forged.problemSlug(), QStringLiteral("invalid-token"));
            ++checked;
        }
        QVERIFY(checked > 5);
    }

    void publicRoutesAnswerWithoutAToken()
    {
        test::TestHttpClient http = m_server->client();
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(http.get(QStringLiteral("/readyz")).status, 200);
        const test::TestResponse jwks = http.get(QStringLiteral("/.well-known/jwks.json"));
        QCOMPARE(jwks.status, 200);
        QVERIFY(jwks.json().value(QStringLiteral("keys")).toArray().size() >= 1);
    }

    void unknownPathIs404AndWrongMethodIs405()
    {
        test::TestHttpClient http = m_server->client();
        const test::TestResponse missing = http.get(QStringLiteral("/v1/nothing-here"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("content-type"), QByteArray("application/problem+json"));
        const test::TestResponse wrong = http.request("DELETE", QStringLiteral("/healthz"));
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("allow"), QByteArray("GET"));
    }

    void openApiDocumentMatchesTheRouteTable()
    {
        QFile f(QStringLiteral(":/openapi.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString().left(2), QStringLiteral("3."));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        QSet<QString> documented;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            for (const QString &method : it.value().toObject().keys()) {
                if (method != u"parameters")
                    documented.insert(method.toUpper() + u' ' + it.key());
            }
        }
        QSet<QString> registered;
        for (const Route &route : m_server->server().router().routes())
            registered.insert(QString::fromLatin1(route.key.method) + u' ' + route.key.pattern);
        const QSet<QString> undocumented = registered - documented;
        const QSet<QString> unregistered = documented - registered;
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringList(undocumented.values()).join(u", ")));
        QVERIFY2(unregistered.isEmpty(),
                 qPrintable(QStringList(unregistered.values()).join(u", ")));
    }

private:
    std::unique_ptr<test::TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestRoutes)
#include "tst_routes.moc"
