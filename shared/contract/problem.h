#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace reserva {

// Every expected error maps to exactly one of these; problem.cpp holds the one
// table that gives each its HTTP status, RFC 9457 type URI and title.
enum class ProblemType {
    BadRequest,
    ValidationFailed,
    Unauthorized,
    InvalidCredentials,
    InvalidToken,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    Conflict,
    SoldOut,
    IdempotencyKeyInFlight,
    LengthRequired,
    PayloadTooLarge,
    UnsupportedMediaType,
    UnprocessableContent,
    IdempotencyKeyReused,
    // A promotion code that cannot be claimed (issue #5): the whole booking is refused.
    PromoCodeUnknown,
    PromoCodeInactive,
    PromoCodeOutsideWindow,
    PromoCodeNotApplicable,
    PromoMinimumNotMet,
    PromoCodesNotStackable,
    PromoFreeBooking,
    PromoCodeExhausted,
    PromoBudgetExhausted,
    PromoCustomerLimitReached,
    TooManyRequests,
    UriTooLong,
    HeaderFieldsTooLarge,
    InternalError,
    NotImplemented,
    ServiceUnavailable,
};

struct FieldError
{
    QString field;   // JSON pointer-ish path of the offending field: "customer.email"
    QString message; // what is wrong with it, for a human
};

struct ProblemTypeInfo
{
    int status;
    const char *slug; // the last segment of the type URI
    const char *title;
};

// A client-safe description of a failure. `detail` is shown to the client, so
// it must never carry SQL, exception text or internal identifiers: those go to
// the server log under the request id (invariant 13).
struct Problem
{
    ProblemType type = ProblemType::InternalError;
    QString detail;
    QList<FieldError> errors;
    std::optional<int> retryAfterSeconds;

    Problem() = default;
    Problem(ProblemType t, QString d = {})
        : type(t)
        , detail(std::move(d))
    {
    }

    static Problem field(const QString &name, const QString &message);

    int status() const;
    QString typeUri() const;
    QString title() const;

    // The application/problem+json body.
    QJsonObject toJson(const QString &requestId) const;
    // Parses a problem+json body received by a client; nullopt when it is not one.
    static std::optional<Problem> fromJson(const QJsonObject &body, QString *requestId = nullptr);
};

const ProblemTypeInfo &problemTypeInfo(ProblemType type);

} // namespace reserva
