#pragma once

#include "crypto/ed25519key.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace reserva {

// A JSON Web Key Set (RFC 7517) holding only OKP/Ed25519 verification keys
// (RFC 8037). The key used to verify a token is chosen by kid from this set and
// is always an Ed25519 key: the token's header never chooses the algorithm.
class JwksKeySet
{
public:
    void insert(const QString &kid, const Ed25519PublicKey &key);
    const Ed25519PublicKey *find(const QString &kid) const;
    QStringList kids() const;
    bool isEmpty() const { return m_keys.isEmpty(); }
    qsizetype size() const { return m_keys.size(); }

    // {"keys":[{"kty":"OKP","crv":"Ed25519","x":..,"kid":..,"use":"sig","alg":"EdDSA"}]},
    // keys in kid order so the document is stable.
    QByteArray toJson() const;
    // Parses a JWKS document; entries that are not OKP/Ed25519 signature keys
    // (other kty or crv, "use" other than "sig", "alg" other than EdDSA, bad
    // "x", duplicate kid) are skipped, never trusted. nullopt if not a JWKS.
    static std::optional<JwksKeySet> fromJson(QByteArrayView json);

private:
    QHash<QString, Ed25519PublicKey> m_keys;
};

} // namespace reserva
