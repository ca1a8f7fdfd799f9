#include "reservationbooking.h"

#include "net/idempotentpost.h"

namespace reserva::ui {

ReservationBooking::ReservationBooking(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_post(new IdempotentPost(api, this))
{
    connect(m_post, &IdempotentPost::succeeded, this, &ReservationBooking::created);
    connect(m_post, &IdempotentPost::failed, this, &ReservationBooking::failed);
}

void ReservationBooking::submit(const QJsonObject &payload)
{
    m_post->submit(QStringLiteral("/v1/reservations"), payload);
}

bool ReservationBooking::isBusy() const
{
    return m_post->isBusy();
}

QByteArray ReservationBooking::currentKey() const
{
    return m_post->currentKey();
}

bool ReservationBooking::isRetryable(const ApiError &error)
{
    return IdempotentPost::isRetryable(error);
}

} // namespace reserva::ui
