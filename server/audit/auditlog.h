#pragma once

#include "auditevent.h"

namespace reserva {

class DbConnection;

// Writes an audit row with the caller's connection, therefore inside the
// caller's open transaction (invariant 11): the row commits with the action
// or not at all. A trigger queues it for the sealer, which links it into the
// hash chain after commit, so writers never wait on a chain head.
void appendAudit(DbConnection &db, const AuditEvent &event, const QDateTime &at);

} // namespace reserva
