#pragma once

#include <QString>

namespace reserva {

// What the TLS layer established about the client's certificate on the
// connection a request arrived on. The HTTP layer fills it in; a route that
// needs a transport-authenticated caller (a PSP's mutual TLS) decides what to
// require, so the engine knows nothing about any particular route.
struct ClientCertificate
{
    enum class State {
        NotRequested, // plain HTTP, or TLS without a configured client CA
        Absent,       // asked for one; none was presented
        Untrusted,    // presented, but its chain does not verify against the client CA
        Verified,     // its chain verifies against the client CA, for TLS client use
    };

    State state = State::NotRequested;
    QString subject; // the leaf's subject (RFC 2253), when one was presented
    QString failure; // why it is not Verified (OpenSSL's verify error), for the record

    bool verified() const { return state == State::Verified; }
};

} // namespace reserva
