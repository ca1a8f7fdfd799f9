#pragma once

#include "net/apierror.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace reserva::ui {

class ApiClient;

// The products the user can see, by id: names for the reservation list and
// the choices of the booking form. Loaded page by page on load() and kept
// until the next load().
class ProductDirectory final : public QObject
{
    Q_OBJECT
public:
    explicit ProductDirectory(ApiClient &api, QObject *parent = nullptr);

    void load();
    bool isLoaded() const { return m_loaded; }
    QString name(const QString &productId) const;
    QJsonObject product(const QString &productId) const { return m_byId.value(productId); }
    // In the server's order (by name).
    QList<QJsonObject> products() const { return m_products; }

Q_SIGNALS:
    void loaded();
    void loadFailed(const reserva::ui::ApiError &error);

private:
    void requestPage(const QString &cursor, int generation);

    ApiClient &m_api;
    QList<QJsonObject> m_products;
    QHash<QString, QJsonObject> m_byId;
    bool m_loaded = false;
    int m_generation = 0;
};

} // namespace reserva::ui
