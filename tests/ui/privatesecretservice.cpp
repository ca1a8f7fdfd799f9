#include "privatesecretservice.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

namespace reserva::test {

PrivateSecretService::PrivateSecretService() = default;

PrivateSecretService::~PrivateSecretService()
{
    for (QProcess *p : {&m_keyring, &m_bus}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(10000)) {
                p->kill();
                p->waitForFinished();
            }
        }
    }
}

bool PrivateSecretService::start(QString *error)
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (daemon.isEmpty() || keyring.isEmpty()) {
        *error = QStringLiteral("dbus-daemon or gnome-keyring-daemon is not installed "
                                "(scripts/setup-debian.sh installs them)");
        return false;
    }
    const QString socket = m_dir.filePath(QStringLiteral("bus"));
    const QString config = m_dir.filePath(QStringLiteral("session.conf"));
    QFile conf(config);
    if (!conf.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the bus configuration");
        return false;
    }
    conf.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
               "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig><type>session</type>"
               "<listen>unix:path=" +
               socket.toUtf8() +
               "</listen><auth>EXTERNAL</auth>"
               "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
               "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    conf.close();
    const QByteArray address = "unix:path=" + socket.toUtf8();

    m_bus.setProgram(daemon);
    m_bus.setArguments({QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                        QStringLiteral("--nopidfile")});
    m_bus.start();
    if (!m_bus.waitForStarted() || !QTest::qWaitFor([&] { return QFile::exists(socket); }, 20000)) {
        *error = QStringLiteral("dbus-daemon did not start: ") +
                 QString::fromLocal8Bit(m_bus.readAllStandardError());
        return false;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);

    // gnome-keyring keeps its keyrings under XDG_DATA_HOME and its control
    // socket under XDG_RUNTIME_DIR: both in our directory.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(address));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    env.insert(QStringLiteral("HOME"), m_dir.path());
    m_keyring.setProcessEnvironment(env);
    m_keyring.setProgram(keyring);
    m_keyring.setArguments({QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                            QStringLiteral("--components=secrets")});
    m_keyring.start();
    if (!m_keyring.waitForStarted()) {
        *error = QStringLiteral("gnome-keyring-daemon did not start");
        return false;
    }
    m_keyring.write("throwaway-test-keyring-password");
    m_keyring.closeWriteChannel();

    QDBusConnection bus = QDBusConnection::sessionBus();
    const bool registered = QTest::qWaitFor(
        [&] {
            return bus.isConnected() &&
                   bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets"));
        },
        20000);
    if (!registered) {
        *error = QStringLiteral("gnome-keyring-daemon did not register the Secret Service: ") +
                 QString::fromLocal8Bit(m_keyring.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace reserva::test
