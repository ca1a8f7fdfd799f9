#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QWidget>

class QDateTimeEdit;
class QLineEdit;
class QSpinBox;

namespace reserva::ui {

class FieldErrors;

// The ride of a transfer booking (trf_detail): pickup and drop-off places,
// pickup time, passengers and luggage, and what the product's transfer kind
// adds (airport and flight for an airport pickup; port and vessel for a port
// transfer). Checked before sending by the same validator the server runs
// (shared/contract/transferdetail), each problem shown under its field in
// the user's language; the server's own answer lands there too.
class TransferDetailForm final : public QWidget
{
    Q_OBJECT
public:
    explicit TransferDetailForm(QWidget *parent = nullptr);

    // The product's transfer kind: shows the fields that kind has.
    void setKind(const QString &transferKind);
    QString kind() const { return m_kind; }
    // The departure booked: the pickup must fall within it.
    void setService(const QDateTime &startUtc, const QDateTime &endUtc);
    void setSeats(int seats) { m_seats = seats; }

    // The detail as typed (what validate() checks).
    QJsonObject detail() const;
    // Runs the shared validator; shows its problems under their fields.
    // The normalized detail to send, or an empty object when there are problems.
    QJsonObject validate();
    FieldErrors *errors() const { return m_errors; }

private:
    QString hintFor(const QString &field) const;

    FieldErrors *m_errors;
    QString m_kind;
    QDateTime m_serviceStart;
    QDateTime m_serviceEnd;
    int m_seats = 0;
    QLineEdit *m_pickupPlace;
    QLineEdit *m_dropoffPlace;
    QDateTimeEdit *m_pickupTime;
    QSpinBox *m_passengers;
    QSpinBox *m_luggage;
    QLineEdit *m_airport;
    QLineEdit *m_flight;
    QLineEdit *m_port;
    QLineEdit *m_vessel;
    QWidget *m_airportRow;
    QWidget *m_flightRow;
    QWidget *m_portRow;
    QWidget *m_vesselRow;
};

} // namespace reserva::ui
