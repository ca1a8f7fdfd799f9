#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QJsonObject>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace reserva::ui {

class EditorSave;

class ApiClient;
class FieldErrors;

// Creates a product (POST /v1/products) or edits one (PATCH
// /v1/products/{id}). The price is typed in the currency's major unit and
// converted exactly with its exponent; transfer_kind is asked only of
// transfers. The server's field errors appear under their fields.
class ProductDialog final : public QDialog
{
    Q_OBJECT
public:
    // `existing` empty: a new product, for `tenantId` when the user is
    // platform-wide (null otherwise: the server uses the user's tenant).
    ProductDialog(ApiClient &api, const QJsonObject &existing, const QUuid &tenantId,
                  QWidget *parent = nullptr);

    // The body the form describes, or nullopt (with the field errors shown)
    // when the form itself can tell it is wrong (e.g. a price with too many
    // decimals for the currency).
    std::optional<QJsonObject> payload();
    bool isTransferKindShown() const;

Q_SIGNALS:
    void productSaved(const QJsonObject &product);

private:
    void updateTransferKind();
    void submit();
    void showFailure(const ApiError &error);

    ApiClient &m_api;
    QJsonObject m_existing;
    QUuid m_tenantId;
    FieldErrors *m_errors;
    QFormLayout *m_form;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_transferKind;
    QPlainTextEdit *m_description;
    QLineEdit *m_price;
    QComboBox *m_currency;
    QCheckBox *m_active;
    QLabel *m_status;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    EditorSave *m_saver;
};

} // namespace reserva::ui
