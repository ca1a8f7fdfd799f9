#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace reserva {

class RequestContext;

struct PageRequest
{
    int limit = 50;
    QString after; // the decoded cursor; empty: from the start
};

// Reads `limit` (1..maxLimit, default 50) and `after` (an opaque cursor this
// server issued) from the query string; 400 naming the parameter otherwise.
Result<PageRequest> readPageRequest(const RequestContext &ctx, int maxLimit = 200);
QString encodeCursor(const QString &key);

// {"items": [...], "next_cursor": "..." | null}; `lastKey` is the key of the
// last item when the page is full (more may follow), else empty.
QJsonObject pageJson(const QJsonArray &items, const QString &lastKey);

} // namespace reserva
