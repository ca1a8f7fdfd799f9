#pragma once

#include <QCalendarWidget>
#include <QHash>
#include <QStringList>

#include <memory>

namespace reserva::ui {

class ApiClient;
struct ApiError;

// One product's departures by day, a month at a time: under each day's
// number the departures that day and the seats left of their capacity, a
// sold-out day marked as such, from GET /v1/availability. Showing another
// month (or product) loads it asynchronously; an answer for a month or
// product no longer shown is dropped. Days are the user's own (local) days.
// Colours come from the palette's roles, so dark and light themes both read.
class AvailabilityCalendar final : public QCalendarWidget
{
    Q_OBJECT
public:
    struct Day
    {
        int departures = 0;
        int seatsLeft = 0;
        int capacity = 0;
        QStringList slotIds;

        bool soldOut() const { return departures > 0 && seatsLeft == 0; }
    };

    explicit AvailabilityCalendar(ApiClient &api, QWidget *parent = nullptr);
    ~AvailabilityCalendar() override;

    // The product shown; empty clears the calendar.
    void setProduct(const QString &productId);
    QString productId() const { return m_productId; }
    // Loads the month shown again (after a departure changed).
    void reload();
    bool isLoading() const { return m_request != nullptr; }

    // What the calendar shows for `date` (no departures: a Day of zeros).
    Day day(const QDate &date) const { return m_days.value(date); }
    // The text under the day's number: "2 dep." and "12/15" or "Sold out".
    QString dayText(const QDate &date) const;

Q_SIGNALS:
    void monthLoaded(int year, int month);
    void loadFailed(const reserva::ui::ApiError &error);

protected:
    void paintCell(QPainter *painter, const QRect &rect, QDate date) const override;

private:
    void loadShownMonth();
    void cancelLoad();
    void showSlots(const QJsonArray &slots);

    ApiClient &m_api;
    QString m_productId;
    std::unique_ptr<QObject> m_request; // the month request's context
    QHash<QDate, Day> m_days;
};

} // namespace reserva::ui
