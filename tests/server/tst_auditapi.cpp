// The audit trail as its readers see it: GET /v1/audit (filters, paging, CSV
// export that a spreadsheet cannot turn into formulas, tenant scoping),
// GET /v1/audit/verify, and `reservad audit verify` for operators.
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "contractrecorder.h"
#include "domain/role.h"
#include "reservadprocess.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace reserva;
using test::cliDatabaseUrl;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2021-03-01T00:00:00Z"), Qt::ISODate);

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString auditPath(const QList<QPair<QString, QString>> &query)
{
    QUrlQuery q;
    for (const auto &[name, value] : query)
        q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return QStringLiteral("/v1/audit?") + q.toString(QUrl::FullyEncoded);
}

QList<qint64> idsOf(const QJsonArray &items)
{
    QList<qint64> ids;
    for (const QJsonValue &item : items)
        ids << item.toObject().value(QStringLiteral("id")).toInteger();
    return ids;
}

// An RFC 4180 reader, independent of the writer under test: quoted fields may
// hold commas, CRLF and doubled quotes; records end with CRLF.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            any = false;
            ++i;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record; // an unterminated last record: the caller checks the CRLF
    }
    return records;
}

const QStringList kCsvColumns{QStringLiteral("id"),        QStringLiteral("occurred_at"),
                              QStringLiteral("actor"),     QStringLiteral("tenant_id"),
                              QStringLiteral("action"),    QStringLiteral("resource"),
                              QStringLiteral("outcome"),   QStringLiteral("request_id"),
                              QStringLiteral("detail"),    QStringLiteral("chain_position"),
                              QStringLiteral("chain_hash")};

QString fieldOf(const test::TestResponse &r)
{
    return r.json()
        .value(QStringLiteral("errors"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

struct CliResult
{
    int exitCode = -1;
    QString output;
};

CliResult runAuditVerify(const ConnectionSettings &database)
{
    QTemporaryDir dataDir;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(RESERVAD_PATH),
                  {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--database"),
                   cliDatabaseUrl(database), QStringLiteral("--data-dir"), dataDir.path()});
    CliResult result;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("reservad did not finish: ") + process.errorString();
        return result;
    }
    result.exitCode = process.exitCode();
    result.output = QString::fromLocal8Bit(process.readAll());
    return result;
}

} // namespace

class TestAuditApi : public QObject
{
    Q_OBJECT

private:
    test::TestServer &server() { return *m_server; }

    // GET `path` with `accessToken` (none: anonymous) on a fresh connection.
    test::TestResponse getAs(const QString &accessToken, const QString &path,
                             const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        test::TestHttpClient http = server().client();
        if (!accessToken.isEmpty())
            http.setBearer(accessToken);
        return http.request("GET", path, {}, headers);
    }

