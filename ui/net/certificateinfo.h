#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace reserva::ui {

// What the user needs to judge a server certificate that did not verify:
// who it names, who signed it, when it is valid, its SHA-256 fingerprint
// (the value a pin stores) and why verification failed.
struct CertificateInfo
{
    QSslCertificate certificate;
    QString subject;
    QString issuer;
    QDateTime validFrom;
    QDateTime validTo;
    QString sha256;      // upper-case hex pairs joined by ':'
    QStringList reasons; // QSslError::errorString() of each failure
    bool selfSigned = false;

    bool isNull() const { return certificate.isNull(); }
    static CertificateInfo from(const QSslCertificate &certificate,
                                const QList<QSslError> &errors = {});
    // The fingerprint format used everywhere (pins, dialogs).
    static QString fingerprintOf(const QSslCertificate &certificate);
};

} // namespace reserva::ui
