#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace reserva::ui {

// How values from the wire are shown: money and times through QLocale (the
// user's language and region), statuses in words.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)
public:
    // 123450 "ARS" -> "ARS 1.234,50" in es, "ARS 1,234.50" in en.
    static QString money(qint64 minor, const QString &currency);
    // An RFC 3339 UTC timestamp in the user's local time, short form.
    static QString timestamp(const QString &rfc3339);
    static QString timestamp(const QDateTime &utc);
    static QString reservationStatus(const QString &wireName);
    static QStringList reservationStatusNames(); // the wire names, in lifecycle order
    static QString auditOutcome(const QString &wireName);
    static QString paymentProvider(const QString &wireName); // "mercadopago" -> "Mercado Pago"
    static QString paymentStatus(const QString &wireName);
    static QString role(const QString &wireName);
    static QString productKind(const QString &wireName);
    static QStringList productKindNames(); // tour, excursion, transfer, package
    static QString transferKind(const QString &wireName);
    static QStringList transferKindNames();
    // 90 -> "1 h 30 min"
    static QString duration(int minutes);
    // Basis points as a percentage in the locale: 1250 -> "12.5 %".
    static QString percent(int basisPoints);
};

} // namespace reserva::ui
