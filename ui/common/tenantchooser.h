#pragma once

#include <QComboBox>
#include <QUuid>

namespace reserva::ui {

class ApiClient;

// For platform-wide users (an administrator's token names no tenant): which
// tenant a page lists and creates for, from GET /v1/tenants. Partner users
// never see it: the server scopes them to their own tenant.
class TenantChooser final : public QComboBox
{
    Q_OBJECT
public:
    explicit TenantChooser(ApiClient &api, QWidget *parent = nullptr);

    void load();
    // Null for "All tenants".
    QUuid tenantId() const;
    QString tenantName(const QUuid &id) const;

Q_SIGNALS:
    void tenantChanged();

private:
    void requestPage(const QString &cursor, int generation);

    ApiClient &m_api;
    int m_generation = 0;
};

} // namespace reserva::ui
