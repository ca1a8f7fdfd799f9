#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace reserva {

// The transfer contract: what a transfer product is (its transfer_kind) and
// what a reservation of one must say about the ride (trf_detail). Structured
// fields only, never free text, so a driver's sheet, a flight tracker or a
// port call can be computed from them. One validator, used by the server on
// every booking and by the desktop form before it sends one.
namespace transferkind {

inline constexpr auto kAirportPickup = "airport_pickup";
inline constexpr auto kHotelToHotel = "hotel_to_hotel";
inline constexpr auto kPortTransfer = "port_transfer";

QStringList all();
bool isKnown(const QString &kind);

} // namespace transferkind

// A validated, normalized trf_detail: codes upper-case without spaces, the
// pickup time in UTC, kind-specific fields empty when the kind forbids them.
struct TransferDetail
{
    QString kind;
    QString pickupPlace;
    QString dropoffPlace;
    QDateTime pickupTime; // UTC
    int passengers = 0;
    int luggage = 0;
    QString airportIata;  // airport_pickup only
    QString flightNumber; // airport_pickup only
    QString port;         // port_transfer only
    QString vesselName;   // port_transfer only

    // The wire form; kind-specific fields appear only for their kind.
    QJsonObject toJson() const;
    // Reads an answer the server produced (no validation); nullopt if not an object.
    static std::optional<TransferDetail> fromJson(const QJsonValue &value);
    bool operator==(const TransferDetail &) const = default;
};

// What the validator checks the detail against, when known. Empty/zero/invalid
// members are not checked (a form may validate before a slot is chosen).
struct TransferContext
{
    QString productTransferKind; // trf_detail.kind must equal it
    int seats = 0;               // the reservation's quantity: passengers <= seats
    QDateTime serviceStart;      // the slot: starts_at <= pickup_time < serviceEnd
    QDateTime serviceEnd;
};

// Validates and normalizes `value`, which must be a JSON object; every problem
// is a field error named "trf_detail.<field>" (a missing, forbidden, unknown
// or malformed field; a string instead of the object names "trf_detail").
Result<TransferDetail> validateTransferDetail(const QJsonValue &value,
                                              const TransferContext &context = {});

} // namespace reserva
