// The administration pages against a real reservad: webhook deliveries
// (accepted, duplicate, forged, malformed; Stripe and Mercado Pago) listed
// with their outcome and verification, filtered and paged on the server,
// their headers, query and raw body in the detail with the intent's
// reservation; users created, edited, deactivated and reactivated through
// the page and its dialog, a partner manager confined to its own tenant's
// staff and partner roles, tenants created by an administrator, the
// server's refusals shown under the field they name, and which roles get
// these pages at all.
#include "admin/tenantdialog.h"
#include "admin/userdialog.h"
#include "admin/usersview.h"
#include "admin/webhookeventsview.h"
#include "common/fielderrors.h"
#include "common/pagedjsonmodel.h"
#include "common/tenantchooser.h"
#include "domain/role.h"
#include "net/connectionmonitor.h"
#include "paymentfixture.h"
#include "shell/mainwindow.h"
#include "shell/viewaccess.h"
#include "uitestsupport.h"
#include "webhooks/stripesignature.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

// An upper bound so that a broken build fails instead of hanging; not a
// speed check.
constexpr int kBound = 60000;

constexpr int kOutcomeColumn = 3;
constexpr int kVerificationColumn = 4;
constexpr int kStatusColumn = 3; // of the users table

QString dbText(TestServer &server, const QString &sql, const QVariantList &params = {})
{
    DbRows q = server.superDb().exec(sql, params, "admin views check");
    return q.next() ? q.value(0).toString() : QString();
}

int rowWhere(const PagedJsonModel *model, const QString &key, const QString &value)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->item(row).value(key).toString() == value)
            return row;
    return -1;
}

QString cell(const PagedJsonModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

QSet<QString> usernames(const PagedJsonModel *model)
{
    QSet<QString> names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.insert(model->item(row).value(u"username").toString());
    return names;
}

bool canLogIn(TestServer &server, const QString &username, const QString &password)
{
    TestHttpClient http = server.client();
    return http.post(QStringLiteral("/v1/auth/login"), {{QStringLiteral("username"), username},
                                                        {QStringLiteral("password"), password}})
               .status == 200;
}

QString requestId(const TestResponse &r)
{
    return QString::fromLatin1(r.header("x-request-id"));
}

} // namespace

class TestAdminViews : public QObject
{
    Q_OBJECT

private:
    void signInAs(const QString &username)
    {
        QVERIFY(!signIn(*m_session, username, BookingFixture::kPassword));
    }

