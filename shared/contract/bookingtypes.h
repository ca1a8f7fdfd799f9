#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace reserva {

// Wire types of the catalog and booking API, (de)serialized by both ends.

struct ProductView
{
    QUuid id;
    QUuid tenantId;
    QString name;
    QString kind; // tour | excursion | transfer | package
    QString description;
    qint64 priceMinor = 0;
    QString currency;
    bool active = true;

    QJsonObject toJson() const;
    static std::optional<ProductView> fromJson(const QJsonObject &o);
};

struct SlotView
{
    QUuid id;
    QUuid productId;
    QDateTime startsAt;
    int durationMinutes = 0;
    int capacity = 0;
    int remaining = 0; // capacity minus held and sold seats

    QJsonObject toJson() const;
    static std::optional<SlotView> fromJson(const QJsonObject &o);
};

struct CustomerView
{
    QString name;
    QString email;
    QString phone;
};

struct ReservationView
{
    QUuid id;
    QUuid slotId;
    QUuid productId;
    int quantity = 0;
    CustomerView customer;
    QString status;
    qint64 amountMinor = 0;
    QString currency;
    QDateTime holdExpiresAt; // invalid once the hold is over
    QDateTime createdAt;

    QJsonObject toJson() const;
    static std::optional<ReservationView> fromJson(const QJsonObject &o);
};

} // namespace reserva
