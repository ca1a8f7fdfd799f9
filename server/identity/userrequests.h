#pragma once

#include "core/result.h"
#include "userstore.h"

#include <QJsonObject>

namespace reserva {

// Reading and checking user bodies at the edge (strict JSON: an unknown field
// is a 400). Who may grant what, and which tenant a user lands in, depend on
// the caller and the database: the routes decide those.
namespace userrequests {

struct NewUserRequest
{
    QString username;  // [A-Za-z0-9._@-]{3,64}
    QString password;  // 10..256 characters, hashed by the route
    QStringList roles; // known roles, at least one, none repeated
    QUuid tenantId;    // null when the body names none
    QString documentType;
    QString documentNumber;
};

// POST /v1/users.
Result<NewUserRequest> readCreate(const QJsonObject &body);

struct UserPatch
{
    UserChanges changes; // passwordHash left unset: the route hashes `password`
    std::optional<QString> password;
};

// PATCH /v1/users/{id}: an empty body names no change and is refused.
Result<UserPatch> readChanges(const QJsonObject &body);

} // namespace userrequests
} // namespace reserva
