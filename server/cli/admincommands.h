#pragma once

#include <QStringList>

namespace reserva::cli {

int migrateCommand(const QStringList &arguments);
int userAddCommand(const QStringList &arguments);
int tenantAddCommand(const QStringList &arguments);
int keysRotateCommand(const QStringList &arguments);
int auditVerifyCommand(const QStringList &arguments);

} // namespace reserva::cli
