#pragma once

#include "transferdetail.h"

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
    QString kind;         // tour | excursion | transfer | package
    QString transferKind; // transfers only: airport_pickup | hotel_to_hotel | port_transfer
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
    qint64 subtotalMinor = 0; // unit price x quantity, before promotions
    qint64 discountMinor = 0; // what the promotion codes took off (issue #5)
    qint64 amountMinor = 0;   // what the customer pays: subtotal - discount
    QString currency;
    std::optional<TransferDetail> trfDetail; // reservations of transfer products only
    QDateTime holdExpiresAt;                 // invalid once the hold is over
    QDateTime createdAt;

    QJsonObject toJson() const;
    static std::optional<ReservationView> fromJson(const QJsonObject &o);
};

} // namespace reserva
