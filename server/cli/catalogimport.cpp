#include "catalogimport.h"

#include "admincontext.h"
#include "booking/reservationservice.h"
#include "catalog/import/catalogimporter.h"
#include "catalog/import/feedformat.h"
#include "cli.h"
#include "commonoptions.h"
#include "runtime/serverconfig.h"
#include "tenants/tenantstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace reserva::cli {

namespace {

// Larger than the HTTP body limit on purpose: an operator with a big feed
// imports it here, from a file on the server.
constexpr qint64 kMaxFeedBytes = 64LL * 1024 * 1024;

} // namespace

int catalogImportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a provider's catalog feed (JSON or CSV) into a tenant's products and slots.\n"
        "Exit 0: every row accepted; 1: a row was rejected, or the import failed; 2: usage."));
    DatabaseOptions db;
    db.addTo(parser);
    const QCommandLineOption tenant(QStringLiteral("tenant"), QStringLiteral("Tenant slug."),
                                    QStringLiteral("SLUG"));
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        QStringLiteral("Provider name (the feed's source; external ids are unique per provider)."),
        QStringLiteral("NAME"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Report what would change; write nothing."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("json or csv (default: from the file name)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the report as JSON instead of text."));
    parser.addOptions({tenant, provider, dryRun, format, json});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The feed."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments))
        return usageError(parser, parser.errorText());
    if (parser.isSet(help)) {
        printOut(parser.helpText());
        return kExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(parser, QStringLiteral("give exactly one FILE"));
    if (!parser.isSet(tenant) || !parser.isSet(provider))
        return usageError(parser, QStringLiteral("--tenant and --provider are required"));
    const QString providerName = catalogimport::canonicalProvider(parser.value(provider));
    if (providerName.isEmpty())
        return usageError(parser,
                          QStringLiteral("--provider: 1 to 64 letters, digits, '.', '_' or '-'"));
    const QString path = parser.positionalArguments().first();
    QString feedFormat = parser.value(format).toLower();
    if (feedFormat.isEmpty())
        feedFormat = QFileInfo(path).suffix().toLower() == u"csv" ? QStringLiteral("csv")
                                                                  : QStringLiteral("json");
    if (feedFormat != u"json" && feedFormat != u"csv")
        return usageError(parser, QStringLiteral("--format must be json or csv"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printErr(QStringLiteral("error: cannot read %1: %2").arg(path, file.errorString()));
        return kExitFailure;
    }
    if (file.size() > kMaxFeedBytes) {
        printErr(QStringLiteral("error: %1 is larger than %2 MiB")
                     .arg(path)
                     .arg(kMaxFeedBytes / (1024 * 1024)));
        return kExitFailure;
    }
    const QByteArray bytes = file.readAll();
    const auto rows = catalogimport::readFeed(bytes, feedFormat, providerName);
    if (!rows) {
        QString message = rows.problem().detail;
        for (const FieldError &e : rows.problem().errors)
            message += QStringLiteral("\n  %1: %2").arg(e.field, e.message);
        printErr(QStringLiteral("error: the feed cannot be read: %1").arg(message));
        return kExitFailure;
    }

    AdminContext ctx;
    QString error;
    if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    return runAdmin([&] {
        const auto found = tenantstore::findBySlug(ctx.db(), parser.value(tenant));
        if (!found) {
            printErr(QStringLiteral("error: no tenant with slug '%1'").arg(parser.value(tenant)));
            return kExitFailure;
        }
        catalogimport::ImportRequest request;
        request.tenantId = found->id;
        request.provider = providerName;
        request.format = feedFormat;
        request.dryRun = parser.isSet(dryRun);
        request.actor = QStringLiteral("cli");
        // Due holds released on the way are the same holds the server's
        // sweeper would release; the hold length itself plays no part here.
        ReservationService reservations(SystemClock::instance(), ServerConfig().holdSeconds);
        catalogimport::CatalogImporter importer(reservations, SystemClock::instance());
        const catalogimport::ImportReport report = importer.run(ctx.db(), request, *rows);
        if (parser.isSet(json))
            printOut(QString::fromUtf8(QJsonDocument(report.toJson()).toJson()));
        else
            printOut(report.toText().trimmed());
        return report.allAccepted() ? kExitOk : kExitFailure;
    });
}

} // namespace reserva::cli
