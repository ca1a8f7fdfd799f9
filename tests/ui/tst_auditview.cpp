// The audit page against a real reservad: every filter (actor, action,
// resource, tenant, time) narrows the rows on the server; the chain status
// says intact, and after a row is tampered with in the database names the
// first broken link; verification can be cancelled; the CSV export writes
// exactly what the server's own CSV holds for the filter, page by page, and a
// cancelled export leaves no file behind.
#include "audit/auditchainstatus.h"
#include "audit/auditcsvexport.h"
#include "audit/auditlog.h"
#include "audit/auditview.h"
#include "bookingfixture.h"
#include "common/displayformat.h"
#include "common/pagedjsonmodel.h"
#include "common/tenantchooser.h"
#include "domain/role.h"
#include "net/accessclaims.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2021-03-01T00:00:00Z"), Qt::ISODate);

} // namespace

class TestAuditView : public QObject
{
    Q_OBJECT

private:
    // The ids the database holds for `where`, newest first: the oracle.
    QList<qint64> expectedIds(const QString &where, const QVariantList &params = {})
    {
        DbRows q = m_server->superDb().exec(QStringLiteral("SELECT id FROM audit_log WHERE ") +
                                                where + QStringLiteral(" ORDER BY id DESC"),
                                            params, "expected audit ids");
        QList<qint64> ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        return ids;
    }

