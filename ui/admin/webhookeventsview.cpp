#include "webhookeventsview.h"

#include "common/displayformat.h"
#include "common/fielderrors.h"
#include "common/pagedjsonmodel.h"
#include "common/pagedliststatus.h"
#include "net/apiclient.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace reserva::ui {

namespace {

// The outcomes reservad records (webhook_deliveries.outcome), in the order
// an administrator looks for them; "rejected" is every refused delivery.
const QStringList &outcomeNames()
{
    static const QStringList names{
        QStringLiteral("applied"),           QStringLiteral("duplicate"),
        QStringLiteral("ignored"),           QStringLiteral("stale_state"),
        QStringLiteral("unknown_intent"),    QStringLiteral("rejected_amount"),
        QStringLiteral("rejected_currency"), QStringLiteral("refund_required"),
        QStringLiteral("rejected")};
    return names;
}

// Deliveries that need a person: refused ones, and verified events that did
// not apply (wrong amount or currency, money to refund).
bool needsAttention(const QJsonObject &d)
{
    const QString outcome = d.value(u"outcome").toString();
    return d.value(u"verification").toString() != u"verified" || outcome == u"rejected" ||
           outcome.startsWith(u"rejected_") || outcome == u"refund_required";
}

// The recorded reason when it says more than the verification result
// (e.g. "client_certificate_missing" beside "unauthenticated").
QString reasonOf(const QJsonObject &d)
{
    const QString reason = d.value(u"detail").toObject().value(u"reason").toString();
    return reason == d.value(u"verification").toString() ? QString() : reason;
}

QString verificationCell(const QJsonObject &d)
{
    const QString text = WebhookEventsView::verificationText(d.value(u"verification").toString());
    const QString reason = reasonOf(d);
    return reason.isEmpty() ? text : WebhookEventsView::tr("%1 — %2").arg(text, reason);
}

QString shortId(const QString &uuid)
{
    return uuid.left(8);
}

QList<PagedJsonModel::Column> deliveryColumns()
{
    const auto cell = [](std::function<QString(const QJsonObject &)> text, bool flagged,
                         std::function<QString(const QJsonObject &)> tooltip = {}) {
        return [text = std::move(text), flagged,
                tooltip = std::move(tooltip)](const QJsonObject &d, int role) -> QVariant {
            if (role == Qt::DisplayRole)
                return text(d);
            if (role == Qt::ForegroundRole && flagged && needsAttention(d))
                return FieldErrors::color();
            if (role == Qt::ToolTipRole && tooltip)
                return tooltip(d);
            return {};
        };
    };
    return {
        {[] { return WebhookEventsView::tr("Received"); },
         cell(
             [](const QJsonObject &d) {
                 return DisplayFormat::timestamp(d.value(u"received_at").toString());
             },
             false)},
        {[] { return WebhookEventsView::tr("Provider"); },
         cell(
             [](const QJsonObject &d) {
                 return WebhookEventsView::providerText(d.value(u"provider").toString());
             },
             false)},
        {[] { return WebhookEventsView::tr("Event ID"); },
         cell([](const QJsonObject &d) { return d.value(u"event_id").toString(); }, false)},
        {[] { return WebhookEventsView::tr("Outcome"); },
         cell(
             [](const QJsonObject &d) {
                 return WebhookEventsView::outcomeText(d.value(u"outcome").toString());
             },
             true)},
        {[] { return WebhookEventsView::tr("Verification"); }, cell(verificationCell, true)},
        {[] { return WebhookEventsView::tr("HTTP"); },
         [](const QJsonObject &d, int role) -> QVariant {
             if (role == Qt::DisplayRole)
                 return d.value(u"http_status").toInt();
             if (role == Qt::TextAlignmentRole)
                 return int(Qt::AlignRight | Qt::AlignVCenter);
             return {};
         }},
        {[] { return WebhookEventsView::tr("Payment intent"); },
         cell(
             [](const QJsonObject &d) { return shortId(d.value(u"payment_intent_id").toString()); },
             false, [](const QJsonObject &d) { return d.value(u"payment_intent_id").toString(); })},
    };
}

QString jsonScalar(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toInteger(qint64(v.toDouble())));
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    const QJsonDocument doc =
        v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

// One "name: value" line per entry, sorted by name (headers arrive in no
// particular order once stored as a JSON object).
QString lines(const QJsonObject &o, const QString &separator)
{
    QStringList keys = o.keys();
    std::sort(keys.begin(), keys.end());
    QStringList out;
    for (const QString &key : std::as_const(keys))
        out << key + separator + jsonScalar(o.value(key));
    return out.join(u'\n');
}

QPlainTextEdit *monospaceViewer(const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setAccessibleName(accessibleName);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

} // namespace

QString WebhookEventsView::outcomeText(const QString &wire)
{
    if (wire == u"applied")
        return tr("Applied");
    if (wire == u"duplicate")
        return tr("Duplicate (already applied)");
    if (wire == u"ignored")
        return tr("Ignored");
    if (wire == u"stale_state")
        return tr("Out of order (not applied)");
    if (wire == u"unknown_intent")
        return tr("Unknown payment");
    if (wire == u"rejected_amount")
        return tr("Rejected: wrong amount");
    if (wire == u"rejected_currency")
        return tr("Rejected: wrong currency");
    if (wire == u"refund_required")
        return tr("Paid, refund required");
    if (wire == u"rejected")
        return tr("Refused");
    if (wire == u"invalid")
        return tr("Invalid");
    return wire;
}

QString WebhookEventsView::verificationText(const QString &wire)
{
    if (wire == u"verified")
        return tr("Verified");
    if (wire == u"bad_signature")
        return tr("Bad signature");
    if (wire == u"stale")
        return tr("Stale signature");
    if (wire == u"malformed")
        return tr("Malformed");
    if (wire == u"unauthenticated")
        return tr("Not authenticated");
    return wire;
}

QString WebhookEventsView::providerText(const QString &wire)
{
    if (wire == u"stripe")
        return QStringLiteral("Stripe");
    if (wire == u"mercadopago")
        return QStringLiteral("Mercado Pago");
    if (wire == u"pix")
        return QStringLiteral("Pix");
    return wire;
}

namespace {

// Valid UTF-8 without NUL bytes: shown as text.
std::optional<QString> asText(const QByteArray &raw)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(raw);
    if (utf8.hasError() || raw.contains('\0'))
        return std::nullopt;
    return text;
}

} // namespace

