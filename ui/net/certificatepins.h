#pragma once

#include <QString>

class QSettings;

namespace reserva::ui {

// Self-signed server certificates the user trusted explicitly, one SHA-256
// fingerprint per server (host and port). Only the fingerprint is stored,
// in QSettings: it is not a secret, and a server that later presents any
// other certificate is questioned again instead of silently accepted.
class CertificatePins
{
public:
    explicit CertificatePins(QSettings &settings);

    QString pinnedFingerprint(const QString &host, int port) const;
    bool matches(const QString &host, int port, const QString &fingerprint) const;
    void pin(const QString &host, int port, const QString &fingerprint);
    void unpin(const QString &host, int port);

private:
    static QString keyFor(const QString &host, int port);
    QSettings &m_settings;
};

} // namespace reserva::ui
