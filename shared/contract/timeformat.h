#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace reserva {

// RFC 3339 in UTC with millisecond precision: "2026-11-24T16:05:26.123Z".
QString toRfc3339(const QDateTime &t);
// Accepts RFC 3339 with an offset or Z; returns UTC. nullopt if malformed.
std::optional<QDateTime> fromRfc3339(const QString &text);

} // namespace reserva
