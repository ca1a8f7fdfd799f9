// GET /metrics on its own listener (Prometheus text format 0.0.4): after
// known traffic through the real API (bookings, an idempotent replay, a
// throttled login, a Stripe webhook applied and one refused), the scraped
// counters moved by exactly that, labelled by route PATTERN; histograms are
// cumulative with _count equal to the requests; every line is valid
// exposition format; the API port does not serve /metrics and the metrics
// port serves nothing else. The metrics are process-wide, so the checks
// compare scrapes taken before and after the traffic.
#include "manualclock.h"
#include "metrics/metricsregistry.h"
#include "paymentfixture.h"

#include <QRegularExpression>
#include <QtTest>

using namespace reserva;
using test::BookingFixture;
using test::Payable;
using test::PaymentFixture;
using test::PaymentSecrets;

namespace {

constexpr int kBookings = 3;
constexpr int kWorkers = 2;

// One scrape: every sample line, keyed by its name and labels exactly as
// rendered, plus the raw text.
struct Scrape
{
    QByteArray text;
    QHash<QByteArray, double> samples;

    double value(const QByteArray &series) const { return samples.value(series, 0); }
};

Scrape parse(const QByteArray &text)
{
    Scrape s;
    s.text = text;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        const QByteArray value = line.mid(space + 1);
        s.samples.insert(line.left(space), value == "+Inf" ? qInf() : value.toDouble());
    }
    return s;
}

QByteArray requests(const QByteArray &route, const QByteArray &method, int status)
{
    return "reserva_http_requests_total{route=\"" + route + "\",method=\"" + method +
           "\",status=\"" + QByteArray::number(status) + "\"}";
}