    qint64 append(test::TestServer &on, AuditEvent event, const QDateTime &at)
    {
        if (event.requestId.isEmpty())
            event.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        appendAudit(on.appDb(), event, at);
        DbRows q = on.appDb().exec(QStringLiteral("SELECT id FROM audit_log WHERE request_id = ?"),
                                   {event.requestId}, "find seeded row");
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    // The ids the database holds for `where`, newest first: the oracle the
    // API's answer is compared with.
    QList<qint64> expectedIds(const QString &where, const QVariantList &params = {})
    {
        DbRows q = server().appDb().exec(QStringLiteral("SELECT id FROM audit_log WHERE ") + where +
                                             QStringLiteral(" ORDER BY id DESC"),
                                         params, "expected audit ids");
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        return ids;
    }

    QList<qint64> listIds(const QString &token, QList<QPair<QString, QString>> query)
    {
        query.append({QStringLiteral("limit"), QStringLiteral("500")});
        const test::TestResponse r = getAs(token, auditPath(query));
        if (r.status != 200)
            qWarning("GET /v1/audit: %d %s", r.status, r.body.constData());
        return idsOf(r.json().value(QStringLiteral("items")).toArray());
    }

    // A fresh server whose chain the test may break, with an admin logged in.
    std::unique_ptr<test::TestServer> tamperableServer(QString *adminToken, QList<qint64> *ids)
    {
        auto s = std::make_unique<test::TestServer>(
            SystemClock::instance(), [](ServerConfig &c) { c.runBackgroundJobs = false; });
        s->createUser(QStringLiteral("chain-admin"), kPassword, {role::kAdmin});
        *adminToken = s->login(QStringLiteral("chain-admin"), kPassword).accessToken;
        for (int i = 0; i < 5; ++i) {
            AuditEvent e;
            e.action = QStringLiteral("test.chain");
            e.outcome = AuditOutcome::Success;
            e.detail = {{QStringLiteral("i"), i}};
            *ids << append(*s, e, kT0.addSecs(i));
        }
        s->sealAudit();
        return s;
    }

    static void tamper(test::TestServer &s, const QString &statement, qint64 auditId)
    {
        s.superDb().execDirect(QStringLiteral("SET session_replication_role = replica"), "t");
        s.superDb().exec(statement, {auditId}, "tamper");
        s.superDb().execDirect(QStringLiteral("RESET session_replication_role"), "t");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every response of this suite must be one the OpenAPI document allows.
        test::ContractRecorder::enable();
        // Sealing only when a test asks: chain fields must not change under it.
        m_server = std::make_unique<test::TestServer>(
            SystemClock::instance(), [](ServerConfig &c) { c.runBackgroundJobs = false; });
        m_tenantA = server().createTenant(QStringLiteral("audit-a")).id;
        m_tenantB = server().createTenant(QStringLiteral("audit-b")).id;
        server().createUser(QStringLiteral("audit-admin"), kPassword, {role::kAdmin});
        server().createUser(QStringLiteral("audit-auditor"), kPassword, {role::kAuditor});
        server().createUser(QStringLiteral("audit-staff"), kPassword, {role::kPartnerStaff},
                            m_tenantA);
        server().createUser(QStringLiteral("audit-tenant-auditor"), kPassword, {role::kAuditor},
                            m_tenantA);
        m_admin = server().login(QStringLiteral("audit-admin"), kPassword).accessToken;
        m_auditor = server().login(QStringLiteral("audit-auditor"), kPassword).accessToken;
        m_staff = server().login(QStringLiteral("audit-staff"), kPassword).accessToken;
        m_tenantAuditor =
            server().login(QStringLiteral("audit-tenant-auditor"), kPassword).accessToken;

        // Twelve rows, one hour apart, spread over actors, actions, resources
        // and tenants so that every filter has something to leave out.
        for (int i = 0; i < 12; ++i) {
            AuditEvent e;
            e.actor = QStringLiteral("actor-%1").arg(i % 3);
            e.action = i % 2 ? QStringLiteral("test.alpha") : QStringLiteral("test.beta");
            e.resource = QStringLiteral("res:%1").arg(i % 4);
            e.tenantId = i % 3 == 0 ? m_tenantA : (i % 3 == 1 ? m_tenantB : QUuid());
            e.outcome = i % 5 ? AuditOutcome::Success : AuditOutcome::Denied;
            e.detail = {{QStringLiteral("i"), i}};
            m_seeded << append(server(), e, kT0.addSecs(3600 * i));
        }
        // Cells a spreadsheet would evaluate, and a detail that needs quoting.
        AuditEvent csv;
        csv.action = QStringLiteral("csv.check");
        csv.actor = QStringLiteral("=1+2");
        csv.resource = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")");
        csv.requestId = QStringLiteral("+SUM(A1:A9)");
        csv.detail = {{QStringLiteral("note"), QStringLiteral("a \"quoted\", comma\r\nline")}};
        m_csvRow = append(server(), csv, kT0.addDays(1));
        QVERIFY(m_csvRow > 0);
    }
    void cleanupTestCase()
    {
        m_server.reset();
        RESERVA_VERIFY_RECORDED_RESPONSES();
    }

