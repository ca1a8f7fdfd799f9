#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace reserva::test {

// A real Secret Service for keychain tests, isolated from the user's: a
// private D-Bus session bus (dbus-daemon with a config of our own and a
// socket in a temporary directory) and gnome-keyring-daemon on it, unlocked
// with a throwaway password, keeping its keyrings in the same directory.
// Must be started before anything in the process connects to the session
// bus: it points DBUS_SESSION_BUS_ADDRESS at the private bus.
class PrivateSecretService
{
public:
    PrivateSecretService();
    ~PrivateSecretService();

    // Sets *error and returns false when the tools are missing or do not start.
    bool start(QString *error);

private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
};

} // namespace reserva::test
