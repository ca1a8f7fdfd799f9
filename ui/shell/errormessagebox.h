#pragma once

#include "net/apierror.h"

#include <QMessageBox>

namespace reserva::ui {

// An API error in plain words: what failed, why (ApiError::plainMessage),
// the server's field messages, and the request id with a button that copies
// it, so support can find the server's log line.
class ErrorMessageBox final : public QMessageBox
{
    Q_OBJECT
public:
    ErrorMessageBox(const QString &what, const ApiError &error, QWidget *parent = nullptr);

    static void show(QWidget *parent, const QString &what, const ApiError &error);
    // "Request ID: ..." line, or empty when the error has none.
    static QString requestIdLine(const ApiError &error);
    // plainMessage plus the field messages, one per line.
    static QString explanation(const ApiError &error);
};

} // namespace reserva::ui
