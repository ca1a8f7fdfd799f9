// The reservad command line, run as an operator would run it (the built
// binary, through QProcess): exit codes (0 ok, 1 failure, 2 usage), the admin
// commands against a test database, key rotation with the servers' master
// key, `serve` on a managed cluster that must not outlive it, and serve's
// transport: HTTPS from checked certificate files (a bad file is a usage
// error naming it), plain HTTP off loopback only when explicitly allowed.
#include "crypto/base64url.h"
#include "reservadprocess.h"
#include "testpki.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace reserva;

using test::cliDatabaseUrl;
using CliResult = test::ReservadRun;

namespace {

const QString kPassword = QStringLiteral("a long cli password");

CliResult runReservad(const QStringList &arguments, const QByteArray &stdinBytes = {},
                      const QList<std::pair<QString, QString>> &environment = {})
{
    return test::runReservad(QStringLiteral(RESERVAD_PATH), arguments, stdinBytes,
                             test::cleanReservadEnvironment(environment));
}

QStringList jwksKids(test::TestServer &server)
{
    test::TestHttpClient http = server.client();
    QStringList kids;
    const QJsonArray keys =
        http.get(QStringLiteral("/.well-known/jwks.json")).json().value(u"keys").toArray();
    for (const QJsonValue &k : keys)
        kids << k.toObject().value(QStringLiteral("kid")).toString();
    return kids;
}

QJsonObject tokenHeaderOrPayload(const QString &token, int index)
{
    return QJsonDocument::fromJson(
               base64UrlDecode(token.split(u'.').value(index).toLatin1()).value_or(QByteArray()))
        .object();
}

// A fresh data directory for `reservad serve`. As root the cluster runs as an
// unprivileged account, which must be able to enter it; short, for the socket.
std::unique_ptr<QTemporaryDir> makeServeDataDir()
{
    auto dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/rsvd-XXXXXX"));
    QFile::setPermissions(dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                           QFile::ExeGroup | QFile::ExeOther);
    return dir;
}

// The postmaster's pid, once a real (not bootstrap) server runs on `clusterDir`;
// 0 otherwise. A standalone bootstrap backend writes its pid negated.
qint64 postmasterPid(const QString &clusterDir)
{
    QFile f(clusterDir + QStringLiteral("/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const qint64 pid = f.readLine().trimmed().toLongLong();
    return pid > 0 ? pid : 0;
}

// Alive and not a zombie (in a container nobody may reap an orphan).
bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    const char state = close > 0 && close + 2 < text.size() ? text.at(close + 2) : 'X';
    return state != 'Z' && state != 'X';
}

// Live processes whose command line names `path` (the postmaster runs with
// -D <cluster dir>).
QList<qint64> processesMentioning(const QString &path)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(QStringLiteral("/proc/") + entry + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        if (cmdline.readAll().contains(path.toLocal8Bit()) && processAlive(pid))
            pids << pid;
    }
    return pids;
}

// Starts `reservad serve` with `arguments` on the test database and waits
// until it logs that it listens on `address` (a regular expression); 0 when
// it did not come up (the process is then killed, its output in `output`).
quint16 startServe(QProcess &process, const QStringList &arguments, const QString &address,
                   QByteArray *output, const QList<std::pair<QString, QString>> &environment = {})
{
    process.setProcessEnvironment(test::cleanReservadEnvironment(environment));
    process.start(QStringLiteral(RESERVAD_PATH), QStringList{QStringLiteral("serve")} + arguments);
    if (!process.waitForStarted(10000))
        return 0;
    const QRegularExpression listening(QStringLiteral("listening on ") + address +
                                       QStringLiteral(":(\\d+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(500);
        *output += process.readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(*output));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    *output += process.readAllStandardError();
    process.kill();
    process.waitForFinished();
    return 0;
}

// SIGTERM, and the exit code of a clean stop (-1 when it did not stop).
int stopServe(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// Leaves no cluster behind even when the code under test did.
void killLeftovers(const QString &clusterDir)
{
#ifdef Q_OS_UNIX
    for (qint64 pid : processesMentioning(clusterDir))
        ::kill(pid_t(pid), SIGQUIT);
#else
    Q_UNUSED(clusterDir)
#endif
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(RESERVAD_PATH)));
        m_server = std::make_unique<test::TestServer>(SystemClock::instance(), [](ServerConfig &c) {
            c.keyReloadIntervalMs = 100; // pick up a CLI rotation promptly
        });
        m_databaseUrl = cliDatabaseUrl(m_server->database());
        m_pki = std::make_unique<test::TestPki>(QStringLiteral("Reserva CLI test CA"));
        m_tls = m_pki->issue(QStringLiteral("localhost"), test::TestPki::Usage::Server);
    }
    void cleanupTestCase() { m_server.reset(); }