    void readableByAdminAndAuditorOnly()
    {
        for (const QString &path :
             {QStringLiteral("/v1/audit"), QStringLiteral("/v1/audit/verify")}) {
            QCOMPARE(getAs(m_admin, path).status, 200);
            QCOMPARE(getAs(m_auditor, path).status, 200);
            const test::TestResponse staff = getAs(m_staff, path);
            QCOMPARE(staff.status, 403);
            QCOMPARE(staff.problemSlug(), QStringLiteral("forbidden"));
            const test::TestResponse anonymous = getAs(QString(), path);
            QCOMPARE(anonymous.status, 401);
            QCOMPARE(anonymous.problemSlug(), QStringLiteral("unauthorized"));
        }
    }

    void entryCarriesEveryField()
    {
        const test::TestResponse r =
            getAs(m_admin, auditPath({{QStringLiteral("action"), QStringLiteral("test.alpha")},
                                      {QStringLiteral("resource"), QStringLiteral("res:1")}}));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3); // i = 9, 5, 1
        const QJsonObject e = items.at(2).toObject();
        QCOMPARE(e.value(QStringLiteral("id")).toInteger(), m_seeded.at(1));
        QCOMPARE(e.value(QStringLiteral("occurred_at")).toString(),
                 QStringLiteral("2021-03-01T01:00:00.000000Z"));
        QCOMPARE(e.value(QStringLiteral("actor")).toString(), QStringLiteral("actor-1"));
        QCOMPARE(e.value(QStringLiteral("tenant_id")).toString(), uuidText(m_tenantB));
        QCOMPARE(e.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
        QCOMPARE(e.value(QStringLiteral("detail")).toObject(),
                 QJsonObject({{QStringLiteral("i"), 1}}));
        QVERIFY(e.value(QStringLiteral("chain")).isNull()); // sealing is off in this suite
        QVERIFY(r.json().value(QStringLiteral("next_cursor")).isNull());
    }

    void eachFilterNarrowsTheResult()
    {
        const QList<qint64> all = listIds(m_admin, {});
        QCOMPARE(all, expectedIds(QStringLiteral("true")));

        struct Case
        {
            QList<QPair<QString, QString>> query;
            QString where;
            QVariantList params;
        };
        const QString t = QStringLiteral("2021-03-01T%1:00:00Z");
        const QList<Case> cases{
            {{{QStringLiteral("actor"), QStringLiteral("actor-1")}},
             QStringLiteral("actor = ?"),
             {QStringLiteral("actor-1")}},
            {{{QStringLiteral("action"), QStringLiteral("test.alpha")}},
             QStringLiteral("action = ?"),
             {QStringLiteral("test.alpha")}},
            {{{QStringLiteral("resource"), QStringLiteral("res:2")}},
             QStringLiteral("resource = ?"),
             {QStringLiteral("res:2")}},
            {{{QStringLiteral("tenant_id"), uuidText(m_tenantB)}},
             QStringLiteral("tenant_id = ?::uuid"),
             {uuidText(m_tenantB)}},
            {{{QStringLiteral("from"), t.arg(QStringLiteral("02"))},
              {QStringLiteral("to"), t.arg(QStringLiteral("05"))}},
             QStringLiteral("occurred_at >= ?::timestamptz AND occurred_at < ?::timestamptz"),
             {t.arg(QStringLiteral("02")), t.arg(QStringLiteral("05"))}},
            {{{QStringLiteral("from"), t.arg(QStringLiteral("10"))}},
             QStringLiteral("occurred_at >= ?::timestamptz"),
             {t.arg(QStringLiteral("10"))}},
            {{{QStringLiteral("to"), t.arg(QStringLiteral("03"))}},
             QStringLiteral("occurred_at < ?::timestamptz"),
             {t.arg(QStringLiteral("03"))}},
            {{{QStringLiteral("actor"), QStringLiteral("actor-0")},
              {QStringLiteral("action"), QStringLiteral("test.beta")},
              {QStringLiteral("tenant_id"), uuidText(m_tenantA)}},
             QStringLiteral("actor = ? AND action = ? AND tenant_id = ?::uuid"),
             {QStringLiteral("actor-0"), QStringLiteral("test.beta"), uuidText(m_tenantA)}},
        };
        for (const Case &c : cases) {
            const QList<qint64> got = listIds(m_admin, c.query);
            QVERIFY2(!got.isEmpty() && got.size() < all.size(), qPrintable(c.where));
            QCOMPARE(got, expectedIds(c.where, c.params));
        }
        // from inclusive, to exclusive: the seeded rows at 02:00, 03:00, 04:00.
        QCOMPARE(listIds(m_admin, {{QStringLiteral("from"), t.arg(QStringLiteral("02"))},
                                   {QStringLiteral("to"), t.arg(QStringLiteral("05"))}}),
                 (QList<qint64>{m_seeded.at(4), m_seeded.at(3), m_seeded.at(2)}));
    }

