#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace reserva::ui {

// The refresh token's only home on this computer: the OS keychain through
// QtKeychain (Secret Service, macOS Keychain, Windows Credential Manager).
// Never QSettings, never a file, and no insecure fallback: when no keychain
// is available, "remember me" simply cannot remember. Asynchronous: keychains
// may prompt or talk D-Bus.
class TokenStore final : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QString service = QStringLiteral("Reserva"), QObject *parent = nullptr);

    // One entry per server origin and user, e.g. "https://host:443 admin".
    static QString accountFor(const QString &serverOrigin, const QString &username);

    // done(error): empty on success.
    void save(const QString &account, const QString &refreshToken,
              std::function<void(const QString &error)> done);
    // done(token, error): no token and no error when nothing is stored.
    void load(const QString &account,
              std::function<void(const std::optional<QString> &token, const QString &error)> done);
    // Succeeds when nothing was stored.
    void remove(const QString &account, std::function<void(const QString &error)> done);

private:
    QString m_service;
};

} // namespace reserva::ui
