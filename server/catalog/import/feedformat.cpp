#include "feedformat.h"

#include "csvfeedreader.h"
#include "jsonfeedreader.h"

namespace reserva::catalogimport {

Result<QList<RawProduct>> readFeed(const QByteArray &bytes, const QString &format,
                                   const QString &provider)
{
    if (format == u"csv")
        return readCsvFeed(bytes);
    return readJsonFeed(bytes, provider);
}

} // namespace reserva::catalogimport
