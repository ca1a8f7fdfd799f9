#pragma once

#include <QStringList>

namespace reserva::cli {

// `reservad config check [--config FILE] [serve's flags]`: loads the
// configuration exactly as `serve` would and starts nothing. Exit 0 with
// "config ok" and a summary (secrets as their size only) on stdout; exit 2
// with one "error: ..." line per problem on stderr.
int configCheckCommand(const QStringList &arguments);

} // namespace reserva::cli
