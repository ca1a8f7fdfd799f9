// The promotions page against a real reservad: creating percent and fixed
// codes through the form (the window sent with the user's offset), the
// server's field errors inline, deactivation (no delete), the redemptions of
// a code after a booking with it, the release-on-refund setting, role
// gating, and promo_code in the booking dialog (accepted, and an exhausted
// code explained next to the field).
#include "bookingfixture.h"
#include "catalog/productdirectory.h"
#include "common/pagedjsonmodel.h"
#include "net/accessclaims.h"
#include "promotions/promotiondialog.h"
#include "promotions/promotionsview.h"
#include "promotions/releaseonrefundsetting.h"
#include "reservations/newreservationdialog.h"
#include "shell/viewaccess.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

QString dbText(TestServer &server, const QString &sql, const QVariantList &params = {})
{
    DbRows q = server.superDb().exec(sql, params, "promotion check");
    return q.next() ? q.value(0).toString() : QString();
}

const PromotionsView::Access kManager{true, true, false};

} // namespace

class TestPromotionsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("pampa"));
        m_fixture->addUser(QStringLiteral("pampa-auditor"), {QStringLiteral("auditor")},
                           m_tenant.id);
        m_product = m_fixture->createProduct(
            m_tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Estancia day")}});
        m_slot = m_fixture->createSlot(m_tenant.managerToken, m_product,
                                       QDateTime::currentDateTimeUtc().addDays(5), 100);
        QVERIFY(!m_slot.isNull());
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
        QVERIFY(!signIn(*m_session, QStringLiteral("pampa-manager"), BookingFixture::kPassword));
    }
    void cleanup()
    {
        m_session.reset();
        m_api.reset();
    }

    void createsPercentAndFixedCodes()
    {
        ProductDirectory products(*m_api);
        PromotionDialog percent(*m_api, products, {}, {});
        percent.show();
        QSignalSpy saved(&percent, &PromotionDialog::promotionSaved);
        widgetNamed<QLineEdit>(&percent, QStringLiteral("Code"))
            ->setText(QStringLiteral("summer12"));
        widgetNamed<QLineEdit>(&percent, QStringLiteral("Percent off"))
            ->setText(QStringLiteral("12.5"));
        auto *list = widgetNamed<QListWidget>(&percent, QStringLiteral("Products"));
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 60000);
        list->item(0)->setCheckState(Qt::Checked);
        const QJsonObject body = *percent.payload();
        QCOMPARE(body.value(u"discount_percent").toDouble(), 12.5);
        QVERIFY(!body.contains(QStringLiteral("discount_minor")));
        const QString from = body.value(u"valid_from").toString();
        QVERIFY2(from.endsWith(u'Z') || from.at(from.size() - 6) == u'+' ||
                     from.at(from.size() - 6) == u'-',
                 qPrintable(from));
        percent.findChild<QDialogButtonBox *>()->buttons().first()->click();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        QCOMPARE(dbText(*m_server,
                        QStringLiteral("SELECT code FROM promotions WHERE code = 'SUMMER12'")),
                 QStringLiteral("SUMMER12"));

        PromotionDialog fixed(*m_api, products, {}, {});
        fixed.show();
        QSignalSpy fixedSaved(&fixed, &PromotionDialog::promotionSaved);
        widgetNamed<QLineEdit>(&fixed, QStringLiteral("Code"))->setText(QStringLiteral("TENOFF"));
        widgetNamed<QRadioButton>(&fixed, QStringLiteral("Fixed amount discount"))
            ->setChecked(true);
        widgetNamed<QLineEdit>(&fixed, QStringLiteral("Amount off"))
            ->setText(QStringLiteral("10.5"));
        // A fixed amount needs a currency: said in the form, nothing sent.
        QVERIFY(!fixed.payload());
        QVERIFY(!fieldError(&fixed, QStringLiteral("currency")).isEmpty());
        auto *currency = widgetNamed<QComboBox>(&fixed, QStringLiteral("Currency"));
        currency->setCurrentIndex(currency->findData(QStringLiteral("USD")));
        widgetNamed<QLineEdit>(&fixed, QStringLiteral("Maximum uses"))
            ->setText(QStringLiteral("1"));
        QCOMPARE(fixed.payload()->value(u"discount_minor").toInteger(), 1050);
        fixed.findChild<QDialogButtonBox *>()->buttons().first()->click();
        QTRY_COMPARE_WITH_TIMEOUT(fixedSaved.size(), 1, 60000);
        QCOMPARE(dbText(*m_server, QStringLiteral("SELECT discount_minor::text || currency FROM "
                                                  "promotions WHERE code = 'TENOFF'")),
                 QStringLiteral("1050USD"));
    }

    void serverFieldErrorsAreInline()
    {
        ProductDirectory products(*m_api);
        PromotionDialog dialog(*m_api, products, {}, {});
        dialog.show();
        QSignalSpy saved(&dialog, &PromotionDialog::promotionSaved);
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Code"))->setText(QStringLiteral("X!"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Percent off"))
            ->setText(QStringLiteral("5"));
        dialog.findChild<QDialogButtonBox *>()->buttons().first()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!fieldError(&dialog, QStringLiteral("code")).isEmpty(), 60000);
        QCOMPARE(saved.size(), 0);
    }

    void deactivatesAndShowsRedemptionsAndSettings()
    {
        auto staff = m_fixture->clientAs(m_tenant.staffToken);
        QJsonObject booking =
            BookingFixture::bookingBody(m_slot, 1, QStringLiteral("promo@example.com"));
        booking.insert(QStringLiteral("promo_code"), QStringLiteral("summer12"));
        QCOMPARE(BookingFixture::book(*staff, booking, QUuid::createUuid().toByteArray()).status,
                 201);

        PromotionsView view(*m_api, kManager);
        view.resize(1200, 500);
        view.show();
        view.refresh();
        auto *code = widgetNamed<QLineEdit>(&view, QStringLiteral("Code filter"));
        code->setText(QStringLiteral("summer12"));
        QTRY_VERIFY_WITH_TIMEOUT(
            view.promotions()->filters().queryItemValue(QStringLiteral("code")) ==
                    QStringLiteral("summer12") &&
                !view.promotions()->isLoading() && view.promotions()->rowCount() == 1,
            60000);
        view.table()->selectRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(view.redemptions()->rowCount(), 1, 60000);
        QCOMPARE(view.redemptions()->item(0).value(u"customer_email").toString(),
                 QStringLiteral("promo@example.com"));

        auto *deactivate = widgetNamed<QPushButton>(&view, QStringLiteral("Deactivate promotion"));
        QVERIFY(deactivate->isEnabled());
        deactivate->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            dbText(*m_server,
                   QStringLiteral("SELECT active::text FROM promotions WHERE code = 'SUMMER12'")),
            QStringLiteral("false"), 60000);
        // The page shows the answer (the button is disabled from the click on,
        // so only the row tells that the answer has arrived).
        QTRY_VERIFY_WITH_TIMEOUT(!view.promotions()->item(0).value(u"active").toBool(), 60000);
        QVERIFY(!deactivate->isEnabled());

        auto *setting = view.findChild<ReleaseOnRefundSetting *>();
        QVERIFY(setting);
        QTRY_VERIFY_WITH_TIMEOUT(setting->isEnabled(), 60000);
        QVERIFY(!setting->isChecked()); // off by default
        QSignalSpy settingSaved(setting, &ReleaseOnRefundSetting::saved);
        setting->click();
        QTRY_COMPARE_WITH_TIMEOUT(settingSaved.size(), 1, 60000);
        ApiRequest settings;
        settings.path = QStringLiteral("/v1/promotions/settings");
        const ApiResponse read = call(*m_api, settings);
        QVERIFY(read.ok());
        QCOMPARE(read.object().value(u"release_on_refund").toBool(), true);
    }

    void rolesDecideWhatIsShown()
    {
        QVERIFY(!signIn(*m_session, QStringLiteral("pampa-auditor"), BookingFixture::kPassword));
        const PromotionsView::Access auditor = PromotionsView::accessFor(m_session->claims());
        QVERIFY(allowedViews(m_session->claims()).contains(ViewKind::Promotions));
        QVERIFY(!auditor.canEdit);
        QVERIFY(!auditor.seesRedemptions);
        PromotionsView auditorView(*m_api, auditor);
        auditorView.show();
        auditorView.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(auditorView.promotions()->rowCount() > 0, 60000);
        QVERIFY(!widgetNamed<QTableView>(&auditorView, QStringLiteral("Redemptions")));
        QVERIFY(!auditorView.findChild<ReleaseOnRefundSetting *>());
        QVERIFY(
            !widgetNamed<QPushButton>(&auditorView, QStringLiteral("New promotion"))->isVisible());

        QVERIFY(!signIn(*m_session, QStringLiteral("pampa-staff"), BookingFixture::kPassword));
        const PromotionsView::Access staff = PromotionsView::accessFor(m_session->claims());
        QVERIFY(!staff.canEdit);
        QVERIFY(staff.seesRedemptions);
    }

    void bookingDialogSendsThePromoCodeAndExplainsRefusals()
    {
        QVERIFY(!signIn(*m_session, QStringLiteral("pampa-staff"), BookingFixture::kPassword));
        ProductDirectory products(*m_api);
        NewReservationDialog dialog(*m_api, products);
        dialog.show();
        auto *slot = widgetNamed<QComboBox>(&dialog, QStringLiteral("Departure"));
        QTRY_COMPARE_WITH_TIMEOUT(slot->count(), 1, 60000);
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer name"))
            ->setText(QStringLiteral("Lucía Pérez"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer email"))
            ->setText(QStringLiteral("lucia@example.com"));
        auto *promo = widgetNamed<QLineEdit>(&dialog, QStringLiteral("Promotion code"));
        promo->setText(QStringLiteral("tenoff"));
        QCOMPARE(dialog.payload().value(u"promo_code").toString(), QStringLiteral("tenoff"));
        QSignalSpy created(&dialog, &NewReservationDialog::reservationCreated);
        QPushButton *book = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Book"))
                book = b;
        QVERIFY(book);
        book->click();
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 60000);
        const QJsonObject reservation = created.first().first().toJsonObject();
        QCOMPARE(reservation.value(u"discount_minor").toInteger(), 1050);
        QCOMPARE(reservation.value(u"amount_minor").toInteger(), 12500 - 1050);

        // TENOFF allows one use: the next booking is refused, and the dialog
        // says so next to the code.
        NewReservationDialog second(*m_api, products);
        second.show();
        auto *secondSlot = widgetNamed<QComboBox>(&second, QStringLiteral("Departure"));
        QTRY_COMPARE_WITH_TIMEOUT(secondSlot->count(), 1, 60000);
        widgetNamed<QLineEdit>(&second, QStringLiteral("Customer name"))
            ->setText(QStringLiteral("Bruno Dias"));
        widgetNamed<QLineEdit>(&second, QStringLiteral("Customer email"))
            ->setText(QStringLiteral("bruno@example.com"));
        widgetNamed<QLineEdit>(&second, QStringLiteral("Promotion code"))
            ->setText(QStringLiteral("TENOFF"));
        QPushButton *secondBook = nullptr;
        for (QPushButton *b : second.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Book"))
                secondBook = b;
        QSignalSpy secondCreated(&second, &NewReservationDialog::reservationCreated);
        secondBook->click();
        QLabel *promoError = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QLabel *label : second.findChildren<QLabel *>()) {
                    if (label->isVisible() &&
                        label->text() == QStringLiteral("This promotion code has been used up."))
                        promoError = label;
                }
                return promoError != nullptr;
            }(),
            60000);
        QCOMPARE(secondCreated.size(), 0);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    BookingTenant m_tenant;
    QUuid m_product;
    QUuid m_slot;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestPromotionsView)
#include "tst_promotionsview.moc"
