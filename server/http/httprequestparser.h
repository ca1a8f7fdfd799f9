#pragma once

#include "contract/problem.h"
#include "httprequest.h"

namespace reserva {

// Bounds on what one request may make the server buffer.
struct HttpLimits
{
    int maxRequestLineBytes = 8 * 1024;
    int maxHeaderBytes = 32 * 1024; // request line + all header lines
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 1024 * 1024;
};

// Incremental, strict HTTP/1.1 request parser (RFC 9112) with hard limits, so
// nothing unbounded is buffered: the request line and headers are capped, the
// body is refused with 413 from its Content-Length before a byte of it is
// read. Ambiguities that enable request smuggling are errors, not guesses:
// Content-Length together with Transfer-Encoding, conflicting Content-Length
// values, obsolete line folding, whitespace before a header's colon, a second
// Host, Authorization, Content-Type or Idempotency-Key, a target whose
// percent-decoding is not UTF-8.
class HttpRequestParser
{
public:
    using Limits = HttpLimits;

    enum class State { NeedMore, HeadersComplete, Complete, Error };

    explicit HttpRequestParser(Limits limits = {})
        : m_limits(limits)
    {
    }

    // Consumes bytes from the front of `buffer` (what it does not need stays,
    // e.g. a pipelined next request). Returns HeadersComplete once, when the
    // head is parsed but the body is still to come (the caller may answer
    // "Expect: 100-continue" then), and Complete when the request is whole.
    State feed(QByteArray &buffer);

    bool expectsContinue() const { return m_expectContinue; }
    int headHttpMinorVersion() const { return m_request.httpMinorVersion; }
    bool started() const { return m_phase != Phase::RequestLine || m_started; }
    // Valid after Complete; resets the parser for the next request.
    HttpRequest takeRequest();

    // Valid after Error.
    Problem error() const { return m_error; }

private:
    enum class Phase {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done
    };

    State fail(ProblemType type, const QString &detail);
    static bool isValidHost(const QByteArray &value);
    // Extracts one line (without CRLF/LF) if complete; -1 need more, -2 too
    // long, -3 a bare CR inside the line.
    int takeLine(QByteArray &buffer, QByteArray &line, int maxBytes);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    State finishHead();

    Limits m_limits;
    Phase m_phase = Phase::RequestLine;
    HttpRequest m_request;
    qint64 m_headBytes = 0;
    qint64 m_contentLength = 0;
    qint64 m_chunkRemaining = 0;
    bool m_chunked = false;
    bool m_expectContinue = false;
    bool m_started = false;
    bool m_failed = false;
    qint64 m_trailerBytes = 0;
    Problem m_error;
};

} // namespace reserva
