#include "certificatepins.h"

#include <QSettings>

namespace reserva::ui {

CertificatePins::CertificatePins(QSettings &settings)
    : m_settings(settings)
{
}

QString CertificatePins::keyFor(const QString &host, int port)
{
    // QSettings treats '/' as a group separator and ':' is not portable in
    // keys, so the server is spelled host_port (hosts hold neither '_' nor '/'
    // once lower-cased and IDN-encoded by QUrl).
    return QStringLiteral("certificate-pins/") + host.toLower() + u'_' + QString::number(port);
}

QString CertificatePins::pinnedFingerprint(const QString &host, int port) const
{
    return m_settings.value(keyFor(host, port)).toString();
}

bool CertificatePins::matches(const QString &host, int port, const QString &fingerprint) const
{
    const QString pinned = pinnedFingerprint(host, port);
    return !pinned.isEmpty() && !fingerprint.isEmpty() &&
           pinned.compare(fingerprint, Qt::CaseInsensitive) == 0;
}

void CertificatePins::pin(const QString &host, int port, const QString &fingerprint)
{
    m_settings.setValue(keyFor(host, port), fingerprint);
    m_settings.sync();
}

void CertificatePins::unpin(const QString &host, int port)
{
    m_settings.remove(keyFor(host, port));
    m_settings.sync();
}

} // namespace reserva::ui
