#pragma once

#include <QCheckBox>
#include <QUuid>

namespace reserva::ui {

class ApiClient;

// The tenant's release_on_refund promotion setting (GET/PUT
// /v1/promotions/settings): whether a full refund of a paid reservation
// gives its promotion uses back. Saved as soon as it is toggled; a refused
// save puts the box back and says why in its tooltip.
class ReleaseOnRefundSetting final : public QCheckBox
{
    Q_OBJECT
public:
    explicit ReleaseOnRefundSetting(ApiClient &api, QWidget *parent = nullptr);

    // Reads the setting of the user's tenant, or of `tenantId` for a
    // platform-wide user (disabled while none is chosen).
    void load(const QUuid &tenantId, bool platformWide);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void saved(bool releaseOnRefund);

private:
    void save(bool on);

    ApiClient &m_api;
    QUuid m_tenantId;
    bool m_busy = false;
    int m_generation = 0;
};

} // namespace reserva::ui