QString WebhookEventsView::bodyText(const QByteArray &raw)
{
    if (const auto text = asText(raw))
        return *text;
    // Offset, sixteen bytes in hex, and the printable ones.
    QString dump;
    for (qsizetype at = 0; at < raw.size(); at += 16) {
        const QByteArray row = raw.mid(at, 16);
        QString hex;
        QString ascii;
        for (const char c : row) {
            const auto byte = static_cast<unsigned char>(c);
            hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
            ascii += (byte >= 0x20 && byte < 0x7f) ? QChar(char16_t(byte)) : QChar(u'.');
        }
        dump +=
            QStringLiteral("%1  %2 %3\n").arg(at, 8, 16, QLatin1Char('0')).arg(hex, -48).arg(ascii);
    }
    return dump;
}

WebhookEventsView::WebhookEventsView(ApiClient &api, QWidget *parent)
    : WorkspaceView(parent)
    , m_api(api)
    , m_model(
          new PagedJsonModel(api, QStringLiteral("/v1/webhook-events"), deliveryColumns(), this))
    , m_provider(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QWidget(this))
    , m_empty(
          new QLabel(tr("Select a delivery to see what arrived and what was done with it."), this))
    , m_heading(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_headers(monospaceViewer(tr("Headers"), this))
    , m_query(monospaceViewer(tr("Query string"), this))
    , m_body(monospaceViewer(tr("Body"), this))
    , m_bodyInfo(new QLabel(this))
{
    setObjectName(QStringLiteral("webhookEvents"));
    m_provider->addItem(tr("All providers"), QString());
    for (const QString &name :
         {QStringLiteral("stripe"), QStringLiteral("mercadopago"), QStringLiteral("pix")})
        m_provider->addItem(providerText(name), name);
    m_provider->setAccessibleName(tr("Provider filter"));
    m_outcome->addItem(tr("All outcomes"), QString());
    for (const QString &name : outcomeNames())
        m_outcome->addItem(outcomeText(name), name);
    m_outcome->setAccessibleName(tr("Outcome filter"));
    m_outcome->setToolTip(tr("“Refused” lists the deliveries whose signature or credentials did "
                             "not verify: nothing of theirs was applied."));

    auto *providerLabel = new QLabel(tr("&Provider:"), this);
    providerLabel->setBuddy(m_provider);
    auto *outcomeLabel = new QLabel(tr("&Outcome:"), this);
    outcomeLabel->setBuddy(m_outcome);
    auto *filters = new QHBoxLayout;
    filters->addWidget(providerLabel);
    filters->addWidget(m_provider);
    filters->addSpacing(12);
    filters->addWidget(outcomeLabel);
    filters->addWidget(m_outcome);
    filters->addStretch(1);
    filters->addWidget(m_summary);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Webhook deliveries"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    // The detail: facts on the left, what arrived on the right.
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *facts = new QWidget(m_detail);
    auto *form = new QFormLayout(facts);
    form->setContentsMargins(0, 0, 0, 0);
    const auto field = [&](const QString &label) {
        auto *value = new QLabel(facts);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        value->setAccessibleName(label);
        form->addRow(label, value);
        return value;
    };
    m_received = field(tr("Received:"));
    m_requestId = field(tr("Request ID:"));
    m_requestId->setWordWrap(false); // an id must stay whole to be copied
    m_httpStatus = field(tr("Answered:"));
    m_verification = field(tr("Verification:"));
    m_outcomeLabel = field(tr("Outcome:"));
    m_notes = field(tr("Details:"));
    m_intent = field(tr("Payment:"));
    auto *factsColumn = new QWidget(m_detail);
    auto *factsLayout = new QVBoxLayout(factsColumn);
    factsLayout->setContentsMargins(0, 0, 0, 0);
    factsLayout->addWidget(m_heading);
    factsLayout->addWidget(facts);
    factsLayout->addStretch(1);
    factsColumn->setMinimumWidth(320);

    auto *bodyPage = new QWidget(m_tabs);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 4, 0, 0);
    m_bodyInfo->setEnabled(false);
    bodyLayout->addWidget(m_bodyInfo);
    bodyLayout->addWidget(m_body, 1);
    m_tabs->addTab(bodyPage, tr("&Body"));
    m_tabs->addTab(m_headers, tr("&Headers"));
    m_tabs->addTab(m_query, tr("&Query string"));
    m_tabs->setAccessibleName(tr("What arrived"));

    auto *detailLayout = new QHBoxLayout(m_detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(factsColumn, 2);
    detailLayout->addWidget(m_tabs, 3);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_detail, 1);
    lowerLayout->addWidget(m_empty, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &WebhookEventsView::applyFilters);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &WebhookEventsView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WebhookEventsView::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WebhookEventsView::showSelected);
    bindPagedList(m_model, m_table, m_summary, this,
                  {tr("Loading…"), tr("Not loaded"),
                   tr("The webhook deliveries could not be loaded."),
                   [](int rows, bool more) {
                       return more ? tr("%n shown, more below", nullptr, rows)
                                   : tr("%n deliveries", nullptr, rows);
                   }},
                  false);
    showSelected();
}

