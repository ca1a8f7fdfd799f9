#pragma once

#include "net/apiclient.h"
#include "net/session.h"

#include <QApplication>
#include <QPushButton>
#include <QTemporaryDir>

#include <memory>

class QSettings;

namespace reserva::test {

// Waits (event loop running) for an ApiClient call and returns its answer.
ui::ApiResponse call(ui::ApiClient &api, const ui::ApiRequest &request);
// Signs the session in; fails the test on error.
std::optional<ui::ApiError> signIn(ui::Session &session, const QString &username,
                                   const QString &password,
                                   ui::Session::Remember remember = ui::Session::Remember::No);
QUrl localUrl(quint16 port);

// The first child of `root` of type T with this accessible name, or null.
template <typename T>
T *widgetNamed(QWidget *root, const QString &accessibleName)
{
    const auto all = root->findChildren<T *>();
    for (T *w : all) {
        if (w->accessibleName() == accessibleName)
            return w;
    }
    return nullptr;
}
// The first push button under `root` showing this text, or null.
QPushButton *buttonLabelled(QWidget *root, const QString &text);
// The message under a form's field (FieldErrors' label for that wire name),
// or empty when none is shown.
QString fieldError(QWidget *form, const QString &field);
// The visible top-level widget of type T (a dialog a page opened), or null.
template <typename T>
T *openWindow()
{
    const auto all = QApplication::topLevelWidgets();
    for (QWidget *w : all) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    }
    return nullptr;
}

// QSettings in an INI file of a temporary directory, so tests never touch the
// user's real settings.
class TemporarySettings
{
public:
    TemporarySettings();
    ~TemporarySettings();
    QSettings &settings() { return *m_settings; }
    QString fileName() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace reserva::test
