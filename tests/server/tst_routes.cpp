// Invariant 12: every route needs a valid token unless it is on the one public
// list; the router refuses anything else. And the route table matches the
// OpenAPI document, both ways.
#include "contract/problem.h"
#include "http/router.h"
#include "openapicontract.h"
#include "testserver.h"

#include <QCryptographicHash>
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

QByteArray compiledInDocument()
{
    QFile f(QStringLiteral(":/openapi.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

test::OpenApiContract compiledInContract()
{
    return test::OpenApiContract(QJsonDocument::fromJson(compiledInDocument()).object());
}

QString routeKey(const RouteKey &key)
{
    return QString::fromLatin1(key.method) + u' ' + key.pattern;
}

// Both directions of "the route table and the document agree".
struct RouteTableDifference
{
    QStringList undocumented; // registered, not in the document
    QStringList unregistered; // in the document, not registered
};

RouteTableDifference compareRouteTable(const QList<Route> &routes,
                                       const test::OpenApiContract &contract)
{
    QSet<QString> registered;
    for (const Route &route : routes)
        registered.insert(routeKey(route.key));
    const QSet<QString> documented = contract.operationKeys();
    RouteTableDifference d{(registered - documented).values(), (documented - registered).values()};
    d.undocumented.sort();
    d.unregistered.sort();
    return d;
}

QSet<QString> publicRouteKeys()
{
    QSet<QString> keys;
    for (const RouteKey &key : Router::publicRoutes())
        keys.insert(routeKey(key));
    return keys;
}

// A two-operation document for the checks' own failure tests.
QJsonObject tinyDocument()
{
    const QJsonObject problem{
        {QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Problem")}};
    const QJsonObject problemResponse{
        {QStringLiteral("description"), QStringLiteral("error")},
        {QStringLiteral("content"),
         QJsonObject{{QStringLiteral("application/problem+json"),
                      QJsonObject{{QStringLiteral("schema"), problem}}}}}};
    const QJsonArray bearer{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}};
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("paths"),
         QJsonObject{
             {QStringLiteral("/healthz"),
              QJsonObject{{QStringLiteral("get"),
                           QJsonObject{{QStringLiteral("security"), QJsonArray()},
                                       {QStringLiteral("responses"),
                                        QJsonObject{{QStringLiteral("200"),
                                                     QJsonObject{{QStringLiteral("description"),
                                                                  QStringLiteral("ok")}}}}}}}}},
             {QStringLiteral("/v1/things/{id}"),
              QJsonObject{{QStringLiteral("parameters"), QJsonArray()},
                          {QStringLiteral("get"),
                           QJsonObject{{QStringLiteral("security"), bearer},
                                       {QStringLiteral("responses"),
                                        QJsonObject{{QStringLiteral("404"), problemResponse}}}}}}},
         }},
        {QStringLiteral("components"),
         QJsonObject{
             {QStringLiteral("securitySchemes"),
              QJsonObject{{QStringLiteral("bearer"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("http")}}}}},
             {QStringLiteral("schemas"),
              QJsonObject{{QStringLiteral("Problem"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}}}},
    };
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
        QCOMPARE(http.get(QStringLiteral("/openapi.json")).status, 200);
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
        const test::OpenApiContract contract = compiledInContract();
        QCOMPARE(contract.document().value(QStringLiteral("openapi")).toString().left(4),
                 QStringLiteral("3.1."));
        const RouteTableDifference d =
            compareRouteTable(m_server->server().router().routes(), contract);
        QVERIFY2(d.undocumented.isEmpty(), qPrintable(d.undocumented.join(u", ")));
        QVERIFY2(d.unregistered.isEmpty(), qPrintable(d.unregistered.join(u", ")));
        // The document served and the one the recorded responses are checked
        // against (tests/support) are the same file.
        QCOMPARE(test::OpenApiContract::fromSourceTree().document(), contract.document());
    }

    // The comparison above must fail both ways; keys such as "parameters"
    // beside the methods are not operations.
    void routeTableComparisonFailsBothWays()
    {
        const test::OpenApiContract contract(tinyDocument());
        const auto ok = [](RequestContext &) { return HttpResponse(); };
        Router router;
        QVERIFY(router.addPublic("GET", QStringLiteral("/healthz"), ok));
        router.add("GET", QStringLiteral("/v1/things/{id}"), {}, ok);
        RouteTableDifference d = compareRouteTable(router.routes(), contract);
        QVERIFY(d.undocumented.isEmpty());
        QVERIFY(d.unregistered.isEmpty());

        router.add("DELETE", QStringLiteral("/v1/things/{id}"), {}, ok);
        d = compareRouteTable(router.routes(), contract);
        QCOMPARE(d.undocumented, QStringList{QStringLiteral("DELETE /v1/things/{id}")});
        QVERIFY(d.unregistered.isEmpty());

        Router fewer;
        QVERIFY(fewer.addPublic("GET", QStringLiteral("/healthz"), ok));
        d = compareRouteTable(fewer.routes(), contract);
        QVERIFY(d.undocumented.isEmpty());
        QCOMPARE(d.unregistered, QStringList{QStringLiteral("GET /v1/things/{id}")});
    }

    // Invariant 12 in the contract: each operation says how it authenticates,
    // and exactly the router's public list says "no token" (security: []).
    void everyOperationDeclaresItsSecurity()
    {
        const QStringList violations = compiledInContract().securityViolations(publicRouteKeys());
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));

        // The check fails on a missing declaration, a public route declared
        // with a token, and an authenticated one declared public.
        QJsonObject doc = tinyDocument();
        QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        QJsonObject thing = paths.value(QStringLiteral("/v1/things/{id}")).toObject();
        QJsonObject get = thing.value(QStringLiteral("get")).toObject();
        QVERIFY(test::OpenApiContract(doc)
                    .securityViolations({QStringLiteral("GET /healthz")})
                    .isEmpty());
        QCOMPARE(test::OpenApiContract(doc).securityViolations({}).size(), 1);
        QCOMPARE(test::OpenApiContract(doc)
                     .securityViolations(
                         {QStringLiteral("GET /healthz"), QStringLiteral("GET /v1/things/{id}")})
                     .size(),
                 1);
        get.remove(QStringLiteral("security"));
        thing.insert(QStringLiteral("get"), get);
        paths.insert(QStringLiteral("/v1/things/{id}"), thing);
        doc.insert(QStringLiteral("paths"), paths);
        QCOMPARE(test::OpenApiContract(doc).securityViolations({QStringLiteral("GET /healthz")}),
                 QStringList{QStringLiteral("GET /v1/things/{id}: no security declared")});
    }

    // The dispatcher's own answers are in the contract: 401 on every route
    // that needs a token, 403 on every route that also needs a role.
    void authenticationFailuresAreDocumented()
    {
        const QJsonObject paths =
            compiledInContract().document().value(QStringLiteral("paths")).toObject();
        QStringList missing;
        for (const Route &route : m_server->server().router().routes()) {
            if (route.isPublic)
                continue;
            const QJsonObject responses =
                paths.value(route.key.pattern)
                    .toObject()
                    .value(QString::fromLatin1(route.key.method).toLower())
                    .toObject()
                    .value(QStringLiteral("responses"))
                    .toObject();
            if (!responses.contains(QStringLiteral("401")))
                missing.append(routeKey(route.key) + QStringLiteral(" 401"));
            if (!route.roles.isEmpty() && !responses.contains(QStringLiteral("403")))
                missing.append(routeKey(route.key) + QStringLiteral(" 403"));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
    }

    // Invariant 13 in the contract: every error is application/problem+json.
    void everyErrorResponseIsAProblem()
    {
        const QStringList violations = compiledInContract().problemResponseViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));

        QJsonObject doc = tinyDocument();
        QVERIFY(test::OpenApiContract(doc).problemResponseViolations().isEmpty());
        QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        QJsonObject thing = paths.value(QStringLiteral("/v1/things/{id}")).toObject();
        QJsonObject get = thing.value(QStringLiteral("get")).toObject();
        get.insert(
            QStringLiteral("responses"),
            QJsonObject{
                {QStringLiteral("404"),
                 QJsonObject{{QStringLiteral("description"), QStringLiteral("x")},
                             {QStringLiteral("content"),
                              QJsonObject{{QStringLiteral("application/json"), QJsonObject()}}}}}});
        thing.insert(QStringLiteral("get"), get);
        paths.insert(QStringLiteral("/v1/things/{id}"), thing);
        doc.insert(QStringLiteral("paths"), paths);
        QCOMPARE(test::OpenApiContract(doc).problemResponseViolations().size(), 1);
    }

    // A client can switch on every problem type the server can send.
    void everyProblemTypeIsDocumented()
    {
        QStringList slugs;
        for (int i = 0; i <= int(ProblemType::ServiceUnavailable); ++i)
            slugs.append(QString::fromLatin1(problemTypeInfo(ProblemType(i)).slug));
        QCOMPARE(slugs.size(), 33);
        const QStringList missing = compiledInContract().missingProblemSlugs(slugs);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
        QCOMPARE(test::OpenApiContract(tinyDocument()).missingProblemSlugs(slugs), slugs);
    }

    void openApiDocumentIsServedWithoutAToken()
    {
        test::TestHttpClient http = m_server->client();
        const test::TestResponse r = http.get(QStringLiteral("/openapi.json"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.body, compiledInDocument());
        QVERIFY(!r.body.isEmpty());
        // Strong (no W/) and derived from the bytes: equal tag, equal document.
        const QByteArray etag = r.header("etag");
        const QByteArray sha256 =
            QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex();
        QCOMPARE(etag, QByteArray('"' + sha256 + '"'));
        QCOMPARE(r.header("cache-control"), QByteArray("public, no-cache"));
        QVERIFY2(
            compiledInContract().checkResponse("GET", QStringLiteral("/openapi.json"), r).isEmpty(),
            qPrintable(compiledInContract()
                           .checkResponse("GET", QStringLiteral("/openapi.json"), r)
                           .join(u'\n')));

        const test::TestResponse same =
            http.request("GET", QStringLiteral("/openapi.json"), {}, {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(same.header("etag"), etag);
        QVERIFY(compiledInContract()
                    .checkResponse("GET", QStringLiteral("/openapi.json"), same)
                    .isEmpty());

        const test::TestResponse other = http.request("GET", QStringLiteral("/openapi.json"), {},
                                                      {{"If-None-Match", "\"something-else\""}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.body, r.body);
    }

private:
    std::unique_ptr<test::TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestRoutes)
#include "tst_routes.moc"
