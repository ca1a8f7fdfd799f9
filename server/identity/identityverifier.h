#pragma once

#include <QString>
#include <QUrl>

namespace reserva {

class OutboundHttp;

enum class IdentityCheckOutcome {
    Verified,      // the API answered and confirmed the identity
    Rejected,      // the API answered and did not confirm it
    Unavailable,   // the API failed, timed out or answered nonsense: degraded
    NotConfigured, // no verifier, or the user has no document on file
};

QString identityCheckOutcomeName(IdentityCheckOutcome outcome);

struct IdentityDocument
{
    QString type;   // dni, cuit, cpf, passport...
    QString number; // PII: sent to the verification API only, never logged
};

// Checks a person's identity document against an external authority (think
// RENAPER, AFIP, Receita Federal). Pluggable: the server calls this interface.
class IdentityVerifier
{
public:
    virtual ~IdentityVerifier() = default;
    virtual IdentityCheckOutcome check(const IdentityDocument &document,
                                       const QString &requestId) = 0;
};

// The HTTP verifier: POST <base>/v1/identity/verify with
// {"document_type","document_number"} and a bearer API key; 200 with
// {"verified": true|false} is an answer; anything else (timeout, 5xx, a body
// without a boolean "verified") is Unavailable. Never Verified by default.
class HttpIdentityVerifier final : public IdentityVerifier
{
public:
    HttpIdentityVerifier(OutboundHttp &http, QUrl baseUrl, QString apiKey, int timeoutMs);
    IdentityCheckOutcome check(const IdentityDocument &document, const QString &requestId) override;

private:
    OutboundHttp &m_http;
    QUrl m_baseUrl;
    QString m_apiKey;
    int m_timeoutMs;
};

} // namespace reserva
