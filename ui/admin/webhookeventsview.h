#pragma once

#include "shell/workspaceview.h"

#include <QJsonObject>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableView;

namespace reserva::ui {

class ApiClient;
class PagedJsonModel;

// Payment provider webhook deliveries (administrators only): every delivery
// reservad received, accepted or refused, newest first and page by page
// (GET /v1/webhook-events), filtered on the server by provider and outcome.
// The selected delivery shows its verification result and reason, the
// payment intent it touched (fetched, with its reservation) and, read-only,
// the redacted headers, the query string and the raw body as received: what
// support needs to answer "did Stripe really call, and what did we do?".
class WebhookEventsView final : public WorkspaceView
{
    Q_OBJECT
public:
    explicit WebhookEventsView(ApiClient &api, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void refresh() override;
    void focusFilter() override;

    PagedJsonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    // Wire names in words (shared with the tests, which check what is shown).
    static QString outcomeText(const QString &wireName);
    static QString verificationText(const QString &wireName);
    static QString providerText(const QString &wireName);
    // The raw body for reading: the text itself when it is UTF-8 (byte for
    // byte, never re-indented: a signature was computed over it), else a hex
    // dump.
    static QString bodyText(const QByteArray &raw);

private:
    void applyFilters();
    void showSelected();
    void showIntent(const QJsonObject &intent);

    ApiClient &m_api;
    PagedJsonModel *m_model;
    QComboBox *m_provider;
    QComboBox *m_outcome;
    QLabel *m_summary;
    QTableView *m_table;
    QWidget *m_detail;
    QLabel *m_empty;
    QLabel *m_heading;
    QLabel *m_received;
    QLabel *m_requestId;
    QLabel *m_httpStatus;
    QLabel *m_verification;
    QLabel *m_outcomeLabel;
    QLabel *m_notes;
    QLabel *m_intent;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_query;
    QPlainTextEdit *m_body;
    QLabel *m_bodyInfo;
    int m_intentGeneration = 0;
};

} // namespace reserva::ui
