#pragma once

#include "net/apierror.h"

#include <QJsonObject>
#include <QObject>

class QLabel;
class QPushButton;

namespace reserva::ui {

class ApiClient;

// The save step every editor dialog shares: one request at a time (POST to
// create, PATCH to change), its Save button disabled and "Saving…" shown
// while it runs, and the answer back as saved() or failed(). What to send
// and how to explain a refusal stay with the dialog.
class EditorSave final : public QObject
{
    Q_OBJECT
public:
    EditorSave(ApiClient &api, QPushButton *save, QLabel *status, QObject *parent);

    bool isBusy() const { return m_busy; }
    void send(const QByteArray &method, const QString &path, const QJsonObject &body);

    // A refusal for the status line: `lead` (else the error in plain
    // words), the field messages no field of the form shows, the request id.
    static QString failureText(const ApiError &error, const QList<ApiFieldError> &unplaced,
                               const QString &lead = {});

Q_SIGNALS:
    void saved(const QJsonObject &answer);
    void failed(const reserva::ui::ApiError &error);

private:
    ApiClient &m_api;
    QPushButton *m_save;
    QLabel *m_status;
    bool m_busy = false;
};

} // namespace reserva::ui
