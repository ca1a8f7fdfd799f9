#pragma once

#include "httprequest.h"
#include "httpresponse.h"

namespace reserva {

class DbConnection;

// What a worker calls for each complete request, on the worker's own thread,
// synchronously. `db` is the worker's connection (null when the server runs
// without a database, e.g. a test's fake provider).
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual HttpResponse handle(HttpRequest &request, DbConnection *db) = 0;
    // A request that failed to parse (400, 408, 413, 431...): the handler
    // only gets to log it and shape the answer.
    virtual HttpResponse reject(const HttpRequest &partial, const Problem &problem) = 0;
};

} // namespace reserva
