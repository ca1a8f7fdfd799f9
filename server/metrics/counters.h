#pragma once

#include <QtGlobal>

#include <atomic>

namespace reserva {

// Process-wide event counters (exported in Prometheus text format by the
// metrics endpoint). Relaxed atomics: counts, not synchronization.
struct Counters
{
    std::atomic<quint64> identityVerificationDegraded{0};
    std::atomic<quint64> identityVerificationRejected{0};
    std::atomic<quint64> throttledRequests{0};
    std::atomic<quint64> refreshTokenReuseDetected{0};
    std::atomic<quint64> loginFailures{0};
    std::atomic<quint64> auditRowsSealed{0};
    std::atomic<quint64> webhooksRejected{0};
    std::atomic<quint64> webhookProviderUnavailable{0};
    // Refused deliveries over the per-minute recording budget: not stored.
    std::atomic<quint64> webhookRefusalsUnrecorded{0};
    std::atomic<quint64> tlsHandshakesCompleted{0};
    // Connections that never completed their TLS handshake: refused
    // (old protocol, no shared cipher, not TLS at all) or too slow.
    std::atomic<quint64> tlsHandshakesFailed{0};
    std::atomic<quint64> tlsHandshakesTimedOut{0};
    // Connections over the connection cap, answered 503 and closed.
    std::atomic<quint64> connectionsRefused{0};
};

Counters &counters();

} // namespace reserva
