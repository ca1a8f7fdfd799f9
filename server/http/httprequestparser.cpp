#include "httprequestparser.h"

#include <QStringDecoder>
#include <QUrl>

namespace reserva {

namespace {

// RFC 9110 section 5.6.2 token characters.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values: visible ASCII, obs-text, SP and HTAB; never CR, LF or NUL.
bool isFieldValue(QByteArrayView s)
{
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t')
            return false;
        if (c == 0x7f)
            return false;
    }
    return true;
}

// Percent-decoding must give UTF-8: otherwise the path, a filter or a key
// would silently become U+FFFD (or Latin-1 guesses) and match something
// other than what the client meant.
bool decodesToUtf8(const QByteArray &percentEncoded)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(QByteArray::fromPercentEncoding(percentEncoded));
    Q_UNUSED(decoded)
    return !utf8.hasError();
}

bool parseDecimal(QByteArrayView s, qint64 &out)
{
    if (s.isEmpty() || s.size() > 15)
        return false;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool parseHex(QByteArrayView s, qint64 &out)
{
    if (s.isEmpty() || s.size() > 15)
        return false;
    qint64 v = 0;
    for (char c : s) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        v = v * 16 + d;
    }
    out = v;
    return true;
}

} // namespace

HttpRequestParser::State HttpRequestParser::fail(ProblemType type, const QString &detail)
{
    m_error = Problem(type, detail);
    m_failed = true;
    m_phase = Phase::Done;
    return State::Error;
}

// Host = uri-host [ ":" port ] (RFC 9110 section 7.2, RFC 3986 section 3.2.2):
// a reg-name, an IPv4 address or a bracketed IPv6 literal, or empty (a
// target without an authority). Anything else (spaces, '/', '@', controls)
// is refused rather than passed on to logs and links.
bool HttpRequestParser::isValidHost(const QByteArray &value)
{
    for (const char c : value) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                        c == '%' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' ||
                        c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' ||
                        c == ':' || c == '[' || c == ']';
        if (!ok)
            return false;
    }
    return true;
}

int HttpRequestParser::takeLine(QByteArray &buffer, QByteArray &line, int maxBytes)
{
    const qsizetype lf = buffer.indexOf('\n');
    if (lf < 0)
        return buffer.size() > maxBytes ? -2 : -1;
    if (lf > maxBytes)
        return -2;
    qsizetype end = lf;
    if (end > 0 && buffer.at(end - 1) == '\r')
        --end;
    line = buffer.left(end);
    buffer.remove(0, lf + 1);
    if (m_phase == Phase::RequestLine || m_phase == Phase::Headers)
        m_headBytes += lf + 1;
    // A bare CR inside a line is a smuggling vector (RFC 9112 section 2.2).
    return line.contains('\r') ? -3 : 1;
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty())
        return false;
    const QByteArray &version = parts[2];
    if (version == "HTTP/1.1")
        m_request.httpMinorVersion = 1;
    else if (version == "HTTP/1.0")
        m_request.httpMinorVersion = 0;
    else
        return false;
    m_request.method = parts[0];
    m_request.target = parts[1];
    if (!m_request.target.startsWith('/'))
        return false; // origin-form only: no absolute-form proxying, no '*'
    for (char c : std::as_const(m_request.target)) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return false;
    }
    const qsizetype q = m_request.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? m_request.target : m_request.target.left(q);
    // An encoded slash or NUL would decode into a different path than the
    // one routed and logged: refuse them rather than guess.
    const QByteArray lowerPath = rawPath.toLower();
    if (lowerPath.contains("%2f") || lowerPath.contains("%00") || lowerPath.contains("%5c"))
        return false;
    if (!decodesToUtf8(m_request.target))
        return false;
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0)
        m_request.query = QUrlQuery(QString::fromLatin1(m_request.target.mid(q + 1)));
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return false; // obs-fold
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArray name = line.left(colon);
    if (!isToken(name))
        return false; // includes whitespace before the colon
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isFieldValue(value))
        return false;
    m_request.headers.append({name.toLower(), value});
    return true;
}

