#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace reserva::ui {

class EditorSave;

class ApiClient;
class FieldErrors;

// Creates a user (POST /v1/users) or changes one (PATCH /v1/users/{id}:
// roles, whether they may sign in, a new password). Only the roles the
// caller may grant are offered (a partner manager: partner roles), and only
// an administrator picks a tenant; a partner manager's users go to its own
// tenant, which the server decides. The password is typed twice and goes
// nowhere but the request body. The server's field errors appear under
// their fields.
class UserDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList grantableRoles;           // the wire names the caller may grant
        QList<QPair<QUuid, QString>> tenants; // offered to an administrator; empty: no choice
        QUuid tenant;                         // preselected (a new user)
    };

    // `existing` empty: a new user.
    UserDialog(ApiClient &api, Options options, const QJsonObject &existing,
               QWidget *parent = nullptr);

    // The body the form describes, or nullopt with the errors shown when the
    // form can already tell (no role, passwords that differ); for an edit,
    // only what changed (an empty object: nothing).
    std::optional<QJsonObject> payload();
    QStringList offeredRoles() const;
    bool offersTenantChoice() const;

Q_SIGNALS:
    void userSaved(const QJsonObject &user);

private:
    void updateRoleRules();
    void submit();
    void showFailure(const ApiError &error);
    QStringList checkedRoles() const;

    ApiClient &m_api;
    Options m_options;
    QJsonObject m_existing;
    FieldErrors *m_errors;
    QLineEdit *m_username = nullptr;
    QHash<QString, QCheckBox *> m_roles;
    QComboBox *m_tenant = nullptr;
    QCheckBox *m_active = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirmation = nullptr;
    QLineEdit *m_documentType = nullptr;
    QLineEdit *m_documentNumber = nullptr;
    QLabel *m_status;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    EditorSave *m_saver;
};

} // namespace reserva::ui
