#include "certificatedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(const QString &server, const CertificateInfo &info,
                                     bool pinnedDifferent, QWidget *parent)
    : QDialog(parent)
    , m_canTrust(info.selfSigned && !info.isNull())
{
    setWindowTitle(tr("Certificate not trusted"));
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    QString headline =
        tr("<b>The identity of %1 could not be verified.</b>").arg(server.toHtmlEscaped());
    if (pinnedDifferent)
        headline += QStringLiteral("<br>") +
                    tr("This server presented a <b>different certificate</b> from the one you "
                       "trusted before. Someone may be intercepting the connection.");
    else if (m_canTrust)
        headline += QStringLiteral("<br>") +
                    tr("Its certificate is self-signed. Trust it only if your administrator "
                       "confirms this fingerprint.");
    else
        headline += QStringLiteral("<br>") +
                    tr("The connection was stopped. Ask your administrator to fix the server's "
                       "certificate.");
    auto *top = new QLabel(headline, this);
    top->setWordWrap(true);

    const QLocale locale;
    auto *form = new QFormLayout;
    form->addRow(tr("Issued to:"), selectable(info.subject, this));
    form->addRow(tr("Issued by:"), selectable(info.issuer, this));
    form->addRow(
        tr("Valid from:"),
        selectable(locale.toString(info.validFrom.toLocalTime(), QLocale::LongFormat), this));
    form->addRow(
        tr("Valid until:"),
        selectable(locale.toString(info.validTo.toLocalTime(), QLocale::LongFormat), this));
    auto *fingerprint = selectable(info.sha256, this);
    fingerprint->setFont(QFont(QStringLiteral("monospace")));
    fingerprint->setAccessibleName(tr("SHA-256 fingerprint"));
    form->addRow(tr("SHA-256 fingerprint:"), fingerprint);
    form->addRow(tr("Problems:"), selectable(info.reasons.join(u'\n'), this));

    auto *buttons = new QDialogButtonBox(this);
    auto *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setDefault(true);
    if (m_canTrust)
        buttons->addButton(tr("Trust this certificate"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addWidget(top, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace reserva::ui