HttpRequestParser::State HttpRequestParser::finishHead()
{
    QList<QByteArray> lengths;
    // Presence, not content, decides the framing: an empty Transfer-Encoding
    // beside a Content-Length is as ambiguous as a full one.
    bool hasTransferEncoding = false;
    QByteArray transferEncoding;
    QByteArray connection;
    // Fields that are single values by definition (RFC 9110 sections 7.2, 8.3,
    // 11.6.2; the Idempotency-Key draft; the providers' signature headers and
    // Mercado Pago's signed request id): read through header(), which takes
    // the first, so a second copy would be a value that one component (the
    // server) ignores and another (a proxy, a log, a WAF) may believe.
    QList<QByteArrayView> seenSingletons;
    bool hasHost = false;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name == "host") {
            hasHost = true;
            if (!isValidHost(value))
                return fail(ProblemType::BadRequest, QStringLiteral("The Host header is invalid."));
        }
        if (name == "host" || name == "authorization" || name == "content-type" ||
            name == "idempotency-key" || name == "stripe-signature" || name == "x-signature" ||
            name == "x-request-id") {
            if (seenSingletons.contains(QByteArrayView(name)))
                return fail(ProblemType::BadRequest,
                            QStringLiteral("A header that must be unique appears twice."));
            seenSingletons << QByteArrayView(name);
        }
        if (name == "content-length") {
            lengths << value;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            transferEncoding += (transferEncoding.isEmpty() ? "" : ",") + value.toLower();
        } else if (name == "connection") {
            connection += (connection.isEmpty() ? "" : ",") + value.toLower();
        } else if (name == "expect") {
            m_expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (hasTransferEncoding) {
        if (!lengths.isEmpty())
            return fail(
                ProblemType::BadRequest,
                QStringLiteral("Content-Length and Transfer-Encoding together are refused."));
        if (transferEncoding.replace(' ', "") != "chunked")
            return fail(ProblemType::NotImplemented,
                        QStringLiteral("Only the chunked transfer coding is supported."));
        m_chunked = true;
    }
    if (!lengths.isEmpty()) {
        qint64 length = -1;
        for (const QByteArray &v : std::as_const(lengths)) {
            qint64 parsed = 0;
            if (!parseDecimal(v, parsed) || (length >= 0 && parsed != length))
                return fail(ProblemType::BadRequest, QStringLiteral("Invalid Content-Length."));
            length = parsed;
        }
        if (length > m_limits.maxBodyBytes)
            return fail(
                ProblemType::PayloadTooLarge,
                QStringLiteral("The body may be at most %1 bytes.").arg(m_limits.maxBodyBytes));
        m_contentLength = length;
    }
    // Every HTTP/1.1 request names its host (RFC 9112 section 3.2: a server
    // MUST answer 400 without one): a request that does not was not made by
    // a conforming client, and a proxy in front may have routed it by a host
    // we never see.
    if (m_request.httpMinorVersion >= 1 && !hasHost)
        return fail(ProblemType::BadRequest,
                    QStringLiteral("An HTTP/1.1 request must carry a Host header."));
    // Connection is a comma list with optional whitespace ("keep-alive, close").
    bool close = false;
    bool keepAliveToken = false;
    for (const QByteArray &token : connection.split(',')) {
        close |= token.trimmed() == "close";
        keepAliveToken |= token.trimmed() == "keep-alive";
    }
    m_request.keepAlive = m_request.httpMinorVersion == 1 ? !close : keepAliveToken;

    if (m_chunked) {
        m_phase = Phase::ChunkSize;
    } else if (m_contentLength > 0) {
        // Grow with what actually arrives: a client announcing 1 MiB and then
        // stalling must not pin 1 MiB until the body timeout.
        m_request.body.reserve(qMin<qint64>(m_contentLength, 64 * 1024));
        m_phase = Phase::Body;
    } else {
        m_phase = Phase::Done;
        return State::Complete;
    }
    return State::HeadersComplete;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArray &buffer)
{
    QByteArray line;
    for (;;) {
        switch (m_phase) {
        case Phase::RequestLine: {
            // Tolerate empty lines before a request (RFC 9112 section 2.2).
            while (buffer.startsWith("\r\n") || buffer.startsWith('\n'))
                buffer.remove(0, buffer.startsWith('\n') ? 1 : 2);
            if (buffer.isEmpty())
                return State::NeedMore;
            m_started = true;
            const int r = takeLine(buffer, line, m_limits.maxRequestLineBytes);
            if (r == -1)
                return State::NeedMore;
            // A target longer than we parse is 414 (RFC 9112 section 3).
            if (r == -2)
                return fail(ProblemType::UriTooLong,
                            QStringLiteral("The request line may be at most %1 bytes.")
                                .arg(m_limits.maxRequestLineBytes));
            if (r < -1)
                return fail(ProblemType::BadRequest,
                            QStringLiteral("The request line is invalid."));
            if (!parseRequestLine(line))
                return fail(ProblemType::BadRequest,
                            QStringLiteral("The request line is invalid."));
            m_phase = Phase::Headers;
            break;
        }
        case Phase::Headers: {
            const int remaining = int(qMax<qint64>(0, m_limits.maxHeaderBytes - m_headBytes));
            const int r = takeLine(buffer, line, remaining);
            if (r == -1)
                return State::NeedMore;
            if (r == -3)
                return fail(ProblemType::BadRequest, QStringLiteral("A header line is malformed."));
            if (r == -2 || m_headBytes > m_limits.maxHeaderBytes)
                return fail(ProblemType::HeaderFieldsTooLarge,
                            QStringLiteral("The request headers are too large."));
            if (line.isEmpty())
                return finishHead();
            if (m_request.headers.size() >= m_limits.maxHeaderCount)
                return fail(ProblemType::HeaderFieldsTooLarge,
                            QStringLiteral("The request has too many headers."));
            if (!parseHeaderLine(line))
                return fail(ProblemType::BadRequest, QStringLiteral("A header line is malformed."));
            break;
        }
        case Phase::Body: {
            const qint64 need = m_contentLength - m_request.body.size();
            const qint64 take = qMin<qint64>(need, buffer.size());
            m_request.body.append(buffer.constData(), take);
            buffer.remove(0, take);
            if (m_request.body.size() < m_contentLength)
                return State::NeedMore;
            m_phase = Phase::Done;
            return State::Complete;
        }
        case Phase::ChunkSize: {
            const int r = takeLine(buffer, line, 64);
            if (r == -1)
                return State::NeedMore;
            const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
            qint64 size = 0;
            if (r < -1 ||
                !parseHex(line.left(semicolon < 0 ? line.size() : semicolon).trimmed(), size))
                return fail(ProblemType::BadRequest, QStringLiteral("Invalid chunk size."));
            if (m_request.body.size() + size > m_limits.maxBodyBytes)
                return fail(
                    ProblemType::PayloadTooLarge,
                    QStringLiteral("The body may be at most %1 bytes.").arg(m_limits.maxBodyBytes));
            m_chunkRemaining = size;
            m_phase = size == 0 ? Phase::Trailers : Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qint64 take = qMin<qint64>(m_chunkRemaining, buffer.size());
            m_request.body.append(buffer.constData(), take);
            buffer.remove(0, take);
            m_chunkRemaining -= take;
            if (m_chunkRemaining > 0)
                return State::NeedMore;
            m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd: {
            const int r = takeLine(buffer, line, 2);
            if (r == -1)
                return State::NeedMore;
            if (r < -1 || !line.isEmpty())
                return fail(ProblemType::BadRequest, QStringLiteral("Invalid chunk framing."));
            m_phase = Phase::ChunkSize;
            break;
        }
        case Phase::Trailers: {
            const int r = takeLine(buffer, line, m_limits.maxHeaderBytes);
            if (r == -1)
                return State::NeedMore;
            if (r == -3)
                return fail(ProblemType::BadRequest,
                            QStringLiteral("A trailer line is malformed."));
            m_trailerBytes += line.size() + 2;
            if (r == -2 || m_trailerBytes > m_limits.maxHeaderBytes)
                return fail(ProblemType::HeaderFieldsTooLarge,
                            QStringLiteral("The request trailers are too large."));
            if (line.isEmpty()) { // trailers are read and dropped
                m_phase = Phase::Done;
                return State::Complete;
            }
            break;
        }
        case Phase::Done:
            return m_failed ? State::Error : State::Complete;
        }
    }
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest();
    m_phase = Phase::RequestLine;
    m_headBytes = 0;
    m_contentLength = 0;
    m_chunkRemaining = 0;
    m_trailerBytes = 0;
    m_chunked = false;
    m_expectContinue = false;
    m_started = false;
    m_failed = false;
    m_error = Problem();
    return out;
}

} // namespace reserva
