#pragma once

#include "net/apiclient.h"
#include "net/session.h"

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
