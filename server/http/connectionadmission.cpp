#include "connectionadmission.h"

#include "contract/problem.h"
#include "httpresponse.h"
#include "metrics/counters.h"

#include <QUuid>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <winsock2.h>
#endif

namespace reserva {

namespace {

// Descriptors kept for everything but client connections: per worker its
// database connection, outbound provider connections and event loop; plus
// the listeners, the background jobs' connection, logs and Qt's own.
int reservedDescriptors(int workers)
{
    return 128 + 8 * qMax(1, workers);
}

} // namespace

ConnectionAdmission::ConnectionAdmission(int maxConnections, int workers)
    : m_cap([&] {
        const qint64 limit = openFileLimit();
        if (limit < 0)
            return qMax(1, maxConnections);
        const qint64 fits = limit - reservedDescriptors(workers);
        return int(qMax<qint64>(1, qMin<qint64>(fits, maxConnections)));
    }())
{
}

bool ConnectionAdmission::admit()
{
    // Only the acceptor thread increments: load-then-add cannot overshoot.
    if (m_open.load(std::memory_order_relaxed) >= m_cap)
        return false;
    m_open.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void ConnectionAdmission::refuse(qintptr descriptor, bool tls)
{
    counters().connectionsRefused++;
#ifdef Q_OS_UNIX
    if (!tls) {
        Problem busy(ProblemType::ServiceUnavailable,
                     QStringLiteral("Too many connections; retry later."));
        busy.retryAfterSeconds = 1;
        const QByteArray bytes =
            HttpResponse::problem(busy, QUuid::createUuid().toString(QUuid::WithoutBraces))
                .serialize(false);
        // Non-blocking: a fresh socket's send buffer takes it whole, and a
        // client that cannot take it loses nothing it had.
#ifdef MSG_NOSIGNAL
        constexpr int flags = MSG_DONTWAIT | MSG_NOSIGNAL;
#else
        constexpr int flags = MSG_DONTWAIT; // macOS: Qt already ignores SIGPIPE
#endif
        (void)::send(int(descriptor), bytes.constData(), size_t(bytes.size()), flags);
        ::shutdown(int(descriptor), SHUT_WR);
        // A request already received and left unread would turn the close
        // into a reset, which may destroy the answer before it is read:
        // take what is there (a bounded amount: this is the acceptor).
        char scratch[4096];
        for (int i = 0; i < 4 && ::recv(int(descriptor), scratch, sizeof scratch, MSG_DONTWAIT) > 0;
             ++i) {
        }
    }
    ::close(int(descriptor));
#elif defined(Q_OS_WIN)
    Q_UNUSED(tls);
    ::closesocket(SOCKET(descriptor));
#endif
}

qint64 ConnectionAdmission::openFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return -1;
    return qint64(limit.rlim_cur);
#else
    return -1; // Windows: no per-process descriptor limit of this kind
#endif
}

qint64 ConnectionAdmission::raiseOpenFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &limit); // macOS may refuse above OPEN_MAX: keep the old
    }
#endif
    return openFileLimit();
}

} // namespace reserva
