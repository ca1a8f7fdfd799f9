#pragma once

#include <QString>
#include <QStringList>

namespace reserva::role {

// The roles a user may hold. Partner roles belong to one tenant; admin is
// global; an auditor reads the audit trail (globally, or within its tenant).
inline const QString kAdmin = QStringLiteral("admin");
inline const QString kPartnerManager = QStringLiteral("partner_manager");
inline const QString kPartnerStaff = QStringLiteral("partner_staff");
inline const QString kAuditor = QStringLiteral("auditor");

inline const QStringList &all()
{
    static const QStringList roles{kAdmin, kPartnerManager, kPartnerStaff, kAuditor};
    return roles;
}
inline bool isKnown(const QString &r)
{
    return all().contains(r);
}
inline bool isPartnerRole(const QString &r)
{
    return r == kPartnerManager || r == kPartnerStaff;
}

} // namespace reserva::role
