#include "jwks.h"

#include "crypto/base64url.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>

namespace reserva {

void JwksKeySet::insert(const QString &kid, const Ed25519PublicKey &key)
{
    m_keys.insert(kid, key);
}

const Ed25519PublicKey *JwksKeySet::find(const QString &kid) const
{
    const auto it = m_keys.constFind(kid);
    return it == m_keys.constEnd() ? nullptr : &it.value();
}

QStringList JwksKeySet::kids() const
{
    QStringList kids = m_keys.keys();
    std::sort(kids.begin(), kids.end());
    return kids;
}

QByteArray JwksKeySet::toJson() const
{
    QJsonArray keys;
    for (const QString &kid : kids()) {
        const Ed25519PublicKey &key = m_keys.find(kid).value();
        keys.append(QJsonObject{
            {QStringLiteral("kty"), QStringLiteral("OKP")},
            {QStringLiteral("crv"), QStringLiteral("Ed25519")},
            {QStringLiteral("x"), QString::fromLatin1(base64UrlEncode(key.raw()))},
            {QStringLiteral("kid"), kid},
            {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("alg"), QStringLiteral("EdDSA")},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}})
        .toJson(QJsonDocument::Compact);
}

namespace {

// One JWK that may verify our tokens: an OKP key on Ed25519 (RFC 8037 section
// 2) meant for signatures with EdDSA. Anything else is skipped, so a key
// published for another purpose or algorithm can never be used to accept a
// token (RFC 8725 section 3.1: the algorithm is bound to the key).
std::optional<std::pair<QString, Ed25519PublicKey>> acceptedKey(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject jwk = value.toObject();
    const auto stringOf = [&jwk](QLatin1StringView name) -> std::optional<QString> {
        const QJsonValue v = jwk.value(name);
        if (v.isUndefined())
            return QString();
        if (!v.isString())
            return std::nullopt;
        return v.toString();
    };
    const auto kty = stringOf(QLatin1StringView("kty"));
    const auto crv = stringOf(QLatin1StringView("crv"));
    const auto use = stringOf(QLatin1StringView("use"));
    const auto alg = stringOf(QLatin1StringView("alg"));
    const auto kid = stringOf(QLatin1StringView("kid"));
    const auto x = stringOf(QLatin1StringView("x"));
    if (!kty || *kty != QLatin1StringView("OKP") || !crv || *crv != QLatin1StringView("Ed25519"))
        return std::nullopt;
    if (!use || (!use->isEmpty() && *use != QLatin1StringView("sig")))
        return std::nullopt;
    if (!alg || (!alg->isEmpty() && *alg != QLatin1StringView("EdDSA")))
        return std::nullopt;
    // key_ops (RFC 7517 section 4.3), when present, must allow verification.
    if (jwk.contains(QLatin1StringView("key_ops"))) {
        const QJsonValue ops = jwk.value(QLatin1StringView("key_ops"));
        if (!ops.isArray() || !ops.toArray().contains(QJsonValue(QStringLiteral("verify"))))
            return std::nullopt;
    }
    // A published private key ("d") means anyone holding the document can
    // sign: such a key proves nothing and is not trusted.
    if (jwk.contains(QLatin1StringView("d")))
        return std::nullopt;
    // Without a kid a key cannot be selected (tokens must name their key).
    if (!kid || kid->isEmpty() || !x || x->isEmpty())
        return std::nullopt;
    const auto raw = base64UrlDecode(x->toLatin1());
    if (!raw || raw->size() != 32)
        return std::nullopt;
    auto key = Ed25519PublicKey::fromRaw(*raw);
    if (!key)
        return std::nullopt;
    return std::make_pair(*kid, std::move(*key));
}

} // namespace

std::optional<JwksKeySet> JwksKeySet::fromJson(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonValue keysValue = doc.object().value(QLatin1StringView("keys"));
    if (!keysValue.isArray())
        return std::nullopt;

    JwksKeySet set;
    // Two Ed25519 keys under one kid are ambiguous: which one a token meant
    // cannot be known, so neither is trusted (RFC 7517 section 4.5). The same
    // kid on a key of another type is allowed by that section and harmless,
    // since only Ed25519 keys are ever used.
    QSet<QString> duplicated;
    for (const QJsonValue &value : keysValue.toArray()) {
        auto entry = acceptedKey(value);
        if (!entry)
            continue;
        if (duplicated.contains(entry->first))
            continue;
        if (set.m_keys.contains(entry->first)) {
            set.m_keys.remove(entry->first);
            duplicated.insert(entry->first);
            continue;
        }
        set.m_keys.insert(entry->first, std::move(entry->second));
    }
    return set;
}

} // namespace reserva
