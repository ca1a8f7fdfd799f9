#include "configloader.h"

#include "configfile.h"
#include "identity/secretbox.h"
#include "runtime/reservaserver.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSslCertificate>

#include <optional>

namespace reserva {

namespace {

constexpr qint64 kMaxSecretFileBytes = 64 * 1024;

// A secret's file (a systemd credential, a Kubernetes secret volume): its
// content without the trailing newline editors and `echo` add. The messages
// name the path, never the content.
std::optional<QString> readSecretFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.read(kMaxSecretFileBytes + 1);
    if (bytes.size() > kMaxSecretFileBytes) {
        *error = QStringLiteral("%1 is larger than 64 KiB: not a secret").arg(path);
        return std::nullopt;
    }
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.isEmpty()) {
        *error = QStringLiteral("%1 is empty").arg(path);
        return std::nullopt;
    }
    return QString::fromUtf8(bytes);
}

// One setting's value as found in one layer.
struct Found
{
    bool present = false; // this layer decides the setting (even when it failed)
    bool failed = false;  // ... but gave no usable value (problem recorded)
    QString value;
    QString origin; // for the summary: "--listen", "RESERVA_LISTEN", "file:3"
    QString prefix; // for problems: origin plus the key where the origin is a file
};

qsizetype countListValues(const QString &value)
{
    qsizetype n = 0;
    for (const QString &part : value.split(u',')) {
        if (!part.trimmed().isEmpty())
            ++n;
    }
    return n;
}

} // namespace

