#include "pixcallback.h"

#include "domain/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace reserva {

std::optional<QList<PixEntry>> pixCallbackEntries(const QByteArray &body)
{
    // Field rules of the BCB API Pix callback, anchored with \A...\z: a "$"
    // would also match before a final newline and let "<32 chars>\n" through
    // (found by tests/fuzz/fuzz_pix_callback).
    static const QRegularExpression e2e(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9]{32}")));
    static const QRegularExpression txid(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9]{26,35}")));
    static const QRegularExpression valor(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,10}\\.[0-9]{2}")));
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonArray list = doc.object().value(QStringLiteral("pix")).toArray();
    if (!doc.isObject() || list.isEmpty() || list.size() > 100)
        return std::nullopt;
    QList<PixEntry> out;
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        PixEntry entry{o.value(QStringLiteral("endToEndId")).toString(),
                       o.value(QStringLiteral("txid")).toString(), 0};
        const QString amount = o.value(QStringLiteral("valor")).toString();
        if (!e2e.match(entry.endToEndId).hasMatch() || !txid.match(entry.txid).hasMatch() ||
            !valor.match(amount).hasMatch())
            return std::nullopt;
        entry.amountMinor = money::parseDecimal(amount, 2).value_or(-1);
        out << entry;
    }
    return out;
}

} // namespace reserva