    void versionAndHelpExitZero_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--version")
            << QStringList{QStringLiteral("--version")} << QStringLiteral("reservad ");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                                << QStringLiteral("Usage:");
        QTest::newRow("command --help")
            << QStringList{QStringLiteral("keys"), QStringLiteral("rotate"),
                           QStringLiteral("--help")}
            << QStringLiteral("--data-dir");
        QTest::newRow("serve --help")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--help")}
            << QStringLiteral("--listen");
    }

    void versionAndHelpExitZero()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const CliResult r = runReservad(arguments);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.crashed);
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown subcommand")
            << QStringList{QStringLiteral("keys"), QStringLiteral("shred")};
        QTest::newRow("bad flag") << QStringList{QStringLiteral("tenant"), QStringLiteral("add"),
                                                 QStringLiteral("--bogus")};
        QTest::newRow("serve bad flag")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--bogus")};
        QTest::newRow("serve bad listen") << QStringList{
            QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("nowhere")};
        QTest::newRow("serve hold of zero minutes") << QStringList{
            QStringLiteral("serve"), QStringLiteral("--hold-minutes"), QStringLiteral("0")};
        QTest::newRow("serve hold not a number") << QStringList{
            QStringLiteral("serve"), QStringLiteral("--hold-minutes"), QStringLiteral("ten")};
        QTest::newRow("stray argument") << QStringList{
            QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("now")};
        QTest::newRow("user add without role")
            << QStringList{QStringLiteral("user"), QStringLiteral("add"),
                           QStringLiteral("--username"), QStringLiteral("someone")};
        QTest::newRow("user add unknown role") << QStringList{
            QStringLiteral("user"),    QStringLiteral("add"),    QStringLiteral("--username"),
            QStringLiteral("someone"), QStringLiteral("--role"), QStringLiteral("owner")};
        QTest::newRow("tenant add bad slug") << QStringList{
            QStringLiteral("tenant"),   QStringLiteral("add"),    QStringLiteral("--slug"),
            QStringLiteral("Bad Slug"), QStringLiteral("--name"), QStringLiteral("X")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const CliResult r = runReservad(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.crashed);
        QVERIFY2(r.err.contains(QStringLiteral("Usage:")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // A provider API base receives the API key or OAuth credentials: serve
    // refuses plain http to anything but loopback, and what is not a URL.
    void serveRefusesAProviderBaseThatWouldLeakCredentials_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("stripe over http")
            << QStringLiteral("RESERVA_STRIPE_API_BASE") << QStringLiteral("http://api.stripe.com");
        QTest::newRow("mercado pago over http")
            << QStringLiteral("RESERVA_MP_API_BASE") << QStringLiteral("http://10.0.0.5:8080/");
        QTest::newRow("pix over ftp")
            << QStringLiteral("RESERVA_PIX_API_BASE") << QStringLiteral("ftp://psp.example/");
        QTest::newRow("pix not a URL")
            << QStringLiteral("RESERVA_PIX_API_BASE") << QStringLiteral("psp.example");
    }

    void serveRefusesAProviderBaseThatWouldLeakCredentials()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("never-created"));
        const CliResult r =
            runReservad({QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir}, {},
                        {{variable, value}});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.crashed);
        QVERIFY2(r.err.contains(variable), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dataDir));
    }

    // Certificate and key are read and checked before anything else: a bad
    // file stops serve with a usage error (exit 2) that names it, and never
    // shows what the key file holds.
    void serveRefusesBadTlsFiles_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("expected");
        const QString cert = m_tls.certificateFile;
        const QString key = m_tls.keyFile;
        const QString missing =
            m_pki->writeFile(QStringLiteral("gone.pem"), "x") + QStringLiteral(".not-there");
        const QString garbage =
            m_pki->writeFile(QStringLiteral("garbage.pem"), "this is not a certificate\n");
        const test::TestPki::Issued other =
            m_pki->issue(QStringLiteral("other"), test::TestPki::Usage::Server);
        const QString encrypted = m_pki->writeEncryptedKey(m_tls, "a passphrase");
        const QString tlsCert = QStringLiteral("--tls-cert");
        const QString tlsKey = QStringLiteral("--tls-key");
        const QString clientCa = QStringLiteral("--tls-client-ca");
        QTest::newRow("certificate file missing") << QStringList{tlsCert, missing, tlsKey, key}
                                                  << QString() << QString() << QStringList{missing};
        QTest::newRow("certificate not PEM")
            << QStringList{tlsCert, garbage, tlsKey, key} << QString() << QString()
            << QStringList{garbage, QStringLiteral("not PEM")};
        QTest::newRow("certificate file holds a key")
            << QStringList{tlsCert, key, tlsKey, key} << QString() << QString()
            << QStringList{key, QStringLiteral("no PEM certificate")};
        QTest::newRow("key file missing") << QStringList{tlsCert, cert, tlsKey, missing}
                                          << QString() << QString() << QStringList{missing};
        QTest::newRow("key not PEM")
            << QStringList{tlsCert, cert, tlsKey, garbage} << QString() << QString()
            << QStringList{garbage, QStringLiteral("not PEM")};
        QTest::newRow("key file holds a certificate")
            << QStringList{tlsCert, cert, tlsKey, cert} << QString() << QString()
            << QStringList{cert, QStringLiteral("no PEM private key")};
        QTest::newRow("key of another certificate")
            << QStringList{tlsCert, cert, tlsKey, other.keyFile} << QString() << QString()
            << QStringList{other.keyFile, cert, QStringLiteral("does not match")};
        QTest::newRow("encrypted key")
            << QStringList{tlsCert, cert, tlsKey, encrypted} << QString() << QString()
            << QStringList{encrypted, QStringLiteral("encrypted")};
        QTest::newRow("client CA not PEM")
            << QStringList{tlsCert, cert, tlsKey, key, clientCa, garbage} << QString() << QString()
            << QStringList{garbage, QStringLiteral("client CA")};
        QTest::newRow("client CA is not a CA")
            << QStringList{tlsCert, cert, tlsKey, key, clientCa, cert} << QString() << QString()
            << QStringList{cert, QStringLiteral("not a CA")};
        QTest::newRow("certificate from the environment")
            << QStringList{tlsKey, key} << QStringLiteral("RESERVA_TLS_CERT") << garbage
            << QStringList{garbage, QStringLiteral("not PEM")};
        QTest::newRow("key without certificate")
            << QStringList{tlsKey, key} << QString() << QString()
            << QStringList{QStringLiteral("--tls-cert and --tls-key")};
        QTest::newRow("client CA without certificate")
            << QStringList{clientCa, m_pki->caFile()} << QString() << QString()
            << QStringList{QStringLiteral("--tls-client-ca needs")};
    }
    void serveRefusesBadTlsFiles()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("never-created"));
        QList<std::pair<QString, QString>> environment;
        if (!variable.isEmpty())
            environment.append({variable, value});
        const CliResult r = runReservad(
            QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir} + arguments,
            {}, environment);
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY(!r.crashed);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        for (const QString &part : expected)
            QVERIFY2(r.err.contains(part), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dataDir));
        // Nothing of the key itself, whichever file was named.
        QFile keyFile(m_tls.keyFile);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> keyLines = keyFile.readAll().split('\n');
        QVERIFY(keyLines.size() > 2);
        QVERIFY(!r.err.contains(QString::fromLatin1(keyLines.at(1))));
        QVERIFY(!r.out.contains(QString::fromLatin1(keyLines.at(1))));
    }

    // Plain HTTP carries logins and tokens in clear: off loopback only when
    // the operator says a TLS-terminating proxy is in front.
    void serveRefusesPlainHttpOffLoopback_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("listenVariable");
        QTest::newRow("--listen 0.0.0.0")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")} << QString();
        QTest::newRow("--listen [::]")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("[::]:0")} << QString();
        QTest::newRow("RESERVA_LISTEN") << QStringList{} << QStringLiteral("0.0.0.0:0");
        QTest::newRow("allowed only by 1")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")} << QString();
    }
    void serveRefusesPlainHttpOffLoopback()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, listenVariable);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("never-created"));
        QList<std::pair<QString, QString>> environment;
        if (!listenVariable.isEmpty())
            environment.append({QStringLiteral("RESERVA_LISTEN"), listenVariable});
        if (QByteArray(QTest::currentDataTag()) == "allowed only by 1")
            environment.append({QStringLiteral("RESERVA_ALLOW_PLAIN_HTTP"), QStringLiteral("yes")});
        const CliResult r = runReservad(
            QStringList{QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir} + arguments,
            {}, environment);
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("refusing plain HTTP")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--allow-plain-http")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--tls-cert")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dataDir));
    }

    void servePlainHttpOffLoopbackWhenAllowed_data()
    {
        QTest::addColumn<bool>("byFlag");
        QTest::newRow("--allow-plain-http") << true;
        QTest::newRow("RESERVA_ALLOW_PLAIN_HTTP=1") << false;
    }
    void servePlainHttpOffLoopbackWhenAllowed()
    {
        QFETCH(bool, byFlag);
        QStringList arguments{QStringLiteral("--database"), m_databaseUrl,
                              QStringLiteral("--data-dir"), m_server->dataDir(),
                              QStringLiteral("--listen"),   QStringLiteral("0.0.0.0:0"),
                              QStringLiteral("--workers"),  QStringLiteral("2")};
        QList<std::pair<QString, QString>> environment;
        if (byFlag)
            arguments << QStringLiteral("--allow-plain-http");
        else
            environment.append({QStringLiteral("RESERVA_ALLOW_PLAIN_HTTP"), QStringLiteral("1")});
        QProcess process;
        QByteArray output;
        const quint16 port =
            startServe(process, arguments, QStringLiteral("0\\.0\\.0\\.0"), &output, environment);
        QVERIFY2(port != 0, output.constData());
        test::TestHttpClient http(port);
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(stopServe(process), 0);
    }

    // serve --tls-cert/--tls-key: HTTPS only, with the configured chain.
    void serveOverHttps()
    {
        QProcess process;
        QByteArray output;
        const quint16 port =
            startServe(process,
                       {QStringLiteral("--database"), m_databaseUrl, QStringLiteral("--data-dir"),
                        m_server->dataDir(), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--workers"),
                        QStringLiteral("2"), QStringLiteral("--tls-cert"), m_tls.certificateFile},
                       QStringLiteral("127\\.0\\.0\\.1"), &output,
                       {{QStringLiteral("RESERVA_TLS_KEY"), m_tls.keyFile}});
        QVERIFY2(port != 0, output.constData());
        QVERIFY2(output.contains("(https)"), output.constData());
        test::TestHttpClient https(port);
        https.setTls(m_pki->clientConfiguration());
        QCOMPARE(https.get(QStringLiteral("/readyz")).status, 200);
        test::TestHttpClient plain(port);
        QCOMPARE(plain.get(QStringLiteral("/healthz")).status, 0);
        QCOMPARE(stopServe(process), 0);
    }

    void tenantAndUserAddThenLogin()
    {
        const CliResult tenant =
            runReservad({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("--slug"),
                         QStringLiteral("cli-tours"), QStringLiteral("--name"),
                         QStringLiteral("CLI Tours"), QStringLiteral("--database"), m_databaseUrl,
                         QStringLiteral("--data-dir"), m_server->dataDir()});
        QVERIFY2(tenant.exitCode == 0, qPrintable(tenant.err));
        QVERIFY(tenant.out.contains(QStringLiteral("cli-tours")));
        // The same slug again is a failure, not a usage error.
        const CliResult again =
            runReservad({QStringLiteral("tenant"), QStringLiteral("add"), QStringLiteral("--slug"),
                         QStringLiteral("cli-tours"), QStringLiteral("--name"),
                         QStringLiteral("Again"), QStringLiteral("--database"), m_databaseUrl});
        QCOMPARE(again.exitCode, 1);

        const QStringList userAdd{QStringLiteral("user"),       QStringLiteral("add"),
                                  QStringLiteral("--username"), QStringLiteral("cli.manager"),
                                  QStringLiteral("--role"),     QStringLiteral("partner_manager"),
                                  QStringLiteral("--tenant"),   QStringLiteral("cli-tours"),
                                  QStringLiteral("--database"), m_databaseUrl};
        const CliResult shortPassword = runReservad(userAdd, "short\n");
        QCOMPARE(shortPassword.exitCode, 1);
        const CliResult user = runReservad(userAdd, kPassword.toUtf8() + '\n');
        QVERIFY2(user.exitCode == 0, qPrintable(user.err));
        // The password came in on stdin and goes nowhere else.
        QVERIFY(!user.out.contains(kPassword));
        QVERIFY(!user.err.contains(kPassword));

        const TokenPair pair = m_server->login(QStringLiteral("cli.manager"), kPassword);
        const QJsonObject claims = tokenHeaderOrPayload(pair.accessToken, 1);
        QCOMPARE(claims.value(QStringLiteral("roles")).toArray(),
                 QJsonArray{QStringLiteral("partner_manager")});
        DbRows q = m_server->appDb().exec(
            QStringLiteral("SELECT id::text FROM tenants WHERE slug = 'cli-tours'"), {}, "tenant");
        QVERIFY(q.next());
        QCOMPARE(claims.value(QStringLiteral("tenant")).toString(), q.value(0).toString());

        DbRows audit = m_server->appDb().exec(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'cli'"
                           " AND action IN ('tenant.create', 'user.create')"),
            {}, "cli audit");
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toInt(), 2);
    }

    // The master key must be the servers' own: a key sealed under another one
    // would become the active key no server can open.
    void keysRotateRefusesAnotherMasterKey()
    {
        QTemporaryDir strangerDir;
        const CliResult r = runReservad({QStringLiteral("keys"), QStringLiteral("rotate"),
                                         QStringLiteral("--database"), m_databaseUrl,
                                         QStringLiteral("--data-dir"), strangerDir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("master key")), qPrintable(r.err));
        DbRows q =
            m_server->appDb().exec(QStringLiteral("SELECT count(*) FROM signing_keys"), {}, "keys");
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(jwksKids(*m_server).size(), 1);
    }

    void keysRotateAddsAKeyTheServerUses()
    {
        QCOMPARE(jwksKids(*m_server).size(), 1);
        const TokenPair before = m_server->login(QStringLiteral("cli.manager"), kPassword);
        const CliResult r = runReservad({QStringLiteral("keys"), QStringLiteral("rotate"),
                                         QStringLiteral("--database"), m_databaseUrl,
                                         QStringLiteral("--data-dir"), m_server->dataDir()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("signing key (\\S+) is current")).match(r.out);
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        const QString newKid = match.captured(1);

        QTRY_COMPARE_WITH_TIMEOUT(jwksKids(*m_server).size(), 2, 10000);
        QVERIFY(jwksKids(*m_server).contains(newKid));
        const TokenPair after = m_server->login(QStringLiteral("cli.manager"), kPassword);
        QCOMPARE(tokenHeaderOrPayload(after.accessToken, 0).value(QStringLiteral("kid")).toString(),
                 newKid);
        test::TestHttpClient http = m_server->client();
        for (const TokenPair *pair : {&before, &after}) {
            http.setBearer(pair->accessToken);
            QCOMPARE(http.get(QStringLiteral("/v1/users?limit=1")).status, 200);
        }
    }

    void auditVerifyOnAnIntactChain()
    {
        m_server->sealAudit();
        const CliResult r = runReservad({QStringLiteral("audit"), QStringLiteral("verify"),
                                         QStringLiteral("--database"), m_databaseUrl});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(QStringLiteral("intact")), qPrintable(r.out));
    }

    // With no --database, serve starts its own cluster in the data dir and
    // stops it again on SIGTERM: nothing of it may outlive reservad.
    void serveRunsAndStopsTheManagedCluster()
    {
#ifndef Q_OS_UNIX
        QSKIP("signals are a Unix matter");
#else
        const auto dir = makeServeDataDir();
        QVERIFY(dir->isValid());
        const QString clusterDir = dir->path() + QStringLiteral("/pg");
        QProcess process;
        process.setProcessEnvironment(test::cleanReservadEnvironment());
        process.start(QStringLiteral(RESERVAD_PATH),
                      {QStringLiteral("serve"), QStringLiteral("--data-dir"), dir->path(),
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--workers"), QStringLiteral("2")});
        QVERIFY(process.waitForStarted(10000));
        // The port is chosen by the kernel (port 0): read it from the log.
        const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QByteArray output;
        quint16 port = 0;
        QElapsedTimer timer;
        timer.start();
        while (port == 0 && timer.elapsed() < 120000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(500);
            output += process.readAllStandardOutput();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(output));
            if (m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
        if (port == 0) {
            process.kill();
            process.waitForFinished();
            killLeftovers(clusterDir);
            QFAIL(qPrintable(QStringLiteral("serve did not come up: ") +
                             QString::fromUtf8(output + process.readAllStandardError())));
        }
        test::TestHttpClient http(port);
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/readyz")).status, 200, 20000);
        const qint64 postmaster = postmasterPid(clusterDir);
        QVERIFY(postmaster > 0);
        QVERIFY(processAlive(postmaster));

        process.terminate(); // SIGTERM
        const bool finished = process.waitForFinished(60000);
        if (!finished) {
            process.kill();
            process.waitForFinished();
        }
        QVERIFY(finished);
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(postmaster), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(clusterDir).isEmpty(), 10000);
        QVERIFY(!QFile::exists(clusterDir + QStringLiteral("/postmaster.pid")));
#endif
    }

    // A SIGTERM while serve is still starting (PostgreSQL up, server not yet
    // listening) must not kill reservad outright and orphan the cluster.
    void sigtermDuringStartupStillStopsTheCluster()
    {
#ifndef Q_OS_UNIX
        QSKIP("signals are a Unix matter");
#else
        const auto dir = makeServeDataDir();
        QVERIFY(dir->isValid());
        const QString clusterDir = dir->path() + QStringLiteral("/pg");
        QProcess process;
        process.setProcessEnvironment(test::cleanReservadEnvironment());
        process.start(QStringLiteral(RESERVAD_PATH),
                      {QStringLiteral("serve"), QStringLiteral("--data-dir"), dir->path(),
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--workers"), QStringLiteral("2")});
        QVERIFY(process.waitForStarted(10000));
        QElapsedTimer timer;
        timer.start();
        while (postmasterPid(clusterDir) == 0 && timer.elapsed() < 120000 &&
               process.state() == QProcess::Running)
            QThread::msleep(5);
        const qint64 postmaster = postmasterPid(clusterDir);
        QVERIFY2(postmaster > 0, process.readAllStandardError().constData());
        process.terminate();
        const bool finished = process.waitForFinished(120000);
        if (!finished) {
            process.kill();
            process.waitForFinished();
        }
        const QProcess::ExitStatus status = process.exitStatus();
        const int code = process.exitCode();
        // Whatever happened, do not leave a cluster running for later suites.
        const bool orphaned =
            !QTest::qWaitFor([&] { return processesMentioning(clusterDir).isEmpty(); }, 10000);
        killLeftovers(clusterDir);
        QVERIFY(finished);
        QCOMPARE(status, QProcess::NormalExit);
        QCOMPARE(code, 0);
        QVERIFY(!orphaned);
        QVERIFY(!processAlive(postmaster));
#endif
    }

private:
    std::unique_ptr<test::TestServer> m_server;
    QString m_databaseUrl;
    std::unique_ptr<test::TestPki> m_pki;
    test::TestPki::Issued m_tls;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
