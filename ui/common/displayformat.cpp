#include "displayformat.h"

#include "contract/transferdetail.h"
#include "domain/currency.h"

#include <QLocale>

namespace reserva::ui {

QString DisplayFormat::money(qint64 minor, const QString &currency)
{
    const int digits = currency::exponent(currency).value_or(2);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const QLocale locale;
    // Integer arithmetic up to the decimal point: no double rounding of money.
    const qint64 whole = minor / scale;
    const qint64 fraction = (minor < 0 ? -minor : minor) % scale;
    QString text = locale.toString(whole);
    if (minor < 0 && whole == 0)
        text.prepend(locale.negativeSign());
    if (digits > 0)
        text += locale.decimalPoint() +
                QStringLiteral("%1").arg(fraction, digits, 10, QLatin1Char('0'));
    return currency + QChar(0x00A0) + text;
}

QString DisplayFormat::timestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString DisplayFormat::timestamp(const QString &rfc3339)
{
    if (rfc3339.isEmpty())
        return {};
    return timestamp(QDateTime::fromString(rfc3339, Qt::ISODateWithMs));
}

QStringList DisplayFormat::reservationStatusNames()
{
    return {QStringLiteral("pending_payment"), QStringLiteral("paid"), QStringLiteral("expired"),
            QStringLiteral("cancelled"), QStringLiteral("refunded")};
}

QString DisplayFormat::reservationStatus(const QString &wireName)
{
    if (wireName == u"pending_payment")
        return tr("Awaiting payment");
    if (wireName == u"paid")
        return tr("Paid");
    if (wireName == u"expired")
        return tr("Expired");
    if (wireName == u"cancelled")
        return tr("Cancelled");
    if (wireName == u"refunded")
        return tr("Refunded");
    return wireName;
}

QString DisplayFormat::paymentProvider(const QString &wireName)
{
    // Brand names: not translated.
    if (wireName == u"stripe")
        return QStringLiteral("Stripe");
    if (wireName == u"mercadopago")
        return QStringLiteral("Mercado Pago");
    if (wireName == u"pix")
        return QStringLiteral("Pix");
    return wireName;
}

QString DisplayFormat::paymentStatus(const QString &wireName)
{
    // "payment" tells translators these are a payment's (gender, wording),
    // not a reservation's statuses of the same English words.
    if (wireName == u"created")
        return tr("Created", "payment");
    if (wireName == u"processing")
        return tr("Processing", "payment");
    if (wireName == u"succeeded")
        return tr("Succeeded", "payment");
    if (wireName == u"failed")
        return tr("Failed", "payment");
    if (wireName == u"canceled")
        return tr("Cancelled", "payment");
    if (wireName == u"partially_refunded")
        return tr("Partially refunded", "payment");
    if (wireName == u"refunded")
        return tr("Refunded", "payment");
    return wireName;
}

QString DisplayFormat::auditOutcome(const QString &wireName)
{
    if (wireName == u"success")
        return tr("Success");
    if (wireName == u"failure")
        return tr("Failure");
    if (wireName == u"denied")
        return tr("Denied");
    if (wireName == u"error")
        return tr("Error");
    return wireName;
}

QString DisplayFormat::role(const QString &wireName)
{
    if (wireName == u"admin")
        return tr("Administrator");
    if (wireName == u"partner_manager")
        return tr("Partner manager");
    if (wireName == u"partner_staff")
        return tr("Partner staff");
    if (wireName == u"auditor")
        return tr("Auditor");
    return wireName;
}

QStringList DisplayFormat::productKindNames()
{
    return {QStringLiteral("tour"), QStringLiteral("excursion"), QStringLiteral("transfer"),
            QStringLiteral("package")};
}

QString DisplayFormat::productKind(const QString &wireName)
{
    if (wireName == u"tour")
        return tr("Tour");
    if (wireName == u"excursion")
        return tr("Excursion");
    if (wireName == u"transfer")
        return tr("Transfer");
    if (wireName == u"package")
        return tr("Package");
    return wireName;
}

QStringList DisplayFormat::transferKindNames()
{
    return transferkind::all();
}

QString DisplayFormat::transferKind(const QString &wireName)
{
    if (wireName == u"airport_pickup")
        return tr("Airport pickup");
    if (wireName == u"hotel_to_hotel")
        return tr("Hotel to hotel");
    if (wireName == u"port_transfer")
        return tr("Port transfer");
    return wireName;
}

QString DisplayFormat::duration(int minutes)
{
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    if (hours == 0)
        return tr("%1 min").arg(rest);
    if (rest == 0)
        return tr("%1 h").arg(hours);
    return tr("%1 h %2 min").arg(hours).arg(rest);
}

QString DisplayFormat::percent(int basisPoints)
{
    const QLocale locale;
    QString number = locale.toString(basisPoints / 100);
    if (const int fraction = basisPoints % 100; fraction != 0) {
        QString digits = QStringLiteral("%1").arg(fraction, 2, 10, QLatin1Char('0'));
        while (digits.endsWith(u'0'))
            digits.chop(1);
        number += locale.decimalPoint() + digits;
    }
    return tr("%1 %").arg(number);
}

} // namespace reserva::ui
