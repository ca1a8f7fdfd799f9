#include "uitestsupport.h"

#include <QLabel>
#include <QSettings>
#include <QTest>

namespace reserva::test {

ui::ApiResponse call(ui::ApiClient &api, const ui::ApiRequest &request)
{
    std::optional<ui::ApiResponse> answer;
    QObject context;
    api.send(request, &context, [&](const ui::ApiResponse &r) { answer = r; });
    // An upper bound so a broken build fails instead of hanging; not a speed check.
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 60000))
        qWarning("no answer from the API within the test bound");
    if (!answer) {
        ui::ApiResponse none;
        none.error = ui::ApiError::fromNetwork(QNetworkReply::TimeoutError,
                                               QStringLiteral("no answer in the test"));
        return none;
    }
    return *answer;
}

std::optional<ui::ApiError> signIn(ui::Session &session, const QString &username,
                                   const QString &password, ui::Session::Remember remember)
{
    bool done = false;
    std::optional<ui::ApiError> result;
    session.login(username, password, remember, [&](const std::optional<ui::ApiError> &error) {
        result = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("no answer within the test bound");
    if (!done) {
        ui::ApiError timeout;
        timeout.kind = ui::ApiError::Kind::Timeout;
        return timeout;
    }
    return result;
}

QUrl localUrl(quint16 port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

QPushButton *buttonLabelled(QWidget *root, const QString &text)
{
    const auto all = root->findChildren<QPushButton *>();
    for (QPushButton *b : all) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QString fieldError(QWidget *form, const QString &field)
{
    auto *label = form->findChild<QLabel *>(QStringLiteral("fieldError:") + field);
    return label && !label->isHidden() ? label->text() : QString();
}

TemporarySettings::TemporarySettings()
    : m_settings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("reserva.ini")),
                                             QSettings::IniFormat))
{
}

TemporarySettings::~TemporarySettings() = default;

QString TemporarySettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace reserva::test
