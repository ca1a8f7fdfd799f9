// reservad's configuration (issue #7): one loader for `serve` and `config
// check`, layered defaults < config file < environment < flags; unknown keys
// and bad values named with file:line (or the variable, or the flag); secrets
// from files (<key>_file, <ENV>_FILE: systemd credentials) trimmed of their
// trailing newline; a secret never printed, not even in an error. The loader
// is tested directly, and the built binary as an operator runs it.
#include "config/configloader.h"
#include "reservadprocess.h"
#include "testhttpclient.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace reserva;

namespace {

// Distinctive: a leak of any of them into an output is unambiguous.
const QString kStripeKey = QStringLiteral("sk_test_SECRETzq81VvLeakCanary01");
const QString kWebhookSecret = QStringLiteral("whsec_SECRETzq81VvLeakCanary02");
const QString kPixSecret = QStringLiteral("pixSECRETzq81VvLeakCanary03");
const QString kIdentityKey = QStringLiteral("idkSECRETzq81VvLeakCanary04");
const QString kDbPassword = QStringLiteral("dbpwSECRETzq81VvLeakCanary05");
const QString kPastedSecret = QStringLiteral("c2VjcmV0LeakCanary06zq81Vv=");
const QStringList kAllSecrets{kStripeKey,   kWebhookSecret, kPixSecret,
                              kIdentityKey, kDbPassword,    kPastedSecret};

test::ReservadRun runReservad(const QStringList &arguments,
                              const QList<std::pair<QString, QString>> &environment = {})
{
    return test::runReservad(QStringLiteral(RESERVAD_PATH), arguments, {},
                             test::cleanReservadEnvironment(environment));
}

QProcessEnvironment environmentWith(const QList<std::pair<QString, QString>> &variables)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : variables)
        env.insert(name, value);
    return env;
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

    ConfigLoader::Result load(const QString &configText,
                              const QList<std::pair<QString, QString>> &env = {},
                              const QHash<QString, QString> &flags = {})
    {
        ConfigInputs inputs;
        inputs.configFile = writeFile(QStringLiteral("reservad.conf"), configText.toUtf8());
        inputs.environment = environmentWith(env);
        inputs.flags = flags;
        return ConfigLoader::load(inputs);
    }

    static const ConfigLoader::Resolved *resolved(const ConfigLoader::Result &r, const QString &key)
    {
        for (const ConfigLoader::Resolved &s : r.settings) {
            if (s.setting->key == key)
                return &s;
        }
        return nullptr;
    }

    static void verifyNoSecret(const QString &text)
    {
        for (const QString &secret : kAllSecrets)
            QVERIFY2(!text.contains(secret), qPrintable(QStringLiteral("leaked ") + secret));
        // Nor a recognisable half of one.
        QVERIFY2(!text.contains(QStringLiteral("LeakCanary")), qPrintable(text));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- the loader ---------------------------------------------------------

    void precedenceIsDefaultsFileEnvironmentFlags()
    {
        const QString file =
            QStringLiteral("listen = 127.0.0.1:1001\nhold_minutes = 20\nworkers = 3\n");
        const std::pair<QString, QString> env{QStringLiteral("RESERVA_LISTEN"),
                                              QStringLiteral("127.0.0.1:1002")};
        const QHash<QString, QString> flags{
            {QStringLiteral("listen"), QStringLiteral("127.0.0.1:1003")}};

        ConfigLoader::Result r = load(QString(), {}, {});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.port, quint16(8080));
        QCOMPARE(r.config.server.holdSeconds, 15 * 60);

        r = load(file);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.port, quint16(1001));
        QCOMPARE(r.config.server.holdSeconds, 20 * 60);
        QCOMPARE(r.config.server.workers, 3);
        QVERIFY(resolved(r, QStringLiteral("listen"))->source.endsWith(QStringLiteral(":1")));

        r = load(file, {env});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.port, quint16(1002));
        QCOMPARE(resolved(r, QStringLiteral("listen"))->source, QStringLiteral("RESERVA_LISTEN"));
        QCOMPARE(r.config.server.holdSeconds, 20 * 60); // the file still counts for the rest

        r = load(file, {env}, flags);
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.port, quint16(1003));
        QCOMPARE(resolved(r, QStringLiteral("listen"))->source, QStringLiteral("--listen"));
    }

    void sectionsAndDottedKeysAreTheSameKey()
    {
        const ConfigLoader::Result r = load(QStringLiteral(
            "# comment\n; another\n[stripe]\napi_key = \"sk_x\"\n\n[pix]\nkey = k@example.com\n"
            "[identity]\napi_url = https://id.example/\n"));
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.payments.stripe.apiKey, QStringLiteral("sk_x"));
        QCOMPARE(r.config.server.payments.pix.pixKey, QStringLiteral("k@example.com"));
        QCOMPARE(r.config.server.identityApiUrl, QUrl(QStringLiteral("https://id.example/")));
        const ConfigLoader::Result dotted = load(QStringLiteral("stripe.api_key = sk_x\n"));
        QVERIFY(dotted.ok());
        QCOMPARE(dotted.config.server.payments.stripe.apiKey, QStringLiteral("sk_x"));
    }

    void everyEnvironmentVariableHasAFileKey()
    {
        // The table maps each setting once: no key or variable twice.
        QSet<QString> keys;
        QSet<QString> variables;
        for (const ConfigSetting &s : configSettings()) {
            QVERIFY2(!keys.contains(s.key), qPrintable(s.key));
            QVERIFY2(!variables.contains(s.env), qPrintable(s.env));
            QVERIFY(s.env.startsWith(QStringLiteral("RESERVA_")));
            keys.insert(s.key);
            variables.insert(s.env);
        }
        for (const char *v : {"RESERVA_LISTEN",
                              "RESERVA_DATA_DIR",
                              "RESERVA_DATABASE_URL",
                              "RESERVA_HOLD_MINUTES",
                              "RESERVA_TLS_CERT",
                              "RESERVA_TLS_KEY",
                              "RESERVA_TLS_CLIENT_CA",
                              "RESERVA_ALLOW_PLAIN_HTTP",
                              "RESERVA_MASTER_KEY_FILE",
                              "RESERVA_IDENTITY_API_URL",
                              "RESERVA_IDENTITY_API_KEY",
                              "RESERVA_STRIPE_API_KEY",
                              "RESERVA_STRIPE_WEBHOOK_SECRET",
                              "RESERVA_STRIPE_API_BASE",
                              "RESERVA_MP_ACCESS_TOKEN",
                              "RESERVA_MP_WEBHOOK_SECRET",
                              "RESERVA_MP_API_BASE",
                              "RESERVA_MP_NOTIFICATION_URL",
                              "RESERVA_PIX_API_BASE",
                              "RESERVA_PIX_CLIENT_ID",
                              "RESERVA_PIX_CLIENT_SECRET",
                              "RESERVA_PIX_KEY",
                              "RESERVA_PIX_WEBHOOK_SECRET",
                              "RESERVA_PIX_CLIENT_CERT",
                              "RESERVA_PIX_CLIENT_KEY",
                              "RESERVA_PG_BINDIR",
                              "RESERVA_PG_USER"})
            QVERIFY2(variables.contains(QString::fromLatin1(v)), v);
    }

    void unknownKeyIsNamedWithFileAndLine()
    {
        const ConfigLoader::Result r =
            load(QStringLiteral("listen = 127.0.0.1:8080\n\nlisten_adress = 1\n[tls]\nkey_file = "
                                "/x\n"));
        QCOMPARE(r.problems.size(), 2);
        const QString path = m_dir.filePath(QStringLiteral("reservad.conf"));
        QVERIFY2(r.problems.at(0).startsWith(path + QStringLiteral(":3: ")),
                 qPrintable(r.problems.at(0)));
        QVERIFY(r.problems.at(0).contains(QStringLiteral("unknown key 'listen_adress'")));
        // tls.key is a path, not a secret: no tls.key_file.
        QVERIFY2(r.problems.at(1).startsWith(path + QStringLiteral(":5: ")),
                 qPrintable(r.problems.at(1)));
        QVERIFY(r.problems.at(1).contains(QStringLiteral("'tls.key_file'")));
    }

    void badValueIsNamedWithFileAndLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("key");
        QTest::newRow("listen") << QStringLiteral("listen = nowhere") << QStringLiteral("listen");
        QTest::newRow("workers") << QStringLiteral("workers = 0") << QStringLiteral("workers");
        QTest::newRow("hold") << QStringLiteral("hold_minutes = ten")
                              << QStringLiteral("hold_minutes");
        QTest::newRow("bool") << QStringLiteral("allow_plain_http = yes")
                              << QStringLiteral("allow_plain_http");
        QTest::newRow("provider base over http")
            << QStringLiteral("stripe.api_base = http://api.stripe.com")
            << QStringLiteral("stripe.api_base");
        QTest::newRow("identity url")
            << QStringLiteral("identity.api_url = nohost") << QStringLiteral("identity.api_url");
        QTest::newRow("database url")
            << QStringLiteral("database_url = mysql://x/y") << QStringLiteral("database_url");
        QTest::newRow("empty value") << QStringLiteral("data_dir =") << QStringLiteral("data_dir");
        QTest::newRow("duplicate") << QStringLiteral("listen = 127.0.0.1:1") // line 2 repeats
                                   << QStringLiteral("listen");
        QTest::newRow("lock timeout too short")
            << QStringLiteral("lock_timeout_ms = 10") << QStringLiteral("lock_timeout_ms");
        QTest::newRow("max connections zero")
            << QStringLiteral("max_connections = 0") << QStringLiteral("max_connections");
        QTest::newRow("idle timeout not a number") << QStringLiteral("http.idle_timeout_ms = soon")
                                                   << QStringLiteral("http.idle_timeout_ms");
        QTest::newRow("master key file missing")
            << QStringLiteral("master_key_file = /nonexistent/master.key")
            << QStringLiteral("master_key_file");
    }
    void badValueIsNamedWithFileAndLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, key);
        // Line 2, after a good line (and the same line once more for "duplicate").
        const bool duplicate = QByteArray(QTest::currentDataTag()) == "duplicate";
        const QString text = (duplicate ? line : QStringLiteral("workers = 2")) + u'\n' + line +
                             QStringLiteral("\n");
        const ConfigLoader::Result r = load(text);
        QVERIFY2(r.problems.size() == 1, qPrintable(r.problems.join(u'\n')));
        const QString expected =
            m_dir.filePath(QStringLiteral("reservad.conf")) + QStringLiteral(":2: ") + key;
        QVERIFY2(r.problems.first().startsWith(expected), qPrintable(r.problems.first()));
    }

    // The limits the fault suites shorten reach the server and its HTTP layer.
    void limitsAndTimeoutsAreApplied()
    {
        const ConfigLoader::Result r =
            load(QStringLiteral("lock_timeout_ms = 300\nmax_connections = 500\n[http]\n"
                                "idle_timeout_ms = 2000\nheader_timeout_ms = 3000\n"
                                "body_timeout_ms = 4000\n[webhooks]\n"
                                "refused_per_address_per_minute = 7\nrefused_per_minute = 70\n"));
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.payments.refusedWebhooks.perAddressPerMinute, 7);
        QCOMPARE(r.config.server.payments.refusedWebhooks.perMinute, 70);
        QCOMPARE(r.config.server.lockTimeoutMs, 300);
        QCOMPARE(r.config.server.http.maxConnections, 500);
        QCOMPARE(r.config.server.http.idleTimeoutMs, 2000);
        QCOMPARE(r.config.server.http.headerTimeoutMs, 3000);
        QCOMPARE(r.config.server.http.bodyTimeoutMs, 4000);
    }

    void badEnvironmentValueNamesTheVariable()
    {
        const ConfigLoader::Result r = load(
            QString(), {{QStringLiteral("RESERVA_WORKERS"), QStringLiteral("many")},
                        {QStringLiteral("RESERVA_PIX_API_BASE"), QStringLiteral("psp.example")}});
        QCOMPARE(r.problems.size(), 2);
        QVERIFY2(r.problems.at(0).startsWith(QStringLiteral("RESERVA_WORKERS: ")),
                 qPrintable(r.problems.at(0)));
        QVERIFY2(r.problems.at(1).startsWith(QStringLiteral("RESERVA_PIX_API_BASE: ")),
                 qPrintable(r.problems.at(1)));
    }

    void secretsAreReadFromFilesAndTrimmed()
    {
        const QString keyFile = writeFile(QStringLiteral("stripe_key"), kStripeKey.toUtf8() + '\n');
        const QString hooksFile =
            writeFile(QStringLiteral("stripe_hooks"), "whsec_one,whsec_two\r\n");
        const QString pixFile = writeFile(QStringLiteral("pix_secret"), kPixSecret.toUtf8());
        const ConfigLoader::Result r =
            load(QStringLiteral("[stripe]\nwebhook_secret_file = %1\n[pix]\nclient_secret_file = "
                                "%2\n")
                     .arg(hooksFile, pixFile),
                 {{QStringLiteral("RESERVA_STRIPE_API_KEY_FILE"), keyFile}});
        QVERIFY2(r.ok(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.config.server.payments.stripe.apiKey, kStripeKey);
        QCOMPARE(r.config.server.payments.stripe.webhookSecrets,
                 (QList<QByteArray>{"whsec_one", "whsec_two"}));
        QCOMPARE(r.config.server.payments.pix.clientSecret, kPixSecret);
        QCOMPARE(resolved(r, QStringLiteral("stripe.api_key"))->source,
                 QStringLiteral("RESERVA_STRIPE_API_KEY_FILE"));
        // The environment's _FILE beats the file's plain value.
        const ConfigLoader::Result over =
            load(QStringLiteral("stripe.api_key = sk_from_file\n"),
                 {{QStringLiteral("RESERVA_STRIPE_API_KEY_FILE"), keyFile}});
        QVERIFY(over.ok());
        QCOMPARE(over.config.server.payments.stripe.apiKey, kStripeKey);
        const QString summary = r.summary().join(u'\n');
        QVERIFY2(summary.contains(
                     QStringLiteral("stripe.api_key = (set, %1 bytes)").arg(kStripeKey.size())),
                 qPrintable(summary));
        verifyNoSecret(summary);
    }

    void secretValueAndFileTogetherIsAnError()
    {
        const QString keyFile = writeFile(QStringLiteral("stripe_key"), kStripeKey.toUtf8());
        const ConfigLoader::Result env =
            load(QString(), {{QStringLiteral("RESERVA_STRIPE_API_KEY"), kStripeKey},
                             {QStringLiteral("RESERVA_STRIPE_API_KEY_FILE"), keyFile}});
        QCOMPARE(env.problems.size(), 1);
        QVERIFY(env.problems.first().contains(QStringLiteral("RESERVA_STRIPE_API_KEY and "
                                                             "RESERVA_STRIPE_API_KEY_FILE")));
        const ConfigLoader::Result file = load(
            QStringLiteral("[stripe]\napi_key = %1\napi_key_file = %2\n").arg(kStripeKey, keyFile));
        QCOMPARE(file.problems.size(), 1);
        const QString path = m_dir.filePath(QStringLiteral("reservad.conf"));
        QVERIFY2(file.problems.first().startsWith(path + QStringLiteral(":2: stripe.api_key")),
                 qPrintable(file.problems.first()));
        QVERIFY(file.problems.first().contains(path + QStringLiteral(":3: stripe.api_key_file")));
        verifyNoSecret(env.problems.join(u'\n') + file.problems.join(u'\n'));
    }

    void unreadableSecretFileNamesThePathNotTheContent()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-credential"));
        const QString empty = writeFile(QStringLiteral("empty"), "\n");
        const ConfigLoader::Result r =
            load(QStringLiteral("identity.api_key_file = %1\n").arg(m_dir.path()),
                 {{QStringLiteral("RESERVA_PIX_CLIENT_SECRET_FILE"), missing},
                  {QStringLiteral("RESERVA_MP_ACCESS_TOKEN_FILE"), empty}});
        QCOMPARE(r.problems.size(), 3);
        const QString all = r.problems.join(u'\n');
        QVERIFY2(
            all.contains(QStringLiteral("RESERVA_PIX_CLIENT_SECRET_FILE: cannot read ") + missing),
            qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("RESERVA_MP_ACCESS_TOKEN_FILE: ") + empty +
                              QStringLiteral(" is empty")),
                 qPrintable(all));
        QVERIFY2(
            all.contains(QStringLiteral(":1: identity.api_key_file: cannot read ") + m_dir.path()),
            qPrintable(all));
    }

    void missingExplicitConfigFileIsAnError()
    {
        ConfigInputs inputs;
        inputs.environment = environmentWith(
            {{QStringLiteral("RESERVA_CONFIG"), m_dir.filePath(QStringLiteral("nope.conf"))}});
        const ConfigLoader::Result r = ConfigLoader::load(inputs);
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(r.problems.first().startsWith(m_dir.filePath(QStringLiteral("nope.conf"))),
                 qPrintable(r.problems.first()));
    }

    // --- the binary ---------------------------------------------------------

    void configCheckPrintsASummaryWithoutSecrets()
    {
        const QString hooks = writeFile(QStringLiteral("hooks"), kWebhookSecret.toUtf8() + '\n');
        const QString config = writeFile(
            QStringLiteral("ok.conf"),
            QStringLiteral("listen = 127.0.0.1:1001\ndatabase_url = "
                           "postgresql://app:%1@db.example/reserva\n[stripe]\napi_key = %2\n"
                           "webhook_secret_file = %3\n")
                .arg(kDbPassword, kStripeKey, hooks)
                .toUtf8());
        const test::ReservadRun r = runReservad(
            {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"), config,
             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1003")},
            {{QStringLiteral("RESERVA_LISTEN"), QStringLiteral("127.0.0.1:1002")},
             {QStringLiteral("RESERVA_IDENTITY_API_KEY"), kIdentityKey}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.startsWith(QStringLiteral("config ok\n")));
        QVERIFY2(r.out.contains(QStringLiteral("listen = 127.0.0.1:1003  (--listen)")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("stripe.api_key = (set, %1 bytes)  (%2:4)")
                                    .arg(kStripeKey.size())
                                    .arg(config)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("identity.api_key = (set, %1 bytes)  "
                                               "(RESERVA_IDENTITY_API_KEY)")
                                    .arg(kIdentityKey.size())),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("payments: stripe offered")), qPrintable(r.out));
        verifyNoSecret(r.out + r.err);
    }

    // Every kind of mistake at once, each line of the config holding a
    // secret nearby: exit 2, one line per problem naming its key, and not a
    // byte of any secret on either stream.
    void configCheckErrorsNameKeysAndNeverPrintSecrets()
    {
        const QString missing = m_dir.filePath(QStringLiteral("gone-credential"));
        const QString config = writeFile(
            QStringLiteral("bad.conf"),
            QStringLiteral("database_url = postgresql://app:%1@db.example/reserva?secret=%1\n"
                           "%2\n"
                           "[stripe]\napi_key = %3\napi_key_file = %4\n"
                           "webhook_secret = %5\nnot_a_key = %5\n%5\n"
                           "[pix]\nclient_secret_file = %4\n"
                           "workers = none\n")
                .arg(kDbPassword, kPastedSecret, kStripeKey, missing, kWebhookSecret)
                .toUtf8());
        const test::ReservadRun r = runReservad(
            {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"), config},
            {{QStringLiteral("RESERVA_IDENTITY_API_KEY"), kIdentityKey},
             {QStringLiteral("RESERVA_IDENTITY_API_KEY_FILE"), missing}});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.err.trimmed().split(u'\n');
        QVERIFY2(lines.size() == 8, qPrintable(r.err));
        for (const QString &expected : QStringList{
                 config + QStringLiteral(":1: database_url: "),
                 config + QStringLiteral(":2: the key is not lower case"),
                 config + QStringLiteral(":7: unknown key 'stripe.not_a_key'"),
                 config + QStringLiteral(":8: expected `key = value`"),
                 config + QStringLiteral(":4: stripe.api_key and "),
                 config + QStringLiteral(":10: pix.client_secret_file: cannot read ") + missing,
                 config + QStringLiteral(":11: unknown key 'pix.workers'"),
                 QStringLiteral("RESERVA_IDENTITY_API_KEY and RESERVA_IDENTITY_API_KEY_FILE")})
            QVERIFY2(r.err.contains(expected), qPrintable(expected + QStringLiteral("\n") + r.err));
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("error: ")), qPrintable(line));
        verifyNoSecret(r.out + r.err);
    }

    // serve goes through the same loader: the same refusal, before anything
    // starts (the data directory is never created), and no secret printed.
    void serveRefusesABadConfigWithoutPrintingSecrets()
    {
        const QString config =
            writeFile(QStringLiteral("serve.conf"),
                      QStringLiteral("[stripe]\napi_key = %1\napi_base = http://api.stripe.com\n"
                                     "[pix]\nwebhook_secret = %2\n%3\n")
                          .arg(kStripeKey, kPixSecret, kPastedSecret)
                          .toUtf8());
        const QString dataDir = m_dir.filePath(QStringLiteral("never-created"));
        const test::ReservadRun r =
            runReservad({QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir},
                        {{QStringLiteral("RESERVA_CONFIG"), config},
                         {QStringLiteral("RESERVA_MP_ACCESS_TOKEN"), kIdentityKey}});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(config + QStringLiteral(":3: stripe.api_base: must be an https")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(config + QStringLiteral(":6: the key is not")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dataDir));
        verifyNoSecret(r.out + r.err);
    }

    // A running server configured by the file, with its secrets from files
    // and the environment, serves; nothing it prints, from start to stop,
    // holds a secret.
    void serveRunsOnTheConfigFileAndPrintsNoSecret()
    {
        test::TestServer server;
        const QString urlFile = writeFile(QStringLiteral("database_url"),
                                          test::cliDatabaseUrl(server.database()).toUtf8() + '\n');
        const QString keyFile = writeFile(QStringLiteral("serve_stripe_key"), kStripeKey.toUtf8());
        const QString config =
            writeFile(QStringLiteral("running.conf"),
                      QStringLiteral("listen = 127.0.0.1:0\nworkers = 2\ndata_dir = %1\n"
                                     "database_url_file = %2\n[stripe]\napi_key_file = %3\n"
                                     "webhook_secret = %4\n")
                          .arg(server.dataDir(), urlFile, keyFile, kWebhookSecret)
                          .toUtf8());
        QProcess process;
        process.setProcessEnvironment(test::cleanReservadEnvironment(
            {{QStringLiteral("RESERVA_CONFIG"), config},
             {QStringLiteral("RESERVA_METRICS_LISTEN"), QStringLiteral("off")},
             {QStringLiteral("RESERVA_IDENTITY_API_URL"), QStringLiteral("http://127.0.0.1:9/")},
             {QStringLiteral("RESERVA_IDENTITY_API_KEY"), kIdentityKey}}));
        process.start(QStringLiteral(RESERVAD_PATH), {QStringLiteral("serve")});
        QVERIFY(process.waitForStarted());
        const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QByteArray output;
        quint16 port = 0;
        // Only a guard against a server that never comes up, not a measure.
        QElapsedTimer guard;
        guard.start();
        while (port == 0 && process.state() == QProcess::Running && guard.elapsed() < 120000) {
            process.waitForReadyRead(500);
            output += process.readAllStandardOutput() + process.readAllStandardError();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(output));
            if (m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
        if (port != 0) {
            test::TestHttpClient http(port);
            QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
            QCOMPARE(http.get(QStringLiteral("/readyz")).status, 200);
        }
        process.terminate();
        if (!process.waitForFinished(60000))
            process.kill();
        process.waitForFinished();
        output += process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(port != 0, output.constData());
        QCOMPARE(process.exitCode(), 0);
        verifyNoSecret(QString::fromUtf8(output));
    }

    // The one-shot commands find the database where serve does: the
    // environment (or its _FILE) over the config file, when no flag says.
    void oneShotCommandsUseTheConfiguredDatabase()
    {
        test::TestServer server;
        const QString urlFile = writeFile(QStringLiteral("oneshot_database_url"),
                                          test::cliDatabaseUrl(server.database()).toUtf8() + '\n');
        const QString config = writeFile(QStringLiteral("oneshot.conf"),
                                         QStringLiteral("database_url_file = %1\ndata_dir = %2\n")
                                             .arg(urlFile, server.dataDir())
                                             .toUtf8());
        const test::ReservadRun fromFile =
            runReservad({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("--slug"),
                         QStringLiteral("from-config"), QStringLiteral("--name"),
                         QStringLiteral("From config")},
                        {{QStringLiteral("RESERVA_CONFIG"), config}});
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.describe()));
        const test::ReservadRun fromEnvironment = runReservad(
            {QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("--slug"),
             QStringLiteral("from-env-file"), QStringLiteral("--name"), QStringLiteral("From env")},
            {{QStringLiteral("RESERVA_DATABASE_URL_FILE"), urlFile},
             {QStringLiteral("RESERVA_DATA_DIR"), server.dataDir()}});
        QVERIFY2(fromEnvironment.exitCode == 0, qPrintable(fromEnvironment.describe()));
        DbRows q = server.appDb().exec(
            QStringLiteral("SELECT count(*) FROM tenants WHERE slug IN ('from-config', "
                           "'from-env-file')"),
            {}, "tenants added");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void configCheckExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("configText");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        const QString conf = QStringLiteral("--config");
        QTest::newRow("ok") << QStringList{conf} << QStringLiteral("workers = 2\n") << 0
                            << QStringLiteral("config ok");
        QTest::newRow("bad value") << QStringList{conf} << QStringLiteral("workers = 999\n") << 2
                                   << QStringLiteral(":1: workers: wants a number from 1 to 256");
        QTest::newRow("bad flag value")
            << QStringList{conf, QStringLiteral("--hold-minutes"), QStringLiteral("0")} << QString()
            << 2 << QStringLiteral("error: --hold-minutes: wants a number");
        QTest::newRow("unknown flag") << QStringList{conf, QStringLiteral("--bogus")} << QString()
                                      << 2 << QStringLiteral("Usage:");
        QTest::newRow("missing config file")
            << QStringList{QStringLiteral("--config"), m_dir.filePath(QStringLiteral("absent"))}
            << QString() << 2 << m_dir.filePath(QStringLiteral("absent"));
        QTest::newRow("tls key without cert")
            << QStringList{conf} << QStringLiteral("tls.key = /etc/ssl/private/x.pem\n") << 2
            << QStringLiteral("--tls-cert and --tls-key go together");
        QTest::newRow("plain http off loopback")
            << QStringList{conf} << QStringLiteral("listen = 0.0.0.0:8080\n") << 2
            << QStringLiteral("refusing plain HTTP");
        QTest::newRow("plain http off loopback, allowed")
            << QStringList{conf}
            << QStringLiteral("listen = 0.0.0.0:8080\nallow_plain_http = true\n") << 0
            << QStringLiteral("allow_plain_http = true");
    }
    void configCheckExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, configText);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        if (arguments.size() == 1 || arguments.at(1).startsWith(u'-'))
            arguments.insert(1, writeFile(QStringLiteral("codes.conf"), configText.toUtf8()));
        const test::ReservadRun r =
            runReservad(QStringList{QStringLiteral("config"), QStringLiteral("check")} + arguments);
        QVERIFY(!r.crashed);
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        QVERIFY2((exitCode == 0 ? r.out : r.err).contains(expected), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
