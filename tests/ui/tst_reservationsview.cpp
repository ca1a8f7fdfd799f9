// The reservations page against a real reservad: cursor paging as the view
// scrolls, server-side filters, the detail pane, and booking with the
// Idempotency-Key rule (a retry after a dropped answer never double-books).
#include "bookingfixture.h"
#include "catalog/productdirectory.h"
#include "common/fielderrors.h"
#include "common/pagedjsonmodel.h"
#include "droppingproxy.h"
#include "reservations/newreservationdialog.h"
#include "reservations/reservationbooking.h"
#include "reservations/reservationdetailpane.h"
#include "reservations/reservationfeedpoller.h"
#include "reservations/reservationsview.h"
#include "reservations/transferdetailform.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace reserva;
using namespace reserva::test;
using namespace reserva::ui;

namespace {

qint64 reservationCount(TestServer &server, const QString &email)
{
    DbRows q = server.superDb().exec(
        QStringLiteral("SELECT count(*) FROM reservations WHERE customer_email = ?"), {email},
        "count");
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestReservationsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_fixture = std::make_unique<BookingFixture>(*m_server);
        m_tenant = m_fixture->addTenant(QStringLiteral("acme"));
        m_product = m_fixture->createProduct(
            m_tenant.managerToken, {{QStringLiteral("name"), QStringLiteral("Glacier walk")}});
        QVERIFY(!m_product.isNull());
        m_slot = m_fixture->createSlot(m_tenant.managerToken, m_product,
                                       QDateTime::currentDateTimeUtc().addDays(3), 500);
        QVERIFY(!m_slot.isNull());
        auto staff = m_fixture->clientAs(m_tenant.staffToken);
        for (int i = 0; i < 25; ++i) {
            const QString email = (i % 5 == 0) ? QStringLiteral("vip@example.com")
                                               : QStringLiteral("guest%1@example.com").arg(i);
            QCOMPARE(BookingFixture::book(*staff, BookingFixture::bookingBody(m_slot, 1, email),
                                          QUuid::createUuid().toByteArray())
                         .status,
                     201);
        }
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
        QVERIFY(!signIn(*m_session, QStringLiteral("acme-staff"), BookingFixture::kPassword));
    }
    void cleanup()
    {
        m_session.reset();
        m_api.reset();
    }

