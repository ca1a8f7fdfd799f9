#include "availabilitycalendar.h"

#include "common/timezonetext.h"
#include "contract/bookingtypes.h"
#include "net/apiclient.h"

#include <QJsonArray>
#include <QLocale>
#include <QPainter>
#include <QTextCharFormat>

namespace reserva::ui {

namespace {

// The grid shows up to six weeks around the month: ask for a week before
// its first day and six weeks after (well inside the route's 92 days), so the
// neighbouring months' days in the grid are filled in too.
constexpr int kDaysBefore = 7;
constexpr int kDaysAfter = 42;

} // namespace

AvailabilityCalendar::AvailabilityCalendar(ApiClient &api, QWidget *parent)
    : QCalendarWidget(parent)
    , m_api(api)
{
    setAccessibleName(tr("Availability calendar"));
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setGridVisible(true);
    setMinimumSize(360, 280);
    connect(this, &QCalendarWidget::currentPageChanged, this,
            &AvailabilityCalendar::loadShownMonth);
}

AvailabilityCalendar::~AvailabilityCalendar()
{
    cancelLoad();
}

void AvailabilityCalendar::setProduct(const QString &productId)
{
    m_productId = productId;
    reload();
}

void AvailabilityCalendar::reload()
{
    loadShownMonth();
}

void AvailabilityCalendar::cancelLoad()
{
    if (m_request) {
        m_api.abort(m_request.get());
        m_request.reset();
    }
}

void AvailabilityCalendar::loadShownMonth()
{
    // Whatever was on its way was for another month or product.
    cancelLoad();
    m_days.clear();
    setDateTextFormat(QDate(), QTextCharFormat());
    updateCells();
    if (m_productId.isEmpty())
        return;
    const int year = yearShown();
    const int month = monthShown();
    const QDate first(year, month, 1);
    ApiRequest request;
    request.path = QStringLiteral("/v1/availability");
    // Local midnights, sent with their own offsets (DST may differ between them).
    const auto bound = [](const QDate &day) {
        return QString::fromLatin1(
            QUrl::toPercentEncoding(timezonetext::rfc3339WithOffset(QDateTime(day, QTime(0, 0)))));
    };
    request.query.addQueryItem(QStringLiteral("product"), m_productId);
    request.query.addQueryItem(QStringLiteral("from"), bound(first.addDays(-kDaysBefore)));
    request.query.addQueryItem(QStringLiteral("to"), bound(first.addDays(kDaysAfter)));
    m_request = std::make_unique<QObject>();
    m_api.send(request, m_request.get(), [this, year, month](const ApiResponse &response) {
        m_request.reset();
        if (!response.ok()) {
            Q_EMIT loadFailed(*response.error);
            return;
        }
        showSlots(response.object().value(u"slots").toArray());
        Q_EMIT monthLoaded(year, month);
    });
}

void AvailabilityCalendar::showSlots(const QJsonArray &slots)
{
    m_days.clear();
    for (const QJsonValue &value : slots) {
        const std::optional<SlotView> slot = SlotView::fromJson(value.toObject());
        if (!slot || !slot->startsAt.isValid())
            continue;
        Day &day = m_days[slot->startsAt.toLocalTime().date()];
        ++day.departures;
        day.seatsLeft += slot->remaining;
        day.capacity += slot->capacity;
        day.slotIds << slot->id.toString(QUuid::WithoutBraces);
    }
    // The full sentence as each day's tooltip (and for screen readers).
    const QLocale locale;
    for (auto it = m_days.cbegin(); it != m_days.cend(); ++it) {
        QTextCharFormat format;
        const QString departures = tr("%n departure(s)", nullptr, it->departures);
        format.setToolTip(it->soldOut() ? tr("%1, sold out").arg(departures)
                                        : tr("%1, %2 of %3 seats left")
                                              .arg(departures, locale.toString(it->seatsLeft),
                                                   locale.toString(it->capacity)));
        setDateTextFormat(it.key(), format);
    }
    updateCells();
}

QString AvailabilityCalendar::dayText(const QDate &date) const
{
    const Day d = day(date);
    if (d.departures == 0)
        return {};
    const QLocale locale;
    const QString seats = d.soldOut() ? tr("Sold out")
                                      : QStringLiteral("%1/%2").arg(locale.toString(d.seatsLeft),
                                                                    locale.toString(d.capacity));
    return tr("%n dep.", nullptr, d.departures) + u'\n' + seats;
}

void AvailabilityCalendar::paintCell(QPainter *painter, const QRect &rect, QDate date) const
{
    const QPalette &pal = palette();
    const bool inMonth = date.month() == monthShown() && date.year() == yearShown();
    const bool selected = date == selectedDate();
    const Day d = day(date);
    painter->save();
    painter->fillRect(rect, pal.color(selected ? QPalette::Highlight : QPalette::Base));
    if (d.soldOut() && !selected) {
        // Hatched: visible without relying on one colour meaning "full".
        painter->fillRect(rect, QBrush(pal.color(QPalette::Mid), Qt::BDiagPattern));
    }
    if (date == QDate::currentDate()) {
        painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Highlight));
        painter->drawRect(rect.adjusted(0, 0, -1, -1));
    }
    const QColor text = selected  ? pal.color(QPalette::HighlightedText)
                        : inMonth ? pal.color(QPalette::Text)
                                  : pal.color(QPalette::PlaceholderText);
    const QRect inner = rect.adjusted(4, 2, -4, -2);
    QFont dayFont = font();
    dayFont.setBold(d.departures > 0);
    painter->setFont(dayFont);
    painter->setPen(text);
    painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop, QString::number(date.day()));
    if (d.departures > 0) {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        small.setBold(d.soldOut());
        painter->setFont(small);
        painter->drawText(inner, Qt::AlignRight | Qt::AlignBottom, dayText(date));
        if (d.capacity > 0) {
            // Seats taken as a thin bar along the bottom edge.
            const int width = rect.width() * (d.capacity - d.seatsLeft) / d.capacity;
            painter->fillRect(
                QRect(rect.left(), rect.bottom() - 2, width, 3),
                pal.color(selected ? QPalette::HighlightedText : QPalette::Highlight));
        }
    }
    painter->restore();
}

} // namespace reserva::ui
