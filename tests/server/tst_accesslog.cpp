// The access log: one JSON line per request, written by hand on the hot path.
// Each line parses, carries the request id the client got, the route PATTERN
// (never the raw path or query: no identifiers or customer data), method,
// status, duration, time, and the caller's subject and tenant when there is
// one. The lines are read from a capture file swapped in for the test and
// handed on to the suite-wide capture afterwards (tst_logscan reads those).
#include "bookingfixture.h"
#include "contract/timeformat.h"
#include "log/jsonlog.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cstdio>

using namespace reserva;
using test::BookingFixture;

namespace {

// Lines written while it lives go to a file of its own.
class CapturedLines
{
public:
    CapturedLines()
        : m_file(std::tmpfile())
        , m_previous(jsonlog::setCapture(m_file))
    {
    }
    ~CapturedLines()
    {
        stop();
        std::fclose(m_file);
    }

    // Stops capturing; every line captured, also passed to the capture it replaced.
    QList<QByteArray> stop()
    {
        if (m_stopped)
            return m_lines;
        m_stopped = true;
        jsonlog::setCapture(m_previous);
        std::fflush(m_file);
        std::rewind(m_file);
        QByteArray all;
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, m_file)) > 0;)
            all.append(buffer, qsizetype(n));
        for (const QByteArray &line : all.split('\n')) {
            if (line.isEmpty())
                continue;
            m_lines.append(line);
            jsonlog::capture(line);
        }
        return m_lines;
    }

private:
    FILE *m_file;
    FILE *m_previous;
    bool m_stopped = false;
    QList<QByteArray> m_lines;
};

// The access line of the request the server answered with `requestId`.
QByteArray accessLine(const QList<QByteArray> &lines, const QByteArray &requestId)
{
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("kind")).toString() == u"access" &&
            o.value(QStringLiteral("request_id")).toString().toLatin1() == requestId)
            return line;
    }
    return {};
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestServer> m_server;

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<test::TestServer>(); }
    void cleanupTestCase() { m_server.reset(); }

    void namesTheRouteAndTheCaller()
    {
        BookingFixture fixture(*m_server);
        QUuid managerId;
        const QUuid tenant = m_server->createTenant(QStringLiteral("logged")).id;
        const QString token =
            fixture.addUser(QStringLiteral("logged.manager"), {QStringLiteral("partner_manager")},
                            tenant, &managerId);
        const QUuid product = fixture.createProduct(token);
        QVERIFY(!product.isNull());

        CapturedLines captured;
        const auto http = fixture.clientAs(token);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const test::TestResponse r =
            http->get(QStringLiteral("/v1/products/") + product.toString(QUuid::WithoutBraces) +
                      QStringLiteral("?note=ana%40example.com"));
        QCOMPARE(r.status, 200);
        const QByteArray requestId = r.header("x-request-id");
        QVERIFY(!requestId.isEmpty());
        const QByteArray line = accessLine(captured.stop(), requestId);
        QVERIFY2(!line.isEmpty(), "no access line with the answer's request id");

        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(o.value(QStringLiteral("route")).toString(), QStringLiteral("/v1/products/{id}"));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("actor")).toString(),
                 managerId.toString(QUuid::WithoutBraces));
        QCOMPARE(o.value(QStringLiteral("tenant")).toString(),
                 tenant.toString(QUuid::WithoutBraces));
        QVERIFY(o.value(QStringLiteral("duration_ms")).isDouble());
        QVERIFY(o.value(QStringLiteral("duration_ms")).toDouble() >= 0);
        const auto at = fromRfc3339(o.value(QStringLiteral("time")).toString());
        QVERIFY(at.has_value());
        QVERIFY(*at >= before && *at <= QDateTime::currentDateTimeUtc().addSecs(1));
        // Nothing of the raw target: not the product's id, not the query.
        QVERIFY(!line.contains(product.toByteArray(QUuid::WithoutBraces)));
        QVERIFY(!line.contains("example.com"));
        QVERIFY(!line.contains("note"));
        // The same member order as every other line (QJsonObject's, sorted).
        QCOMPARE(line, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }

    void anUnmatchedPathLogsNoTarget()
    {
        CapturedLines captured;
        test::TestHttpClient http = m_server->client();
        const QUuid id = QUuid::createUuid();
        const test::TestResponse r =
            http.get(QStringLiteral("/v1/no-such-thing/") + id.toString(QUuid::WithoutBraces) +
                     QStringLiteral("/ana@example.com"));
        QCOMPARE(r.status, 404);
        const QByteArray line = accessLine(captured.stop(), r.header("x-request-id"));
        QVERIFY2(!line.isEmpty(), "no access line with the answer's request id");
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QStringLiteral("route")).toString(), QStringLiteral("(unmatched)"));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 404);
        QVERIFY(!o.contains(QStringLiteral("actor")));
        QVERIFY(!o.contains(QStringLiteral("tenant")));
        QVERIFY(!line.contains(id.toByteArray(QUuid::WithoutBraces)));
        QVERIFY(!line.contains("example.com"));
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
