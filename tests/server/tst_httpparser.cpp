// The HTTP/1.1 request parser on its own, without sockets or a database: the
// limits that bound what a client can make the server buffer, and the
// strictness that closes request-smuggling ambiguities (RFC 9112 sections 2.2,
// 5, 6 and 7). Every case feeds raw bytes the way a socket would.
#include "http/httprequestparser.h"

#include <QtTest>

using namespace reserva;

namespace {

using State = HttpRequestParser::State;

// What one request's worth of feeding produced.
struct Outcome
{
    State state = State::NeedMore;
    HttpRequest request;
    Problem error;
    int headersCompleteCount = 0; // how often feed() said HeadersComplete
};

// Feeds `buffer` until the parser needs more bytes, completes a request or
// fails; HeadersComplete only tells the caller it could send "100 Continue",
// so it keeps going. Whatever the parser did not need stays in `buffer`.
Outcome feedAll(HttpRequestParser &parser, QByteArray &buffer)
{
    Outcome out;
    for (;;) {
        out.state = parser.feed(buffer);
        if (out.state == State::HeadersComplete) {
            ++out.headersCompleteCount;
            if (buffer.isEmpty())
                return out;
            continue;
        }
        if (out.state == State::Complete)
            out.request = parser.takeRequest();
        else if (out.state == State::Error)
            out.error = parser.error();
        return out;
    }
}

Outcome parse(QByteArray bytes, QByteArray *rest = nullptr, HttpLimits limits = {})
{
    HttpRequestParser parser(limits);
    Outcome out = feedAll(parser, bytes);
    if (rest)
        *rest = bytes;
    return out;
}

int errorStatus(const QByteArray &bytes)
{
    const Outcome out = parse(bytes);
    return out.state == State::Error ? out.error.status() : 0;
}

QByteArray headerLines(int count, int valueBytes)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(valueBytes, 'v') + "\r\n";
    return out;
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesGet()
    {
        const Outcome out = parse(
            "GET /v1/tours?limit=5 HTTP/1.1\r\nHost: example.test\r\nX-Trace-Id: abc\r\n\r\n");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.method, QByteArray("GET"));
        QCOMPARE(out.request.target, QByteArray("/v1/tours?limit=5"));
        QCOMPARE(out.request.path, QStringLiteral("/v1/tours"));
        QCOMPARE(out.request.httpMinorVersion, 1);
        QVERIFY(out.request.keepAlive);
        // Names are lower-cased so lookups do not depend on the client's spelling.
        QCOMPARE(out.request.header("host"), QByteArray("example.test"));
        QCOMPARE(out.request.header("x-trace-id"), QByteArray("abc"));
        QVERIFY(out.request.body.isEmpty());
    }

    void parsesPostWithBody()
    {
        QByteArray rest;
        const Outcome out = parse("POST /v1/things HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                  "application/json\r\nContent-Length: 13\r\n\r\n{\"a\":\"hello\"}",
                                  &rest);
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.headersCompleteCount, 1);
        QCOMPARE(out.request.method, QByteArray("POST"));
        QCOMPARE(out.request.body, QByteArray("{\"a\":\"hello\"}"));
        QVERIFY(rest.isEmpty());
    }

    void emptyBodyCompletesWithoutWaiting()
    {
        const Outcome out = parse("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.headersCompleteCount, 0);
    }

    void pipelinedRequestsInOneBuffer()
    {
        QByteArray buffer = "GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
                            "POST /second HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
                            "GET /third HTTP/1.1\r\nHost: t\r\n\r\n"
                            "GET /fourth HTT"; // the fourth is still arriving
        HttpRequestParser parser;
        const QStringList expected{QStringLiteral("/first"), QStringLiteral("/second"),
                                   QStringLiteral("/third")};
        for (const QString &path : expected) {
            const Outcome out = feedAll(parser, buffer);
            QCOMPARE(out.state, State::Complete);
            QCOMPARE(out.request.path, path);
            if (path == QStringLiteral("/second"))
                QCOMPARE(out.request.body, QByteArray("abc"));
        }
        // The partial fourth request is kept, not dropped or misread.
        QCOMPARE(feedAll(parser, buffer).state, State::NeedMore);
        QVERIFY(parser.started());
        buffer += "P/1.1\r\nHost: t\r\n\r\n";
        const Outcome fourth = feedAll(parser, buffer);
        QCOMPARE(fourth.state, State::Complete);
        QCOMPARE(fourth.request.path, QStringLiteral("/fourth"));
        QVERIFY(buffer.isEmpty());
    }

    void byteByByteFeeding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("content-length")
            << QByteArray(
                   "POST /a?b=c HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
            << QByteArray("hello world");
        QTest::newRow("chunked")
            << QByteArray("POST /a HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n")
            << QByteArray("hello world");
        QTest::newRow("bare LF line ends")
            << QByteArray("POST /a HTTP/1.1\nHost: t\nContent-Length: 2\n\nok") << QByteArray("ok");
    }

    void byteByByteFeeding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, body);
        HttpRequestParser parser;
        QByteArray buffer;
        int headersComplete = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            buffer += bytes.at(i);
            const State state = parser.feed(buffer);
            if (i + 1 < bytes.size()) {
                QVERIFY2(state == State::NeedMore || state == State::HeadersComplete,
                         qPrintable(QStringLiteral("byte %1").arg(i)));
                headersComplete += state == State::HeadersComplete;
                // Nothing is left behind half-parsed: the parser took the byte.
                QVERIFY(buffer.isEmpty() || state == State::NeedMore);
            } else {
                QCOMPARE(state, State::Complete);
            }
        }
        QCOMPARE(headersComplete, 1);
        const HttpRequest request = parser.takeRequest();
        QCOMPARE(request.path, QStringLiteral("/a"));
        QCOMPARE(request.body, body);
    }

    void requestLineTooLong()
    {
        // 414, not a generic 400 (RFC 9112 section 3): the client learns that
        // the target, not its syntax, is the problem.
        const QByteArray target = '/' + QByteArray(9000, 'a');
        QCOMPARE(errorStatus("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n"), 414);
        // Refused as soon as the limit is passed, not buffered until a LF comes.
        QCOMPARE(errorStatus("GET " + target), 414);
        // Just under the limit is fine.
        QCOMPARE(parse("GET /" + QByteArray(8000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n").state,
                 State::Complete);
    }

    void hostIsRequiredInHttp11_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        // RFC 9112 section 3.2: 400 for an HTTP/1.1 request without Host, and
        // for an invalid Host; HTTP/1.0 had no such rule.
        QTest::newRow("1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n") << 400;
        QTest::newRow("1.1 POST without Host")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 0\r\n") << 400;
        QTest::newRow("1.0 without Host") << QByteArray("GET / HTTP/1.0\r\n") << 0;
        QTest::newRow("name and port")
            << QByteArray("GET / HTTP/1.1\r\nHost: api.example.test:8443\r\n") << 0;
        QTest::newRow("IPv6 literal") << QByteArray("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n") << 0;
        QTest::newRow("empty (no authority)") << QByteArray("GET / HTTP/1.1\r\nHost:\r\n") << 0;
        QTest::newRow("space inside") << QByteArray("GET / HTTP/1.1\r\nHost: a b\r\n") << 400;
        QTest::newRow("path in Host") << QByteArray("GET / HTTP/1.1\r\nHost: a/b\r\n") << 400;
        QTest::newRow("userinfo") << QByteArray("GET / HTTP/1.1\r\nHost: user@a\r\n") << 400;
        QTest::newRow("non-ASCII") << QByteArray("GET / HTTP/1.1\r\nHost: caf\xc3\xa9\r\n") << 400;
        QTest::newRow("two Host fields")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n") << 400;
    }

    void hostIsRequiredInHttp11()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QCOMPARE(errorStatus(head + "\r\n"), status);
    }

    void headTooLarge()
    {
        // 40 lines of ~1 KiB: each is fine, together they pass 32 KiB.
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost: t\r\n" + headerLines(40, 1000) + "\r\n"),
                 431);
        // One endless header line is refused before its end arrives.
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost: t\r\nX-Long: " + QByteArray(33 * 1024, 'v')),
                 431);
        QCOMPARE(parse("GET / HTTP/1.1\r\nHost: t\r\n" + headerLines(30, 1000) + "\r\n").state,
                 State::Complete);
    }

    void tooManyHeaders()
    {
        // Host is one of the hundred.
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost: t\r\n" + headerLines(100, 1) + "\r\n"), 431);
        const Outcome hundred =
            parse("GET / HTTP/1.1\r\nHost: t\r\n" + headerLines(99, 1) + "\r\n");
        QCOMPARE(hundred.state, State::Complete);
        QCOMPARE(hundred.request.headers.size(), 100);
    }

    void contentLengthOverLimitIsRefusedBeforeTheBody()
    {
        QByteArray rest;
        const QByteArray someBody(4096, 'b');
        const Outcome out = parse(
            "POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 1048577\r\n\r\n" + someBody, &rest);
        QCOMPARE(out.state, State::Error);
        QCOMPARE(out.error.status(), 413);
        QCOMPARE(out.headersCompleteCount, 0); // so no "100 Continue" invites the body
        QCOMPARE(rest, someBody);              // not a byte of the body was consumed

        // Exactly 1 MiB is allowed: the head is accepted and the body awaited.
        QByteArray exact = "POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 1048576\r\n\r\n";
        HttpRequestParser parser;
        QCOMPARE(parser.feed(exact), State::HeadersComplete);
    }

    void contentLengthWithTransferEncodingIsRefused()
    {
        QCOMPARE(errorStatus("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                 400);
        QCOMPARE(errorStatus("POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                             "Content-Length: 5\r\n\r\n0\r\n\r\n"),
                 400);
        // An empty Transfer-Encoding is still a Transfer-Encoding header: a
        // front end may honour it while we would frame by Content-Length.
        QCOMPARE(errorStatus("POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: \r\n"
                             "Content-Length: 5\r\n\r\nhello"),
                 400);
    }

    void conflictingContentLengthsAreRefused()
    {
        QCOMPARE(errorStatus("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
                             "Content-Length: 6\r\n\r\nhello!"),
                 400);
    }

    void repeatedIdenticalContentLengthIsAccepted()
    {
        const Outcome out = parse("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
                                  "Content-Length: 5\r\n\r\nhello");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.body, QByteArray("hello"));
    }

    // A second copy of a single-valued field is a value one hop believes and
    // another ignores (header() reads the first): refused, whatever the case.
    void duplicatedSingletonHeadersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("Host") << QByteArray("Host");
        QTest::newRow("Authorization") << QByteArray("Authorization");
        QTest::newRow("Content-Type") << QByteArray("Content-Type");
        QTest::newRow("Idempotency-Key") << QByteArray("Idempotency-Key");
        QTest::newRow("Stripe-Signature") << QByteArray("Stripe-Signature");
        QTest::newRow("x-signature") << QByteArray("X-Signature");
        QTest::newRow("x-request-id") << QByteArray("X-Request-Id");
    }

    void duplicatedSingletonHeadersAreRefused()
    {
        QFETCH(QByteArray, name);
        const QByteArray host = name.compare("Host", Qt::CaseInsensitive) == 0 ? "" : "Host: t\r\n";
        QCOMPARE(errorStatus("GET /x HTTP/1.1\r\n" + host + name + ": a\r\n" + name.toLower() +
                             ": b\r\n\r\n"),
                 400);
        // Once is fine; other fields may repeat (RFC 9110 section 5.3).
        QCOMPARE(errorStatus("GET /x HTTP/1.1\r\n" + host + name +
                             ": a\r\nAccept: x\r\nAccept: y\r\n\r\n"),
                 0);
    }

    void invalidContentLength_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("letters") << QByteArray("abc");
        QTest::newRow("negative") << QByteArray("-1");
        QTest::newRow("plus sign") << QByteArray("+5");
        QTest::newRow("hex") << QByteArray("0x10");
        QTest::newRow("two numbers") << QByteArray("5 5");
        QTest::newRow("list") << QByteArray("5,5");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("huge") << QByteArray("99999999999999999999");
    }

    void invalidContentLength()
    {
        QFETCH(QByteArray, value);
        QCOMPARE(errorStatus("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: " + value +
                             "\r\n\r\nhello"),
                 400);
    }

    void obsoleteLineFoldingIsRefused()
    {
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost: t\r\nX-A: one\r\n two\r\n\r\n"), 400);
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost: t\r\nX-A: one\r\n\ttwo\r\n\r\n"), 400);
    }

    void whitespaceBeforeColonIsRefused()
    {
        // RFC 9112 section 5.1: a server MUST reject it (it smuggles a
        // Transfer-Encoding past proxies that trim the name).
        QCOMPARE(errorStatus(
                     "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n"),
                 400);
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost\t: x\r\n\r\n"), 400);
    }

    void bareCarriageReturnIsRefused()
    {
        // A bad request, not an oversized one.
        QCOMPARE(errorStatus("GET / HTTP/1.1\r\nHost: t\r\nX-A: one\rX-B: two\r\n\r\n"), 400);
        QCOMPARE(errorStatus("GET / HTTP/1.1\rX-A: one\r\n\r\n"), 400);
        QCOMPARE(errorStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "5\r\nhello\r\n0\r\rX: y\r\n\r\n"),
                 400);
    }

    void unknownTransferCodingIsNotImplemented()
    {
        QCOMPARE(errorStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n"), 501);
        QCOMPARE(
            errorStatus("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
            501);
    }

    void chunkedBodyIsDecoded()
    {
        QByteArray rest;
        const Outcome out =
            parse("POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: Chunked\r\n\r\n"
                  "5;name=value;flag\r\nhello\r\n"
                  "A\r\n, chunked \r\n"
                  "1 ; spaced=ext\r\n!\r\n"
                  "0\r\nX-Checksum: abc\r\nX-Other: d\r\n\r\n"
                  "GET /next HTTP/1.1\r\nHost: t\r\n\r\n",
                  &rest);
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.body, QByteArray("hello, chunked !"));
        // Trailers are read and dropped: they never become request headers.
        QVERIFY(!out.request.hasHeader("x-checksum"));
        QCOMPARE(rest, QByteArray("GET /next HTTP/1.1\r\nHost: t\r\n\r\n"));
    }

    void malformedChunksAreRefused()
    {
        const QByteArray head = "POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
        QCOMPARE(errorStatus(head + "z\r\nhello\r\n0\r\n\r\n"), 400);
        QCOMPARE(errorStatus(head + "5\r\nhello!!\r\n0\r\n\r\n"), 400); // data longer than size
        QCOMPARE(errorStatus(head + "-5\r\nhello\r\n0\r\n\r\n"), 400);
    }

    void chunkedBodyOverLimit()
    {
        const QByteArray head = "POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
        // One chunk announcing more than 1 MiB: refused before its data.
        QCOMPARE(errorStatus(head + "100001\r\n"), 413);
        // Chunks that are each small but together pass 1 MiB.
        const QByteArray half(512 * 1024, 'c');
        QCOMPARE(errorStatus(head + "80000\r\n" + half + "\r\n80000\r\n" + half + "\r\n1\r\n"),
                 413);
        const Outcome exact =
            parse(head + "80000\r\n" + half + "\r\n80000\r\n" + half + "\r\n0\r\n\r\n");
        QCOMPARE(exact.state, State::Complete);
        QCOMPARE(exact.request.body.size(), 1024 * 1024);
    }

    void keepAliveSemantics_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<QByteArray>("connection");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << QByteArray("HTTP/1.1") << QByteArray() << true;
        QTest::newRow("1.1 close") << QByteArray("HTTP/1.1") << QByteArray("close") << false;
        QTest::newRow("1.1 Close") << QByteArray("HTTP/1.1") << QByteArray("Close") << false;
        QTest::newRow("1.1 list with close")
            << QByteArray("HTTP/1.1") << QByteArray("keep-alive, close") << false;
        QTest::newRow("1.1 upgrade") << QByteArray("HTTP/1.1") << QByteArray("upgrade") << true;
        QTest::newRow("1.0 default") << QByteArray("HTTP/1.0") << QByteArray() << false;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("HTTP/1.0") << QByteArray("Keep-Alive") << true;
        QTest::newRow("1.0 list with keep-alive")
            << QByteArray("HTTP/1.0") << QByteArray("foo, keep-alive") << true;
        QTest::newRow("1.0 close") << QByteArray("HTTP/1.0") << QByteArray("close") << false;
    }

    void keepAliveSemantics()
    {
        QFETCH(QByteArray, version);
        QFETCH(QByteArray, connection);
        QFETCH(bool, keepAlive);
        QByteArray bytes = "GET / " + version + "\r\nHost: x\r\n";
        if (!connection.isNull())
            bytes += "Connection: " + connection + "\r\n";
        const Outcome out = parse(bytes + "\r\n");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.httpMinorVersion, version == "HTTP/1.0" ? 0 : 1);
        QCOMPARE(out.request.keepAlive, keepAlive);
    }

    void malformedRequestLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("absolute-form") << QByteArray("GET http://example.test/ HTTP/1.1");
        QTest::newRow("authority-form") << QByteArray("CONNECT example.test:443 HTTP/1.1");
        QTest::newRow("asterisk-form") << QByteArray("OPTIONS * HTTP/1.1");
        QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0");
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1");
        QTest::newRow("missing version") << QByteArray("GET /");
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1");
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1");
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1");
        QTest::newRow("non-ascii target") << QByteArray("GET /\xc3\xa9 HTTP/1.1");
        // Encoded separators would route differently from what is logged.
        QTest::newRow("encoded slash") << QByteArray("GET /v1/users/a%2Fb HTTP/1.1");
        QTest::newRow("encoded slash, lower") << QByteArray("GET /v1/users/a%2fb HTTP/1.1");
        QTest::newRow("encoded NUL") << QByteArray("GET /v1/users/a%00 HTTP/1.1");
        QTest::newRow("encoded backslash") << QByteArray("GET /v1/%5Cusers HTTP/1.1");
        // Percent-encoded bytes that are not UTF-8 would decode to U+FFFD.
        QTest::newRow("encoded 0xff in the path") << QByteArray("GET /v1/a%ff HTTP/1.1");
        QTest::newRow("encoded truncated sequence") << QByteArray("GET /v1/a%e2%82 HTTP/1.1");
        QTest::newRow("encoded overlong in the query") << QByteArray("GET /v1/a?x=%c0%af HTTP/1.1");
        QTest::newRow("encoded surrogate in the query")
            << QByteArray("GET /v1/a?x=%ed%a0%80 HTTP/1.1");
        QTest::newRow("encoded Latin-1 in the query")
            << QByteArray("GET /v1/a?city=S%E3o HTTP/1.1");
    }

    void malformedRequestLines()
    {
        QFETCH(QByteArray, line);
        QCOMPARE(errorStatus(line + "\r\nHost: x\r\n\r\n"), 400);
    }

    void leadingEmptyLinesAreTolerated()
    {
        // RFC 9112 section 2.2: a server SHOULD ignore at least one empty
        // line before the request line (clients sometimes send a stray CRLF
        // after a POST body).
        const Outcome out = parse("\r\n\r\nGET /a HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.path, QStringLiteral("/a"));
    }

    void pathIsPercentDecoded()
    {
        const Outcome out =
            parse("GET /v1/tours/S%C3%A3o%20Paulo/a%2Bb HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.path, QStringLiteral("/v1/tours/S\u00e3o Paulo/a+b"));
        QCOMPARE(out.request.target, QByteArray("/v1/tours/S%C3%A3o%20Paulo/a%2Bb"));
    }

    void queryIsParsed()
    {
        const Outcome out =
            parse("GET /v1/reservations?status=paid&limit=10&after=abc%2Bdef&city=S%C3%A3o%20Paulo"
                  "&empty= HTTP/1.1\r\nHost: t\r\n\r\n");
        QCOMPARE(out.state, State::Complete);
        QCOMPARE(out.request.path, QStringLiteral("/v1/reservations"));
        QCOMPARE(out.request.queryValue(QStringLiteral("status")), QStringLiteral("paid"));
        QCOMPARE(out.request.queryValue(QStringLiteral("limit")), QStringLiteral("10"));
        QCOMPARE(out.request.queryValue(QStringLiteral("after")), QStringLiteral("abc+def"));
        QCOMPARE(out.request.queryValue(QStringLiteral("city")), QStringLiteral("S\u00e3o Paulo"));
        QVERIFY(out.request.query.hasQueryItem(QStringLiteral("empty")));
        QVERIFY(out.request.queryValue(QStringLiteral("missing")).isEmpty());
    }

    void expectContinueIsReportedAtHeadersComplete()
    {
        HttpRequestParser parser;
        QByteArray buffer =
            "POST /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
        QCOMPARE(parser.feed(buffer), State::HeadersComplete);
        QVERIFY(parser.expectsContinue());
        buffer = "ok";
        QCOMPARE(parser.feed(buffer), State::Complete);
        QCOMPARE(parser.takeRequest().body, QByteArray("ok"));
        QVERIFY(!parser.expectsContinue()); // reset for the next request
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
