#include "displayformat.h"

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

} // namespace reserva::ui
