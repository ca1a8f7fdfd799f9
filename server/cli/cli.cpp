#include "cli.h"

#include "admincommands.h"
#include "backupcommands.h"
#include "catalogimport.h"
#include "commonoptions.h"
#include "configcommand.h"
#include "fakeproviders.h"
#include "log/jsonlog.h"
#include "servecommand.h"
#include "simulatewebhook.h"

namespace reserva::cli {

namespace {

const QString kUsage = QStringLiteral(
    "Usage: reservad <command> [options]\n"
    "\n"
    "Commands:\n"
    "  serve         run the HTTP API server\n"
    "  migrate       apply pending database migrations\n"
    "  user add      create a user (password read from standard input)\n"
    "  tenant add    create a tenant\n"
    "  keys rotate   add a new token signing key and make it current\n"
    "  audit verify  check the audit hash chain (exit 1 on a broken link)\n"
    "  config check  validate serve's configuration (file, environment, flags); exit 2 on "
    "a problem\n"
    "  backup FILE   write a backup of the database (pg_dump custom format, mode 0600)\n"
    "  restore FILE  restore a backup into an empty database (--force: a non-empty one)\n"
    "  catalog import  import a provider's catalog feed (JSON or CSV) into a tenant\n"
    "  simulate-webhook  send a provider's signed webhook for a reservation's payment\n"
    "  fake-providers    serve local stand-ins for Stripe, Mercado Pago and the Pix PSP\n"
    "\n"
    "Every command but fake-providers takes --database URL or --data-dir DIR;\n"
    "`reservad <command> --help` for more.\n"
    "Options: --help, --version\n");

} // namespace

int run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printErr(kUsage);
        return kExitUsage;
    }
    const QString first = args.first();
    if (first == u"--help" || first == u"-h" || first == u"help") {
        printOut(kUsage);
        return kExitOk;
    }
    if (first == u"--version" || first == u"-v") {
        printOut(QStringLiteral("reservad ") + QStringLiteral(RESERVA_VERSION));
        return kExitOk;
    }
    // QCommandLineParser expects the program name first.
    auto rest = [&](int consumed) {
        return QStringList{arguments.first() + u' ' + args.mid(0, consumed).join(u' ')} +
               args.mid(consumed);
    };
    const QString second = args.size() > 1 ? args.at(1) : QString();
    if (first == u"serve")
        return serveCommand(rest(1));
    jsonlog::logToStderr();
    if (first == u"migrate")
        return migrateCommand(rest(1));
    if (first == u"user" && second == u"add")
        return userAddCommand(rest(2));
    if (first == u"tenant" && second == u"add")
        return tenantAddCommand(rest(2));
    if (first == u"keys" && second == u"rotate")
        return keysRotateCommand(rest(2));
    if (first == u"audit" && second == u"verify")
        return auditVerifyCommand(rest(2));
    if (first == u"config" && second == u"check")
        return configCheckCommand(rest(2));
    if (first == u"catalog" && second == u"import")
        return catalogImportCommand(rest(2));
    if (first == u"backup")
        return backupCommand(rest(1));
    if (first == u"restore")
        return restoreCommand(rest(1));
    if (first == u"simulate-webhook")
        return simulateWebhookCommand(rest(1));
    if (first == u"fake-providers")
        return fakeProvidersCommand(rest(1));
    printErr(QStringLiteral("error: unknown command '%1'\n").arg(args.mid(0, 2).join(u' ')) +
             kUsage);
    return kExitUsage;
}

} // namespace reserva::cli
