#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace reserva {

// One pix of a BCB API Pix callback body ({"pix": [{"endToEndId", "txid",
// "valor", ...}]}). The callback is unsigned: these values are only a hint,
// each confirmed with the PSP before anything is applied (webhookroutes.cpp).
struct PixEntry
{
    QString endToEndId;
    QString txid;
    qint64 amountMinor = 0;
};

// The entries of a callback body, or nullopt unless it is a JSON object whose
// "pix" array holds 1 to 100 entries, each with a 32-character alphanumeric
// endToEndId, a 26-35 character alphanumeric txid and a "valor" of the form
// "123.45".
std::optional<QList<PixEntry>> pixCallbackEntries(const QByteArray &body);

} // namespace reserva
