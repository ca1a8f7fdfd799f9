#pragma once

#include <QString>

namespace reserva {

class DbConnection;

namespace cli {

struct DemoCredentials
{
    QString adminUser;
    QString adminPassword;
    QString managerUser;
    QString managerPassword;
};

// Seeds a demo tenant, products, 14 days of slots and users on first start
// (when the "demo" tenant does not exist), with random passwords kept in
// <data-dir>/demo-credentials.json (0600) so later starts can print them.
bool seedDemo(DbConnection &db, const QString &dataDir, DemoCredentials *credentials,
              QString *error);

} // namespace cli
} // namespace reserva