    void filterLongerThanTheColumnMatchesNothing()
    {
        // An actor of exactly 64 characters (the column's limit) exists; a
        // filter one character longer names another actor and must not be
        // cut down to match this one.
        const QString actor(64, u'a');
        AuditEvent e;
        e.action = QStringLiteral("test.long");
        e.actor = actor;
        e.resource = QString(128, u'r');
        const qint64 id = append(server(), e, kT0);
        QCOMPARE(listIds(m_admin, {{QStringLiteral("actor"), actor}}), QList<qint64>{id});
        QCOMPARE(listIds(m_admin, {{QStringLiteral("actor"), actor + u'b'}}), QList<qint64>());
        QCOMPARE(listIds(m_admin, {{QStringLiteral("action"),
                                    QStringLiteral("test.long") + QString(60, u'x')}}),
                 QList<qint64>());
        QCOMPARE(listIds(m_admin, {{QStringLiteral("resource"), e.resource + u'r'}}),
                 QList<qint64>());
        QCOMPARE(listIds(m_admin, {{QStringLiteral("resource"), e.resource}}), QList<qint64>{id});
    }

    void cursorPagingReturnsEveryRowOnceNewestFirst()
    {
        const QList<qint64> expected = expectedIds(QStringLiteral("true"));
        QVERIFY(expected.size() > 10);
        QList<qint64> seen;
        QString cursor;
        int pages = 0;
        do {
            QList<QPair<QString, QString>> query{{QStringLiteral("limit"), QStringLiteral("4")}};
            if (!cursor.isEmpty())
                query.append({QStringLiteral("after"), cursor});
            const test::TestResponse r = getAs(m_auditor, auditPath(query));
            QCOMPARE(r.status, 200);
            const QList<qint64> page = idsOf(r.json().value(QStringLiteral("items")).toArray());
            QVERIFY(page.size() <= 4);
            seen += page;
            const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
            cursor = next.isNull() ? QString() : next.toString();
            QVERIFY(++pages <= expected.size() / 4 + 2);
        } while (!cursor.isEmpty());
        QCOMPARE(seen, expected); // each once, strictly newest first
    }

    void rejectsBadParametersNamingTheField()
    {
        const QList<QPair<QList<QPair<QString, QString>>, QString>> bad{
            {{{QStringLiteral("limit"), QStringLiteral("0")}}, QStringLiteral("limit")},
            {{{QStringLiteral("limit"), QStringLiteral("501")}}, QStringLiteral("limit")},
            {{{QStringLiteral("limit"), QStringLiteral("ten")}}, QStringLiteral("limit")},
            {{{QStringLiteral("format"), QStringLiteral("csv")},
              {QStringLiteral("limit"), QStringLiteral("10001")}},
             QStringLiteral("limit")},
            {{{QStringLiteral("tenant_id"), QStringLiteral("not-a-uuid")}},
             QStringLiteral("tenant_id")},
            {{{QStringLiteral("from"), QStringLiteral("yesterday")}}, QStringLiteral("from")},
            {{{QStringLiteral("to"), QStringLiteral("2021-03-01")}}, QStringLiteral("to")},
            {{{QStringLiteral("after"), QStringLiteral("-5")}}, QStringLiteral("after")},
            {{{QStringLiteral("format"), QStringLiteral("xml")}}, QStringLiteral("format")},
        };
        for (const auto &[query, field] : bad) {
            const test::TestResponse r = getAs(m_admin, auditPath(query));
            QVERIFY2(r.status == 400, r.body.constData());
            QCOMPARE(r.problemSlug(), QStringLiteral("validation-failed"));
            QCOMPARE(fieldOf(r), field);
        }
        // The bounds themselves are accepted.
        QCOMPARE(
            getAs(m_admin, auditPath({{QStringLiteral("limit"), QStringLiteral("500")}})).status,
            200);
        QCOMPARE(getAs(m_admin, auditPath({{QStringLiteral("limit"), QStringLiteral("1")}})).status,
                 200);
    }

