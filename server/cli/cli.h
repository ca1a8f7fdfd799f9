#pragma once

#include <QStringList>

namespace reserva::cli {

// Exit codes: 0 success, 1 failure (or a broken audit chain), 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// `reservad <command> [options]`: serve, migrate, user add, tenant add,
// keys rotate, audit verify; --help, --version.
int run(const QStringList &arguments);

} // namespace reserva::cli
