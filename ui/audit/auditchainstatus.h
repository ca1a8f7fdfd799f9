#pragma once

#include <QFrame>
#include <QJsonObject>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace reserva::ui {

class ApiClient;
struct ApiError;

// The hash chain of the audit trail as GET /v1/audit/verify reports it:
// intact, or broken at its first broken link (position, entry, time and what
// is wrong), with the links checked and the entries still awaiting sealing.
// The server walks the chain; here that is one asynchronous request, which
// Cancel aborts. Only platform-wide users may ask (the chain spans tenants).
class AuditChainStatus final : public QFrame
{
    Q_OBJECT
public:
    enum class State { NotChecked, Checking, Intact, Broken, Canceled, Failed };
    Q_ENUM(State)

    explicit AuditChainStatus(ApiClient &api, QWidget *parent = nullptr);
    ~AuditChainStatus() override;

    void verify();
    void cancel();
    State state() const { return m_state; }
    // The last report as the server sent it (empty before the first one).
    QJsonObject report() const { return m_report; }
    // What the status line says now.
    QString text() const;

Q_SIGNALS:
    void stateChanged(reserva::ui::AuditChainStatus::State state);

private:
    void showReport(const QJsonObject &report);
    void showFailure(const ApiError &error);
    void setState(State state, const QString &text);
    static QString brokenKind(const QJsonObject &broken);

    ApiClient &m_api;
    std::unique_ptr<QObject> m_request; // the running verification's context
    State m_state = State::NotChecked;
    QJsonObject m_report;
    QLabel *m_icon;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_verify;
    QPushButton *m_cancel;
};

} // namespace reserva::ui
