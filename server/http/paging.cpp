#include "paging.h"

#include "crypto/base64url.h"
#include "requestcontext.h"

namespace reserva {

Result<PageRequest> readPageRequest(const RequestContext &ctx, int maxLimit)
{
    PageRequest page;
    const QString limit = ctx.request.queryValue(QStringLiteral("limit"));
    if (!limit.isEmpty()) {
        bool ok = false;
        page.limit = limit.toInt(&ok);
        if (!ok || page.limit < 1 || page.limit > maxLimit)
            return Problem::field(QStringLiteral("limit"),
                                  QStringLiteral("must be an integer from 1 to %1").arg(maxLimit));
    }
    const QString after = ctx.request.queryValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        const auto decoded = base64UrlDecode(after.toLatin1());
        if (!decoded || decoded->size() > 512)
            return Problem::field(QStringLiteral("after"), QStringLiteral("is not a valid cursor"));
        page.after = QString::fromUtf8(*decoded);
    }
    return page;
}

QString encodeCursor(const QString &key)
{
    return QString::fromLatin1(base64UrlEncode(key.toUtf8()));
}

QJsonObject pageJson(const QJsonArray &items, const QString &lastKey)
{
    return {{QStringLiteral("items"), items},
            {QStringLiteral("next_cursor"),
             lastKey.isEmpty() ? QJsonValue() : QJsonValue(encodeCursor(lastKey))}};
}

} // namespace reserva
