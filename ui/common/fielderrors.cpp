#include "fielderrors.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reserva::ui {

FieldErrors::FieldErrors(QWidget *form)
    : QObject(form)
    , m_form(form)
{
}

QColor FieldErrors::color()
{
    return QColor(0xc0, 0x1c, 0x28);
}

QWidget *FieldErrors::wrap(const QString &field, QWidget *input)
{
    auto *label = new QLabel(m_form);
    label->setWordWrap(true);
    label->setVisible(false);
    label->setObjectName(QStringLiteral("fieldError:") + field);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color());
    label->setPalette(palette);
    m_labels.insert(field, label);

    auto *box = new QWidget(m_form);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    layout->addWidget(label);
    box->setFocusProxy(input); // the row's mnemonic and tab order reach the input
    return box;
}

void FieldErrors::setError(const QString &field, const QString &message)
{
    if (QLabel *label = m_labels.value(field)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
        label->setAccessibleName(message);
    }
}

QString FieldErrors::error(const QString &field) const
{
    const QLabel *label = m_labels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

bool FieldErrors::hasErrors() const
{
    for (const QLabel *label : m_labels) {
        if (!label->isHidden())
            return true;
    }
    return false;
}

void FieldErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels)) {
        label->clear();
        label->setVisible(false);
    }
}

QList<ApiFieldError> FieldErrors::show(const ApiError &error)
{
    QList<ApiFieldError> unplaced;
    for (const ApiFieldError &field : error.fieldErrors) {
        if (m_labels.contains(field.field))
            setError(field.field, field.message);
        else
            unplaced << field;
    }
    return unplaced;
}

} // namespace reserva::ui
