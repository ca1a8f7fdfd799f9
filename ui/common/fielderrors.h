#pragma once

#include "net/apierror.h"

#include <QHash>
#include <QObject>

class QLabel;
class QWidget;

namespace reserva::ui {

// The error labels of a form, one under each field, keyed by the wire name
// of the field (problem+json `errors[].field`, e.g. "price_minor"). The
// server's messages land next to the field they name; what names no field of
// the form is handed back for the form's status line.
class FieldErrors final : public QObject
{
    Q_OBJECT
public:
    explicit FieldErrors(QWidget *form);

    // The input with its (hidden) error label below it, for a form row.
    QWidget *wrap(const QString &field, QWidget *input);
    void setError(const QString &field, const QString &message);
    QString error(const QString &field) const;
    bool hasErrors() const;
    void clear();
    // Shows each field error of `error`; returns those no label is for.
    QList<ApiFieldError> show(const ApiError &error);

    static QColor color();

private:
    QWidget *m_form;
    QHash<QString, QLabel *> m_labels;
};

} // namespace reserva::ui
