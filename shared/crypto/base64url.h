#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace reserva {

// RFC 4648 section 5 without padding, as JOSE uses it (RFC 7515 section 2).
QByteArray base64UrlEncode(QByteArrayView data);
// Strict: rejects padding, characters outside the URL-safe alphabet, an
// impossible length and non-canonical trailing bits, so one value has exactly
// one encoding (no signature malleability through the encoding).
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace reserva
