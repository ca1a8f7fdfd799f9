#pragma once

#include "stripesignature.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace reserva {

// Pieces shared by the provider signature schemes: header parsing, timestamp
// windows and the constant-time search for a matching MAC. Everything here
// treats its input as attacker-controlled: a webhook route is public and
// authenticates only by these checks (ARCHITECTURE.md, invariants 8 and 12).

// Bounds that keep a hostile header from costing more than a real one: Stripe
// sends one t and at most a few v1 during a rotation; nothing legitimate comes
// close to these.
inline constexpr qsizetype kMaxSignatureHeaderBytes = 8 * 1024;
inline constexpr qsizetype kMaxSignaturesPerHeader = 32;

// The items of a signature list split on `separator`, each trimmed of ASCII
// whitespace, empty items (doubled or trailing separators) dropped.
QList<QByteArrayView> splitSignatureItems(QByteArrayView header, char separator);

// HMAC-SHA256 of `message` under every non-empty secret. An empty secret (an
// unset variable) would make the MAC computable by anyone, so it is skipped:
// it never authenticates anything.
QList<QByteArray> macsUnderEachSecret(const QList<QByteArray> &secrets, QByteArrayView message);

// A "key=value,key=value" signature header (Stripe-Signature, Mercado Pago's
// x-signature), split but NOT verified.
struct KeyValueSignatureHeader
{
    QByteArrayView timestamp; // digits only, exactly as received (a view into the header)
    qint64 timestampValue = 0;
    QList<QByteArrayView> v1; // every v1 value, in order, undecoded
};

// Tolerates spaces around items, keys and values, empty items (a trailing
// comma), repeated v1 and unknown keys (v0, future schemes). nullopt when the
// header is empty or longer than kMaxSignatureHeaderBytes, an item has no '=',
// the timestamp key is missing, repeated or not a plain decimal, there is no
// v1, or there are more than kMaxSignaturesPerHeader v1 values.
std::optional<KeyValueSignatureHeader> parseKeyValueSignatureHeader(QByteArrayView header,
                                                                    QByteArrayView timestampKey);

// A non-negative decimal of 1 to 18 ASCII digits: no sign, no spaces, no
// exponent (so it always fits in a qint64 and has one spelling).
std::optional<qint64> parseTimestampDigits(QByteArrayView text);

// |now - timestamp| <= tolerance, without overflow whatever the inputs.
bool isWithinTolerance(qint64 timestampSeconds, qint64 nowSeconds, qint64 toleranceSeconds);

// Exactly 64 hex digits (either case) to the 32 raw bytes of an HMAC-SHA256;
// nullopt otherwise. QByteArray::fromHex skips invalid characters, so it is
// not used on signatures.
std::optional<QByteArray> decodeHexSha256(QByteArrayView hex);

// True when any candidate equals any expected MAC. Every pair is compared in
// constant time and the loop never stops early, so the time taken depends on
// the counts only, never on how close a forgery came. nullopt candidates (values
// that did not decode) are never compared.
bool anyMacMatches(const QList<QByteArray> &expectedMacs,
                   const QList<std::optional<QByteArray>> &candidates);

// anyMacMatches over hex-encoded candidates (Stripe and Mercado Pago v1
// values). Values that are not exactly 64 hex digits can never match: they are
// dropped before any comparison rather than compared at another length.
bool anyHexMacMatches(const QList<QByteArray> &expectedMacs,
                      const QList<QByteArrayView> &hexValues);

} // namespace reserva
