// The contract test's own machinery: the JSON Schema validator and the check
// of a recorded response against the OpenAPI document must each be able to
// fail, or the suites that record their responses prove nothing.
// (No raw string literals: after some, moc 6.4 no longer sees the class.)
#include "contractrecorder.h"
#include "jsonschemavalidator.h"
#include "openapicontract.h"
#include "testhttpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::JsonSchemaValidator;

namespace {

QJsonValue parse(const char *json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + json + "]");
    Q_ASSERT(doc.isArray());
    return doc.array().at(0);
}

test::TestResponse response(int status, const QByteArray &contentType, const QByteArray &body)
{
    test::TestResponse r;
    r.status = status;
    if (!contentType.isEmpty())
        r.headers.append({"content-type", contentType});
    r.body = body;
    return r;
}

} // namespace

class TestContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validatorKeywords_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QByteArray>("instance");
        QTest::addColumn<bool>("valid");
        const auto row = [](const char *name, const char *schema, const char *instance,
                            bool valid) {
            QTest::newRow(name) << QByteArray(schema) << QByteArray(instance) << valid;
        };
        row("type string", "{\"type\":\"string\"}", "\"a\"", true);
        row("type string vs number", "{\"type\":\"string\"}", "1", false);
        row("type integer", "{\"type\":\"integer\"}", "3", true);
        row("type integer vs 1.5", "{\"type\":\"integer\"}", "1.5", false);
        row("type number accepts integer", "{\"type\":\"number\"}", "3", true);
        row("type list with null", "{\"type\":[\"string\",\"null\"]}", "null", true);
        row("type list without null", "{\"type\":[\"string\",\"integer\"]}", "null", false);
        row("boolean", "{\"type\":\"boolean\"}", "0", false);
        row("enum hit", "{\"enum\":[\"a\",\"b\"]}", "\"b\"", true);
        row("enum miss", "{\"enum\":[\"a\",\"b\"]}", "\"c\"", false);
        row("const", "{\"const\":\"x\"}", "\"y\"", false);
        row("required", "{\"type\":\"object\",\"required\":[\"id\"]}", "{}", false);
        row("additionalProperties false",
            "{\"type\":\"object\",\"properties\":{\"a\":{}},\"additionalProperties\":false}",
            "{\"a\":1,\"b\":2}", false);
        row("additionalProperties open", "{\"type\":\"object\",\"properties\":{\"a\":{}}}",
            "{\"a\":1,\"b\":2}", true);
        row("additionalProperties schema", "{\"additionalProperties\":{\"type\":\"integer\"}}",
            "{\"b\":\"x\"}", false);
        row("nested property",
            "{\"properties\":{\"a\":{\"properties\":{\"b\":{\"type\":\"string\"}}}}}",
            "{\"a\":{\"b\":1}}", false);
        row("items", "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}", "[1,2,\"3\"]", false);
        row("minItems", "{\"minItems\":1}", "[]", false);
        row("maxItems", "{\"maxItems\":1}", "[1,2]", false);
        row("uniqueItems", "{\"uniqueItems\":true}", "[1,1]", false);
        row("minLength", "{\"minLength\":2}", "\"a\"", false);
        row("maxLength counts code points", "{\"maxLength\":1}", "\"\xF0\x9F\x98\x80\"", true);
        row("maxLength", "{\"maxLength\":1}", "\"ab\"", false);
        row("pattern", "{\"pattern\":\"^[A-Z]{3}$\"}", "\"BRL\"", true);
        row("pattern miss", "{\"pattern\":\"^[A-Z]{3}$\"}", "\"brl\"", false);
        row("uuid", "{\"format\":\"uuid\"}", "\"6f1c7b52-7f43-4a0e-9b2f-2d7ad1e0c3a1\"", true);
        row("uuid miss", "{\"format\":\"uuid\"}", "\"6f1c7b52\"", false);
        row("date-time", "{\"format\":\"date-time\"}", "\"2026-03-01T12:00:00.123Z\"", true);
        row("date-time offset", "{\"format\":\"date-time\"}", "\"2026-03-01T12:00:00-03:00\"",
            true);
        row("date-time without offset", "{\"format\":\"date-time\"}", "\"2026-03-01T12:00:00\"",
            false);
        row("date-time impossible", "{\"format\":\"date-time\"}", "\"2026-02-30T12:00:00Z\"",
            false);
        row("date", "{\"format\":\"date\"}", "\"2026-03-01\"", true);
        row("date miss", "{\"format\":\"date\"}", "\"2026-13-01\"", false);
        row("email", "{\"format\":\"email\"}", "\"ana@example.com\"", true);
        row("email miss", "{\"format\":\"email\"}", "\"ana at example\"", false);
        row("minimum", "{\"minimum\":0}", "-1", false);
        row("maximum", "{\"maximum\":10}", "10", true);
        row("exclusiveMinimum", "{\"exclusiveMinimum\":0}", "0", false);
        row("multipleOf", "{\"multipleOf\":5}", "12", false);
        row("ref", "{\"$ref\":\"#/components/schemas/Code\"}", "\"ab\"", false);
        row("ref ok", "{\"$ref\":\"#/components/schemas/Code\"}", "\"ABC\"", true);
        row("ref unresolvable", "{\"$ref\":\"#/components/schemas/Nope\"}", "1", false);
        row("oneOf exactly one", "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "1",
            true);
        row("oneOf two", "{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}", "1", false);
        row("oneOf none", "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "null",
            false);
        row("anyOf", "{\"anyOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}", "1", true);
        row("allOf", "{\"allOf\":[{\"minimum\":1},{\"maximum\":2}]}", "3", false);
        row("not", "{\"not\":{\"type\":\"null\"}}", "null", false);
        row("annotations pass", "{\"description\":\"d\",\"examples\":[1],\"default\":1}", "2",
            true);
        row("unknown keyword fails", "{\"propertyNames\":{\"pattern\":\"^a\"}}", "{}", false);
        row("unknown format fails", "{\"format\":\"ipv4\"}", "\"1.2.3.4\"", false);
    }

    void validatorKeywords()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QByteArray, instance);
        QFETCH(bool, valid);
        const QJsonObject document{
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("schemas"),
                          QJsonObject{{QStringLiteral("Code"),
                                       parse("{\"type\":\"string\",\"minLength\":3}")}}}}}};
        const JsonSchemaValidator validator(document);
        const QStringList errors =
            validator.validate(parse(instance.constData()), parse(schema.constData()));
        QVERIFY2(errors.isEmpty() == valid, qPrintable(errors.join(u'\n')));
    }

    void validatorNamesThePath()
    {
        const JsonSchemaValidator validator{QJsonObject()};
        const QStringList errors =
            validator.validate(parse("{\"items\":[{\"id\":\"x\"}]}"),
                               parse("{\"properties\":{\"items\":{\"items\":{\"properties\":{"
                                     "\"id\":{\"format\":\"uuid\"}}}}}}"));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(QStringLiteral("$.items[0].id: ")),
                 qPrintable(errors.first()));
    }

    // The real document against hand-made responses.
    void responsesAreCheckedAgainstTheDocument()
    {
        const test::OpenApiContract &contract = test::OpenApiContract::fromSourceTree();
        QCOMPARE(contract.matchPath(QStringLiteral("/v1/reservations/changes")),
                 QStringLiteral("/v1/reservations/changes"));
        QCOMPARE(contract.matchPath(QStringLiteral("/v1/reservations/abc")),
                 QStringLiteral("/v1/reservations/{id}"));
        QVERIFY(contract.matchPath(QStringLiteral("/v1/nothing")).isEmpty());

        const QByteArray problem =
            "{\"type\":\"urn:reserva:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
            "\"request_id\":\"6f1c7b52-7f43-4a0e-9b2f-2d7ad1e0c3a1\"}";
        const QString user = QStringLiteral("/v1/users/6f1c7b52-7f43-4a0e-9b2f-2d7ad1e0c3a1");
        QVERIFY(
            contract.checkResponse("GET", user, response(404, "application/problem+json", problem))
                .isEmpty());
        // A problem type the server does not have.
        QByteArray unknownType = problem;
        unknownType.replace("not-found", "not-there");
        QVERIFY(
            !contract
                 .checkResponse("GET", user, response(404, "application/problem+json", unknownType))
                 .isEmpty());
        // An error as plain JSON.
        QVERIFY(!contract.checkResponse("GET", user, response(404, "application/json", problem))
                     .isEmpty());
        // A status the operation does not document.
        QVERIFY(
            !contract.checkResponse("GET", user, response(418, "application/problem+json", problem))
                 .isEmpty());
        // A body that breaks the schema, and one that is not JSON.
        QVERIFY(!contract.checkResponse("GET", user, response(200, "application/json", "{}"))
                     .isEmpty());
        QVERIFY(
            !contract.checkResponse("GET", user, response(200, "application/json", "{")).isEmpty());
        // The router's generic answers: unknown path, unknown method.
        QVERIFY(contract
                    .checkResponse("GET", QStringLiteral("/v1/nothing?x=1"),
                                   response(404, "application/problem+json", problem))
                    .isEmpty());
        QVERIFY(contract
                    .checkResponse("DELETE", QStringLiteral("/healthz"),
                                   response(405, "application/problem+json", problem))
                    .isEmpty());
        QVERIFY(!contract
                     .checkResponse("GET", QStringLiteral("/v1/nothing"),
                                    response(200, "application/json", "{}"))
                     .isEmpty());
        // The query string is not part of the path.
        QVERIFY(contract
                    .checkResponse("GET", QStringLiteral("/healthz?verbose=1"),
                                   response(200, "application/json", "{\"status\":\"ok\"}"))
                    .isEmpty());
        // 204: no content documented, none sent.
        QVERIFY(!contract
                     .checkResponse("POST", QStringLiteral("/v1/auth/logout"),
                                    response(204, "application/json", "{}"))
                     .isEmpty());
        QVERIFY(
            contract.checkResponse("POST", QStringLiteral("/v1/auth/logout"), response(204, {}, {}))
                .isEmpty());
    }

    void recorderCollectsMismatches()
    {
        test::ContractRecorder::reset();
        test::ContractRecorder::enable();
        test::ContractRecorder::record("GET", QStringLiteral("/healthz"),
                                       response(200, "application/json", "{\"status\":\"ok\"}"));
        QVERIFY(test::ContractRecorder::verify());
        test::ContractRecorder::record("GET", QStringLiteral("/healthz"),
                                       response(200, "application/json", "{\"state\":\"ok\"}"));
        QCOMPARE(test::ContractRecorder::recordedCount(), 2);
        QString report;
        QVERIFY(!test::ContractRecorder::verify(&report));
        QVERIFY2(report.contains(QStringLiteral("GET /healthz 200")), qPrintable(report));
        test::ContractRecorder::reset();
        test::ContractRecorder::disable();
        test::ContractRecorder::record("GET", QStringLiteral("/healthz"),
                                       response(500, "text/plain", "x"));
        QCOMPARE(test::ContractRecorder::recordedCount(), 0);
        QVERIFY(test::ContractRecorder::verify());
    }
};

QTEST_GUILESS_MAIN(TestContract)
#include "tst_contract.moc"