    // The ids the page lists once it has applied what its controls say and
    // loaded every page.
    static QList<qint64> shownIds(AuditView &view)
    {
        PagedJsonModel *model = view.model();
        const auto settled = [&] {
            return model->filters().toString() == view.currentFilters().toString() &&
                   !model->isLoading();
        };
        if (!QTest::qWaitFor(settled, 60000))
            qWarning("the audit list did not load within the test bound");
        while (model->hasMore()) {
            model->fetchMore({});
            if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 60000))
                break;
        }
        QList<qint64> ids;
        for (int r = 0; r < model->rowCount(); ++r)
            ids << model->item(r).value(u"id").toInteger();
        return ids;
    }

    static bool waitForChain(AuditChainStatus *chain)
    {
        return QTest::qWaitFor([&] { return chain->state() != AuditChainStatus::State::Checking; },
                               60000);
    }

    // The server's own CSV for `filters`, in one request.
    QByteArray serverCsv(QUrlQuery filters)
    {
        ApiRequest request;
        request.path = QStringLiteral("/v1/audit");
        filters.addQueryItem(QStringLiteral("format"), QStringLiteral("csv"));
        request.query = filters;
        request.rawBody = true;
        const ApiResponse response = call(*m_api, request);
        if (!response.ok() || !response.header("x-next-cursor").isEmpty())
            qWarning("the server's CSV did not come in one page");
        return response.body;
    }

    AuditView::Access adminAccess() const { return AuditView::accessFor(m_session->claims()); }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenantA = m_fixture->addTenant(QStringLiteral("ledger-a")).id;
        m_tenantB = m_fixture->addTenant(QStringLiteral("ledger-b")).id;
        m_fixture->addUser(QStringLiteral("ledger-admin"), {role::kAdmin});
        // Twelve rows an hour apart over actors, actions, resources and
        // tenants, so that every filter has something to leave out.
        for (int i = 0; i < 12; ++i) {
            AuditEvent e;
            e.actor = QStringLiteral("ui-actor-%1").arg(i % 3);
            e.action = i % 2 ? QStringLiteral("ui.alpha") : QStringLiteral("ui.beta");
            e.resource = QStringLiteral("res:%1").arg(i % 4);
            e.tenantId = i % 3 == 0 ? m_tenantA : (i % 3 == 1 ? m_tenantB : QUuid());
            e.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            e.detail = {{QStringLiteral("i"), i},
                        {QStringLiteral("note"), QStringLiteral("a \"quoted\", comma\r\nline")}};
            appendAudit(m_server->appDb(), e, kT0.addSecs(3600 * i));
            DbRows q = m_server->appDb().exec(
                QStringLiteral("SELECT id FROM audit_log WHERE request_id = ?"), {e.requestId},
                "seeded row");
            QVERIFY(q.next());
            m_seeded << q.value(0).toLongLong();
        }
        m_server->sealAudit();
    }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_server.reset();
    }

    void init()
    {
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(localUrl(m_server->port()));
        m_session = std::make_unique<Session>(*m_api, nullptr);
        QVERIFY(!signIn(*m_session, QStringLiteral("ledger-admin"), BookingFixture::kPassword));
    }
    void cleanup()
    {
        m_session.reset();
        m_api.reset();
    }

    void accessFollowsTheToken()
    {
        const AuditView::Access admin = adminAccess();
        QVERIFY(admin.chooseTenant);
        QVERIFY(admin.verifyChain);
        AccessClaims auditor{QStringLiteral("u"), {role::kAuditor}, {}};
        QVERIFY(!AuditView::accessFor(auditor).chooseTenant);
        QVERIFY(AuditView::accessFor(auditor).verifyChain);
        auditor.tenantId = m_tenantA; // bound to a tenant: the chain spans others
        QVERIFY(!AuditView::accessFor(auditor).verifyChain);
        AuditView bound(*m_api, AuditView::accessFor(auditor));
        QVERIFY(!bound.chainStatus());
        QVERIFY(!bound.findChild<TenantChooser *>());
    }

    void filtersNarrowTheRows()
    {
        AuditView view(*m_api, adminAccess());
        view.resize(1200, 600);
        view.show();
        view.refresh();
        auto *actor = widgetNamed<QLineEdit>(&view, QStringLiteral("Actor filter"));
        auto *action = widgetNamed<QLineEdit>(&view, QStringLiteral("Action filter"));
        auto *resource = widgetNamed<QLineEdit>(&view, QStringLiteral("Resource filter"));
        auto *tenant = view.findChild<TenantChooser *>();
        QVERIFY(actor && action && resource && tenant);
        const QList<qint64> everything = shownIds(view);
        QVERIFY(everything.size() > 12);

        actor->setText(QStringLiteral("ui-actor-1"));
        QList<qint64> ids = shownIds(view);
        QCOMPARE(ids.size(), 4);
        QCOMPARE(ids, expectedIds(QStringLiteral("actor = 'ui-actor-1'")));

        action->setText(QStringLiteral("ui.alpha"));
        ids = shownIds(view);
        QCOMPARE(ids, expectedIds(QStringLiteral("actor = 'ui-actor-1' AND action = 'ui.alpha'")));
        QVERIFY(!ids.isEmpty() && ids.size() < 4);

        actor->clear();
        action->clear();
        resource->setText(QStringLiteral("res:2"));
        ids = shownIds(view);
        QCOMPARE(ids.size(), 3);
        QCOMPARE(ids, expectedIds(QStringLiteral("resource = 'res:2'")));

        resource->clear();
        QTRY_VERIFY_WITH_TIMEOUT(tenant->count() >= 3, 60000); // All, ledger-a, ledger-b
        tenant->setCurrentIndex(tenant->findData(m_tenantB.toString(QUuid::WithoutBraces)));
        ids = shownIds(view);
        const QList<qint64> tenantB = expectedIds(QStringLiteral("tenant_id = ?::uuid"),
                                                  {m_tenantB.toString(QUuid::WithoutBraces)});
        QCOMPARE(ids, tenantB);
        QVERIFY(ids.contains(m_seeded.at(1)) && !ids.contains(m_seeded.at(0)));

        tenant->setCurrentIndex(0);
        auto *fromOn = widgetNamed<QCheckBox>(&view, QStringLiteral("Filter from a time"));
        auto *untilOn = widgetNamed<QCheckBox>(&view, QStringLiteral("Filter until a time"));
        auto *from = widgetNamed<QDateTimeEdit>(&view, QStringLiteral("From time filter"));
        auto *until = widgetNamed<QDateTimeEdit>(&view, QStringLiteral("Until time filter"));
        QVERIFY(fromOn && untilOn && from && until);
        QVERIFY(!from->isEnabled());
        from->setDateTime(kT0.addSecs(3 * 3600).toLocalTime());
        until->setDateTime(kT0.addSecs(7 * 3600).toLocalTime());
        fromOn->setChecked(true);
        untilOn->setChecked(true);
        ids = shownIds(view);
        // From inclusive, until exclusive: hours 3, 4, 5 and 6.
        QCOMPARE(ids,
                 (QList<qint64>{m_seeded.at(6), m_seeded.at(5), m_seeded.at(4), m_seeded.at(3)}));
        QCOMPARE(ids, expectedIds(QStringLiteral("occurred_at >= ? AND occurred_at < ?"),
                                  {kT0.addSecs(3 * 3600), kT0.addSecs(7 * 3600)}));
    }

    void chainStatusShowsIntactAndCanBeCancelled()
    {
        m_server->sealAudit();
        DbRows q = m_server->superDb().exec(QStringLiteral("SELECT count(*) FROM audit_chain"), {},
                                            "chain length");
        QVERIFY(q.next());
        const qint64 sealed = q.value(0).toLongLong();
        AuditView view(*m_api, adminAccess());
        AuditChainStatus *chain = view.chainStatus();
        QVERIFY(chain);
        QCOMPARE(chain->state(), AuditChainStatus::State::NotChecked);
        view.show(); // verifies on first show
        QCOMPARE(chain->state(), AuditChainStatus::State::Checking);
        QVERIFY(waitForChain(chain));
        QCOMPARE(chain->state(), AuditChainStatus::State::Intact);
        const qint64 checked = chain->report().value(u"checked").toInteger();
        QVERIFY2(checked >= sealed, qPrintable(QString::number(checked)));
        QVERIFY2(chain->text().contains(QLocale().toString(checked)), qPrintable(chain->text()));

        // Cancel while the request runs: the reply is aborted, no answer lands.
        auto *verify = widgetNamed<QPushButton>(chain, QStringLiteral("Verify chain"));
        auto *cancel = widgetNamed<QPushButton>(chain, QStringLiteral("Cancel verification"));
        QVERIFY(verify && cancel);
        QVERIFY(!cancel->isVisible());
        verify->click();
        QCOMPARE(chain->state(), AuditChainStatus::State::Checking);
        QVERIFY(cancel->isVisible());
        QCOMPARE(m_api->pendingCount(), 1);
        cancel->click();
        QCOMPARE(chain->state(), AuditChainStatus::State::Canceled);
        QCOMPARE(m_api->pendingCount(), 0);
        QVERIFY(verify->isEnabled());
        // A later request's answer comes back; the cancelled one never does.
        ApiRequest again;
        again.path = QStringLiteral("/v1/audit/verify");
        QVERIFY(call(*m_api, again).ok());
        QCOMPARE(chain->state(), AuditChainStatus::State::Canceled);
    }

    void csvExportWritesExactlyTheFilteredRows()
    {
        AuditView view(*m_api, adminAccess());
        view.show();
        QVERIFY(waitForChain(view.chainStatus()));
        widgetNamed<QLineEdit>(&view, QStringLiteral("Action filter"))
            ->setText(QStringLiteral("ui.alpha"));
        const QList<qint64> rows = shownIds(view);
        QCOMPARE(rows, expectedIds(QStringLiteral("action = 'ui.alpha'")));
        QCOMPARE(rows.size(), 6);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alpha.csv"));
        AuditCsvExport *csv = view.csvExport();
        csv->setPageSize(2); // three pages and an empty fourth: the cursor is followed
        QSignalSpy progress(csv, &AuditCsvExport::progress);
        QSignalSpy finished(csv, &AuditCsvExport::finished);
        QVERIFY(view.exportTo(path));
        auto *bar = widgetNamed<QWidget>(&view, QStringLiteral("Export progress"));
        QVERIFY(bar && bar->isVisible());
        QVERIFY(!widgetNamed<QPushButton>(&view, QStringLiteral("Export CSV"))->isEnabled());
        QVERIFY(!QFile::exists(path)); // only once complete
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().value<AuditCsvExport::Outcome>(),
                 AuditCsvExport::Outcome::Written);
        QVERIFY(progress.size() >= 3);
        QCOMPARE(progress.last().first().toLongLong(), qint64(rows.size()));
        QCOMPARE(csv->rowsWritten(), qint64(rows.size()));
        QVERIFY(!bar->isVisible());
        QVERIFY2(view.exportStatus().contains(QStringLiteral("6")),
                 qPrintable(view.exportStatus()));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        const QByteArray expected = serverCsv(view.currentFilters());
        QCOMPARE(AuditCsvExport::countRecords(expected), qint64(rows.size()) + 1);
        QCOMPARE(written, expected);
    }

    void cancellingAnExportLeavesNoFile()
    {
        AuditView view(*m_api, adminAccess());
        view.show();
        QVERIFY(waitForChain(view.chainStatus()));
        QTemporaryDir dir;
        AuditCsvExport *csv = view.csvExport();
        csv->setPageSize(1);
        auto *cancel = widgetNamed<QPushButton>(&view, QStringLiteral("Cancel export"));
        QVERIFY(cancel);
        int pendingAfterCancel = -1;
        // Cancelled from the progress display while the next page is on its way.
        connect(csv, &AuditCsvExport::progress, this, [&](qint64 rows) {
            if (rows == 2 && cancel->isVisible()) {
                cancel->click();
                pendingAfterCancel = m_api->pendingCount();
            }
        });
        QSignalSpy finished(csv, &AuditCsvExport::finished);

        const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
        QVERIFY(view.exportTo(fresh));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().value<AuditCsvExport::Outcome>(),
                 AuditCsvExport::Outcome::Canceled);
        QCOMPARE(pendingAfterCancel, 0);
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        QVERIFY2(view.exportStatus().contains(QStringLiteral("cancelled")),
                 qPrintable(view.exportStatus()));

        // A file that was there stays as it was.
        const QString existing = dir.filePath(QStringLiteral("existing.csv"));
        {
            QFile old(existing);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous export\n");
        }
        QVERIFY(view.exportTo(existing));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QCOMPARE(finished.last().first().value<AuditCsvExport::Outcome>(),
                 AuditCsvExport::Outcome::Canceled);
        QFile old(existing);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous export\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("existing.csv")});
    }

    // Last: the tampering is permanent.
    void brokenChainNamesTheFirstBrokenLink()
    {
        m_server->sealAudit();
        const qint64 target = m_seeded.at(4);
        DbRows q = m_server->superDb().exec(
            QStringLiteral("SELECT c.position, to_char(a.occurred_at AT TIME ZONE 'UTC', "
                           "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                           " FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id"
                           " WHERE c.audit_id = ?"),
            {target}, "link of the target");
        QVERIFY(q.next());
        const qint64 position = q.value(0).toLongLong();
        const QString occurredAt = q.value(1).toString();
        // As the database owner, behind the application's back (the
        // append-only triggers are bypassed, as an intruder with the
        // superuser's password could).
        DbConnection &super = m_server->superDb();
        super.execDirect(QStringLiteral("SET session_replication_role = replica"), "tamper");
        super.exec(QStringLiteral("UPDATE audit_log SET outcome = 'denied' WHERE id = ?"), {target},
                   "tamper");
        super.execDirect(QStringLiteral("RESET session_replication_role"), "tamper");

        AuditView view(*m_api, adminAccess());
        view.show();
        AuditChainStatus *chain = view.chainStatus();
        QVERIFY(waitForChain(chain));
        QCOMPARE(chain->state(), AuditChainStatus::State::Broken);
        const QJsonObject broken = chain->report().value(u"first_broken").toObject();
        QCOMPARE(broken.value(u"audit_id").toInteger(), target);
        QCOMPARE(broken.value(u"position").toInteger(), position);
        QCOMPARE(chain->report().value(u"checked").toInteger(), position - 1);
        const QString text = chain->text();
        QVERIFY2(text.contains(QStringLiteral("entry %1").arg(target)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("#") + QLocale().toString(position)),
                 qPrintable(text));
        QVERIFY2(text.contains(DisplayFormat::timestamp(occurredAt)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("changed")), qPrintable(text));
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    QUuid m_tenantA;
    QUuid m_tenantB;
    QList<qint64> m_seeded;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
