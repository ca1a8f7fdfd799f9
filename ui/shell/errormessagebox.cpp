#include "errormessagebox.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>

namespace reserva::ui {

ErrorMessageBox::ErrorMessageBox(const QString &what, const ApiError &error, QWidget *parent)
    : QMessageBox(error.isConnectionProblem() ? QMessageBox::Warning : QMessageBox::Critical,
                  tr("Reserva"), what, QMessageBox::Close, parent)
{
    QString informative = explanation(error);
    if (const QString id = requestIdLine(error); !id.isEmpty())
        informative += QStringLiteral("\n\n") + id;
    setInformativeText(informative);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    button(QMessageBox::Close)->setText(tr("Close"));
    if (!error.requestId.isEmpty()) {
        auto *copy = addButton(tr("Copy request ID"), QMessageBox::ActionRole);
        // ActionRole buttons close the box; re-open is not wanted, so copy
        // on click and let it close.
        connect(copy, &QPushButton::clicked, this,
                [id = error.requestId] { QApplication::clipboard()->setText(id); });
    }
    if (!error.transportMessage.isEmpty())
        setDetailedText(error.transportMessage);
}

void ErrorMessageBox::show(QWidget *parent, const QString &what, const ApiError &error)
{
    // Window-modal but not a nested event loop: callers (often network
    // callbacks) return at once.
    auto *box = new ErrorMessageBox(what, error, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString ErrorMessageBox::requestIdLine(const ApiError &error)
{
    return error.requestId.isEmpty() ? QString() : tr("Request ID: %1").arg(error.requestId);
}

QString ErrorMessageBox::explanation(const ApiError &error)
{
    QString text = error.plainMessage();
    for (const ApiFieldError &field : error.fieldErrors)
        text += QStringLiteral("\n• ") + field.field + QStringLiteral(": ") + field.message;
    return text;
}

} // namespace reserva::ui
