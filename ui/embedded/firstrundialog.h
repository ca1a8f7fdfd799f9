#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace reserva::ui {

// The first start of "This computer": the user names the administrator and
// sets its password. Nothing else is created (no demo data).
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);

    QString username() const;
    QString password() const;
    // Shows a refusal (from the server) and lets the user try again.
    void showError(const QString &message);
    void setBusy(bool busy);

    // The rules, the same as `reservad user add` enforces; empty when fine.
    static QString usernameProblem(const QString &username);
    static QString passwordProblem(const QString &password, const QString &confirmation);

Q_SIGNALS:
    void administratorRequested(const QString &username, const QString &password);

private:
    void validate();

    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_confirmation;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace reserva::ui
