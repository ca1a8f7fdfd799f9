#include "admincommands.h"

#include "admincontext.h"
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "cli.h"
#include "commonoptions.h"
#include "db/transaction.h"
#include "domain/role.h"
#include "identity/passwordhasher.h"
#include "identity/secretbox.h"
#include "identity/signingkeystore.h"
#include "identity/tokenservice.h"
#include "identity/userstore.h"
#include "tenants/tenantstore.h"

#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace reserva::cli {

namespace {

const QString kCliActor = QStringLiteral("cli");

AuditEvent cliEvent(const QString &action, const QString &resource, const QUuid &tenant = {})
{
    AuditEvent e;
    e.action = action;
    e.actor = kCliActor;
    e.resource = resource;
    e.tenantId = tenant;
    return e;
}

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    QString password = in.readLine();
    return password;
}

} // namespace

int migrateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Apply pending database migrations (a no-op when up to date)."));
    DatabaseOptions db;
    db.addTo(parser);
    int code = kExitOk;
    if (!parseCommand(parser, arguments, &code))
        return code;
    AdminContext ctx;
    QString error;
    if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    printOut(QStringLiteral("database schema is up to date"));
    return kExitOk;
}

int userAddCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create a user; the password is read from standard input (one line)."));
    DatabaseOptions db;
    db.addTo(parser);
    const QCommandLineOption username(QStringLiteral("username"), QStringLiteral("Login name."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption roleOption(
        QStringLiteral("role"),
        QStringLiteral("admin, partner_manager, partner_staff or auditor (repeatable)."),
        QStringLiteral("ROLE"));
    const QCommandLineOption tenant(QStringLiteral("tenant"),
                                    QStringLiteral("Tenant slug (partner roles)."),
                                    QStringLiteral("SLUG"));
    const QCommandLineOption documentType(QStringLiteral("document-type"),
                                          QStringLiteral("Identity document kind."),
                                          QStringLiteral("TYPE"));
    const QCommandLineOption documentNumber(QStringLiteral("document-number"),
                                            QStringLiteral("Identity document number."),
                                            QStringLiteral("NUMBER"));
    parser.addOptions({username, roleOption, tenant, documentType, documentNumber});
    int code = kExitOk;
    if (!parseCommand(parser, arguments, &code))
        return code;
    if (!parser.isSet(username) || !parser.isSet(roleOption))
        return usageError(parser, QStringLiteral("--username and --role are required"));
    const QString name = parser.value(username);
    QStringList roles = parser.values(roleOption);
    roles.removeDuplicates();
    if (!QRegularExpression(QStringLiteral("^[A-Za-z0-9._@-]{3,64}\\z")).match(name).hasMatch())
        return usageError(
            parser, QStringLiteral("the username may hold 3 to 64 letters, digits and . _ @ -"));
    for (const QString &r : std::as_const(roles)) {
        if (!role::isKnown(r))
            return usageError(parser, QStringLiteral("unknown role '%1'").arg(r));
    }
    const bool partner =
        roles.contains(role::kPartnerManager) || roles.contains(role::kPartnerStaff);
    if (partner && !parser.isSet(tenant))
        return usageError(parser, QStringLiteral("partner roles need --tenant"));
    if (roles.contains(role::kAdmin) && (partner || parser.isSet(tenant)))
        return usageError(parser,
                          QStringLiteral("admin is global: no --tenant and no partner roles"));
    if (parser.isSet(documentType) != parser.isSet(documentNumber))
        return usageError(parser,
                          QStringLiteral("--document-type and --document-number go together"));

    const QString password = readPasswordFromStdin();
    if (password.size() < 10 || password.size() > 256) {
        printErr(QStringLiteral(
            "error: the password (read from standard input) must be 10 to 256 characters"));
        return kExitFailure;
    }
    AdminContext ctx;
    QString error;
    if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    return runAdmin([&] {
        QUuid tenantId;
        if (parser.isSet(tenant)) {
            const auto found = tenantstore::findBySlug(ctx.db(), parser.value(tenant));
            if (!found) {
                printErr(
                    QStringLiteral("error: no tenant with slug '%1'").arg(parser.value(tenant)));
                return kExitFailure;
            }
            tenantId = found->id;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Transaction tx(ctx.db());
        const auto created =
            userstore::create(ctx.db(),
                              {name, PasswordHasher::hash(password), roles, tenantId,
                               parser.value(documentType), parser.value(documentNumber)},
                              now);
        if (!created) {
            printErr(QStringLiteral("error: ") + created.problem().detail);
            return kExitFailure;
        }
        AuditEvent event = cliEvent(
            QStringLiteral("user.create"),
            QStringLiteral("user:") + created->view.id.toString(QUuid::WithoutBraces), tenantId);
        event.detail = {{QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
        appendAudit(ctx.db(), event, now);
        tx.commit();
        printOut(QStringLiteral("created user %1 (%2)")
                     .arg(name, created->view.id.toString(QUuid::WithoutBraces)));
        return kExitOk;
    });
}

int tenantAddCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create a tenant (a partner operator)."));
    DatabaseOptions db;
    db.addTo(parser);
    const QCommandLineOption slug(QStringLiteral("slug"),
                                  QStringLiteral("Short unique name: a-z, 0-9, dashes."),
                                  QStringLiteral("SLUG"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Display name."),
                                  QStringLiteral("NAME"));
    parser.addOptions({slug, name});
    int code = kExitOk;
    if (!parseCommand(parser, arguments, &code))
        return code;
    if (!parser.isSet(slug) || !parser.isSet(name))
        return usageError(parser, QStringLiteral("--slug and --name are required"));
    if (!QRegularExpression(QStringLiteral("^[a-z0-9][a-z0-9-]{1,62}\\z"))
             .match(parser.value(slug))
             .hasMatch())
        return usageError(
            parser,
            QStringLiteral("the slug must be 2 to 63 lower-case letters, digits and dashes"));
    const QString displayName = parser.value(name).trimmed();
    if (displayName.isEmpty() || displayName.size() > 200)
        return usageError(parser, QStringLiteral("the name must be 1 to 200 characters"));
    AdminContext ctx;
    QString error;
    if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    return runAdmin([&] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Transaction tx(ctx.db());
        const auto created = tenantstore::create(ctx.db(), parser.value(slug), displayName);
        if (!created) {
            printErr(QStringLiteral("error: ") + created.problem().detail);
            return kExitFailure;
        }
        AuditEvent event = cliEvent(
            QStringLiteral("tenant.create"),
            QStringLiteral("tenant:") + created->id.toString(QUuid::WithoutBraces), created->id);
        event.detail = {{QStringLiteral("slug"), created->slug}};
        appendAudit(ctx.db(), event, now);
        tx.commit();
        printOut(QStringLiteral("created tenant %1 (%2)")
                     .arg(created->slug, created->id.toString(QUuid::WithoutBraces)));
        return kExitOk;
    });
}

int keysRotateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add a new signing key and make it current; the previous key keeps verifying "
        "until the tokens it signed have expired."));
    DatabaseOptions db;
    db.addTo(parser);
    int code = kExitOk;
    if (!parseCommand(parser, arguments, &code))
        return code;
    AdminContext ctx;
    QString error;
    if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    const auto masterKey = loadOrCreateMasterKey(ctx.dataDir(), &error);
    if (!masterKey) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    return runAdmin([&] {
        const SecretBox box(*masterKey);
        const TokenSettings settings;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Transaction tx(ctx.db());
        // A key sealed under another master key (a forgotten --data-dir makes
        // a fresh one) would become the active key that no server can open:
        // every instance would fail at its next start. Prove this master key
        // opens the current key first.
        if (signingkeystore::hasActiveKey(ctx.db()) &&
            !signingkeystore::loadActive(ctx.db(), box)) {
            printErr(QStringLiteral(
                "error: this master key does not open the current signing key; pass the "
                "--data-dir (or RESERVA_MASTER_KEY_FILE) the servers use"));
            return kExitFailure;
        }
        const QString kid = signingkeystore::rotate(
            ctx.db(), box, now, settings.accessTokenSeconds + settings.clockSkewSeconds);
        AuditEvent event =
            cliEvent(QStringLiteral("keys.rotate"), QStringLiteral("signing_key:") + kid);
        event.detail = {{QStringLiteral("kid"), kid}};
        appendAudit(ctx.db(), event, now);
        tx.commit();
        printOut(
            QStringLiteral("new signing key %1 is current; running servers pick it up within 30 s")
                .arg(kid));
        return kExitOk;
    });
}

int auditVerifyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Seal pending audit rows, then walk the hash chain. Exit 0 when intact, "
                       "1 naming the first broken row otherwise."));
    DatabaseOptions db;
    db.addTo(parser);
    int code = kExitOk;
    if (!parseCommand(parser, arguments, &code))
        return code;
    AdminContext ctx;
    QString error;
    if (!ctx.open(db.databaseUrl(parser), db.dataDirectory(parser), &error)) {
        printErr(QStringLiteral("error: ") + error);
        return kExitFailure;
    }
    return runAdmin([&] {
        while (auditchain::sealPending(ctx.db(), 1000) == 1000) {
        }
        const auditchain::Report report = auditchain::verify(ctx.db());
        if (report.intact) {
            printOut(QStringLiteral("audit chain intact: %1 rows verified, %2 not sealed yet")
                         .arg(report.checked)
                         .arg(report.unsealed));
            return kExitOk;
        }
        printOut(QStringLiteral("audit chain BROKEN at position %1 (audit row %2): %3")
                     .arg(report.brokenPosition.value_or(0))
                     .arg(report.brokenAuditId ? QString::number(*report.brokenAuditId)
                                               : QStringLiteral("?"),
                          report.reason));
        return kExitFailure;
    });
}

} // namespace reserva::cli
