#pragma once

#include "http/httpresponse.h"

#include <QString>
#include <QUuid>

#include <optional>

namespace reserva {

class RequestContext;

// Where a reader of the reservations change feed stands. `resume` is the
// oldest transaction that was still running when its sweep began: the next
// sweep starts there, so a write that commits late is read then. Within a
// sweep of several pages, (xid, id) is the last row sent.
struct FeedCursor
{
    quint64 resume = 0;
    quint64 xid = 0;
    QUuid id; // null: not inside a sweep

    bool insideSweep() const { return !id.isNull(); }
    QString toText() const;
    static std::optional<FeedCursor> fromText(const QString &text);
};

// GET /v1/reservations/changes?after=&limit=: the reservations written since
// the cursor (every column the list has), oldest write first; always a
// next_cursor, and "more" when the reader should ask again at once.
HttpResponse reservationChanges(RequestContext &ctx);

// GET /v1/reservations/{id}/audit: the audit rows of one reservation and of
// its payment intents, oldest first.
HttpResponse reservationTrail(RequestContext &ctx);

} // namespace reserva
