#pragma once

#include <QStringList>

namespace reserva::cli {

int serveCommand(const QStringList &arguments);

} // namespace reserva::cli
