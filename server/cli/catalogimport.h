#pragma once

#include <QStringList>

namespace reserva::cli {

// reservad catalog import --tenant SLUG --provider NAME [--dry-run]
//                         [--format json|csv] [--json] FILE
// Exit 0 when every row was accepted, 1 when a row was rejected or the import
// failed, 2 on a usage error.
int catalogImportCommand(const QStringList &arguments);

} // namespace reserva::cli
