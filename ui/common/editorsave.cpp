#include "editorsave.h"

#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QLabel>
#include <QPushButton>

namespace reserva::ui {

EditorSave::EditorSave(ApiClient &api, QPushButton *save, QLabel *status, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_save(save)
    , m_status(status)
{
}

void EditorSave::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    if (m_busy)
        return;
    m_busy = true;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    m_api.send(request, this, [this](const ApiResponse &response) {
        m_busy = false;
        m_save->setEnabled(true);
        if (!response.ok()) {
            Q_EMIT failed(*response.error);
            return;
        }
        Q_EMIT saved(response.object());
    });
}

QString EditorSave::failureText(const ApiError &error, const QList<ApiFieldError> &unplaced,
                                const QString &lead)
{
    QString text = lead.isEmpty() ? error.plainMessage() : lead;
    for (const ApiFieldError &field : unplaced)
        text += QStringLiteral("\n") + field.field + QStringLiteral(": ") + field.message;
    if (const QString id = ErrorMessageBox::requestIdLine(error); !id.isEmpty())
        text += QStringLiteral("\n") + id;
    return text;
}

} // namespace reserva::ui
