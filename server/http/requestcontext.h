#pragma once

#include "contract/jsonreader.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "identity/principal.h"

#include <QDateTime>
#include <QHash>
#include <QUuid>

#include <optional>

namespace reserva {

class DbConnection;

// Everything a handler may use for one request.
class RequestContext
{
public:
    RequestContext(HttpRequest &request, QString requestId, DbConnection *db, QDateTime now);

    HttpRequest &request;
    const QString requestId;
    QHash<QString, QString> params;
    std::optional<Principal> principal;
    const QDateTime now; // the request's time, from the injectable clock

    const Principal &caller() const { return *principal; }
    // The worker's connection; throws DatabaseFailure if the server has none.
    DbConnection &db();

    // A path parameter that must be a UUID; nullopt (answer 404) otherwise.
    std::optional<QUuid> uuidParam(const QString &name) const;
    // Optional query parameters: absent gives a null UUID / invalid time;
    // present but malformed is a 400 naming the parameter.
    Result<QUuid> queryUuid(const QString &name) const;
    Result<QDateTime> queryTime(const QString &name) const;
    // The body as one JSON object; 415 unless Content-Type is JSON, 400 if malformed.
    Result<QJsonObject> jsonBody() const;

    HttpResponse problem(const Problem &problem) const;
    HttpResponse notFound() const;

private:
    DbConnection *m_db;
};

} // namespace reserva
