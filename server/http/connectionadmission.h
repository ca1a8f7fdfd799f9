#pragma once

#include <QtGlobal>

#include <atomic>

namespace reserva {

// The cap on open client connections, and the refusal of one more.
//
// Without a cap the open-file limit is the cap, and reaching it is not a
// clean refusal: accept() fails with EMFILE, QTcpServer then pauses accepting
// for good, and every later client waits in the kernel backlog until it gives
// up, even once the idle connections have gone. So the cap sits below the
// limit (with room for the database connections, outbound provider calls and
// Qt's own descriptors), and a connection over it is answered at once with a
// 503 problem and Retry-After, then closed: its client knows to come back,
// and the connections already open, whose clients are being served, are not
// touched.
class ConnectionAdmission
{
public:
    // `maxConnections`, lowered to fit this process's open-file limit with
    // `workers` worker threads.
    ConnectionAdmission(int maxConnections, int workers);
    Q_DISABLE_COPY_MOVE(ConnectionAdmission)

    int cap() const { return m_cap; }
    int open() const { return m_open.load(std::memory_order_relaxed); }

    // On the acceptor thread: counts the connection in, or false when it is
    // over the cap (then refuse() it).
    bool admit();
    // On a worker thread, once per admitted connection, when it is gone.
    void release() { m_open.fetch_sub(1, std::memory_order_relaxed); }

    // Writes the 503 (plain HTTP only: a TLS client expects a handshake, and
    // gets the close) without blocking, and closes the descriptor.
    static void refuse(qintptr descriptor, bool tls);

    // Raises this process's soft open-file limit to its hard limit (as
    // servers do at start: the soft default of 1024 is for interactive
    // programs). Returns the soft limit in force, or -1 when unlimited or
    // unknown.
    static qint64 raiseOpenFileLimit();

private:
    static qint64 openFileLimit();

    const int m_cap;
    std::atomic<int> m_open{0};
};

} // namespace reserva
