#include "problem.h"

#include <QJsonArray>

#include <array>

namespace reserva {

namespace {

constexpr auto kTypeUriPrefix = "urn:reserva:problem:";

// The one table: order follows the ProblemType enumeration.
constexpr std::array<ProblemTypeInfo, 33> kProblemTypes{{
    {400, "bad-request", "Bad request"},
    {400, "validation-failed", "The request has invalid fields"},
    {401, "unauthorized", "Authentication required"},
    {401, "invalid-credentials", "Invalid username or password"},
    {401, "invalid-token", "The token is invalid or expired"},
    {403, "forbidden", "Not allowed"},
    {404, "not-found", "Not found"},
    {405, "method-not-allowed", "Method not allowed"},
    {408, "request-timeout", "The request took too long to arrive"},
    {409, "conflict", "Conflict"},
    {409, "sold-out", "Sold out"},
    {409, "idempotency-key-in-flight", "A request with this Idempotency-Key is still in progress"},
    {411, "length-required", "Content-Length required"},
    {413, "payload-too-large", "The request body is too large"},
    {415, "unsupported-media-type", "Unsupported media type"},
    {422, "unprocessable-content", "The request cannot be processed"},
    {422, "idempotency-key-reused", "This Idempotency-Key was used with a different request"},
    {422, "promo-code-unknown", "No such promotion code"},
    {422, "promo-code-inactive", "The promotion code is not active"},
    {422, "promo-code-outside-window", "The promotion code is not valid at this time"},
    {422, "promo-code-not-applicable", "The promotion code does not apply to this booking"},
    {422, "promo-minimum-not-met", "The booking is below the promotion's minimum amount"},
    {422, "promo-not-stackable", "These promotion codes cannot be combined"},
    {422, "promo-free-booking", "The discount would make the booking free"},
    {409, "promo-code-exhausted", "The promotion code has no uses left"},
    {409, "promo-budget-exhausted", "The promotion's discount budget is spent"},
    {409, "promo-customer-limit-reached",
     "The customer has used this promotion code up to its limit"},
    {429, "too-many-requests", "Too many requests"},
    {414, "uri-too-long", "The request target is too long"},
    {431, "header-fields-too-large", "The request headers are too large"},
    {500, "internal-error", "Internal server error"},
    {501, "not-implemented", "Not implemented"},
    {503, "service-unavailable", "Service unavailable"},
}};

static_assert(kProblemTypes.size() == static_cast<size_t>(ProblemType::ServiceUnavailable) + 1,
              "every ProblemType needs a row in kProblemTypes");

} // namespace

const ProblemTypeInfo &problemTypeInfo(ProblemType type)
{
    return kProblemTypes.at(static_cast<size_t>(type));
}

Problem Problem::field(const QString &name, const QString &message)
{
    Problem p(ProblemType::ValidationFailed, QStringLiteral("Field '%1': %2").arg(name, message));
    p.errors.append({name, message});
    return p;
}

int Problem::status() const
{
    return problemTypeInfo(type).status;
}

QString Problem::typeUri() const
{
    return QLatin1String(kTypeUriPrefix) + QLatin1String(problemTypeInfo(type).slug);
}

QString Problem::title() const
{
    return QString::fromLatin1(problemTypeInfo(type).title);
}

QJsonObject Problem::toJson(const QString &requestId) const
{
    QJsonObject body{
        {QStringLiteral("type"), typeUri()},
        {QStringLiteral("title"), title()},
        {QStringLiteral("status"), status()},
    };
    if (!detail.isEmpty())
        body.insert(QStringLiteral("detail"), detail);
    if (!requestId.isEmpty())
        body.insert(QStringLiteral("request_id"), requestId);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const FieldError &e : errors)
            list.append(QJsonObject{{QStringLiteral("field"), e.field},
                                    {QStringLiteral("message"), e.message}});
        body.insert(QStringLiteral("errors"), list);
    }
    return body;
}

std::optional<Problem> Problem::fromJson(const QJsonObject &body, QString *requestId)
{
    const QString uri = body.value(QStringLiteral("type")).toString();
    if (!uri.startsWith(QLatin1String(kTypeUriPrefix)))
        return std::nullopt;
    const QString slug = uri.mid(qsizetype(qstrlen(kTypeUriPrefix)));
    for (size_t i = 0; i < kProblemTypes.size(); ++i) {
        if (slug != QLatin1String(kProblemTypes[i].slug))
            continue;
        Problem p(static_cast<ProblemType>(i), body.value(QStringLiteral("detail")).toString());
        const QJsonArray list = body.value(QStringLiteral("errors")).toArray();
        for (const auto &v : list) {
            const QJsonObject e = v.toObject();
            p.errors.append({e.value(QStringLiteral("field")).toString(),
                             e.value(QStringLiteral("message")).toString()});
        }
        if (requestId)
            *requestId = body.value(QStringLiteral("request_id")).toString();
        return p;
    }
    return std::nullopt;
}

} // namespace reserva
