#include "slotdialog.h"

#include "common/displayformat.h"
#include "common/editorsave.h"
#include "common/fielderrors.h"
#include "common/timezonetext.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace reserva::ui {

namespace {

int seatsTaken(const QJsonObject &slot)
{
    return slot.value(u"capacity").toInt() - slot.value(u"remaining").toInt();
}

} // namespace

SlotDialog::SlotDialog(ApiClient &api, const QString &productId, const QJsonObject &existing,
                       QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_productId(productId)
    , m_existing(existing)
    , m_errors(new FieldErrors(this))
    , m_startsAt(new QDateTimeEdit(this))
    , m_duration(new QSpinBox(this))
    , m_capacity(new QSpinBox(this))
    , m_seatsTaken(new QLabel(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    const bool editing = !existing.isEmpty();
    setWindowTitle(editing ? tr("Change departure") : tr("New departure"));
    m_startsAt->setAccessibleName(tr("Starts at"));
    m_startsAt->setCalendarPopup(true);
    m_startsAt->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_duration->setAccessibleName(tr("Duration"));
    m_duration->setRange(1, 10080);
    m_duration->setSingleStep(15);
    m_duration->setSuffix(tr(" min"));
    m_capacity->setAccessibleName(tr("Capacity"));
    m_capacity->setRange(0, 100000);
    m_capacity->setSuffix(tr(" seats"));
    m_seatsTaken->setAccessibleName(tr("Seats taken"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Save status"));

    if (editing) {
        const QDateTime starts =
            QDateTime::fromString(existing.value(u"starts_at").toString(), Qt::ISODateWithMs);
        m_startsAt->setDateTime(starts.toLocalTime());
        m_duration->setValue(existing.value(u"duration_minutes").toInt());
        m_capacity->setValue(existing.value(u"capacity").toInt());
        m_seatsTaken->setText(tr("%n seat(s) held or sold", nullptr, seatsTaken(existing)));
    } else {
        // Tomorrow at nine: a plausible first guess the user adjusts.
        m_startsAt->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
        m_duration->setValue(120);
        m_capacity->setValue(20);
        m_seatsTaken->setText(tr("None yet"));
    }

    auto *zone = new QLabel(timezonetext::describeLocalZone(m_startsAt->dateTime()), this);
    zone->setEnabled(false);
    auto *startsRow = new QWidget(this);
    auto *startsLayout = new QHBoxLayout(startsRow);
    startsLayout->setContentsMargins(0, 0, 0, 0);
    startsLayout->addWidget(m_startsAt, 1);
    startsLayout->addWidget(zone);
    startsRow->setFocusProxy(m_startsAt);

    auto *form = new QFormLayout;
    form->addRow(tr("&Starts at:"), m_errors->wrap(QStringLiteral("starts_at"), startsRow));
    form->addRow(tr("&Duration:"), m_errors->wrap(QStringLiteral("duration_minutes"), m_duration));
    form->addRow(tr("&Capacity:"), m_errors->wrap(QStringLiteral("capacity"), m_capacity));
    form->addRow(tr("Seats taken:"), m_seatsTaken);

    m_save =
        m_buttons->addButton(editing ? tr("Save") : tr("Create"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    m_saver = new EditorSave(api, m_save, m_status, this);
    connect(m_saver, &EditorSave::saved, this, [this](const QJsonObject &saved) {
        Q_EMIT slotSaved(saved);
        accept();
    });
    connect(m_saver, &EditorSave::failed, this, &SlotDialog::showFailure);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_startsAt, &QDateTimeEdit::dateTimeChanged, zone, [zone](const QDateTime &local) {
        zone->setText(timezonetext::describeLocalZone(local)); // the offset may change with DST
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SlotDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject SlotDialog::payload() const
{
    QJsonObject body{{QStringLiteral("duration_minutes"), m_duration->value()},
                     {QStringLiteral("capacity"), m_capacity->value()}};
    const QString startsAt = timezonetext::rfc3339WithOffset(m_startsAt->dateTime());
    // An unchanged start is not sent: the server refuses a start in the past,
    // and a departure under way may still need more seats.
    const QDateTime before =
        QDateTime::fromString(m_existing.value(u"starts_at").toString(), Qt::ISODateWithMs);
    if (m_existing.isEmpty() || before.toLocalTime() != m_startsAt->dateTime())
        body.insert(QStringLiteral("starts_at"), startsAt);
    return body;
}

void SlotDialog::submit()
{
    if (m_saver->isBusy())
        return;
    m_errors->clear();
    if (m_existing.isEmpty())
        m_saver->send("POST", QStringLiteral("/v1/products/%1/slots").arg(m_productId), payload());
    else
        m_saver->send("PATCH",
                      QStringLiteral("/v1/slots/%1").arg(m_existing.value(u"id").toString()),
                      payload());
}

void SlotDialog::showFailure(const ApiError &error)
{
    if (!m_existing.isEmpty() && error.status == 409) {
        explainCapacityConflict(error);
        return;
    }
    m_status->setText(EditorSave::failureText(error, m_errors->show(error)));
}

void SlotDialog::explainCapacityConflict(const ApiError &error)
{
    // The count the server refused on may be newer than the one this dialog
    // opened with: read the departure again so the message tells the truth.
    ApiRequest request;
    request.path = QStringLiteral("/v1/slots/%1").arg(m_existing.value(u"id").toString());
    const QString requestId = ErrorMessageBox::requestIdLine(error);
    m_api.send(request, this, [this, requestId](const ApiResponse &response) {
        const int taken = seatsTaken(response.ok() ? response.object() : m_existing);
        m_seatsTaken->setText(tr("%n seat(s) held or sold", nullptr, taken));
        m_errors->setError(QStringLiteral("capacity"),
                           tr("The capacity cannot be lower than the %n seat(s) already held or "
                              "sold. Cancel reservations first, or choose at least %n.",
                              nullptr, taken));
        m_status->setText(requestId);
    });
}

} // namespace reserva::ui
