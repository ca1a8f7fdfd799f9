#pragma once

#include <QStringList>

namespace reserva::cli {

// `reservad backup FILE`: a pg_dump custom-format archive of the reserva
// database, written atomically with mode 0600.
int backupCommand(const QStringList &arguments);
// `reservad restore FILE [--force]`: pg_restore in one transaction, then the
// migrations up to this binary's latest.
int restoreCommand(const QStringList &arguments);

} // namespace reserva::cli
