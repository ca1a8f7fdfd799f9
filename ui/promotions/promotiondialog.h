#pragma once

#include "net/apierror.h"

#include <QDialog>
#include <QJsonObject>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace reserva::ui {

class EditorSave;

class ApiClient;
class FieldErrors;
class ProductDirectory;

// Creates a promotion code (POST /v1/promotions) or edits one (PATCH
// /v1/promotions/{id}). Exactly one discount: a percentage (two decimals at
// most) or a fixed amount in the currency's major unit, parsed exactly. The
// validity window is typed in the user's time zone, shown beside it, and sent
// as RFC 3339 with the offset. The discount and currency of an existing code
// cannot change (claims were made with them), so they are shown read-only.
class PromotionDialog final : public QDialog
{
    Q_OBJECT
public:
    // `existing` empty: a new code, for `tenantId` when the user is
    // platform-wide (null otherwise).
    PromotionDialog(ApiClient &api, ProductDirectory &products, const QJsonObject &existing,
                    const QUuid &tenantId, QWidget *parent = nullptr);

    // The body the form describes, or nullopt with the fields' errors shown
    // when the form can already tell it is wrong.
    std::optional<QJsonObject> payload();

Q_SIGNALS:
    void promotionSaved(const QJsonObject &promotion);

private:
    void fillProducts();
    void updateDiscountKind();
    void submit();
    void showFailure(const ApiError &error);
    std::optional<QJsonValue> readLimit(const QString &field, QLineEdit *edit, bool money);

    ApiClient &m_api;
    ProductDirectory &m_products;
    QJsonObject m_existing;
    QUuid m_tenantId;
    FieldErrors *m_errors;
    QLineEdit *m_code;
    QRadioButton *m_percentKind;
    QRadioButton *m_fixedKind;
    QLineEdit *m_percent;
    QLineEdit *m_amount;
    QComboBox *m_currency;
    QListWidget *m_productList;
    QDateTimeEdit *m_validFrom;
    QDateTimeEdit *m_validUntil;
    QLineEdit *m_maxRedemptions;
    QLineEdit *m_perCustomer;
    QLineEdit *m_budget;
    QLineEdit *m_minimum;
    QCheckBox *m_stackable;
    QCheckBox *m_active;
    QLabel *m_status;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    EditorSave *m_saver;
};

} // namespace reserva::ui
