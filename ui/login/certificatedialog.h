#pragma once

#include "net/certificateinfo.h"

#include <QDialog>

namespace reserva::ui {

// Shown when a server's certificate does not verify: who it names, who issued
// it, its validity and SHA-256 fingerprint, and why it failed. A self-signed
// certificate may be trusted explicitly (the caller then pins its
// fingerprint); any other failure can only be canceled.
class CertificateDialog final : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(const QString &server, const CertificateInfo &info,
                      bool pinnedDifferent = false, QWidget *parent = nullptr);

    bool canTrust() const { return m_canTrust; }

private:
    bool m_canTrust;
};

} // namespace reserva::ui
