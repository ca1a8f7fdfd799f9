#include "auditchainstatus.h"

#include "common/displayformat.h"
#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>

namespace reserva::ui {

AuditChainStatus::AuditChainStatus(ApiClient &api, QWidget *parent)
    : QFrame(parent)
    , m_api(api)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_verify(new QPushButton(tr("&Verify chain"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Chain status"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Chain verification"));
    m_busy->setRange(0, 0); // the server walks the chain in one request: no steps to count
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(160);
    m_busy->setAccessibleName(tr("Verifying the chain"));
    m_verify->setAccessibleName(tr("Verify chain"));
    m_verify->setToolTip(tr("Recompute every link of the audit trail's hash chain on the server."));
    m_cancel->setAccessibleName(tr("Cancel verification"));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_verify);
    layout->addWidget(m_cancel);

    connect(m_verify, &QPushButton::clicked, this, &AuditChainStatus::verify);
    connect(m_cancel, &QPushButton::clicked, this, &AuditChainStatus::cancel);
    setState(State::NotChecked, tr("The hash chain has not been verified yet."));
}

AuditChainStatus::~AuditChainStatus()
{
    if (m_request)
        m_api.abort(m_request.get());
}

QString AuditChainStatus::text() const
{
    return m_text->text();
}

void AuditChainStatus::verify()
{
    if (m_request)
        return;
    m_request = std::make_unique<QObject>();
    ApiRequest request;
    request.path = QStringLiteral("/v1/audit/verify");
    setState(State::Checking, tr("Verifying the hash chain…"));
    m_api.send(request, m_request.get(), [this](const ApiResponse &response) {
        m_request.reset();
        if (response.ok())
            showReport(response.object());
        else
            showFailure(*response.error);
    });
}

void AuditChainStatus::cancel()
{
    if (!m_request)
        return;
    m_api.abort(m_request.get());
    m_request.reset();
    setState(State::Canceled, tr("Verification cancelled."));
}

void AuditChainStatus::showReport(const QJsonObject &report)
{
    m_report = report;
    const QLocale locale;
    const qint64 checked = report.value(u"checked").toInteger();
    const qint64 unsealed = report.value(u"unsealed").toInteger();
    if (report.value(u"intact").toBool()) {
        QString text = tr("Chain intact: %n link(s) verified.", nullptr, int(checked));
        if (unsealed > 0)
            text += u' ' + tr("%n entry(ies) awaiting sealing.", nullptr, int(unsealed));
        setState(State::Intact, text);
        return;
    }
    const QJsonObject broken = report.value(u"first_broken").toObject();
    QStringList where;
    where << tr("link #%1").arg(locale.toString(broken.value(u"position").toInteger()));
    if (const QJsonValue id = broken.value(u"audit_id"); !id.isNull() && !id.isUndefined())
        where << tr("entry %1").arg(id.toInteger());
    if (const QString at = broken.value(u"occurred_at").toString(); !at.isEmpty())
        where << DisplayFormat::timestamp(at);
    setState(State::Broken,
             tr("Chain BROKEN at %1: %2. %n link(s) before it verified.", nullptr, int(checked))
                 .arg(where.join(QStringLiteral(", ")), brokenKind(broken)));
}

QString AuditChainStatus::brokenKind(const QJsonObject &broken)
{
    const QString kind = broken.value(u"kind").toString();
    if (kind == u"link_missing")
        return tr("a link of the chain is missing");
    if (kind == u"link_mismatch")
        return tr("the link does not follow the one before it");
    if (kind == u"row_gone")
        return tr("the entry was deleted");
    if (kind == u"row_changed")
        return tr("the entry was changed after it was sealed");
    if (kind == u"row_unchained")
        return tr("the entry is neither in the chain nor waiting to be sealed");
    return broken.value(u"reason").toString(); // a newer server's reason, in English
}

void AuditChainStatus::showFailure(const ApiError &error)
{
    setState(State::Failed,
             tr("The chain could not be verified: %1").arg(ErrorMessageBox::explanation(error)));
}

void AuditChainStatus::setState(State state, const QString &text)
{
    m_state = state;
    m_text->setText(text);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxQuestion;
    switch (state) {
    case State::Intact:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case State::Broken:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case State::Failed:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case State::NotChecked:
    case State::Checking:
    case State::Canceled:
        icon = QStyle::SP_MessageBoxInformation;
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    // Broken is the one state to stand out: bold, in the palette's own text
    // colour so that it reads in dark and light themes alike.
    QFont font = m_text->font();
    font.setBold(state == State::Broken);
    m_text->setFont(font);
    const bool busy = state == State::Checking;
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_verify->setEnabled(!busy);
    Q_EMIT stateChanged(state);
}

} // namespace reserva::ui
