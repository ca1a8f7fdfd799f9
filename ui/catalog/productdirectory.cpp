#include "productdirectory.h"

#include "net/apiclient.h"

#include <QJsonArray>

namespace reserva::ui {

ProductDirectory::ProductDirectory(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

void ProductDirectory::load()
{
    ++m_generation;
    m_products.clear();
    m_byId.clear();
    m_loaded = false;
    requestPage(QString(), m_generation);
}

QString ProductDirectory::name(const QString &productId) const
{
    return m_byId.value(productId).value(u"name").toString();
}

void ProductDirectory::requestPage(const QString &cursor, int generation)
{
    ApiRequest request;
    request.path = QStringLiteral("/v1/products");
    request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("after"), cursor);
    m_api.send(request, this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        if (!response.ok()) {
            Q_EMIT loadFailed(*response.error);
            return;
        }
        const QJsonObject page = response.object();
        for (const QJsonValue &v : page.value(u"items").toArray()) {
            const QJsonObject product = v.toObject();
            m_products.append(product);
            m_byId.insert(product.value(u"id").toString(), product);
        }
        const QString next = page.value(u"next_cursor").toString();
        if (!next.isEmpty()) {
            requestPage(next, generation);
            return;
        }
        m_loaded = true;
        Q_EMIT loaded();
    });
}

} // namespace reserva::ui