    void modelPagesWithTheCursor()
    {
        QList<PagedJsonModel::Column> columns{{[] { return QStringLiteral("id"); },
                                               [](const QJsonObject &r, int role) {
                                                   return role == Qt::DisplayRole
                                                              ? QVariant(r.value(u"id").toString())
                                                              : QVariant();
                                               }}};
        PagedJsonModel model(*m_api, QStringLiteral("/v1/reservations"), columns);
        model.setPageSize(10);
        QVERIFY(!model.canFetchMore({})); // nothing before the first load
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 60000);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one page at a time
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 20, 60000);
        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 25, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 60000);
        QVERIFY(!model.canFetchMore({}));
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.data(model.index(row, 0), Qt::DisplayRole).toString());
        QCOMPARE(ids.size(), 25); // no row twice across pages
    }

    void viewLoadsAsItScrollsAndFilters()
    {
        ReservationsView view(*m_api);
        view.model()->setPageSize(10);
        view.resize(900, 300);
        view.show();
        view.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 10, 60000);
        // Scrolling to the bottom asks the model for more (canFetchMore/fetchMore).
        view.table()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() > 10, 60000);

        auto *email = widgetNamed<QLineEdit>(&view, QStringLiteral("Customer email filter"));
        email->setText(QStringLiteral("vip@example.com"));
        QTRY_COMPARE_WITH_TIMEOUT(
            view.model()->filters().queryItemValue(QStringLiteral("customer_email")),
            QStringLiteral("vip@example.com"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading(), 60000);
        QCOMPARE(view.model()->rowCount(), 5);
        for (int row = 0; row < 5; ++row)
            QCOMPARE(view.model()->item(row).value(u"customer").toObject().value(u"email"),
                     QStringLiteral("vip@example.com"));

        auto *status = widgetNamed<QComboBox>(&view, QStringLiteral("Status filter"));
        status->setCurrentIndex(status->findData(QStringLiteral("paid")));
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading(), 60000);
        QCOMPARE(view.model()->rowCount(), 0);

        status->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowCount() == 5,
                                 60000);
        view.table()->selectRow(0);
        auto *id = widgetNamed<QLabel>(&view, QStringLiteral("Reservation ID:"));
        QCOMPARE(id->text(), view.model()->item(0).value(u"id").toString());
        auto *product = widgetNamed<QLabel>(&view, QStringLiteral("Product:"));
        QTRY_COMPARE_WITH_TIMEOUT(product->text(), QStringLiteral("Glacier walk"), 60000);
    }

    void retryAfterADroppedAnswerBooksOnce()
    {
        DroppingProxy proxy(m_server->port());
        m_api->setBaseUrl(localUrl(proxy.port()));
        ReservationBooking booking(*m_api);
        QSignalSpy created(&booking, &ReservationBooking::created);
        QSignalSpy failed(&booking, &ReservationBooking::failed);
        const QString email = QStringLiteral("dropped@example.com");
        const QJsonObject payload = BookingFixture::bookingBody(m_slot, 2, email);

        proxy.setDropping(true);
        booking.submit(payload);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY(proxy.droppedAnswers() >= 1);
        proxy.setDropping(false);
        QVERIFY(failed.first().at(1).toBool());          // retryable
        QCOMPARE(reservationCount(*m_server, email), 1); // the server did book
        const QByteArray firstKey = booking.currentKey();

        booking.submit(payload); // "Try again"
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 60000);
        QCOMPARE(booking.currentKey(), firstKey);
        QCOMPARE(reservationCount(*m_server, email), 1); // replayed, not booked again

        booking.submit(payload); // a new booking after a success: a new key
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 2, 60000);
        QVERIFY(booking.currentKey() != firstKey);
        QCOMPARE(reservationCount(*m_server, email), 2);
    }

    void aChangedPayloadGetsANewKey()
    {
        ReservationBooking booking(*m_api);
        QSignalSpy failed(&booking, &ReservationBooking::failed);
        QJsonObject bad = BookingFixture::bookingBody(m_slot, 1, QStringLiteral("not-an-email"));
        booking.submit(bad);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        const auto error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.status, 400);
        QVERIFY(!failed.first().at(1).toBool()); // definitive
        const QByteArray firstKey = booking.currentKey();
        QSignalSpy created(&booking, &ReservationBooking::created);
        booking.submit(BookingFixture::bookingBody(m_slot, 1, QStringLiteral("fixed@example.com")));
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 60000);
        QVERIFY(booking.currentKey() != firstKey);
    }

    void dialogShowsFieldErrorsAndBooks()
    {
        ProductDirectory products(*m_api);
        NewReservationDialog dialog(*m_api, products);
        dialog.show();
        auto *product = widgetNamed<QComboBox>(&dialog, QStringLiteral("Product"));
        auto *slot = widgetNamed<QComboBox>(&dialog, QStringLiteral("Departure"));
        QTRY_VERIFY_WITH_TIMEOUT(product->count() == 1 && slot->count() == 1, 60000);
        QVERIFY(product->currentText().startsWith(QStringLiteral("Glacier walk")));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer name"))
            ->setText(QStringLiteral("Ana Díaz"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer email"))
            ->setText(QStringLiteral("ana-at-example"));
        QPushButton *book = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Book"))
                book = b;
        QVERIFY(book);
        book->click();
        // The server's message appears under the email field.
        QTRY_VERIFY_WITH_TIMEOUT(book->isEnabled(), 60000);
        bool fieldErrorShown = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            fieldErrorShown |=
                label->isVisible() && label->text().contains(u'@') == false &&
                !label->text().isEmpty() &&
                label->palette().color(QPalette::WindowText) == QColor(0xc0, 0x1c, 0x28);
        QVERIFY(fieldErrorShown);
        QCOMPARE(reservationCount(*m_server, QStringLiteral("ana-at-example")), 0);

        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer email"))
            ->setText(QStringLiteral("ana@example.org"));
        QSignalSpy created(&dialog, &NewReservationDialog::reservationCreated);
        book->click();
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 60000);
        QCOMPARE(created.first().first().toJsonObject().value(u"quantity").toInt(), 1);
        QCOMPARE(reservationCount(*m_server, QStringLiteral("ana@example.org")), 1);
    }

    // A header click sorts on the server, and scrolling then pages in that
    // order; a column the server cannot sort by leaves the order as it is.
    void headersSortOnTheServer()
    {
        ReservationsView view(*m_api);
        view.model()->setPageSize(10);
        view.resize(1000, 300);
        view.show();
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() == 10 && !view.model()->isLoading(),
                                 60000);
        QHeaderView *header = view.table()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

        const auto expected = [this](const QString &order) {
            DbRows q = m_server->superDb().exec(
                QStringLiteral("SELECT id::text FROM reservations WHERE tenant_id = ?::uuid "
                               "ORDER BY ") +
                    order,
                {BookingFixture::idText(m_tenant.id)}, "sorted");
            QStringList ids;
            while (q.next())
                ids << q.value(0).toString();
            return ids;
        };
        const auto shown = [&view] {
            QStringList ids;
            for (int r = 0; r < view.model()->rowCount(); ++r)
                ids << view.model()->item(r).value(u"id").toString();
            return ids;
        };
        const auto loadAll = [&view] {
            for (int i = 0; i < 20 && view.model()->hasMore(); ++i) {
                view.table()->scrollToBottom();
                QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading(), 60000);
                if (view.model()->canFetchMore({}))
                    view.model()->fetchMore({});
                QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading(), 60000);
            }
        };

        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(4) + 5, header->height() / 2));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->sortParameter(), QStringLiteral("amount_minor"),
                                  60000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowCount() > 0, 60000);
        loadAll();
        QCOMPARE(shown(), expected(QStringLiteral("amount_minor, id")));

        header->setSortIndicator(1, Qt::DescendingOrder); // Customer, Z to A
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading() && view.model()->rowCount() > 0, 60000);
        QCOMPARE(view.model()->sortParameter(), QStringLiteral("-customer_name"));
        loadAll();
        QCOMPARE(shown(), expected(QStringLiteral("lower(customer_name) DESC, id DESC")));

        // Seats: not a server sort; nothing reloads, the indicator stays.
        QSignalSpy reloads(view.model(), &QAbstractItemModel::modelReset);
        header->setSortIndicator(3, Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), 1);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(reloads.size(), 0);
    }

    // Changes made by someone else (another desktop, the expiry sweeper, a
    // webhook) reach the page through the change feed, without a refresh.
    void changesMadeElsewhereShowWithoutRefresh()
    {
        ReservationsView view(*m_api);
        view.feed()->setInterval(200);
        view.resize(900, 400);
        view.show();
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(view.feed()->isReady() && view.model()->rowCount() > 0, 60000);
        QSignalSpy reloads(view.model(), &QAbstractItemModel::modelReset);
        const int rows = view.model()->rowCount();

        // Cancelled elsewhere: the row on screen takes its new state.
        const QString first = view.model()->item(0).value(u"id").toString();
        auto staff = m_fixture->clientAs(m_tenant.staffToken);
        QCOMPARE(staff
                     ->request("POST", QStringLiteral("/v1/reservations/") + first +
                                           QStringLiteral("/cancel"))
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->item(0).value(u"status").toString(),
                                  QStringLiteral("cancelled"), 60000);

        // Booked elsewhere: it appears on top.
        const TestResponse booked = BookingFixture::book(
            *staff, BookingFixture::bookingBody(m_slot, 2, QStringLiteral("walk-in@example.com")),
            QUuid::createUuid().toByteArray());
        QCOMPARE(booked.status, 201);
        const QString id = booked.json().value(u"id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->item(0).value(u"id").toString(), id, 60000);
        QCOMPARE(view.model()->rowCount(), rows + 1);
        QCOMPARE(reloads.size(), 0);

        // Hidden, the page stops polling; shown again, it catches up.
        view.hide();
        QCOMPARE(staff
                     ->request("POST",
                               QStringLiteral("/v1/reservations/") + id + QStringLiteral("/cancel"))
                     .status,
                 200);
        QTest::qWait(600);
        QCOMPARE(view.model()->item(0).value(u"status").toString(),
                 QStringLiteral("pending_payment"));
        view.show();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->item(0).value(u"status").toString(),
                                  QStringLiteral("cancelled"), 60000);
    }

    void cancelFromTheDetailPaneAfterConfirming()
    {
        ReservationsView view(*m_api);
        view.resize(1100, 500);
        view.show();
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(view.feed()->isReady() && view.model()->rowCount() > 0, 60000);
        int row = -1;
        for (int r = 0; r < view.model()->rowCount() && row < 0; ++r) {
            if (view.model()->item(r).value(u"status").toString() == u"pending_payment")
                row = r;
        }
        QVERIFY(row >= 0);
        const QString id = view.model()->item(row).value(u"id").toString();
        view.table()->setCurrentIndex(view.model()->index(row, 0));
        ReservationDetailPane *detail = view.detailPane();
        QCOMPARE(detail->reservationId(), id);
        QVERIFY(detail->cancelButton()->isEnabled());

        // "Keep it" changes nothing.
        detail->cancelButton()->click();
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = openWindow<QMessageBox>()) != nullptr);
        ask->button(QMessageBox::No)->click();
        QTRY_VERIFY(!openWindow<QMessageBox>());
        QTest::qWait(200);
        QCOMPARE(BookingFixture::statusOf(m_server->appDb(), QUuid::fromString(id)),
                 QStringLiteral("pending_payment"));

        detail->cancelButton()->click();
        QTRY_VERIFY((ask = openWindow<QMessageBox>()) != nullptr);
        ask->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->item(row).value(u"status").toString(),
                                  QStringLiteral("cancelled"), 60000);
        QCOMPARE(BookingFixture::statusOf(m_server->appDb(), QUuid::fromString(id)),
                 QStringLiteral("cancelled"));
        QCOMPARE(detail->statusText(), QStringLiteral("Cancelled"));
        QVERIFY(!detail->cancelButton()->isEnabled());
        QVERIFY(!detail->payButton()->isEnabled());
        // Its history: booked, then cancelled.
        QTRY_COMPARE_WITH_TIMEOUT(detail->trailList()->topLevelItemCount(), 2, 60000);
        QCOMPARE(detail->trailList()->topLevelItem(0)->text(1), QStringLiteral("Booked"));
        QCOMPARE(detail->trailList()->topLevelItem(1)->text(1), QStringLiteral("Cancelled"));
    }

    // A transfer takes the ride's details, checked by the shared validator
    // before anything is sent; what it refuses shows under its field.
    void transferBookingChecksTheRideBeforeSending()
    {
        const QUuid product = m_fixture->createProduct(
            m_tenant.managerToken,
            {{QStringLiteral("name"), QStringLiteral("Airport run")},
             {QStringLiteral("kind"), QStringLiteral("transfer")},
             {QStringLiteral("transfer_kind"), QStringLiteral("airport_pickup")}});
        QVERIFY(!product.isNull());
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(4);
        QVERIFY(!m_fixture->createSlot(m_tenant.managerToken, product, start, 8, 90).isNull());

        ProductDirectory products(*m_api);
        NewReservationDialog dialog(*m_api, products);
        dialog.show();
        auto *productBox = widgetNamed<QComboBox>(&dialog, QStringLiteral("Product"));
        auto *slot = widgetNamed<QComboBox>(&dialog, QStringLiteral("Departure"));
        QTRY_VERIFY_WITH_TIMEOUT(productBox->count() == 2, 60000);
        TransferDetailForm *form = dialog.transferForm();
        productBox->setCurrentIndex(productBox->findData(BookingFixture::idText(m_product)));
        QTRY_VERIFY_WITH_TIMEOUT(slot->count() == 1 && !form->isVisible(), 60000); // no ride
        productBox->setCurrentIndex(productBox->findData(BookingFixture::idText(product)));
        QTRY_COMPARE_WITH_TIMEOUT(slot->count(), 1, 60000);
        QTRY_VERIFY(form->isVisible());
        QVERIFY(widgetNamed<QLineEdit>(form, QStringLiteral("Flight number"))->isVisible());
        QVERIFY(!widgetNamed<QLineEdit>(form, QStringLiteral("Vessel name"))->isVisible());

        widgetNamed<QSpinBox>(&dialog, QStringLiteral("Seats"))->setValue(2);
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer name"))
            ->setText(QStringLiteral("Rui Costa"));
        widgetNamed<QLineEdit>(&dialog, QStringLiteral("Customer email"))
            ->setText(QStringLiteral("rui@example.com"));
        widgetNamed<QLineEdit>(form, QStringLiteral("Pickup place"))
            ->setText(QStringLiteral("GRU Terminal 3"));
        widgetNamed<QLineEdit>(form, QStringLiteral("Drop-off place"))
            ->setText(QStringLiteral("Hotel Unique"));
        widgetNamed<QSpinBox>(form, QStringLiteral("Passengers"))->setValue(3); // > 2 seats
        widgetNamed<QLineEdit>(form, QStringLiteral("Airport code"))->setText(QStringLiteral("gr"));
        widgetNamed<QLineEdit>(form, QStringLiteral("Flight number"))
            ->setText(QStringLiteral("la 3456"));
        const int sent = m_api->pendingCount();
        buttonLabelled(&dialog, QStringLiteral("Book"))->click();
        // Refused here: nothing was sent, each problem under its field.
        QCOMPARE(m_api->pendingCount(), sent);
        QCOMPARE(reservationCount(*m_server, QStringLiteral("rui@example.com")), 0);
        FieldErrors *errors = form->errors();
        QVERIFY(!errors->error(QStringLiteral("trf_detail.passengers")).isEmpty());
        QVERIFY(!errors->error(QStringLiteral("trf_detail.airport_iata")).isEmpty());
        QVERIFY(errors->error(QStringLiteral("trf_detail.flight_number")).isEmpty());
        QVERIFY(errors->error(QStringLiteral("trf_detail.pickup_place")).isEmpty());

        widgetNamed<QSpinBox>(form, QStringLiteral("Passengers"))->setValue(2);
        widgetNamed<QLineEdit>(form, QStringLiteral("Airport code"))
            ->setText(QStringLiteral("gru"));
        QSignalSpy created(&dialog, &NewReservationDialog::reservationCreated);
        buttonLabelled(&dialog, QStringLiteral("Book"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 60000);
        QVERIFY(!errors->hasErrors());
        // Sent normalized, as the server stores it.
        const QJsonObject ride =
            created.first().first().toJsonObject().value(u"trf_detail").toObject();
        QCOMPARE(ride.value(u"airport_iata").toString(), QStringLiteral("GRU"));
        QCOMPARE(ride.value(u"flight_number").toString(), QStringLiteral("LA3456"));
        QCOMPARE(ride.value(u"passengers").toInt(), 2);
        QCOMPARE(ride.value(u"pickup_time").toString(), start.toString(Qt::ISODateWithMs));
        QCOMPARE(reservationCount(*m_server, QStringLiteral("rui@example.com")), 1);
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

QTEST_MAIN(TestReservationsView)
#include "tst_reservationsview.moc"