ConfigLoader::Result ConfigLoader::load(const ConfigInputs &inputs)
{
    Result r;
    // A served reservad exposes its metrics on loopback unless told
    // otherwise (metrics_listen); the embedded server and tests build their
    // ServerConfig directly and leave them off.
    r.config.server.metrics = ServerConfig::MetricsListen{};
    const QProcessEnvironment &env = inputs.environment;

    // The file: --config, else RESERVA_CONFIG (either must exist), else the
    // default location when it exists.
    QString path = inputs.configFile;
    if (path.isEmpty())
        path = env.value(QStringLiteral("RESERVA_CONFIG"));
    const bool explicitFile = !path.isEmpty();
    if (!explicitFile)
        path = kDefaultConfigFile;
    ConfigFile file;
    if (explicitFile || QFileInfo::exists(path)) {
        file = ConfigFile::read(path, &r.problems);
        r.file = path;
    }

    QHash<QString, ConfigFile::Entry> fileValues;  // by setting key
    QHash<QString, ConfigFile::Entry> fileSecrets; // <key>_file, by setting key
    for (const ConfigFile::Entry &e : file.entries()) {
        const QString where = file.where(e) + QStringLiteral(": ") + e.key;
        const ConfigSetting *setting = findConfigSetting(e.key);
        const ConfigSetting *secretOf = nullptr;
        if (!setting && e.key.endsWith(QStringLiteral("_file"))) {
            const ConfigSetting *base = findConfigSetting(e.key.chopped(5));
            if (base && base->secret)
                secretOf = base;
        }
        if (!setting && !secretOf) {
            r.problems.append(QStringLiteral("%1: unknown key '%2'").arg(file.where(e), e.key));
            continue;
        }
        if (e.value.isEmpty()) {
            r.problems.append(where + QStringLiteral(": no value (comment the line out to "
                                                     "leave it unset)"));
            continue;
        }
        if (setting)
            fileValues.insert(setting->key, e);
        else
            fileSecrets.insert(secretOf->key, e);
    }

    QHash<QString, QString> prefixes; // where each setting's effective value came from
    QSet<QString> failed;             // settings whose effective value was refused
    for (const ConfigSetting &s : configSettings()) {
        Found found;
        // Command-line flags.
        if (!s.flag.isEmpty() && inputs.flags.contains(s.key)) {
            found = {true, false, inputs.flags.value(s.key), QStringLiteral("--") + s.flag,
                     QStringLiteral("--") + s.flag};
        }
        // The environment: an empty variable counts as unset, as it always has.
        if (!found.present) {
            const QString direct = env.value(s.env);
            const QString fileVariable = s.env + QStringLiteral("_FILE");
            const QString secretPath = s.secret ? env.value(fileVariable) : QString();
            if (!direct.isEmpty() && !secretPath.isEmpty()) {
                found = {true, true, {}, s.env, s.env};
                r.problems.append(
                    QStringLiteral("%1 and %2 are both set: give one").arg(s.env, fileVariable));
            } else if (!secretPath.isEmpty()) {
                found = {true, false, {}, fileVariable, fileVariable};
                QString error;
                if (const auto secret = readSecretFile(secretPath, &error)) {
                    found.value = *secret;
                } else {
                    found.failed = true;
                    r.problems.append(fileVariable + QStringLiteral(": ") + error);
                }
            } else if (!direct.isEmpty()) {
                found = {true, false, direct, s.env, s.env};
            }
        }
        // The config file.
        if (!found.present) {
            const auto value = fileValues.constFind(s.key);
            const auto secretFile = fileSecrets.constFind(s.key);
            const bool hasValue = value != fileValues.cend();
            const bool hasSecretFile = secretFile != fileSecrets.cend();
            if (hasValue && hasSecretFile) {
                found = {true, true, {}, file.where(*value), file.where(*value)};
                r.problems.append(QStringLiteral("%1: %2 and %3: %2_file are both set: give one")
                                      .arg(file.where(*value), s.key, file.where(*secretFile)));
            } else if (hasSecretFile) {
                const QString where = file.where(*secretFile);
                found = {true, false, {}, where, where + QStringLiteral(": ") + secretFile->key};
                QString error;
                if (const auto secret = readSecretFile(secretFile->value, &error)) {
                    found.value = *secret;
                } else {
                    found.failed = true;
                    r.problems.append(found.prefix + QStringLiteral(": ") + error);
                }
            } else if (hasValue) {
                const QString where = file.where(*value);
                found = {true, false, value->value, where, where + QStringLiteral(": ") + s.key};
            }
        }

        Resolved resolved;
        resolved.setting = &s;
        if (found.present) {
            prefixes.insert(s.key, found.prefix);
            if (found.failed) {
                failed.insert(s.key);
            } else if (const QString problem = s.apply(found.value, r.config); !problem.isEmpty()) {
                failed.insert(s.key);
                r.problems.append(found.prefix + QStringLiteral(": ") + problem);
            } else {
                resolved.value = found.value;
                resolved.source = found.origin;
            }
        }
        r.settings.append(resolved);
    }

    // Checks across settings, as serve makes them before touching anything.
    LoadedConfig &c = r.config;
    const auto named = [&prefixes](const char *key) {
        return prefixes.value(QString::fromLatin1(key), QString::fromLatin1(key));
    };
    bool tlsOk = !failed.contains(QStringLiteral("tls.cert")) &&
                 !failed.contains(QStringLiteral("tls.key")) &&
                 !failed.contains(QStringLiteral("tls.client_ca"));
    if (tlsOk && c.tlsCertificateFile.isEmpty() != c.tlsKeyFile.isEmpty()) {
        tlsOk = false;
        r.problems.append(QStringLiteral("--tls-cert and --tls-key go together (tls.cert and "
                                         "tls.key in the config file)"));
    } else if (tlsOk && !c.tlsClientCaFile.isEmpty() && c.tlsCertificateFile.isEmpty()) {
        tlsOk = false;
        r.problems.append(QStringLiteral("--tls-client-ca needs --tls-cert and --tls-key: client "
                                         "certificates exist only on HTTPS"));
    } else if (tlsOk && !c.tlsCertificateFile.isEmpty()) {
        // Read and checked now, before any database work: the message names
        // the file, never the key's content.
        QString error;
        c.server.http.tls =
            TlsSettings::fromFiles(c.tlsCertificateFile, c.tlsKeyFile, c.tlsClientCaFile, &error);
        if (!c.server.http.tls) {
            tlsOk = false;
            r.problems.append(error);
        }
    }
    if (c.server.metrics && !failed.contains(QStringLiteral("listen")) &&
        !failed.contains(QStringLiteral("metrics_listen")) &&
        c.server.metrics->address == c.server.listenAddress &&
        c.server.metrics->port == c.server.port && c.server.port != 0)
        r.problems.append(QStringLiteral("metrics_listen must not be the API's address: metrics "
                                         "are served on a port of their own"));
    if (tlsOk && !failed.contains(QStringLiteral("listen"))) {
        if (const QString problem = ReservaServer::transportProblem(c.server); !problem.isEmpty())
            r.problems.append(problem);
    }

    const PixSettings &pix = c.server.payments.pix;
    if (pix.clientCertFile.isEmpty() != pix.clientKeyFile.isEmpty()) {
        r.problems.append(QStringLiteral("pix.client_cert and pix.client_key go together"));
    } else if (!pix.clientCertFile.isEmpty()) {
        if (QSslCertificate::fromPath(pix.clientCertFile).isEmpty())
            r.problems.append(named("pix.client_cert") +
                              QStringLiteral(": no PEM certificate in %1").arg(pix.clientCertFile));
        QFile key(pix.clientKeyFile);
        if (!key.open(QIODevice::ReadOnly))
            r.problems.append(
                named("pix.client_key") +
                QStringLiteral(": cannot read %1: %2").arg(pix.clientKeyFile, key.errorString()));
    }

    if (!c.server.masterKeyFile.isEmpty()) {
        QString error;
        if (!readMasterKey(c.server.masterKeyFile, &error))
            r.problems.append(named("master_key_file") + QStringLiteral(": ") + error);
    }
    return r;
}