    void csvExportIsQuotedAndFormulaSafe()
    {
        const test::TestResponse r =
            getAs(m_auditor, auditPath({{QStringLiteral("format"), QStringLiteral("csv")},
                                        {QStringLiteral("action"), QStringLiteral("csv.check")}}));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/csv"));
        QVERIFY(r.header("x-next-cursor").isEmpty());
        QVERIFY(r.body.endsWith("\r\n"));
        const QList<QStringList> records = parseCsv(r.body);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0), kCsvColumns);
        const QStringList row = records.at(1);
        QCOMPARE(row.size(), kCsvColumns.size());
        QCOMPARE(row.at(0), QString::number(m_csvRow));
        // A leading apostrophe keeps =, + and friends from being evaluated.
        QCOMPARE(row.at(2), QStringLiteral("'=1+2"));
        QCOMPARE(row.at(5), QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"x\")"));
        QCOMPARE(row.at(7), QStringLiteral("'+SUM(A1:A9)"));
        QCOMPARE(row.at(3), QString());
        QCOMPARE(
            QJsonDocument::fromJson(row.at(8).toUtf8()).object(),
            QJsonObject({{QStringLiteral("note"), QStringLiteral("a \"quoted\", comma\r\nline")}}));
        // RFC 4180: embedded quotes are doubled inside a quoted cell.
        QVERIFY(r.body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
    }

    void csvPagesWithTheNextCursorHeader()
    {
        const QList<qint64> expected =
            expectedIds(QStringLiteral("action = ?"), {QStringLiteral("test.alpha")});
        QCOMPARE(expected.size(), 6);
        // Chosen by the Accept header this time.
        const QList<QPair<QByteArray, QByteArray>> accept{{"Accept", "text/csv"}};
        const test::TestResponse first =
            getAs(m_admin,
                  auditPath({{QStringLiteral("action"), QStringLiteral("test.alpha")},
                             {QStringLiteral("limit"), QStringLiteral("4")}}),
                  accept);
        QCOMPARE(first.status, 200);
        QVERIFY(first.header("content-type").startsWith("text/csv"));
        const QByteArray cursor = first.header("x-next-cursor");
        QVERIFY(!cursor.isEmpty());
        const test::TestResponse second =
            getAs(m_admin,
                  auditPath({{QStringLiteral("action"), QStringLiteral("test.alpha")},
                             {QStringLiteral("limit"), QStringLiteral("4")},
                             {QStringLiteral("after"), QString::fromLatin1(cursor)}}),
                  accept);
        QCOMPARE(second.status, 200);
        QVERIFY(second.header("x-next-cursor").isEmpty()); // 2 rows left: the last page
        QList<qint64> seen;
        for (const test::TestResponse *page : {&first, &second}) {
            const QList<QStringList> records = parseCsv(page->body);
            QCOMPARE(records.value(0), kCsvColumns);
            for (qsizetype i = 1; i < records.size(); ++i) {
                QCOMPARE(records.at(i).size(), kCsvColumns.size());
                QCOMPARE(records.at(i).at(4), QStringLiteral("test.alpha"));
                seen << records.at(i).at(0).toLongLong();
            }
        }
        QCOMPARE(seen, expected);
    }

    void tenantAuditorSeesOnlyItsTenant()
    {
        const QList<qint64> own =
            expectedIds(QStringLiteral("tenant_id = ?::uuid"), {uuidText(m_tenantA)});
        QVERIFY(own.size() >= 4);
        QCOMPARE(listIds(m_tenantAuditor, {}), own);
        QCOMPARE(listIds(m_tenantAuditor, {{QStringLiteral("tenant_id"), uuidText(m_tenantA)}}),
                 own);
        // Other filters cannot widen the scope.
        QCOMPARE(listIds(m_tenantAuditor, {{QStringLiteral("actor"), QStringLiteral("actor-1")}}),
                 QList<qint64>());
        for (const auto &format : {QStringLiteral("json"), QStringLiteral("csv")}) {
            const test::TestResponse other = getAs(
                m_tenantAuditor, auditPath({{QStringLiteral("tenant_id"), uuidText(m_tenantB)},
                                            {QStringLiteral("format"), format}}));
            QCOMPARE(other.status, 404);
        }
        const test::TestResponse csv =
            getAs(m_tenantAuditor, auditPath({{QStringLiteral("format"), QStringLiteral("csv")}}));
        QCOMPARE(csv.status, 200);
        const QList<QStringList> records = parseCsv(csv.body);
        QCOMPARE(records.size(), own.size() + 1);
        for (qsizetype i = 1; i < records.size(); ++i)
            QCOMPARE(records.at(i).at(3), uuidText(m_tenantA));
        // A global auditor still sees the other tenant.
        QVERIFY(
            !listIds(m_auditor, {{QStringLiteral("tenant_id"), uuidText(m_tenantB)}}).isEmpty());
    }

    void verifyRouteReportsAnIntactChain()
    {
        server().sealAudit();
        const test::TestResponse r = getAs(m_auditor, QStringLiteral("/v1/audit/verify"));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("intact")).toBool(false), true);
        QCOMPARE(o.value(QStringLiteral("checked")).toInteger(),
                 qint64(expectedIds(QStringLiteral("true")).size()));
        QCOMPARE(o.value(QStringLiteral("unsealed")).toInteger(), 0);
        QVERIFY(!o.contains(QStringLiteral("first_broken")));
        // The chain spans every tenant: an auditor bound to one may not walk it.
        const test::TestResponse bound = getAs(m_tenantAuditor, QStringLiteral("/v1/audit/verify"));
        QCOMPARE(bound.status, 403);
        QVERIFY(!bound.body.contains("checked"));
        // Sealed entries now carry their link.
        const QJsonObject entry =
            getAs(m_admin, auditPath({{QStringLiteral("limit"), QStringLiteral("1")}}))
                .json()
                .value(QStringLiteral("items"))
                .toArray()
                .first()
                .toObject();
        const QJsonObject chain = entry.value(QStringLiteral("chain")).toObject();
        QCOMPARE(chain.value(QStringLiteral("position")).toInteger(),
                 o.value(QStringLiteral("checked")).toInteger());
        QCOMPARE(chain.value(QStringLiteral("hash")).toString().size(), 64);
    }

    void verifyRouteNamesTheFirstBrokenRow()
    {
        QString admin;
        QList<qint64> ids;
        auto s = tamperableServer(&admin, &ids);
        test::TestHttpClient http = s->client();
        http.setBearer(admin);
        QCOMPARE(
            http.get(QStringLiteral("/v1/audit/verify")).json().value(QStringLiteral("intact")),
            QJsonValue(true));

        const qint64 middle = ids.at(2);
        DbRows q = s->appDb().exec(
            QStringLiteral("SELECT position FROM audit_chain WHERE audit_id = ?"), {middle}, "pos");
        QVERIFY(q.next());
        const qint64 position = q.value(0).toLongLong();
        tamper(*s, QStringLiteral("UPDATE audit_log SET outcome = 'failure' WHERE id = ?"), middle);

        const test::TestResponse r = http.get(QStringLiteral("/v1/audit/verify"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("intact")), QJsonValue(false));
        const QJsonObject broken = r.json().value(QStringLiteral("first_broken")).toObject();
        QCOMPARE(broken.value(QStringLiteral("audit_id")).toInteger(), middle);
        QCOMPARE(broken.value(QStringLiteral("position")).toInteger(), position);
        QVERIFY(!broken.value(QStringLiteral("reason")).toString().isEmpty());
        // When and what, for a reader that shows the link in its own language.
        QCOMPARE(broken.value(QStringLiteral("occurred_at")).toString(),
                 QStringLiteral("2021-03-01T00:00:02.000000Z"));
        QCOMPARE(broken.value(QStringLiteral("kind")).toString(), QStringLiteral("row_changed"));
    }

    void verifyRouteSaysWhichRowIsGoneOrUnchained()
    {
        QString admin;
        QList<qint64> ids;
        auto s = tamperableServer(&admin, &ids);
        test::TestHttpClient http = s->client();
        http.setBearer(admin);
        const qint64 gone = ids.at(3);
        tamper(*s, QStringLiteral("DELETE FROM audit_log WHERE id = ?"), gone);
        QJsonObject broken =
            http.get(QStringLiteral("/v1/audit/verify")).json().value(u"first_broken").toObject();
        QCOMPARE(broken.value(u"audit_id").toInteger(), gone);
        QCOMPARE(broken.value(u"kind").toString(), QStringLiteral("row_gone"));
        QVERIFY(broken.value(u"occurred_at").isNull());

        // A row taken out of the sealer's queue before it was chained.
        auto t = tamperableServer(&admin, &ids);
        AuditEvent late;
        late.action = QStringLiteral("test.unchained");
        const qint64 unchained = append(*t, late, kT0.addDays(3));
        QVERIFY(unchained > 0);
        tamper(*t, QStringLiteral("DELETE FROM audit_pending WHERE audit_id = ?"), unchained);
        test::TestHttpClient other = t->client();
        other.setBearer(admin);
        broken =
            other.get(QStringLiteral("/v1/audit/verify")).json().value(u"first_broken").toObject();
        QCOMPARE(broken.value(u"audit_id").toInteger(), unchained);
        QCOMPARE(broken.value(u"kind").toString(), QStringLiteral("row_unchained"));
        QCOMPARE(broken.value(u"occurred_at").toString(),
                 QStringLiteral("2021-03-04T00:00:00.000000Z"));
    }

    void cliSealsAndVerifies()
    {
        QString admin;
        QList<qint64> ids;
        auto s = tamperableServer(&admin, &ids);
        // Rows committed but not sealed yet: the command seals them first.
        AuditEvent late;
        late.action = QStringLiteral("test.unsealed");
        const qint64 unsealed = append(*s, late, kT0.addDays(2));
        QVERIFY(unsealed > 0);

        const CliResult good = runAuditVerify(s->database());
        QVERIFY2(good.exitCode == 0, qPrintable(good.output));
        QVERIFY2(good.output.contains(QStringLiteral("intact")), qPrintable(good.output));
        DbRows pending =
            s->appDb().exec(QStringLiteral("SELECT count(*) FROM audit_pending"), {}, "pending");
        QVERIFY(pending.next());
        QCOMPARE(pending.value(0).toLongLong(), 0);

        const qint64 middle = ids.at(1);
        tamper(*s, QStringLiteral("UPDATE audit_log SET detail = '{\"i\": 99}' WHERE id = ?"),
               middle);
        const CliResult bad = runAuditVerify(s->database());
        QVERIFY2(bad.exitCode == 1, qPrintable(bad.output));
        QVERIFY2(bad.output.contains(QStringLiteral("audit row %1)").arg(middle)),
                 qPrintable(bad.output));
        QVERIFY2(!bad.output.contains(QStringLiteral("intact")), qPrintable(bad.output));
    }

private:
    std::unique_ptr<test::TestServer> m_server;
    QUuid m_tenantA;
    QUuid m_tenantB;
    QString m_admin;
    QString m_auditor;
    QString m_staff;
    QString m_tenantAuditor;
    QList<qint64> m_seeded;
    qint64 m_csvRow = 0;
};

QTEST_GUILESS_MAIN(TestAuditApi)
#include "tst_auditapi.moc"
