// Hostile HTTP against a real `reservad serve` process, over raw TCP sockets
// (issue 8): request smuggling, oversized and duplicated headers, invalid
// UTF-8, hostile JSON. Every case must get its 4xx (problem+json whenever the
// server can still answer), leave the server serving a normal authenticated
// request right after, and leave the database as it was, table by table
// (DbFingerprint), except for the one row the design says a rejection writes.
// The parser's own rules are unit-tested in tst_httpparser; this suite checks
// that they hold end to end, through the acceptor, the workers and the routes.
#include "abusefixture.h"
#include "bookingfixture.h"

#include <QJsonDocument>
#include <QtTest>

using namespace reserva;
using test::AbuseFixture;
using test::BookingFixture;
using test::DbFingerprint;
using test::TestResponse;

namespace {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const RawHeaders &headers,
                      const QByteArray &body = {})
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n" + body;
}

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toLatin1();
}

} // namespace

class TestAbuse : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AbuseFixture> m_f;

    QByteArray bookingWithQuantity(const QByteArray &quantity) const
    {
        return "{\"slot_id\":\"" + BookingFixture::idText(m_f->slot()).toLatin1() +
               "\",\"customer\":{\"name\":\"Ana\",\"email\":\"ana@example.com\"},"
               "\"quantity\":" +
               quantity + '}';
    }

    QByteArray reservationPath() const
    {
        return "/v1/reservations/" + BookingFixture::idText(m_f->reservationA()).toLatin1();
    }

    // A complete, valid booking by tenant A: what a smuggler hides in a body.
    QByteArray hiddenBooking(const QByteArray &key, bool close = false) const
    {
        const QByteArray body = m_f->bookingJson();
        RawHeaders headers{{"Host", "127.0.0.1"},
                           {"Authorization", bearer(m_f->tenantA().token)},
                           {"Content-Type", "application/json"},
                           {"Idempotency-Key", key},
                           {"Content-Length", QByteArray::number(body.size())}};
        if (close)
            headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
        return rawRequest("POST", "/v1/reservations", headers, body);
    }

    // The checks every framing case ends with: one problem answer, the
    // connection closed by the server, nothing written, the server up.
    void expectRefusedAndClosed(const QByteArray &bytes, int status, const QString &slug)
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const AbuseFixture::RawAnswer answer = m_f->rawExchange(bytes);
        const QString problem = AbuseFixture::isProblem(answer.first, status, slug);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(answer.first.header("connection"), QByteArray("close"));
        QVERIFY2(answer.closedByServer, "the server left the connection open");
        QCOMPARE(answer.responses, 1); // nothing after the refusal was read as a request
        const QString unchanged = m_f->unchangedSince(before);
        QVERIFY2(unchanged.isEmpty(), qPrintable(unchanged));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

    // A request the server parses and answers (and may keep the connection
    // for): the answer, nothing written, the server up.
    void expectAnsweredUnchanged(const QByteArray &bytes, int status, const QString &slug)
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        const AbuseFixture::RawAnswer answer = m_f->rawExchange(bytes);
        const QString problem = AbuseFixture::isProblem(answer.first, status, slug);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(answer.responses, 1);
        const QString unchanged = m_f->unchangedSince(before);
        QVERIFY2(unchanged.isEmpty(), qPrintable(unchanged));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<AbuseFixture>(QStringLiteral(RESERVAD_PATH));
        const QString error = m_f->setUp();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_f.reset(); }

    // --- request smuggling -------------------------------------------------

    void smuggledRequestIsNeverExecuted_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("slug");
        const RawHeaders base{{"Host", "127.0.0.1"},
                              {"Authorization", bearer(m_f->tenantA().token)},
                              {"Content-Type", "application/json"}};
        auto row = [&](const char *name, const QByteArray &key, const RawHeaders &framing,
                       const QByteArray &body, int status = 400,
                       const QString &slug = QStringLiteral("bad-request")) {
            QTest::newRow(name) << key << rawRequest("POST", "/v1/products", base + framing, body)
                                << status << slug;
        };
        {
            // CL.TE: a front end framing by Content-Length forwards it all; a
            // back end framing by chunks would end at "0" and run the rest.
            const QByteArray key = "smuggle-cl-te";
            const QByteArray body = "0\r\n\r\n" + hiddenBooking(key);
            row("CL.TE", key,
                {{"Content-Length", QByteArray::number(body.size())},
                 {"Transfer-Encoding", "chunked"}},
                body);
        }
        {
            // TE.CL: the reverse; a back end framing by Content-Length reads
            // the chunk size line only and runs the chunk as a request.
            const QByteArray key = "smuggle-te-cl";
            const QByteArray hidden = hiddenBooking(key);
            const QByteArray body =
                QByteArray::number(hidden.size(), 16) + "\r\n" + hidden + "\r\n0\r\n\r\n";
            row("TE.CL", key,
                {{"Transfer-Encoding", "chunked"},
                 {"Content-Length",
                  QByteArray::number(QByteArray::number(hidden.size(), 16).size() + 2)}},
                body);
        }
        {
            // TE.TE: an obfuscated coding one side ignores and the other honours.
            const QByteArray key = "smuggle-te-obfuscated";
            const QByteArray body = "0\r\n\r\n" + hiddenBooking(key);
            row("obfuscated Transfer-Encoding with Content-Length", key,
                {{"Content-Length", QByteArray::number(body.size())},
                 {"Transfer-Encoding", "xchunked"}},
                body);
        }
        {
            const QByteArray key = "smuggle-two-lengths";
            const QByteArray hidden = hiddenBooking(key);
            row("two Content-Lengths", key,
                {{"Content-Length", "0"}, {"Content-Length", QByteArray::number(hidden.size())}},
                hidden);
        }
        {
            const QByteArray key = "smuggle-length-list";
            const QByteArray hidden = hiddenBooking(key);
            row("Content-Length list", key,
                {{"Content-Length", "0, " + QByteArray::number(hidden.size())}}, hidden);
        }
        {
            // Chunked alone is fine, but only with the one coding we speak.
            const QByteArray key = "smuggle-chunked-identity";
            const QByteArray body = "0\r\n\r\n" + hiddenBooking(key);
            row("chunked then identity", key,
                {{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "identity"}}, body, 501,
                QStringLiteral("not-implemented"));
        }
    }

    void smuggledRequestIsNeverExecuted()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, slug);
        expectRefusedAndClosed(bytes, status, slug);
        if (QTest::currentTestFailed())
            return;
        // The control: the hidden request, sent on its own with the same key,
        // is a live booking (201, not a replay): so it never ran before. And
        // the fingerprint sees what it writes.
        const DbFingerprint before = m_f->quiescentFingerprint();
        const AbuseFixture::RawAnswer alone = m_f->rawExchange(hiddenBooking(key, true));
        QVERIFY2(alone.first.status == 201, alone.bytes.constData());
        QVERIFY(alone.first.header("idempotent-replayed").isEmpty());
        const QStringList changed = before.changedTables(DbFingerprint::take(m_f->db()));
        QVERIFY2(changed.contains(QStringLiteral("reservations")) &&
                     changed.contains(QStringLiteral("idempotency_keys")),
                 qPrintable(changed.join(u',')));
    }

    // --- limits --------------------------------------------------------------

    void oversizedHeadsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("slug");
        const RawHeaders auth{{"Host", "127.0.0.1"},
                              {"Authorization", bearer(m_f->tenantA().token)}};
        QTest::newRow("request line over 8 KiB")
            << rawRequest("GET", "/v1/reservations?customer_email=" + QByteArray(9000, 'a'), auth)
            << 414 << QStringLiteral("uri-too-long");

        QTest::newRow("one header over 32 KiB")
            << rawRequest("GET", reservationPath(),
                          auth + RawHeaders{{"X-Filler", QByteArray(40000, 'a')}})
            << 431 << QStringLiteral("header-fields-too-large");
        RawHeaders many = auth;
        for (int i = 0; i < 40; ++i)
            many.append({"X-Filler-" + QByteArray::number(i), QByteArray(1000, 'b')});
        QTest::newRow("headers over 32 KiB in total")
            << rawRequest("GET", reservationPath(), many) << 431
            << QStringLiteral("header-fields-too-large");
        RawHeaders tooMany = auth;
        for (int i = 0; i < 101; ++i)
            tooMany.append({"X-H" + QByteArray::number(i), "1"});
        QTest::newRow("101 headers") << rawRequest("GET", reservationPath(), tooMany) << 431
                                     << QStringLiteral("header-fields-too-large");
    }

    void oversizedHeadsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, slug);
        expectRefusedAndClosed(bytes, status, slug);
    }

    // --- duplicated headers that must be unique -----------------------------

    // Each would be silently accepted (first copy wins) without the check:
    // a second Authorization or Idempotency-Key is a value that one hop
    // believes and another ignores.
    void duplicatedSingletonHeadersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray a = bearer(m_f->tenantA().token);
        const QByteArray b = bearer(m_f->tenantB().token);
        const QByteArray product =
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Duplicate tour")},
                                      {QStringLiteral("kind"), QStringLiteral("tour")},
                                      {QStringLiteral("price_minor"), 100},
                                      {QStringLiteral("currency"), QStringLiteral("BRL")}})
                .toJson(QJsonDocument::Compact);
        const QByteArray booking = m_f->bookingJson();
        const QByteArray bookingLength = QByteArray::number(booking.size());
        QTest::newRow("Host") << rawRequest(
            "GET", reservationPath(),
            {{"Host", "127.0.0.1"}, {"Host", "evil.example"}, {"Authorization", a}});
        QTest::newRow("Authorization")
            << rawRequest("GET", reservationPath(),
                          {{"Host", "127.0.0.1"}, {"Authorization", a}, {"Authorization", b}});
        QTest::newRow("Content-Type")
            << rawRequest("POST", "/v1/products",
                          {{"Host", "127.0.0.1"},
                           {"Authorization", a},
                           {"Content-Type", "application/json"},
                           {"Content-Type", "text/plain"},
                           {"Content-Length", QByteArray::number(product.size())}},
                          product);
        QTest::newRow("Idempotency-Key") << rawRequest("POST", "/v1/reservations",
                                                       {{"Host", "127.0.0.1"},
                                                        {"Authorization", a},
                                                        {"Content-Type", "application/json"},
                                                        {"Idempotency-Key", "dup-key-1"},
                                                        {"Idempotency-Key", "dup-key-2"},
                                                        {"Content-Length", bookingLength}},
                                                       booking);
        QTest::newRow("Idempotency-Key, case differs")
            << rawRequest("POST", "/v1/reservations",
                          {{"Host", "127.0.0.1"},
                           {"Authorization", a},
                           {"Content-Type", "application/json"},
                           {"Idempotency-Key", "dup-key-3"},
                           {"idempotency-key", "dup-key-4"},
                           {"Content-Length", bookingLength}},
                          booking);
        QTest::newRow("Content-Length, different")
            << rawRequest("POST", "/v1/reservations",
                          {{"Host", "127.0.0.1"},
                           {"Authorization", a},
                           {"Content-Type", "application/json"},
                           {"Idempotency-Key", "dup-key-5"},
                           {"Content-Length", bookingLength},
                           {"Content-Length", QByteArray::number(booking.size() - 1)}},
                          booking);
    }

    void duplicatedSingletonHeadersAreRefused()
    {
        QFETCH(QByteArray, bytes);
        expectRefusedAndClosed(bytes, 400, QStringLiteral("bad-request"));
    }

    // RFC 9112 section 3.2: an HTTP/1.1 request without Host, or with a Host
    // that is not a host[:port], gets 400 and is not served, a booking
    // included.
    void missingOrInvalidHostIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray a = bearer(m_f->tenantA().token);
        const QByteArray booking = m_f->bookingJson();
        QTest::newRow("GET without Host")
            << rawRequest("GET", reservationPath(), {{"Authorization", a}});
        QTest::newRow("booking without Host")
            << rawRequest("POST", "/v1/reservations",
                          {{"Authorization", a},
                           {"Content-Type", "application/json"},
                           {"Idempotency-Key", "no-host-1"},
                           {"Content-Length", QByteArray::number(booking.size())}},
                          booking);
        QTest::newRow("Host with a path") << rawRequest(
            "GET", reservationPath(), {{"Host", "127.0.0.1/evil"}, {"Authorization", a}});
        QTest::newRow("Host with userinfo") << rawRequest(
            "GET", reservationPath(), {{"Host", "user@127.0.0.1"}, {"Authorization", a}});
    }

    void missingOrInvalidHostIsRefused()
    {
        QFETCH(QByteArray, bytes);
        expectRefusedAndClosed(bytes, 400, QStringLiteral("bad-request"));
    }

    // The one repetition RFC 9112 section 6.3 lets a server accept: the same
    // Content-Length twice is one length (the request is served).
    void repeatedIdenticalContentLengthIsOneLength()
    {
        const QByteArray booking = m_f->bookingJson();
        const QByteArray length = QByteArray::number(booking.size());
        const AbuseFixture::RawAnswer answer =
            m_f->rawExchange(rawRequest("POST", "/v1/reservations",
                                        {{"Host", "127.0.0.1"},
                                         {"Authorization", bearer(m_f->tenantA().token)},
                                         {"Content-Type", "application/json"},
                                         {"Idempotency-Key", "same-length-twice"},
                                         {"Content-Length", length},
                                         {"Content-Length", length},
                                         {"Connection", "close"}},
                                        booking));
        QVERIFY2(answer.first.status == 201, answer.bytes.constData());
    }

    // --- invalid UTF-8 -------------------------------------------------------

    void invalidUtf8InTheRequestIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<bool>("closes");
        const QByteArray a = bearer(m_f->tenantA().token);
        const RawHeaders get{{"Host", "127.0.0.1"}, {"Authorization", a}, {"Connection", "close"}};
        auto product = [&](const QByteArray &name) -> QByteArray {
            const QByteArray body =
                "{\"name\":\"" + name +
                "\",\"kind\":\"tour\",\"price_minor\":100,\"currency\":\"BRL\"}";
            return rawRequest("POST", "/v1/products",
                              {{"Host", "127.0.0.1"},
                               {"Authorization", a},
                               {"Content-Type", "application/json"},
                               {"Content-Length", QByteArray::number(body.size())},
                               {"Connection", "close"}},
                              body);
        };
        QTest::newRow("JSON string, lone 0xff")
            << product("Tour \xff\xfe") << 400 << QStringLiteral("bad-request") << false;
        QTest::newRow("JSON string, overlong '/'")
            << product("Tour \xc0\xaf") << 400 << QStringLiteral("bad-request") << false;
        QTest::newRow("JSON string, UTF-16 surrogate")
            << product("Tour \xed\xa0\x80") << 400 << QStringLiteral("bad-request") << false;
        QTest::newRow("JSON string, truncated sequence")
            << product("Tour \xe2\x82") << 400 << QStringLiteral("bad-request") << false;
        QTest::newRow("raw bytes in the path")
            << rawRequest("GET", "/v1/reservations/\xff\xfe", get) << 400
            << QStringLiteral("bad-request") << true;
        // Percent-encoded, the bytes are valid HTTP; decoded, not UTF-8.
        QTest::newRow("percent-encoded invalid UTF-8 in the path")
            << rawRequest("GET", "/v1/reservations/%ff%fe", get) << 400
            << QStringLiteral("bad-request") << true;
        QTest::newRow("percent-encoded overlong '/' in the path")
            << rawRequest("GET", "/v1/reservations/..%c0%af..%c0%afaudit", get) << 400
            << QStringLiteral("bad-request") << true;
        QTest::newRow("raw bytes in the query")
            << rawRequest("GET", "/v1/reservations?status=\xff", get) << 400
            << QStringLiteral("bad-request") << true;
        QTest::newRow("percent-encoded invalid UTF-8 in a query filter")
            << rawRequest("GET", "/v1/reservations?status=%ff%c0%af", get) << 400
            << QStringLiteral("bad-request") << true;
        // A free-text filter used to search for U+FFFD and answer 200.
        QTest::newRow("percent-encoded invalid UTF-8 in a free-text filter")
            << rawRequest("GET", "/v1/reservations?customer_email=%ff%fe", get) << 400
            << QStringLiteral("bad-request") << true;
        QTest::newRow("percent-encoded surrogate in a cursor")
            << rawRequest("GET", "/v1/reservations?after=%ed%a0%80", get) << 400
            << QStringLiteral("bad-request") << true;
        const QByteArray booking = m_f->bookingJson();
        QTest::newRow("Idempotency-Key with bytes over 0x7f")
            << rawRequest("POST", "/v1/reservations",
                          {{"Host", "127.0.0.1"},
                           {"Authorization", a},
                           {"Content-Type", "application/json"},
                           {"Idempotency-Key", "key-\xff\xfe-\xc0\xaf"},
                           {"Content-Length", QByteArray::number(booking.size())},
                           {"Connection", "close"}},
                          booking)
            << 400 << QStringLiteral("bad-request") << false;
    }

    void invalidUtf8InTheRequestIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, slug);
        QFETCH(bool, closes);
        if (closes)
            expectRefusedAndClosed(bytes, status, slug);
        else
            expectAnsweredUnchanged(bytes, status, slug);
    }

    // --- hostile JSON --------------------------------------------------------

    // POST /v1/products is not idempotent: a refused body writes nothing at all.
    // Numbers a double cannot hold (1e400, 1e-400, 10k digits) fail the parse
    // (bad-request); those it holds inexactly (beyond 2^53) or that are not
    // integers fail the field (validation-failed): none is ever rounded.
    void hostileProductJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("slug");
        const QByteArray head =
            "{\"name\":\"Hostile tour\",\"kind\":\"tour\",\"currency\":\"BRL\",";
        auto price = [&](const QByteArray &value) -> QByteArray {
            return head + "\"price_minor\":" + value + '}';
        };
        QTest::newRow("100k nested arrays")
            << QByteArray(100000, '[') << QStringLiteral("bad-request");
        QTest::newRow("100k nested arrays in a field")
            << QByteArray(head + "\"price_minor\":1,\"description\":" + QByteArray(100000, '['))
            << QStringLiteral("bad-request");
        QTest::newRow("100k nested objects")
            << QByteArray(QByteArray("{\"a\":").repeated(50000) + "1" + QByteArray(50000, '}'))
            << QStringLiteral("bad-request");
        QTest::newRow("price 1e400") << price("1e400") << QStringLiteral("bad-request");
        QTest::newRow("price -1e400") << price("-1e400") << QStringLiteral("bad-request");
        QTest::newRow("price 2^64")
            << price("18446744073709551616") << QStringLiteral("validation-failed");
        QTest::newRow("price 2^63")
            << price("9223372036854775808") << QStringLiteral("validation-failed");
        QTest::newRow("price 2^53 + 1")
            << price("9007199254740993") << QStringLiteral("validation-failed");
        QTest::newRow("price 10k digits")
            << price(QByteArray(10000, '9')) << QStringLiteral("bad-request");
        QTest::newRow("price 1e-400") << price("1e-400") << QStringLiteral("bad-request");
        QTest::newRow("price fractional") << price("150.5") << QStringLiteral("validation-failed");
        QTest::newRow("price negative") << price("-1") << QStringLiteral("validation-failed");
        QTest::newRow("price as a string")
            << price("\"15050\"") << QStringLiteral("validation-failed");
        QTest::newRow("price as a bool") << price("true") << QStringLiteral("validation-failed");
        QTest::newRow("price as an array")
            << price("[15050]") << QStringLiteral("validation-failed");
        QTest::newRow("price as an object")
            << price("{\"minor\":15050}") << QStringLiteral("validation-failed");
        QTest::newRow("NaN") << price("NaN") << QStringLiteral("bad-request");
        QTest::newRow("Infinity") << price("Infinity") << QStringLiteral("bad-request");
        QTest::newRow("leading zeros") << price("015050") << QStringLiteral("bad-request");
        QTest::newRow("name as a number")
            << QByteArray("{\"name\":1,\"kind\":\"tour\",\"currency\":\"BRL\",\"price_minor\":1}")
            << QStringLiteral("validation-failed");
        QTest::newRow("top level array")
            << QByteArray("[{\"name\":\"x\"}]") << QStringLiteral("bad-request");
        QTest::newRow("trailing garbage")
            << QByteArray(price("1") + "}") << QStringLiteral("bad-request");
        QTest::newRow("NUL in a string")
            << QByteArray("{\"name\":\"a\\u0000b\",\"kind\":\"tour\",\"currency\":\"BRL\","
                          "\"price_minor\":1}")
            << QStringLiteral("validation-failed");
    }

    void hostileProductJsonIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, slug);
        const DbFingerprint before = m_f->quiescentFingerprint();
        auto http = m_f->client(m_f->tenantA().token);
        const TestResponse r = http->request("POST", QStringLiteral("/v1/products"), body,
                                             {{"Content-Type", "application/json"}});
        const QString problem = AbuseFixture::isProblem(r, 400, slug);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString unchanged = m_f->unchangedSince(before);
        QVERIFY2(unchanged.isEmpty(), qPrintable(unchanged));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

    // POST /v1/reservations runs under its Idempotency-Key, and the design
    // stores every non-5xx answer under it (invariant 5: a repeat gets the
    // original answer): a refused body writes exactly that key's row, with
    // its 400, and nothing else.
    void hostileBookingJsonWritesOnlyItsIdempotencyRecord_data()
    {
        QTest::addColumn<QByteArray>("quantity");
        QTest::addColumn<QString>("slug");
        QTest::newRow("1e400") << QByteArray("1e400") << QStringLiteral("bad-request");
        QTest::newRow("2^64") << QByteArray("18446744073709551616")
                              << QStringLiteral("validation-failed");
        QTest::newRow("-0") << QByteArray("-0") << QStringLiteral("validation-failed");
        QTest::newRow("10k digits") << QByteArray(10000, '1') << QStringLiteral("bad-request");
        QTest::newRow("1.5") << QByteArray("1.5") << QStringLiteral("validation-failed");
        QTest::newRow("string") << QByteArray("\"1\"") << QStringLiteral("validation-failed");
        QTest::newRow("null") << QByteArray("null") << QStringLiteral("validation-failed");
        QTest::newRow("101") << QByteArray("101") << QStringLiteral("validation-failed");
        QTest::newRow("100k nested arrays")
            << QByteArray(100000, '[') << QStringLiteral("bad-request");
    }

    void hostileBookingJsonWritesOnlyItsIdempotencyRecord()
    {
        QFETCH(QByteArray, quantity);
        QFETCH(QString, slug);
        const QByteArray key = "hostile-quantity-" + QByteArray(QTest::currentDataTag()).toHex();
        const DbFingerprint before = m_f->quiescentFingerprint();
        auto http = m_f->client(m_f->tenantA().token);
        const TestResponse r =
            http->request("POST", QStringLiteral("/v1/reservations"), bookingWithQuantity(quantity),
                          {{"Idempotency-Key", key}});
        const QString problem = AbuseFixture::isProblem(r, 400, slug);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString only = m_f->onlyNewRowSince(
            before, QStringLiteral("idempotency_keys"),
            QStringLiteral("t.idempotency_key = ? AND t.response_status = 400"),
            {QString::fromLatin1(key)});
        QVERIFY2(only.isEmpty(), qPrintable(only));
        const QString serves = m_f->serverServes();
        QVERIFY2(serves.isEmpty(), qPrintable(serves));
    }

    // RFC 8259 leaves duplicate names undefined. Qt's parser keeps the LAST
    // value, and every reader of a body here (the route and the idempotency
    // hash) goes through that same parser, so no two of them can disagree on
    // which value counts: the last one is the one validated and used.
    void duplicateJsonKeysAreReadAsTheLastValue()
    {
        const DbFingerprint before = m_f->quiescentFingerprint();
        auto http = m_f->client(m_f->tenantA().token);
        QByteArray body = bookingWithQuantity("1");
        body.chop(1);
        body += ",\"quantity\":1000}";
        const QByteArray key = "duplicate-json-key";
        const TestResponse r = http->request("POST", QStringLiteral("/v1/reservations"), body,
                                             {{"Idempotency-Key", key}});
        const QString problem =
            AbuseFixture::isProblem(r, 400, QStringLiteral("validation-failed"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.body.contains("quantity"), r.body.constData());
        const QString only = m_f->onlyNewRowSince(
            before, QStringLiteral("idempotency_keys"),
            QStringLiteral("t.idempotency_key = ? AND t.response_status = 400"),
            {QString::fromLatin1(key)});
        QVERIFY2(only.isEmpty(), qPrintable(only));
        // A client-sent amount hidden behind a duplicate is still refused.
        QByteArray priced = bookingWithQuantity("1");
        priced.chop(1);
        priced += ",\"amount_minor\":1,\"amount_minor\":null}";
        const TestResponse p = http->request("POST", QStringLiteral("/v1/reservations"), priced,
                                             {{"Idempotency-Key", "duplicate-json-amount"}});
        QCOMPARE(p.status, 400);
    }
};

QTEST_GUILESS_MAIN(TestAbuse)
#include "tst_abuse.moc"
