#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace reserva {

enum class SignatureCheck {
    Valid,
    Malformed, // header missing, unparsable, no t= or no v1=
    Stale,     // timestamp outside the tolerance (either direction)
    Mismatch,  // no v1 signature matches
};

// Stripe-Signature: "t=<unix>,v1=<hex>[,v1=<hex>...][,v0=...]". The signed
// payload is "<t>.<raw body>" (the exact bytes received, never re-serialized
// JSON), HMAC-SHA256 keyed with the whole "whsec_..." secret, hex-encoded.
// Any v1 may match (secret rotation: several secrets, several v1 values);
// v0 and unknown schemes are ignored. Tolerance applies both ways.
struct StripeSignatureVerifier
{
    QList<QByteArray> secrets; // current and previous whsec_ secrets
    qint64 toleranceSeconds = 300;

    SignatureCheck verify(QByteArrayView header, QByteArrayView rawBody, qint64 nowSeconds) const;
    // Builds a valid header (the simulator and tests use it).
    static QByteArray sign(QByteArrayView secret, QByteArrayView rawBody, qint64 timestamp);
};

} // namespace reserva
