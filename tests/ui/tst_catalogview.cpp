// The catalog page against a real reservad: products paged and filtered on
// the server, the product form (exact prices, transfer_kind only for
// transfers, the server's field errors inline), departures with their seats
// taken, the capacity refusal in plain words, and read-only staff.
#include "bookingfixture.h"
#include "catalog/availabilitycalendar.h"
#include "catalog/catalogview.h"
#include "catalog/productdialog.h"
#include "catalog/slotdialog.h"
#include "common/fielderrors.h"
#include "common/pagedjsonmodel.h"
#include "common/tenantchooser.h"
#include "net/accessclaims.h"
#include "shell/viewaccess.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlRecord>
#include <QTableView>
#include <QTest>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

void clickSave(QDialog &dialog)
{
    dialog.findChild<QDialogButtonBox *>()->buttons().first()->click();
}

QVariantList row(TestServer &server, const QString &sql, const QVariantList &params)
{
    DbRows q = server.superDb().exec(sql, params, "catalog check");
    QVariantList values;
    if (q.next()) {
        for (int i = 0; i < q.columnCount(); ++i)
            values << q.value(i);
    }
    return values;
}

} // namespace

class TestCatalogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("andes"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!m_fixture
                         ->createProduct(m_tenant.managerToken,
                                         {{QStringLiteral("name"),
                                           QStringLiteral("Tour %1").arg(QChar(u'A' + i))}})
                         .isNull());
        QVERIFY(!m_fixture
                     ->createProduct(
                         m_tenant.managerToken,
                         {{QStringLiteral("name"), QStringLiteral("Airport run")},
                          {QStringLiteral("kind"), QStringLiteral("transfer")},
                          {QStringLiteral("transfer_kind"), QStringLiteral("airport_pickup")}})
                     .isNull());
        QVERIFY(!m_fixture
                     ->createProduct(m_tenant.managerToken,
                                     {{QStringLiteral("name"), QStringLiteral("Retired walk")},
                                      {QStringLiteral("active"), false}})
                     .isNull());
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
        QVERIFY(!signIn(*m_session, QStringLiteral("andes-manager"), BookingFixture::kPassword));
    }
    void cleanup()
    {
        m_session.reset();
        m_api.reset();
    }

    void listsPagesAndFilters()
    {
        CatalogView view(*m_api, true, false);
        view.products()->setPageSize(3);
        QSignalSpy pages(view.products(), &PagedJsonModel::pageLoaded);
        view.resize(1000, 260);
        view.show();
        view.refresh();
        // Seven products, three a page: the view asks for the next pages as
        // it fills and scrolls (canFetchMore/fetchMore), each with the cursor.
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading() && pages.size() >= 1, 60000);
        view.productTable()->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(view.products()->rowCount(), 7, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading(), 60000);
        QCOMPARE(pages.size(), 3);
        QVERIFY(!view.products()->hasMore());
        QSet<QString> ids;
        for (int r = 0; r < view.products()->rowCount(); ++r)
            ids.insert(view.products()->item(r).value(u"id").toString());
        QCOMPARE(ids.size(), 7);

        auto *kind = widgetNamed<QComboBox>(&view, QStringLiteral("Kind filter"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("transfer")));
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading(), 60000);
        QCOMPARE(view.products()->rowCount(), 1);
        QCOMPARE(view.products()->item(0).value(u"name").toString(), QStringLiteral("Airport run"));
        QVERIFY(view.products()
                    ->data(view.products()->index(0, 1), Qt::DisplayRole)
                    .toString()
                    .contains(QStringLiteral("Airport pickup")));

        kind->setCurrentIndex(0);
        auto *active = widgetNamed<QComboBox>(&view, QStringLiteral("Status filter"));
        active->setCurrentIndex(active->findData(QStringLiteral("false")));
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading(), 60000);
        QCOMPARE(view.products()->rowCount(), 1);
        QCOMPARE(view.products()->item(0).value(u"name").toString(),
                 QStringLiteral("Retired walk"));
        QCOMPARE(view.products()->filters().queryItemValue(QStringLiteral("active")),
                 QStringLiteral("false"));
    }

    void transferKindIsAskedOnlyOfTransfers()
    {
        ProductDialog dialog(*m_api, {}, {});
        dialog.show();
        auto *kind = widgetNamed<QComboBox>(&dialog, QStringLiteral("Kind"));
        QCOMPARE(kind->currentData().toString(), QStringLiteral("tour"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Price"))->setText(QStringLiteral("10"));
        QVERIFY(!dialog.isTransferKindShown());
        QVERIFY(!widgetNamed<QComboBox>(&dialog, QStringLiteral("Transfer kind"))->isVisible());
        QVERIFY(!dialog.payload()->contains(QStringLiteral("transfer_kind")));
        kind->setCurrentIndex(kind->findData(QStringLiteral("transfer")));
        QVERIFY(dialog.isTransferKindShown());
        QVERIFY(widgetNamed<QComboBox>(&dialog, QStringLiteral("Transfer kind"))->isVisible());
        QCOMPARE(dialog.payload()->value(u"transfer_kind").toString(),
                 QStringLiteral("airport_pickup"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("package")));
        QVERIFY(!dialog.isTransferKindShown());
        QVERIFY(!dialog.payload()->contains(QStringLiteral("transfer_kind")));
    }

    void createsAndEditsAProductWithExactPrices()
    {
        ProductDialog dialog(*m_api, {}, {});
        dialog.show();
        QSignalSpy saved(&dialog, &ProductDialog::productSaved);
        auto *name = widgetNamed<QLineEdit>(&dialog, QStringLiteral("Name"));
        auto *price = widgetNamed<QLineEdit>(&dialog, QStringLiteral("Price"));
        auto *currency = widgetNamed<QComboBox>(&dialog, QStringLiteral("Currency"));

        // The server's field error lands under its field.
        name->setText(QStringLiteral("   "));
        price->setText(QStringLiteral("10"));
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!fieldError(&dialog, QStringLiteral("name")).isEmpty(), 60000);
        QCOMPARE(saved.size(), 0);

        // CLP has no cents: refused in the form, nothing sent.
        name->setText(QStringLiteral("Valle Nevado day trip"));
        currency->setCurrentText(QStringLiteral("CLP"));
        price->setText(QStringLiteral("45000.5"));
        clickSave(dialog);
        QVERIFY(!fieldError(&dialog, QStringLiteral("price_minor")).isEmpty());
        QVERIFY(fieldError(&dialog, QStringLiteral("name")).isEmpty());

        currency->setCurrentText(QStringLiteral("ARS"));
        price->setText(QStringLiteral("18990.1"));
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        const QJsonObject created = saved.first().first().toJsonObject();
        QCOMPARE(created.value(u"price_minor").toInteger(), 1899010);
        const QVariantList stored =
            row(*m_server,
                QStringLiteral("SELECT price_minor, currency FROM products WHERE id = "
                               "?::uuid"),
                {created.value(u"id").toString()});
        QCOMPARE(stored.value(0).toLongLong(), 1899010);
        QCOMPARE(stored.value(1).toString(), QStringLiteral("ARS"));

        ProductDialog edit(*m_api, created, {});
        edit.show();
        QSignalSpy edited(&edit, &ProductDialog::productSaved);
        QCOMPARE(widgetNamed<QLineEdit>(&edit, QStringLiteral("Price"))->text(),
                 QStringLiteral("18990.10"));
        widgetNamed<QLineEdit>(&edit, QStringLiteral("Name"))
            ->setText(QStringLiteral("Valle Nevado full day"));
        widgetNamed<QCheckBox>(&edit, QStringLiteral("Active"))->setChecked(false);
        clickSave(edit);
        QTRY_COMPARE_WITH_TIMEOUT(edited.size(), 1, 60000);
        const QVariantList after =
            row(*m_server,
                QStringLiteral("SELECT name, active, price_minor FROM products WHERE "
                               "id = ?::uuid"),
                {created.value(u"id").toString()});
        QCOMPARE(after.value(0).toString(), QStringLiteral("Valle Nevado full day"));
        QCOMPARE(after.value(1).toBool(), false);
        QCOMPARE(after.value(2).toLongLong(), 1899010);
    }

    void capacityBelowSeatsTakenIsExplained()
    {
        const QUuid product = m_fixture->createProduct(
            m_tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Zodiac ride")}});
        const QUuid slot = m_fixture->createSlot(m_tenant.managerToken, product,
                                                 QDateTime::currentDateTimeUtc().addDays(4), 10);
        QVERIFY(!slot.isNull());
        auto staff = m_fixture->clientAs(m_tenant.staffToken);
        QCOMPARE(BookingFixture::book(*staff, slot, 4, QUuid::createUuid().toByteArray()).status,
                 201);

        CatalogView view(*m_api, true, false);
        view.resize(1100, 400);
        view.show();
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading() && view.products()->rowCount() > 0,
                                 60000);
        int productRow = -1;
        for (int r = 0; r < view.products()->rowCount(); ++r) {
            if (view.products()->item(r).value(u"id").toString() == BookingFixture::idText(product))
                productRow = r;
        }
        QVERIFY(productRow >= 0);
        view.productTable()->selectRow(productRow);
        QTRY_COMPARE_WITH_TIMEOUT(view.slots()->rowCount(), 1, 60000);
        // Capacity and seats taken are shown.
        QCOMPARE(view.slots()->data(view.slots()->index(0, 2), Qt::DisplayRole).toInt(), 10);
        QCOMPARE(view.slots()->data(view.slots()->index(0, 3), Qt::DisplayRole).toInt(), 4);

        SlotDialog dialog(*m_api, BookingFixture::idText(product), view.slots()->item(0));
        dialog.show();
        QSignalSpy saved(&dialog, &SlotDialog::slotSaved);
        auto *capacity = widgetNamed<QSpinBox>(&dialog, QStringLiteral("Capacity"));
        QCOMPARE(capacity->value(), 10);
        QVERIFY(!dialog.payload().contains(QStringLiteral("starts_at"))); // unchanged start
        capacity->setValue(2);
        clickSave(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!fieldError(&dialog, QStringLiteral("capacity")).isEmpty(), 60000);
        QVERIFY(fieldError(&dialog, QStringLiteral("capacity")).contains(QStringLiteral("4")));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(row(*m_server, QStringLiteral("SELECT capacity FROM slots WHERE id = ?::uuid"),
                     {BookingFixture::idText(slot)})
                     .value(0)
                     .toInt(),
                 10);

        capacity->setValue(6);
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        QCOMPARE(saved.first().first().toJsonObject().value(u"capacity").toInt(), 6);
        QCOMPARE(saved.first().first().toJsonObject().value(u"remaining").toInt(), 2);

        // A new departure: the start is sent with the user's offset.
        SlotDialog add(*m_api, BookingFixture::idText(product), {});
        const QString startsAt = add.payload().value(u"starts_at").toString();
        QVERIFY2(startsAt.endsWith(u'Z') || startsAt.at(startsAt.size() - 6) == u'+' ||
                     startsAt.at(startsAt.size() - 6) == u'-',
                 qPrintable(startsAt));
        QSignalSpy added(&add, &SlotDialog::slotSaved);
        add.show();
        clickSave(add);
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    }

    void staffReadOnly()
    {
        QVERIFY(!signIn(*m_session, QStringLiteral("andes-staff"), BookingFixture::kPassword));
        QVERIFY(!canEdit(ViewKind::Catalog, m_session->claims()));
        QVERIFY(allowedViews(m_session->claims()).contains(ViewKind::Catalog));
        CatalogView staffView(*m_api, canEdit(ViewKind::Catalog, m_session->claims()), false);
        staffView.show();
        staffView.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(staffView.products()->rowCount() > 0, 60000);
        QVERIFY(!staffView.canCreate());
        for (const QString &name :
             {QStringLiteral("New product"), QStringLiteral("Edit product"),
              QStringLiteral("Add departure"), QStringLiteral("Change departure")}) {
            auto *button = widgetNamed<QPushButton>(&staffView, name);
            QVERIFY2(button && !button->isVisible(), qPrintable(name));
        }
        QVERIFY(!signIn(*m_session, QStringLiteral("andes-manager"), BookingFixture::kPassword));
        QVERIFY(canEdit(ViewKind::Catalog, m_session->claims()));
        CatalogView managerView(*m_api, true, false);
        managerView.show();
        QVERIFY(widgetNamed<QPushButton>(&managerView, QStringLiteral("New product"))->isVisible());
    }

    void calendarShowsSeatsLeftAndSoldOutDays()
    {
        // Two local days ahead: one with two departures (3 of 15 seats
        // sold), one whose only departure is sold out.
        const QDate busy = QDate::currentDate().addDays(3);
        const QDate full = busy.addDays(1);
        const QUuid product = m_fixture->createProduct(
            m_tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Calendar cruise")}});
        const QUuid morning = m_fixture->createSlot(m_tenant.managerToken, product,
                                                    QDateTime(busy, QTime(10, 0)), 10);
        const QUuid afternoon = m_fixture->createSlot(m_tenant.managerToken, product,
                                                      QDateTime(busy, QTime(15, 30)), 5);
        const QUuid only =
            m_fixture->createSlot(m_tenant.managerToken, product, QDateTime(full, QTime(11, 0)), 2);
        QVERIFY(!morning.isNull() && !afternoon.isNull() && !only.isNull());
        auto staff = m_fixture->clientAs(m_tenant.staffToken);
        QCOMPARE(BookingFixture::book(*staff, morning, 3, QUuid::createUuid().toByteArray()).status,
                 201);
        QCOMPARE(BookingFixture::book(*staff, only, 2, QUuid::createUuid().toByteArray()).status,
                 201);

        CatalogView view(*m_api, true, false);
        view.resize(1200, 700);
        view.show();
        AvailabilityCalendar *calendar = view.calendar();
        QVERIFY(calendar);
        QSignalSpy loaded(calendar, &AvailabilityCalendar::monthLoaded);
        calendar->setCurrentPage(busy.year(), busy.month());
        selectProduct(view, product);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !calendar->isLoading(), 60000);
        QCOMPARE(loaded.last().at(0).toInt(), busy.year());
        QCOMPARE(loaded.last().at(1).toInt(), busy.month());

        const AvailabilityCalendar::Day day = calendar->day(busy);
        QCOMPARE(day.departures, 2);
        QCOMPARE(day.capacity, 15);
        QCOMPARE(day.seatsLeft, 12);
        QVERIFY(!day.soldOut());
        QVERIFY2(calendar->dayText(busy).contains(QStringLiteral("12/15")),
                 qPrintable(calendar->dayText(busy)));
        QCOMPARE(calendar->day(full).departures, 1);
        QCOMPARE(calendar->day(full).seatsLeft, 0);
        QVERIFY(calendar->day(full).soldOut());
        QVERIFY2(calendar->dayText(full).contains(QStringLiteral("Sold out")),
                 qPrintable(calendar->dayText(full)));
        QCOMPARE(calendar->day(full.addDays(1)).departures, 0);
        QVERIFY(calendar->dayText(full.addDays(1)).isEmpty());

        // A day clicked in the calendar selects its departures in the list.
        QTRY_VERIFY_WITH_TIMEOUT(!view.slots()->isLoading() && view.slots()->rowCount() == 3,
                                 60000);
        Q_EMIT calendar->clicked(busy);
        QTRY_COMPARE_WITH_TIMEOUT(
            selectedSlotIds(view),
            (QSet<QString>{BookingFixture::idText(morning), BookingFixture::idText(afternoon)}),
            60000);
        Q_EMIT calendar->clicked(full);
        QTRY_COMPARE_WITH_TIMEOUT(selectedSlotIds(view),
                                  QSet<QString>{BookingFixture::idText(only)}, 60000);
        const int current = view.slotTable()->currentIndex().row();
        QCOMPARE(view.slots()->item(current).value(u"id").toString(), BookingFixture::idText(only));
    }

    void calendarMonthChangeLoadsTheNextMonth()
    {
        const QDate today = QDate::currentDate();
        // The 20th of next month: beyond the days the current month's grid shows.
        const QDate nextMonth = QDate(today.year(), today.month(), 1).addMonths(1);
        const QDate later(nextMonth.year(), nextMonth.month(), 20);
        const QUuid product = m_fixture->createProduct(
            m_tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Next month hike")}});
        QVERIFY(
            !m_fixture->createSlot(m_tenant.managerToken, product, QDateTime(later, QTime(9, 0)), 7)
                 .isNull());

        CatalogView view(*m_api, true, false);
        view.resize(1200, 700);
        view.show();
        AvailabilityCalendar *calendar = view.calendar();
        QSignalSpy loaded(calendar, &AvailabilityCalendar::monthLoaded);
        calendar->setCurrentPage(today.year(), today.month());
        selectProduct(view, product);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !calendar->isLoading(), 60000);
        QCOMPARE(loaded.last().at(1).toInt(), today.month());
        QCOMPARE(calendar->day(later).departures, 0); // not this month's to show

        loaded.clear();
        calendar->showNextMonth();
        QCOMPARE(calendar->monthShown(), nextMonth.month());
        QVERIFY(calendar->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !calendar->isLoading(), 60000);
        QCOMPARE(loaded.last().at(0).toInt(), nextMonth.year());
        QCOMPARE(loaded.last().at(1).toInt(), nextMonth.month());
        QCOMPARE(calendar->day(later).departures, 1);
        QCOMPARE(calendar->day(later).seatsLeft, 7);
        QCOMPARE(calendar->day(later).capacity, 7);
        QVERIFY2(calendar->dayText(later).contains(QStringLiteral("7/7")),
                 qPrintable(calendar->dayText(later)));
    }

    // An administrator (no tenant in the token) lists every tenant's
    // products or one tenant's, and creates a product only once a tenant is
    // chosen, in that tenant.
    void adminChoosesTheTenant()
    {
        const BookingTenant other = m_fixture->addTenant(QStringLiteral("pampa"));
        QVERIFY(!m_fixture
                     ->createProduct(other.managerToken,
                                     {{QStringLiteral("name"), QStringLiteral("Estancia day")}})
                     .isNull());
        m_fixture->addUser(QStringLiteral("catalog-admin"), {QStringLiteral("admin")});
        ApiClient api;
        api.setBaseUrl(localUrl(m_server->port()));
        Session session(api, nullptr);
        QVERIFY(!signIn(session, QStringLiteral("catalog-admin"), BookingFixture::kPassword));

        CatalogView view(api, true, true);
        view.resize(1000, 400);
        view.show();
        view.refresh();
        auto *tenant = view.findChild<TenantChooser *>();
        QVERIFY(tenant);
        QTRY_VERIFY_WITH_TIMEOUT(tenant->findData(BookingFixture::idText(other.id)) >= 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading(), 60000);
        const qint64 all = BookingFixture::count(m_server->appDb(),
                                                 QStringLiteral("SELECT count(*) FROM products"));
        view.productTable()->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(view.products()->rowCount(), int(all), 60000);
        QVERIFY(!widgetNamed<QPushButton>(&view, QStringLiteral("New product"))->isEnabled());
        view.createNew(); // no tenant chosen: nothing opens
        QVERIFY(!openWindow<ProductDialog>());

        tenant->setCurrentIndex(tenant->findData(BookingFixture::idText(other.id)));
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading() && view.products()->rowCount() == 1,
                                 60000);
        QCOMPARE(view.products()->item(0).value(u"name").toString(),
                 QStringLiteral("Estancia day"));

        view.createNew();
        ProductDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = openWindow<ProductDialog>()) != nullptr);
        QSignalSpy saved(dialog, &ProductDialog::productSaved);
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Name"))
            ->setText(QStringLiteral("Gaucho evening"));
        widgetNamed<QLineEdit>(dialog, QStringLiteral("Price"))->setText(QStringLiteral("90"));
        clickSave(*dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        const QString id = saved.first().first().toJsonObject().value(u"id").toString();
        QCOMPARE(row(*m_server,
                     QStringLiteral("SELECT tenant_id::text FROM products WHERE id = ?::uuid"),
                     {id})
                     .value(0)
                     .toString(),
                 BookingFixture::idText(other.id));
        QTRY_COMPARE_WITH_TIMEOUT(view.products()->rowCount(), 2, 60000);
    }

private:
    void selectProduct(CatalogView &view, const QUuid &product)
    {
        view.refresh();
        const QString id = BookingFixture::idText(product);
        const auto row = [&] {
            for (int r = 0; r < view.products()->rowCount(); ++r) {
                if (view.products()->item(r).value(u"id").toString() == id)
                    return r;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!view.products()->isLoading() && row() >= 0, 60000);
        view.productTable()->selectRow(row());
        QCOMPARE(view.calendar()->productId(), id);
    }

    static QSet<QString> selectedSlotIds(CatalogView &view)
    {
        QSet<QString> ids;
        const QModelIndexList rows = view.slotTable()->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows)
            ids.insert(view.slots()->item(index.row()).value(u"id").toString());
        return ids;
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<BookingFixture> m_fixture;
    BookingTenant m_tenant;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestCatalogView)
#include "tst_catalogview.moc"
