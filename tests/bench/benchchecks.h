#pragma once

// Checks every server bench runs after a load: the SQL invariants and the
// audit sealer's backlog.

#include "benchsupport.h"

namespace reserva::bench {

// The payment invariants and the seat invariant over the whole database;
// empty when they hold, else what is broken and how often.
QString invariantViolations(BenchServer &server);

// How far behind the audit sealer is right now (*pending rows), and how long
// until it catches up (*drainMs; -1 if not within two minutes).
void auditBacklog(BenchServer &server, qint64 *pending, qint64 *drainMs);

} // namespace reserva::bench
