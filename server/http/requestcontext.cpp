#include "requestcontext.h"

#include "contract/timeformat.h"
#include "db/sqlerror.h"

namespace reserva {

RequestContext::RequestContext(HttpRequest &req, QString id, DbConnection *db, QDateTime time)
    : request(req)
    , requestId(std::move(id))
    , now(std::move(time))
    , m_db(db)
{
}

DbConnection &RequestContext::db()
{
    if (!m_db)
        throw DatabaseFailure(QStringLiteral("no database connection"), QSqlError());
    return *m_db;
}

std::optional<QUuid> RequestContext::uuidParam(const QString &name) const
{
    const QString value = params.value(name);
    // Exactly the canonical 36-character form: no braces, no other spellings.
    if (value.size() != 36)
        return std::nullopt;
    const QUuid id = QUuid::fromString(value);
    if (id.isNull())
        return std::nullopt;
    return id;
}

Result<QUuid> RequestContext::queryUuid(const QString &name) const
{
    const QString value = request.queryValue(name);
    if (value.isEmpty())
        return QUuid();
    const QUuid id = QUuid::fromString(value);
    if (id.isNull() || value.size() != 36)
        return Problem::field(name, QStringLiteral("must be a UUID"));
    return id;
}

Result<QDateTime> RequestContext::queryTime(const QString &name) const
{
    const QString value = request.queryValue(name);
    if (value.isEmpty())
        return QDateTime();
    const auto t = fromRfc3339(value);
    if (!t)
        return Problem::field(name, QStringLiteral("must be an RFC 3339 time"));
    return *t;
}

Result<QJsonObject> RequestContext::jsonBody() const
{
    const QByteArray type = request.header("content-type").toLower();
    const qsizetype semicolon = type.indexOf(';');
    const QByteArray mediaType = (semicolon < 0 ? type : type.left(semicolon)).trimmed();
    if (mediaType != "application/json")
        return Problem(ProblemType::UnsupportedMediaType,
                       QStringLiteral("Send the body as application/json."));
    return parseJsonObject(request.body);
}

HttpResponse RequestContext::problem(const Problem &p) const
{
    return HttpResponse::problem(p, requestId);
}

HttpResponse RequestContext::notFound() const
{
    return problem(Problem(ProblemType::NotFound));
}

} // namespace reserva