QByteArray webhooks(const QByteArray &provider, const QByteArray &outcome)
{
    return "reserva_webhook_deliveries_total{provider=\"" + provider + "\",outcome=\"" + outcome +
           "\"}";
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private:
    Scrape scrape()
    {
        test::TestHttpClient http(m_server->server().metricsPort());
        const test::TestResponse r = http.get(QStringLiteral("/metrics"));
        if (r.status != 200)
            qWarning("scrape: %d %s", r.status, r.body.constData());
        return parse(r.body);
    }

    double delta(const Scrape &before, const Scrape &after, const QByteArray &series) const
    {
        return after.value(series) - before.value(series);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::TestServer>(m_clock, [this](ServerConfig &c) {
            c.runBackgroundJobs = false;
            c.workers = kWorkers;
            c.tokens.accessTokenSeconds = 30 * 24 * 3600;
            c.throttle.loginPerAddress = {100000, 60};
            c.throttle.loginFailuresPerUser = {1, 900}; // the second failure is throttled
            c.metrics = ServerConfig::MetricsListen{QHostAddress::LocalHost, 0};
            PaymentFixture::configure(c, m_apis);
        });
        QVERIFY(m_server->server().metricsPort() != 0);
        QVERIFY(m_server->server().metricsPort() != m_server->port());
        m_booking = std::make_unique<BookingFixture>(*m_server);
        m_payments = std::make_unique<PaymentFixture>(*m_server);
        m_tenant = m_booking->addTenant(QStringLiteral("metrics"));
        m_product = m_booking->createProduct(m_tenant.managerToken);
        QVERIFY(!m_product.isNull());
        m_slot =
            m_booking->createSlot(m_tenant.managerToken, m_product, m_clock.now().addDays(3), 50);
        QVERIFY(!m_slot.isNull());
    }
    void cleanupTestCase()
    {
        m_payments.reset();
        m_booking.reset();
        m_server.reset();
    }

    void countsKnownTrafficByRoutePattern()
    {
        m_apis.setNextStripeId(QStringLiteral("pi_3QxMetrics0001"));
        const Payable paid = m_payments->payable(m_tenant, m_slot, QStringLiteral("stripe"));
        QVERIFY(!paid.intent.isNull());

        const Scrape before = scrape();
        QVERIFY(!before.samples.isEmpty());

        // N bookings, then the first one's key again: a replay.
        auto http = m_booking->clientAs(m_tenant.staffToken);
        QList<QUuid> booked;
        for (int i = 0; i < kBookings; ++i) {
            const test::TestResponse r = BookingFixture::book(
                *http, m_slot, 1, QByteArrayLiteral("metrics-key-") + QByteArray::number(i));
            QCOMPARE(r.status, 201);
            booked << QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
        }
        const test::TestResponse replay =
            BookingFixture::book(*http, m_slot, 1, QByteArrayLiteral("metrics-key-0"));
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.header("idempotent-replayed"), QByteArrayLiteral("true"));
        const Scrape afterBookings = scrape();

        const QByteArray created = requests("/v1/reservations", "POST", 201);
        QCOMPARE(delta(before, afterBookings, created), double(kBookings + 1));
        QCOMPARE(delta(before, afterBookings, "reserva_idempotent_replays_total"), 1.0);
        // One slot lock per booking; the replay never reaches the slot.
        QCOMPARE(delta(before, afterBookings, "reserva_slot_lock_wait_seconds_count"),
                 double(kBookings));
        QCOMPARE(delta(before, afterBookings,
                       "reserva_http_request_duration_seconds_count{route=\"/v1/reservations\","
                       "method=\"POST\",status_class=\"2xx\"}"),
                 double(kBookings + 1));

        // A read by id is labelled by its pattern, an unknown path "unmatched".
        QCOMPARE(http->get(QStringLiteral("/v1/reservations/") + BookingFixture::idText(booked[1]))
                     .status,
                 200);
        QCOMPARE(http->get(QStringLiteral("/v1/no-such-thing/") + BookingFixture::idText(booked[2]))
                     .status,
                 404);

        // A wrong password, then the throttle.
        test::TestHttpClient anonymous = m_server->client();
        const QJsonObject wrong{{QStringLiteral("username"), QStringLiteral("metrics-nobody")},
                                {QStringLiteral("password"), QStringLiteral("wrong password")}};
        QCOMPARE(anonymous.post(QStringLiteral("/v1/auth/login"), wrong).status, 401);
        QCOMPARE(anonymous.post(QStringLiteral("/v1/auth/login"), wrong).status, 429);

        // A webhook applied and one refused (a forged signature).
        const QByteArray event = PaymentFixture::stripeEvent(
            QStringLiteral("evt_metrics_1"), QStringLiteral("payment_intent.succeeded"),
            PaymentFixture::stripeIntentObject(paid.ref, paid.amount, QStringLiteral("usd"),
                                               QStringLiteral("succeeded")));
        const test::TestResponse applied = m_payments->postStripeSigned(event, m_clock.now());
        QCOMPARE(applied.status, 200);
        QCOMPARE(PaymentFixture::outcomeOf(applied), QStringLiteral("applied"));
        const test::TestResponse refused = m_payments->postStripeSigned(
            event, m_clock.now(), QByteArrayLiteral("whsec_not_the_secret"));
        QCOMPARE(refused.status, 401);

        const Scrape after = scrape();
        QCOMPARE(delta(before, after, created), double(kBookings + 1));
        QCOMPARE(delta(before, after, requests("/v1/reservations/{id}", "GET", 200)), 1.0);
        QCOMPARE(delta(before, after, requests("unmatched", "GET", 404)), 1.0);
        QCOMPARE(delta(before, after, requests("/v1/auth/login", "POST", 401)), 1.0);
        QCOMPARE(delta(before, after, requests("/v1/auth/login", "POST", 429)), 1.0);
        QCOMPARE(delta(before, after, "reserva_throttled_requests_total"), 1.0);
        QCOMPARE(delta(before, after, requests("/v1/webhooks/stripe", "POST", 200)), 1.0);
        QCOMPARE(delta(before, after, requests("/v1/webhooks/stripe", "POST", 401)), 1.0);
        QCOMPARE(delta(before, after, webhooks("stripe", "applied")), 1.0);
        QCOMPARE(delta(before, after, webhooks("stripe", "refused")), 1.0);
        QCOMPARE(delta(before, after, webhooks("stripe", "duplicate")), 0.0);
        QCOMPARE(delta(before, after, "reserva_idempotent_replays_total"), 1.0);

        // No raw path, id, tenant or customer data in any label.
        for (const QUuid &id : std::as_const(booked))
            QVERIFY(!after.text.contains(BookingFixture::idText(id).toLatin1()));
        QVERIFY(!after.text.contains(BookingFixture::idText(m_tenant.id).toLatin1()));
        QVERIFY(!after.text.contains("example.com"));
        QVERIFY(!after.text.contains("metrics-nobody"));
        QVERIFY(!after.text.contains("no-such-thing"));

        // The pool: one connection per worker, all open, none busy while
        // nothing but the scrape (on its own listener) is running.
        QCOMPARE(after.value("reserva_db_pool_connections{state=\"workers\"}"), double(kWorkers));
        QCOMPARE(after.value("reserva_db_pool_connections{state=\"open\"}"), double(kWorkers));
        QCOMPARE(after.value("reserva_db_pool_connections{state=\"in_use\"}"), 0.0);
    }

    // Every histogram series: buckets cumulative in `le` order, the +Inf
    // bucket equal to _count.
    void histogramsAreCumulative()
    {
        const Scrape s = scrape();
        static const QRegularExpression bucket(
            QStringLiteral("^(\\w+)_bucket\\{(.*?),?le=\"([^\"]+)\"\\} (\\d+)$"));
        QHash<QString, QList<std::pair<double, double>>> series; // name{labels} -> (le, count)
        for (const QByteArray &line : s.text.split('\n')) {
            const auto m = bucket.match(QString::fromUtf8(line));
            if (!m.hasMatch())
                continue;
            const QString le = m.captured(3);
            series[m.captured(1) + u'{' + m.captured(2) + u'}'].append(
                {le == u"+Inf" ? qInf() : le.toDouble(), m.captured(4).toDouble()});
        }
        QVERIFY(series.contains(QStringLiteral(
            "reserva_http_request_duration_seconds{route=\"/v1/reservations\",method=\"POST\","
            "status_class=\"2xx\"}")));
        QVERIFY(series.contains(QStringLiteral("reserva_slot_lock_wait_seconds{}")));
        for (auto it = series.cbegin(); it != series.cend(); ++it) {
            const auto &buckets = it.value();
            QVERIFY2(buckets.size() > 1, qPrintable(it.key()));
            for (qsizetype i = 1; i < buckets.size(); ++i) {
                QVERIFY2(buckets[i].first > buckets[i - 1].first, qPrintable(it.key()));
                QVERIFY2(buckets[i].second >= buckets[i - 1].second, qPrintable(it.key()));
            }
            QVERIFY2(qIsInf(buckets.last().first), qPrintable(it.key()));
            const QString name = it.key().left(it.key().indexOf(u'{'));
            QString labels = it.key().mid(it.key().indexOf(u'{'));
            if (labels == u"{}")
                labels.clear();
            const QByteArray countSeries = (name + QStringLiteral("_count") + labels).toUtf8();
            QVERIFY2(s.samples.contains(countSeries), countSeries.constData());
            QCOMPARE(s.value(countSeries), buckets.last().second);
        }
    }

    // Every line is a HELP, a TYPE or a sample of a declared family.
    void everyLineIsExpositionFormat()
    {
        const Scrape s = scrape();
        QVERIFY(s.text.endsWith('\n'));
        const QString name = QStringLiteral("[a-zA-Z_:][a-zA-Z0-9_:]*");
        const QString label =
            QStringLiteral("[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"");
        const QRegularExpression help(
            QStringLiteral("^# HELP (%1) (?:[^\\\\\\n]|\\\\[\\\\n])*$").arg(name));
        const QRegularExpression type(
            QStringLiteral("^# TYPE (%1) (counter|gauge|histogram|summary|untyped)$").arg(name));
        const QRegularExpression sample(
            QStringLiteral("^(%1)(?:\\{(?:%2(?:,%2)*)?\\})? "
                           "(?:[-+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|[-+]Inf|NaN)$")
                .arg(name, label));
        QHash<QString, QString> types;
        QSet<QString> helped;
        int samples = 0;
        const QList<QByteArray> lines = s.text.chopped(1).split('\n');
        for (const QByteArray &raw : lines) {
            const QString line = QString::fromUtf8(raw);
            if (const auto m = help.match(line); m.hasMatch()) {
                QVERIFY2(!helped.contains(m.captured(1)), qPrintable(line));
                helped.insert(m.captured(1));
                continue;
            }
            if (const auto m = type.match(line); m.hasMatch()) {
                QVERIFY2(!types.contains(m.captured(1)), qPrintable(line));
                types.insert(m.captured(1), m.captured(2));
                continue;
            }
            const auto m = sample.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QString family = m.captured(1);
            if (!types.contains(family)) {
                for (const QString &suffix : {QStringLiteral("_bucket"), QStringLiteral("_sum"),
                                              QStringLiteral("_count")}) {
                    if (family.endsWith(suffix) &&
                        types.value(family.chopped(suffix.size())) == u"histogram")
                        family.chop(suffix.size());
                }
            }
            QVERIFY2(types.contains(family), qPrintable(line));
            if (types.value(family) == u"counter")
                QVERIFY2(family.endsWith(u"_total"), qPrintable(line));
            ++samples;
        }
        QVERIFY(samples > 10);
        for (const QString &family :
             {QStringLiteral("reserva_http_requests_total"),
              QStringLiteral("reserva_http_request_duration_seconds"),
              QStringLiteral("reserva_webhook_deliveries_total"),
              QStringLiteral("reserva_slot_lock_wait_seconds"),
              QStringLiteral("reserva_idempotent_replays_total"),
              QStringLiteral("reserva_throttled_requests_total"),
              QStringLiteral("reserva_identity_verification_degraded_total"),
              QStringLiteral("reserva_db_pool_connections"),
              QStringLiteral("reserva_tls_handshakes_total")}) {
            QVERIFY2(types.contains(family), qPrintable(family));
            QVERIFY2(helped.contains(family), qPrintable(family));
        }
    }

    void labelValuesAreEscaped()
    {
        CounterFamily family("t_total", "a help\\text\nwith a newline", {"v"});
        family.increment({"a\"b\\c\nd"}, 2);
        QByteArray out;
        family.render(out);
        QCOMPARE(out, QByteArrayLiteral("# HELP t_total a help\\\\text\\nwith a newline\n"
                                        "# TYPE t_total counter\n"
                                        "t_total{v=\"a\\\"b\\\\c\\nd\"} 2\n"));
        HistogramFamily histogram("h_seconds", "h", {}, {0.5, 1});
        histogram.observe({}, 0.25);
        histogram.observe({}, 0.75);
        histogram.observe({}, 5);
        out.clear();
        histogram.render(out);
        QCOMPARE(out, QByteArrayLiteral("# HELP h_seconds h\n# TYPE h_seconds histogram\n"
                                        "h_seconds_bucket{le=\"0.5\"} 1\n"
                                        "h_seconds_bucket{le=\"1\"} 2\n"
                                        "h_seconds_bucket{le=\"+Inf\"} 3\n"
                                        "h_seconds_sum 6\n"
                                        "h_seconds_count 3\n"));
    }

    void apiPortDoesNotServeMetrics()
    {
        test::TestHttpClient api = m_server->client();
        const test::TestResponse r = api.get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 404);
        QVERIFY(!r.body.contains("reserva_http_requests_total"));
    }

    void metricsPortServesOnlyMetrics()
    {
        test::TestHttpClient metrics(m_server->server().metricsPort());
        const test::TestResponse ok = metrics.get(QStringLiteral("/metrics"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("content-type"),
                 QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
        // No authentication on this listener, and none of the API on it.
        for (const QString &path : {QStringLiteral("/healthz"), QStringLiteral("/v1/reservations"),
                                    QStringLiteral("/metrics/"), QStringLiteral("/"),
                                    QStringLiteral("/.well-known/jwks.json")}) {
            const test::TestResponse r = metrics.get(path);
            QVERIFY2(r.status == 404, qPrintable(path));
            QVERIFY2(!r.body.contains("reserva_"), qPrintable(path));
        }
        const test::TestResponse post =
            metrics.post(QStringLiteral("/metrics"), QJsonObject{{QStringLiteral("a"), 1}});
        QCOMPARE(post.status, 405);
    }

    // Off loopback only when plain HTTP is allowed, like the API itself.
    void nonLoopbackMetricsNeedAnExplicitAllowance()
    {
        ServerConfig c;
        c.metrics = ServerConfig::MetricsListen{QHostAddress(QStringLiteral("0.0.0.0")), 9464};
        QVERIFY(ReservaServer::transportProblem(c).contains(u"--metrics-listen"));
        c.allowPlainHttp = true;
        QCOMPARE(ReservaServer::transportProblem(c), QString());
        c.allowPlainHttp = false;
        c.metrics->address = QHostAddress::LocalHost;
        QCOMPARE(ReservaServer::transportProblem(c), QString());
        c.metrics.reset();
        QCOMPARE(ReservaServer::transportProblem(c), QString());
    }

private:
    test::ManualClock m_clock;
    test::FakePaymentApis m_apis;
    std::unique_ptr<test::TestServer> m_server;
    std::unique_ptr<BookingFixture> m_booking;
    std::unique_ptr<PaymentFixture> m_payments;
    test::BookingTenant m_tenant;
    QUuid m_product;
    QUuid m_slot;
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