QString WebhookEventsView::title() const
{
    return tr("Webhook events");
}

QIcon WebhookEventsView::icon() const
{
    return QIcon(QStringLiteral(":/reserva/icons/webhooks.svg"));
}

void WebhookEventsView::refresh()
{
    applyFilters();
}

void WebhookEventsView::focusFilter()
{
    m_outcome->setFocus(Qt::ShortcutFocusReason);
}

void WebhookEventsView::applyFilters()
{
    QUrlQuery query;
    if (const QString provider = m_provider->currentData().toString(); !provider.isEmpty())
        query.addQueryItem(QStringLiteral("provider"), provider);
    if (const QString outcome = m_outcome->currentData().toString(); !outcome.isEmpty())
        query.addQueryItem(QStringLiteral("outcome"), outcome);
    m_model->setFilters(query);
    m_model->reload();
}

void WebhookEventsView::showSelected()
{
    ++m_intentGeneration; // an intent still on its way belongs to another row
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->setVisible(false);
        m_empty->setVisible(true);
        return;
    }
    const QJsonObject d = m_model->item(current.row());
    const QString eventId = d.value(u"event_id").toString();
    m_heading->setText(
        eventId.isEmpty()
            ? tr("%1 delivery").arg(providerText(d.value(u"provider").toString()))
            : tr("%1 · %2").arg(providerText(d.value(u"provider").toString()), eventId));
    m_received->setText(DisplayFormat::timestamp(d.value(u"received_at").toString()));
    m_requestId->setText(d.value(u"request_id").toString());
    m_httpStatus->setText(tr("HTTP %1").arg(d.value(u"http_status").toInt()));
    m_verification->setText(verificationCell(d));
    m_outcomeLabel->setText(outcomeText(d.value(u"outcome").toString()));
    QJsonObject notes = d.value(u"detail").toObject();
    notes.remove(QStringLiteral("reason")); // already beside the verification
    m_notes->setText(notes.isEmpty() ? tr("None") : lines(notes, QStringLiteral(": ")));
    for (QLabel *label : {m_verification, m_outcomeLabel}) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, needsAttention(d)
                                                   ? FieldErrors::color()
                                                   : this->palette().color(QPalette::WindowText));
        label->setPalette(palette);
    }

    const QByteArray raw = QByteArray::fromBase64(d.value(u"body_base64").toString().toLatin1());
    const QString body = bodyText(raw);
    m_bodyInfo->setText(
        raw.isEmpty() ? tr("Empty body.")
        : asText(raw).has_value()
            ? tr("%n byte(s), exactly as received.", nullptr, int(raw.size()))
            : tr("%n byte(s), not text: shown in hexadecimal.", nullptr, int(raw.size())));
    m_body->setPlainText(body);
    const QJsonObject headers = d.value(u"headers").toObject();
    m_headers->setPlainText(headers.isEmpty() ? QString() : lines(headers, QStringLiteral(": ")));
    m_headers->setPlaceholderText(tr("No headers were kept."));
    const QJsonObject query = d.value(u"query").toObject();
    m_query->setPlainText(query.isEmpty() ? QString() : lines(query, QStringLiteral("=")));
    m_query->setPlaceholderText(tr("No query parameters."));

    const QString intentId = d.value(u"payment_intent_id").toString();
    if (intentId.isEmpty()) {
        m_intent->setText(tr("No payment intent (nothing was applied to a payment)."));
    } else {
        m_intent->setText(tr("Intent %1 — loading…").arg(intentId));
        ApiRequest request;
        request.path = QStringLiteral("/v1/payment-intents/%1").arg(intentId);
        const int generation = m_intentGeneration;
        m_api.send(request, this, [this, generation, intentId](const ApiResponse &response) {
            if (generation != m_intentGeneration)
                return;
            if (!response.ok()) {
                m_intent->setText(tr("Intent %1 (could not be loaded: %2)")
                                      .arg(intentId, response.error->plainMessage()));
                return;
            }
            showIntent(response.object());
        });
    }
    m_detail->setVisible(true);
    m_empty->setVisible(false);
}

void WebhookEventsView::showIntent(const QJsonObject &intent)
{
    QString text = tr("%1 · %2 · intent %3")
                       .arg(DisplayFormat::paymentStatus(intent.value(u"status").toString()),
                            DisplayFormat::money(intent.value(u"amount_minor").toInteger(),
                                                 intent.value(u"currency").toString()),
                            intent.value(u"id").toString());
    if (const qint64 refunded = intent.value(u"refunded_minor").toInteger(); refunded > 0)
        text += QStringLiteral("\n") +
                tr("Refunded: %1")
                    .arg(DisplayFormat::money(refunded, intent.value(u"currency").toString()));
    if (intent.value(u"needs_refund").toBool())
        text += QStringLiteral("\n") +
                tr("Needs a refund: the payment arrived when it could not be kept.");
    text +=
        QStringLiteral("\n") + tr("Reservation %1").arg(intent.value(u"reservation_id").toString());
    m_intent->setText(text);
}

} // namespace reserva::ui