QStringList ConfigLoader::Result::summary() const
{
    QStringList lines;
    lines << QStringLiteral("config file: %1")
                 .arg(file.isEmpty() ? QStringLiteral("none (%1 does not exist)")
                                           .arg(ConfigLoader::kDefaultConfigFile)
                                     : file);
    for (const Resolved &r : settings) {
        const ConfigSetting &s = *r.setting;
        QString shown;
        if (r.value.isEmpty()) {
            shown = s.defaultText.isEmpty() ? QStringLiteral("(not set)")
                                            : s.defaultText + QStringLiteral("  (default)");
        } else if (s.secret) {
            // How much, never what: enough to spot an empty or truncated credential.
            const qsizetype values =
                s.key.endsWith(QStringLiteral("webhook_secret")) ? countListValues(r.value) : 1;
            shown = values > 1 ? QStringLiteral("(set, %1 values, %2 bytes)")
                                     .arg(values)
                                     .arg(r.value.toUtf8().size())
                               : QStringLiteral("(set, %1 bytes)").arg(r.value.toUtf8().size());
            shown += QStringLiteral("  (") + r.source + u')';
        } else {
            shown = r.value + QStringLiteral("  (") + r.source + u')';
        }
        lines << s.key + QStringLiteral(" = ") + shown;
    }
    const PaymentSettings &p = config.server.payments;
    const auto offered = [](bool yes) {
        return yes ? QStringLiteral("offered") : QStringLiteral("not configured");
    };
    lines << QStringLiteral("payments: stripe %1, mercadopago %2, pix %3")
                 .arg(offered(p.stripe.configured()), offered(p.mercadoPago.configured()),
                      offered(p.pix.configured()));
    return lines;
}

void ConfigLoader::exportEnvironment(const LoadedConfig &config)
{
    for (const auto &[name, value] : config.environmentExports)
        qputenv(name.constData(), value.toLocal8Bit());
}

} // namespace reserva
