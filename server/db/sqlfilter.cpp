#include "sqlfilter.h"

#include "dbconnection.h"

namespace reserva {

DbRows SqlFilter::page(DbConnection &db, const QString &select, const QString &orderBy, int limit,
                       const char *context) const
{
    QVariantList params = m_params;
    params << limit;
    return db.execOneShot(select + where() + orderBy + QStringLiteral(" LIMIT ?"), params, context);
}

} // namespace reserva
