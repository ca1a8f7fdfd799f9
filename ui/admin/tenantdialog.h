#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace reserva::ui {

class EditorSave;

class ApiClient;
class FieldErrors;

// Creates a tenant (POST /v1/tenants, administrators): its name and the
// slug that names it in URLs and on the command line, suggested from the
// name until the user types one. A taken slug is said under the slug.
class TenantDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit TenantDialog(ApiClient &api, QWidget *parent = nullptr);

    QJsonObject payload() const;
    // "Café do Porto" -> "cafe-do-porto": lower-case ASCII letters, digits, dashes.
    static QString suggestedSlug(const QString &name);

Q_SIGNALS:
    void tenantSaved(const QJsonObject &tenant);

private:
    void submit();
    void showFailure(const ApiError &error);

    ApiClient &m_api;
    FieldErrors *m_errors;
    QLineEdit *m_name;
    QLineEdit *m_slug;
    QLabel *m_status;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    bool m_slugEdited = false;
    EditorSave *m_saver;
};

} // namespace reserva::ui
