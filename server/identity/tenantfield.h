#pragma once

#include "principal.h"

#include <QUuid>

namespace reserva {

class JsonObjectReader;

// The tenant a new resource (product, promotion) belongs to, from the body's
// optional "tenant_id": a global caller must name one (a UUID); a partner
// caller gets its own, and naming another is a field error. Null when an
// error was added to `reader`.
QUuid readOwningTenant(JsonObjectReader &reader, const Principal &caller);

} // namespace reserva
