#include "paymentdialog.h"

#include "common/displayformat.h"
#include "net/idempotentpost.h"
#include "shell/errormessagebox.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace reserva::ui {

PaymentDialog::PaymentDialog(ApiClient &api, const QJsonObject &reservation, QWidget *parent)
    : QDialog(parent)
    , m_post(new IdempotentPost(api, this))
    , m_reservationId(reservation.value(u"id").toString())
    , m_provider(new QComboBox(this))
    , m_start(new QPushButton(tr("&Start payment"), this))
    , m_status(new QLabel(this))
    , m_result(new QWidget(this))
    , m_resultLabel(new QLabel(m_result))
    , m_handover(new QPlainTextEdit(m_result))
    , m_link(new QLabel(m_result))
{
    setWindowTitle(tr("Start a payment"));
    const QString currency = reservation.value(u"currency").toString();
    m_provider->setAccessibleName(tr("Payment provider"));
    m_provider->addItem(DisplayFormat::paymentProvider(QStringLiteral("stripe")),
                        QStringLiteral("stripe"));
    m_provider->addItem(DisplayFormat::paymentProvider(QStringLiteral("mercadopago")),
                        QStringLiteral("mercadopago"));
    m_provider->addItem(DisplayFormat::paymentProvider(QStringLiteral("pix")),
                        QStringLiteral("pix"));
    if (currency != u"BRL") {
        // Pix moves reais only; the server refuses it too.
        auto *items = qobject_cast<QStandardItemModel *>(m_provider->model());
        QStandardItem *pix = items->item(2);
        pix->setEnabled(false);
        pix->setToolTip(tr("Pix takes payments in Brazilian reais (BRL) only."));
    }
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Payment status"));

    auto *summary = new QLabel(
        tr("%1 for %n seat(s), %2", nullptr, reservation.value(u"quantity").toInt())
            .arg(reservation.value(u"customer").toObject().value(u"name").toString(),
                 DisplayFormat::money(reservation.value(u"amount_minor").toInteger(), currency)),
        this);
    summary->setWordWrap(true);

    m_handover->setReadOnly(true);
    m_handover->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_handover->setAccessibleName(tr("Payment details for the customer"));
    m_handover->setMaximumHeight(90);
    m_link->setOpenExternalLinks(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setAccessibleName(tr("Checkout link"));
    auto *copy = new QPushButton(tr("&Copy"), m_result);
    copy->setAccessibleName(tr("Copy the payment details"));
    auto *resultLayout = new QVBoxLayout(m_result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_resultLabel);
    resultLayout->addWidget(m_handover);
    resultLayout->addWidget(m_link);
    resultLayout->addWidget(copy, 0, Qt::AlignLeft);
    m_result->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Provider:"), m_provider);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    m_start->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_result);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(480, sizeHint().height());

    connect(m_start, &QPushButton::clicked, this, &PaymentDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(handoverText()); });
    connect(m_post, &IdempotentPost::succeeded, this, &PaymentDialog::showIntent);
    connect(m_post, &IdempotentPost::failed, this, &PaymentDialog::showFailure);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        m_start->setText(tr("&Start payment"));
        m_status->clear();
    });
}

QByteArray PaymentDialog::currentKey() const
{
    return m_post->currentKey();
}

QString PaymentDialog::handoverText() const
{
    return m_result->isVisible() ? m_handover->toPlainText() : QString();
}

void PaymentDialog::start()
{
    m_status->setText(tr("Asking the provider…"));
    m_start->setEnabled(false);
    m_provider->setEnabled(false);
    m_post->submit(QStringLiteral("/v1/reservations/") + m_reservationId +
                       QStringLiteral("/payment-intents"),
                   {{QStringLiteral("provider"), m_provider->currentData().toString()}});
}

void PaymentDialog::showIntent(const QJsonObject &intent)
{
    const QString checkout = intent.value(u"checkout_url").toString();
    const QString pix = intent.value(u"pix_copy_paste").toString();
    const QString secret = intent.value(u"client_secret").toString();
    if (!checkout.isEmpty()) {
        m_resultLabel->setText(tr("Send the customer this checkout link:"));
        m_handover->setPlainText(checkout);
        m_link->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                            .arg(checkout.toHtmlEscaped(), tr("Open the checkout page")));
    } else if (!pix.isEmpty()) {
        m_resultLabel->setText(tr("Give the customer this Pix code (copy and paste):"));
        m_handover->setPlainText(pix);
        m_link->clear();
    } else {
        m_resultLabel->setText(
            tr("Stripe payment created. The payment page needs this client secret:"));
        m_handover->setPlainText(secret);
        m_link->clear();
    }
    m_link->setVisible(!m_link->text().isEmpty());
    m_result->setVisible(true);
    m_status->setText(tr("Waiting for the provider to confirm the payment. The reservation "
                         "shows as paid as soon as it does."));
    m_start->setVisible(false);
    Q_EMIT intentCreated(intent);
}

void PaymentDialog::showFailure(const ApiError &error, bool retryable)
{
    m_start->setEnabled(true);
    m_provider->setEnabled(true);
    QString text = ErrorMessageBox::explanation(error);
    if (retryable) {
        text += QStringLiteral(" ") + tr("It is not known whether the payment was created. "
                                         "\"Try again\" is safe: it cannot charge twice.");
        m_start->setText(tr("Try again"));
        // The same attempt: the provider keeps its choice.
        m_provider->setEnabled(false);
    } else {
        m_start->setText(tr("&Start payment"));
    }
    if (const QString id = ErrorMessageBox::requestIdLine(error); !id.isEmpty())
        text += QStringLiteral("\n") + id;
    m_status->setText(text);
}

} // namespace reserva::ui