    // Waits until `model` has answered the request for its current filters.
    static bool loaded(const PagedJsonModel *model)
    {
        return QTest::qWaitFor([model] { return !model->isLoading() && model->rowCount() > 0; },
                               kBound);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(SystemClock::instance(), [this](ServerConfig &c) {
            PaymentFixture::configure(c, m_apis);
            // Every test signs in again, all from 127.0.0.1.
            c.throttle.loginPerAddress = ThrottleRule{1000, 60};
        });
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_acme = m_booking->addTenant(QStringLiteral("acme"));
        m_other = m_booking->addTenant(QStringLiteral("other"));
        m_booking->addUser(QStringLiteral("root-admin"), {role::kAdmin}, {}, &m_adminId);
        m_booking->addUser(QStringLiteral("acme-auditor"), {role::kAuditor}, m_acme.id);
        const QUuid product = m_booking->createProduct(
            m_acme.managerToken, {{QStringLiteral("price_minor"), 30000},
                                  {QStringLiteral("currency"), QStringLiteral("ARS")}});
        m_slot = m_booking->createSlot(m_acme.managerToken, product,
                                       QDateTime::currentDateTimeUtc().addDays(4), 50);
        QVERIFY(!m_slot.isNull());

        // Deliveries of every kind: applied, its duplicate, a forged one, a
        // malformed one, and a Mercado Pago notification (its payment is
        // named in the query string).
        m_paid = m_payments->payable(m_acme, m_slot, QStringLiteral("stripe"));
        QVERIFY(!m_paid.intent.isNull());
        m_event = PaymentFixture::stripeEvent(
            QStringLiteral("evt_admin_ui_1"), QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(m_paid.ref, m_paid.amount, QStringLiteral("ars"),
                                               QStringLiteral("succeeded")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const TestResponse applied = m_payments->postStripeSigned(m_event, now);
        QCOMPARE(PaymentFixture::outcomeOf(applied), QStringLiteral("applied"));
        m_applied = requestId(applied);
        const TestResponse duplicate = m_payments->postStripeSigned(m_event, now);
        QCOMPARE(PaymentFixture::outcomeOf(duplicate), QStringLiteral("duplicate"));
        m_duplicate = requestId(duplicate);
        m_forgedBody = PaymentFixture::stripeEvent(
            QStringLiteral("evt_forged"), QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(m_paid.ref, 1, QStringLiteral("ars"),
                                               QStringLiteral("succeeded")));
        const TestResponse forged = m_payments->postStripe(
            m_forgedBody,
            StripeSignatureVerifier::sign(QByteArrayLiteral("whsec_not_the_secret"), m_forgedBody,
                                          now.toSecsSinceEpoch()),
            {{"Authorization", "Bearer must-not-be-kept"}});
        QCOMPARE(forged.status, 401);
        m_forged = requestId(forged);
        const TestResponse malformed = m_payments->postStripe("{}", "not a signature");
        QCOMPARE(malformed.status, 400);
        m_malformed = requestId(malformed);
        const TestResponse notification =
            m_payments->postMercadoPagoSigned(QStringLiteral("424242"), now);
        QCOMPARE(notification.status, 200);
        m_notification = requestId(notification);
        for (const QString &id : {m_applied, m_duplicate, m_forged, m_malformed, m_notification})
            QVERIFY(!id.isEmpty());
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
    }

    void init()
    {
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(localUrl(m_server->port()));
        m_session = std::make_unique<Session>(*m_api, nullptr);
    }
    void cleanup()
    {
        m_session.reset();
        m_api.reset();
    }

    // --- webhook events --------------------------------------------------------

    void webhookEventsShowOutcomeAndVerification()
    {
        signInAs(QStringLiteral("root-admin"));
        WebhookEventsView view(*m_api);
        view.resize(1200, 700);
        view.show();
        view.refresh();
        QVERIFY(loaded(view.model()));
        const PagedJsonModel *model = view.model();
        const int applied = rowWhere(model, QStringLiteral("request_id"), m_applied);
        const int duplicate = rowWhere(model, QStringLiteral("request_id"), m_duplicate);
        const int forged = rowWhere(model, QStringLiteral("request_id"), m_forged);
        const int malformed = rowWhere(model, QStringLiteral("request_id"), m_malformed);
        QVERIFY(applied >= 0 && duplicate >= 0 && forged >= 0 && malformed >= 0);
        QVERIFY(forged < applied); // newest first

        QCOMPARE(cell(model, applied, kOutcomeColumn), QStringLiteral("Applied"));
        QCOMPARE(cell(model, applied, kVerificationColumn), QStringLiteral("Verified"));
        QCOMPARE(cell(model, applied, 2), QStringLiteral("evt_admin_ui_1"));
        QCOMPARE(cell(model, applied, 1), QStringLiteral("Stripe"));
        QCOMPARE(cell(model, duplicate, kOutcomeColumn),
                 QStringLiteral("Duplicate (already applied)"));
        QCOMPARE(cell(model, forged, kOutcomeColumn), QStringLiteral("Refused"));
        QCOMPARE(cell(model, forged, kVerificationColumn), QStringLiteral("Bad signature"));
        QCOMPARE(cell(model, malformed, kVerificationColumn), QStringLiteral("Malformed"));
        // Refused deliveries stand out; accepted ones do not.
        QCOMPARE(model->data(model->index(forged, kVerificationColumn), Qt::ForegroundRole)
                     .value<QColor>(),
                 FieldErrors::color());
        QVERIFY(
            !model->data(model->index(applied, kVerificationColumn), Qt::ForegroundRole).isValid());

        // The forged delivery's raw body, byte for byte, and its headers
        // without the credential it carried.
        view.table()->selectRow(forged);
        auto *body = widgetNamed<QPlainTextEdit>(&view, QStringLiteral("Body"));
        auto *headers = widgetNamed<QPlainTextEdit>(&view, QStringLiteral("Headers"));
        QVERIFY(body && headers);
        QVERIFY(body->isReadOnly() && headers->isReadOnly());
        QCOMPARE(body->toPlainText(), QString::fromUtf8(m_forgedBody));
        QCOMPARE(body->font().family(),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        QVERIFY2(headers->toPlainText().contains(u"stripe-signature: "),
                 qPrintable(headers->toPlainText()));
        QVERIFY(!headers->toPlainText().contains(u"must-not-be-kept"));
        QVERIFY(!headers->toPlainText().contains(u"authorization"));
        QVERIFY(widgetNamed<QLabel>(&view, QStringLiteral("Payment:"))
                    ->text()
                    .startsWith(u"No payment intent"));

        // The applied one links to its intent and, through it, its reservation.
        view.table()->selectRow(applied);
        auto *payment = widgetNamed<QLabel>(&view, QStringLiteral("Payment:"));
        QTRY_VERIFY_WITH_TIMEOUT(
            payment->text().contains(BookingFixture::idText(m_paid.reservation)), kBound);
        QVERIFY2(payment->text().startsWith(u"Succeeded"), qPrintable(payment->text()));
        QVERIFY(payment->text().contains(BookingFixture::idText(m_paid.intent)));

        // Mercado Pago names its payment in the query string.
        const int notification = rowWhere(model, QStringLiteral("request_id"), m_notification);
        QVERIFY(notification >= 0);
        QCOMPARE(cell(model, notification, 1), QStringLiteral("Mercado Pago"));
        view.table()->selectRow(notification);
        const QString query =
            widgetNamed<QPlainTextEdit>(&view, QStringLiteral("Query string"))->toPlainText();
        QVERIFY2(query.contains(u"data.id=424242") && query.contains(u"type=payment"),
                 qPrintable(query));
    }

    void webhookEventsFilterAndPage()
    {
        signInAs(QStringLiteral("root-admin"));
        WebhookEventsView view(*m_api);
        view.show();
        view.refresh();
        QVERIFY(loaded(view.model()));

        auto *outcome = widgetNamed<QComboBox>(&view, QStringLiteral("Outcome filter"));
        outcome->setCurrentIndex(outcome->findData(QStringLiteral("rejected")));
        QCOMPARE(view.model()->filters().queryItemValue(QStringLiteral("outcome")),
                 QStringLiteral("rejected"));
        QVERIFY(loaded(view.model()));
        QCOMPARE(view.model()->rowCount(), 2); // the forged and the malformed deliveries
        for (int row = 0; row < view.model()->rowCount(); ++row)
            QCOMPARE(cell(view.model(), row, kOutcomeColumn), QStringLiteral("Refused"));

        auto *provider = widgetNamed<QComboBox>(&view, QStringLiteral("Provider filter"));
        provider->setCurrentIndex(provider->findData(QStringLiteral("mercadopago")));
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading(), kBound);
        QCOMPARE(view.model()->rowCount(), 0); // the notification verified

        // Every delivery, two at a time, each once (the table may also ask
        // for the next page itself while it has room to show it).
        outcome->setCurrentIndex(0);
        provider->setCurrentIndex(0);
        PagedJsonModel *model = view.model();
        QSignalSpy pages(model, &PagedJsonModel::pageLoaded);
        int largestPage = 0;
        const auto counting = connect(model, &QAbstractItemModel::rowsInserted, this,
                                      [&largestPage](const QModelIndex &, int first, int last) {
                                          largestPage = std::max(largestPage, last - first + 1);
                                      });
        model->setPageSize(2);
        view.refresh();
        const int total =
            dbText(*m_server, QStringLiteral("SELECT count(*) FROM webhook_deliveries")).toInt();
        QVERIFY(total >= 5);
        QTRY_VERIFY_WITH_TIMEOUT(
            [model] {
                if (model->canFetchMore({}))
                    model->fetchMore({});
                return !model->isLoading() && model->rowCount() > 0 && !model->hasMore();
            }(),
            kBound);
        disconnect(counting);
        QCOMPARE(model->rowCount(), total);
        QCOMPARE(largestPage, 2);
        QVERIFY(pages.size() >= (total + 1) / 2);
        QSet<QString> ids;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            ids.insert(view.model()->item(row).value(u"id").toString());
        QCOMPARE(ids.size(), total);
    }

    // --- users and tenants -------------------------------------------------------

    void adminCreatesUsersThroughTheDialog()
    {
        signInAs(QStringLiteral("root-admin"));
        UsersView view(*m_api, UsersView::accessFor(m_session->claims()));
        view.show();
        view.refresh();
        QVERIFY(loaded(view.users()));
        QTRY_VERIFY_WITH_TIMEOUT(view.tenantFilter()->count() >= 3, kBound); // all, acme, other
        const QSet<QString> everyone = usernames(view.users());
        for (const QString &name : {QStringLiteral("root-admin"), QStringLiteral("acme-staff"),
                                    QStringLiteral("other-staff"), QStringLiteral("acme-auditor")})
            QVERIFY2(everyone.contains(name), qPrintable(name));

        // Preselected: the tenant the page is filtered on.
        view.tenantFilter()->setCurrentIndex(
            view.tenantFilter()->findData(BookingFixture::idText(m_acme.id)));
        QVERIFY(loaded(view.users()));
        QPointer<UserDialog> dialog = view.newUserDialog();
        dialog->show();
        QCOMPARE(dialog->offeredRoles(), role::all());
        QVERIFY(dialog->offersTenantChoice());
        QSignalSpy saved(dialog.data(), &UserDialog::userSaved);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("acme.lucia"));
        widgetNamed<QCheckBox>(dialog, QStringLiteral("Partner staff"))->setChecked(true);
        QCOMPARE(widgetNamed<QComboBox>(dialog, QStringLiteral("Tenant"))->currentData(),
                 QVariant(BookingFixture::idText(m_acme.id)));
        const QString password = QStringLiteral("glaciar-perito-2024");
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Password"))->setText(password);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Repeat password"))->setText(password);
        buttonLabelled(dialog, QStringLiteral("Create user"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kBound);
        QCOMPARE(
            dbText(*m_server,
                   QStringLiteral("SELECT tenant_id::text || ' ' || array_to_string(roles, ',')"
                                  " FROM users WHERE username = 'acme.lucia'")),
            BookingFixture::idText(m_acme.id) + QStringLiteral(" partner_staff"));
        QVERIFY(canLogIn(*m_server, QStringLiteral("acme.lucia"), password));
        // The page lists it (it reloads after a creation).
        QTRY_VERIFY_WITH_TIMEOUT(usernames(view.users()).contains(QStringLiteral("acme.lucia")),
                                 kBound);
        QVERIFY(!usernames(view.users()).contains(QStringLiteral("other-staff")));

        // An administrator is global: ticking it takes partner roles and the
        // tenant away.
        UserDialog *admin = view.newUserDialog();
        auto *partnerStaff = widgetNamed<QCheckBox>(admin, QStringLiteral("Partner staff"));
        partnerStaff->setChecked(true);
        widgetNamed<QCheckBox>(admin, QStringLiteral("Administrator"))->setChecked(true);
        QVERIFY(!partnerStaff->isChecked() && !partnerStaff->isEnabled());
        QVERIFY(!widgetNamed<QComboBox>(admin, QStringLiteral("Tenant"))->isEnabled());
        delete admin;

        // Passwords that differ are caught before anything is sent.
        UserDialog *mismatch = view.newUserDialog();
        QSignalSpy mismatchSaved(mismatch, &UserDialog::userSaved);
        widgetNamed<QLineEdit>(mismatch, QStringLiteral("Username"))
            ->setText(QStringLiteral("acme.typo"));
        widgetNamed<QCheckBox>(mismatch, QStringLiteral("Partner staff"))->setChecked(true);
        widgetNamed<QLineEdit>(mismatch, QStringLiteral("Password"))
            ->setText(QStringLiteral("first-password-1"));
        widgetNamed<QLineEdit>(mismatch, QStringLiteral("Repeat password"))
            ->setText(QStringLiteral("first-password-2"));
        buttonLabelled(mismatch, QStringLiteral("Create user"))->click();
        QCOMPARE(fieldError(mismatch, QStringLiteral("password_confirmation")),
                 QStringLiteral("The two passwords differ."));
        QCOMPARE(m_api->pendingCount(), 0);
        QCOMPARE(mismatchSaved.size(), 0);
        delete mismatch;
    }

