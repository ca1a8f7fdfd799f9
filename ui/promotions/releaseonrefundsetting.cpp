#include "releaseonrefundsetting.h"

#include "net/apiclient.h"
#include "shell/errormessagebox.h"

namespace reserva::ui {

ReleaseOnRefundSetting::ReleaseOnRefundSetting(ApiClient &api, QWidget *parent)
    : QCheckBox(tr("Give promotion uses back when a paid reservation is fully refunded"), parent)
    , m_api(api)
{
    setAccessibleName(tr("Release on refund"));
    setEnabled(false);
    connect(this, &QCheckBox::clicked, this, &ReleaseOnRefundSetting::save);
}

void ReleaseOnRefundSetting::load(const QUuid &tenantId, bool platformWide)
{
    const int generation = ++m_generation;
    m_tenantId = tenantId;
    setEnabled(false);
    if (platformWide && tenantId.isNull()) {
        setToolTip(tr("Choose a tenant to see its setting."));
        return;
    }
    ApiRequest request;
    request.path = QStringLiteral("/v1/promotions/settings");
    if (!tenantId.isNull())
        request.query.addQueryItem(QStringLiteral("tenant_id"),
                                   tenantId.toString(QUuid::WithoutBraces));
    m_api.send(request, this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        if (!response.ok()) {
            setToolTip(ErrorMessageBox::explanation(*response.error));
            return;
        }
        setChecked(response.object().value(u"release_on_refund").toBool());
        setToolTip(tr("Off by default, so a campaign that closed after its last paid use does "
                      "not reopen because a customer was refunded."));
        setEnabled(true);
    });
}

void ReleaseOnRefundSetting::save(bool on)
{
    m_busy = true;
    setEnabled(false);
    ApiRequest request;
    request.method = "PUT";
    request.path = QStringLiteral("/v1/promotions/settings");
    QJsonObject body{{QStringLiteral("release_on_refund"), on}};
    if (!m_tenantId.isNull())
        body.insert(QStringLiteral("tenant_id"), m_tenantId.toString(QUuid::WithoutBraces));
    request.body = body;
    m_api.send(request, this, [this, on](const ApiResponse &response) {
        m_busy = false;
        setEnabled(true);
        if (!response.ok()) {
            setChecked(!on);
            setToolTip(tr("Not saved: %1").arg(ErrorMessageBox::explanation(*response.error)));
            return;
        }
        setChecked(response.object().value(u"release_on_refund").toBool());
        Q_EMIT saved(isChecked());
    });
}

} // namespace reserva::ui
