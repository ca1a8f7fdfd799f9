#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace reserva {

// Reading and checking tenant bodies at the edge (strict JSON: an unknown
// field is a 400).
namespace tenantrequests {

struct NewTenant
{
    QString slug; // ^[a-z0-9][a-z0-9-]{1,62}$, nothing after it
    QString name; // trimmed, not blank, at most 200
};

// POST /v1/tenants.
Result<NewTenant> readCreate(const QJsonObject &body);

} // namespace tenantrequests
} // namespace reserva