    void serverRefusalsAreShownInline()
    {
        signInAs(QStringLiteral("root-admin"));
        UsersView view(*m_api, UsersView::accessFor(m_session->claims()));
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(view.tenantFilter()->count() >= 3, kBound);
        UserDialog *dialog = view.newUserDialog();
        dialog->show();
        QSignalSpy saved(dialog, &UserDialog::userSaved);
        // Characters the server refuses in a username, a password too short:
        // the form leaves both to the server, which names both fields.
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("bad name!"));
        widgetNamed<QCheckBox>(dialog, QStringLiteral("Auditor"))->setChecked(true);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Password"))
            ->setText(QStringLiteral("short"));
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Repeat password"))
            ->setText(QStringLiteral("short"));
        buttonLabelled(dialog, QStringLiteral("Create user"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!fieldError(dialog, QStringLiteral("username")).isEmpty(), kBound);
        QVERIFY(fieldError(dialog, QStringLiteral("username")).contains(u"letters, digits"));
        QVERIFY(!fieldError(dialog, QStringLiteral("password")).isEmpty());
        QCOMPARE(saved.size(), 0);
        QVERIFY(dialog->isVisible());

        // A taken username is said under the username.
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("acme-staff"));
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Password"))
            ->setText(QStringLiteral("long-enough-password"));
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Repeat password"))
            ->setText(QStringLiteral("long-enough-password"));
        buttonLabelled(dialog, QStringLiteral("Create user"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(fieldError(dialog, QStringLiteral("username")),
                                  QStringLiteral("That username is taken."), kBound);
        QVERIFY(fieldError(dialog, QStringLiteral("password")).isEmpty());
        QCOMPARE(saved.size(), 0);
        delete dialog;

        // A taken tenant slug, under the slug.
        TenantDialog tenant(*m_api);
        tenant.show();
        widgetNamed<QLineEdit>(&tenant, QStringLiteral("Name"))
            ->setText(QStringLiteral("Acme again"));
        widgetNamed<QLineEdit>(&tenant, QStringLiteral("Slug"))->setText(QStringLiteral("acme"));
        buttonLabelled(&tenant, QStringLiteral("Create tenant"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(fieldError(&tenant, QStringLiteral("slug")),
                                  QStringLiteral("Another tenant already has this slug."), kBound);
    }

    void adminCreatesTenants()
    {
        signInAs(QStringLiteral("root-admin"));
        UsersView view(*m_api, UsersView::accessFor(m_session->claims()));
        view.show();
        view.refresh();
        QVERIFY(loaded(view.tenants()));
        QVERIFY(rowWhere(view.tenants(), QStringLiteral("slug"), QStringLiteral("acme")) >= 0);
        view.createTenant();
        auto *dialog = view.findChild<TenantDialog *>();
        QVERIFY(dialog);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Name"))
            ->setText(QStringLiteral("Café do Porto"));
        QCOMPARE(widgetNamed<QLineEdit>(dialog, QStringLiteral("Slug"))->text(),
                 QStringLiteral("cafe-do-porto"));
        buttonLabelled(dialog, QStringLiteral("Create tenant"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWhere(view.tenants(), QStringLiteral("slug"), QStringLiteral("cafe-do-porto")) >= 0,
            kBound);
        QCOMPARE(dbText(*m_server, QStringLiteral("SELECT name FROM tenants WHERE slug = ?"),
                        {QStringLiteral("cafe-do-porto")}),
                 QStringLiteral("Café do Porto"));
        // And users can be created in it right away.
        QTRY_VERIFY_WITH_TIMEOUT(view.tenantFilter()->findText(QStringLiteral("Café do Porto")) > 0,
                                 kBound);
    }

    void partnerManagerSeesOnlyItsOwnStaff()
    {
        signInAs(QStringLiteral("acme-manager"));
        const UsersView::Access access = UsersView::accessFor(m_session->claims());
        QVERIFY(!access.admin);
        UsersView view(*m_api, access);
        view.show();
        view.refresh();
        QVERIFY(loaded(view.users()));
        QCOMPARE(view.title(), QStringLiteral("Users"));
        QVERIFY(!view.tenantFilter());
        QVERIFY(!view.tenants());
        QVERIFY(view.userTable()->isColumnHidden(2)); // the tenant: always its own
        const QSet<QString> seen = usernames(view.users());
        QVERIFY(seen.contains(QStringLiteral("acme-manager")));
        QVERIFY(seen.contains(QStringLiteral("acme-staff")));
        for (const QString &name : {QStringLiteral("other-staff"), QStringLiteral("other-manager"),
                                    QStringLiteral("root-admin"), QStringLiteral("acme-auditor")})
            QVERIFY2(!seen.contains(name), qPrintable(name));
        for (int row = 0; row < view.users()->rowCount(); ++row)
            QCOMPARE(view.users()->item(row).value(u"tenant_id").toString(),
                     BookingFixture::idText(m_acme.id));

        // Partner roles only, and no tenant to choose: the server puts the
        // user in the manager's own.
        QPointer<UserDialog> dialog = view.newUserDialog();
        dialog->show();
        QCOMPARE(dialog->offeredRoles(), (QStringList{role::kPartnerManager, role::kPartnerStaff}));
        QVERIFY(!widgetNamed<QCheckBox>(dialog, QStringLiteral("Administrator")));
        QVERIFY(!widgetNamed<QCheckBox>(dialog, QStringLiteral("Auditor")));
        QVERIFY(!dialog->offersTenantChoice());
        QVERIFY(!widgetNamed<QComboBox>(dialog, QStringLiteral("Tenant")));
        QSignalSpy saved(dialog.data(), &UserDialog::userSaved);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Username"))
            ->setText(QStringLiteral("acme.pedro"));
        widgetNamed<QCheckBox>(dialog, QStringLiteral("Partner staff"))->setChecked(true);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Password"))
            ->setText(QStringLiteral("pedro-first-pass"));
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Repeat password"))
            ->setText(QStringLiteral("pedro-first-pass"));
        QVERIFY(!dialog->payload()->contains(QStringLiteral("tenant_id")));
        buttonLabelled(dialog, QStringLiteral("Create user"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kBound);
        QCOMPARE(dbText(*m_server,
                        QStringLiteral("SELECT tenant_id::text FROM users WHERE username = ?"),
                        {QStringLiteral("acme.pedro")}),
                 BookingFixture::idText(m_acme.id));
        QTRY_VERIFY_WITH_TIMEOUT(usernames(view.users()).contains(QStringLiteral("acme.pedro")),
                                 kBound);

        // The server still decides: another tenant's users are not listed
        // even when asked for by id.
        ApiRequest other;
        other.path = QStringLiteral("/v1/users");
        other.query.addQueryItem(QStringLiteral("tenant_id"), BookingFixture::idText(m_other.id));
        const ApiResponse answer = call(*m_api, other);
        QVERIFY(answer.ok());
        QVERIFY(answer.object().value(u"items").toArray().isEmpty());
    }

    void managerEditsDeactivatesAndReactivates()
    {
        m_booking->addUser(QStringLiteral("acme.temp"), {role::kPartnerStaff}, m_acme.id);
        signInAs(QStringLiteral("acme-manager"));
        UsersView view(*m_api, UsersView::accessFor(m_session->claims()));
        view.show();
        view.refresh();
        QVERIFY(loaded(view.users()));
        auto *toggle =
            widgetNamed<QPushButton>(&view, QStringLiteral("Deactivate or reactivate user"));

        // Not oneself.
        const int self =
            rowWhere(view.users(), QStringLiteral("username"), QStringLiteral("acme-manager"));
        QVERIFY(self >= 0);
        view.userTable()->selectRow(self);
        QCOMPARE(view.users()->item(self).value(u"id").toString(), m_session->claims().subject);
        QVERIFY(!toggle->isEnabled());

        const int row =
            rowWhere(view.users(), QStringLiteral("username"), QStringLiteral("acme.temp"));
        QVERIFY(row >= 0);
        view.userTable()->selectRow(row);
        QVERIFY(toggle->isEnabled());
        QCOMPARE(toggle->text(), QStringLiteral("Deactivate"));

        // Roles and a new password, sent as only what changed.
        QPointer<UserDialog> edit = view.editUserDialog();
        edit->show();
        QSignalSpy edited(edit.data(), &UserDialog::userSaved);
        widgetNamed<QCheckBox>(edit, QStringLiteral("Partner manager"))->setChecked(true);
        const QString password = QStringLiteral("reset-by-manager-1");
        widgetNamed<QLineEdit>(edit, QStringLiteral("New password"))->setText(password);
        widgetNamed<QLineEdit>(edit, QStringLiteral("Repeat password"))->setText(password);
        const QJsonObject change = *edit->payload();
        QCOMPARE(change.keys(), (QStringList{QStringLiteral("password"), QStringLiteral("roles")}));
        buttonLabelled(edit, QStringLiteral("Save"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(edited.size(), 1, kBound);
        QCOMPARE(
            dbText(*m_server, QStringLiteral("SELECT array_to_string(roles, ',') FROM users WHERE "
                                             "username = 'acme.temp'")),
            QStringLiteral("partner_manager,partner_staff"));
        QVERIFY(canLogIn(*m_server, QStringLiteral("acme.temp"), password));
        QVERIFY(!canLogIn(*m_server, QStringLiteral("acme.temp"), BookingFixture::kPassword));
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(view.users(), row, 1).contains(QStringLiteral("Partner manager")), kBound);

        // Deactivation asks first; cancelling changes nothing.
        view.toggleSelectedActive();
        auto *box = view.findChild<QMessageBox *>();
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!view.findChild<QMessageBox *>(), kBound);
        QCOMPARE(dbText(*m_server, QStringLiteral("SELECT active::text FROM users WHERE username "
                                                  "= 'acme.temp'")),
                 QStringLiteral("true"));
        toggle->click();
        QTRY_VERIFY_WITH_TIMEOUT((box = view.findChild<QMessageBox *>()) != nullptr, kBound);
        buttonLabelled(box, QStringLiteral("Deactivate"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            dbText(*m_server,
                   QStringLiteral("SELECT active::text FROM users WHERE username = 'acme.temp'")),
            QStringLiteral("false"), kBound);
        QTRY_COMPARE_WITH_TIMEOUT(cell(view.users(), row, kStatusColumn),
                                  QStringLiteral("Deactivated"), kBound);
        QCOMPARE(toggle->text(), QStringLiteral("Reactivate"));
        QVERIFY(!canLogIn(*m_server, QStringLiteral("acme.temp"), password));

        toggle->click(); // reactivating asks nothing
        QTRY_COMPARE_WITH_TIMEOUT(
            dbText(*m_server,
                   QStringLiteral("SELECT active::text FROM users WHERE username = 'acme.temp'")),
            QStringLiteral("true"), kBound);
        QTRY_COMPARE_WITH_TIMEOUT(cell(view.users(), row, kStatusColumn), QStringLiteral("Active"),
                                  kBound);
        QVERIFY(canLogIn(*m_server, QStringLiteral("acme.temp"), password));
    }

    // --- who gets these pages -----------------------------------------------------

    void rolesDecideWhoGetsThePages()
    {
        struct Case
        {
            QString username;
            bool payments;
            bool users;
        };
        const QList<Case> cases{{QStringLiteral("root-admin"), true, true},
                                {QStringLiteral("acme-manager"), false, true},
                                {QStringLiteral("acme-staff"), false, false},
                                {QStringLiteral("acme-auditor"), false, false}};
        for (const Case &c : cases) {
            signInAs(c.username);
            const QList<ViewKind> views = allowedViews(m_session->claims());
            QCOMPARE(views.contains(ViewKind::Payments), c.payments);
            QCOMPARE(views.contains(ViewKind::Users), c.users);
            TemporarySettings settings;
            ConnectionMonitor monitor(*m_api);
            MainWindow window(*m_api, *m_session, monitor, settings.settings(),
                              QStringLiteral("test"));
            QCOMPARE(window.views().contains(ViewKind::Payments), c.payments);
            QCOMPARE(window.findChild<WebhookEventsView *>() != nullptr, c.payments);
            QCOMPARE(window.findChild<UsersView *>() != nullptr, c.users);
        }
        // The server refuses them anyway.
        QCOMPARE(m_booking->clientAs(m_acme.staffToken)->get(QStringLiteral("/v1/users")).status,
                 403);
        QCOMPARE(m_booking->clientAs(m_acme.managerToken)
                     ->get(QStringLiteral("/v1/webhook-events"))
                     .status,
                 403);
    }

private:
    FakePaymentApis m_apis; // outlives the server that calls it
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    BookingTenant m_acme;
    BookingTenant m_other;
    QUuid m_adminId;
    QUuid m_slot;
    Payable m_paid;
    QByteArray m_event;
    QByteArray m_forgedBody;
    QString m_applied;
    QString m_duplicate;
    QString m_forged;
    QString m_malformed;
    QString m_notification;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestAdminViews)
#include "tst_adminviews.moc"
