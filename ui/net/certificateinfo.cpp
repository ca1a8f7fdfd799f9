#include "certificateinfo.h"

#include <QCryptographicHash>

namespace reserva::ui {

namespace {

QString describeName(const QSslCertificate &certificate, bool issuer)
{
    const auto field = [&](QSslCertificate::SubjectInfo info) {
        const QStringList values =
            issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        return values.join(QStringLiteral(", "));
    };
    QStringList parts;
    for (const auto info :
         {QSslCertificate::CommonName, QSslCertificate::Organization,
          QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName}) {
        if (const QString value = field(info); !value.isEmpty())
            parts << value;
    }
    return parts.join(QStringLiteral(" / "));
}

} // namespace

QString CertificateInfo::fingerprintOf(const QSslCertificate &certificate)
{
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < digest.size(); i += 2)
        pairs << QString::fromLatin1(digest.mid(i, 2));
    return pairs.join(u':');
}

CertificateInfo CertificateInfo::from(const QSslCertificate &certificate,
                                      const QList<QSslError> &errors)
{
    CertificateInfo info;
    info.certificate = certificate;
    if (certificate.isNull())
        return info;
    info.subject = describeName(certificate, false);
    info.issuer = describeName(certificate, true);
    info.validFrom = certificate.effectiveDate().toUTC();
    info.validTo = certificate.expiryDate().toUTC();
    info.sha256 = fingerprintOf(certificate);
    info.selfSigned = certificate.isSelfSigned();
    for (const QSslError &error : errors) {
        if (!info.reasons.contains(error.errorString()))
            info.reasons << error.errorString();
    }
    return info;
}

} // namespace reserva::ui
