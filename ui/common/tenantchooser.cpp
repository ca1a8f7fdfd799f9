#include "tenantchooser.h"

#include "net/apiclient.h"

#include <QJsonArray>

namespace reserva::ui {

TenantChooser::TenantChooser(ApiClient &api, QWidget *parent)
    : QComboBox(parent)
    , m_api(api)
{
    setAccessibleName(tr("Tenant filter"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("All tenants"), QString());
    connect(this, &QComboBox::currentIndexChanged, this, &TenantChooser::tenantChanged);
}

void TenantChooser::load()
{
    const int generation = ++m_generation;
    requestPage(QString(), generation);
}

QUuid TenantChooser::tenantId() const
{
    return QUuid::fromString(currentData().toString());
}

QString TenantChooser::tenantName(const QUuid &id) const
{
    const int i = findData(id.toString(QUuid::WithoutBraces));
    return i > 0 ? itemText(i) : QString();
}

void TenantChooser::requestPage(const QString &cursor, int generation)
{
    ApiRequest request;
    request.path = QStringLiteral("/v1/tenants");
    request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("after"), cursor);
    m_api.send(request, this, [this, cursor, generation](const ApiResponse &response) {
        if (generation != m_generation || !response.ok())
            return;
        const QString current = currentData().toString();
        const QSignalBlocker quiet(this); // the choice stays; no reload per page
        if (cursor.isEmpty()) {
            while (count() > 1)
                removeItem(1);
        }
        for (const QJsonValue &v : response.object().value(u"items").toArray()) {
            const QJsonObject tenant = v.toObject();
            addItem(tenant.value(u"name").toString(), tenant.value(u"id").toString());
        }
        setCurrentIndex(std::max(0, findData(current)));
        if (const QString next = response.object().value(u"next_cursor").toString();
            !next.isEmpty())
            requestPage(next, generation);
    });
}

} // namespace reserva::ui
