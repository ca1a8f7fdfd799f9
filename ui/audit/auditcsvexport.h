#pragma once

#include <QByteArrayView>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <memory>

class QSaveFile;

namespace reserva::ui {

class ApiClient;
struct ApiResponse;

// Writes the audit rows a filter selects to a CSV file: the server's own CSV
// (GET /v1/audit?format=csv, newest first, formula-safe cells), page by page
// with the cursor the server puts in X-Next-Cursor, so neither end holds the
// whole trail in memory and the GUI thread never waits for the network.
// Through a QSaveFile: the file appears only once complete; a cancelled or
// failed export leaves nothing behind (an existing file stays as it was).
class AuditCsvExport final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Written, Canceled, Failed };
    Q_ENUM(Outcome)

    explicit AuditCsvExport(ApiClient &api, QObject *parent = nullptr);
    ~AuditCsvExport() override;

    // Rows per request (the server allows up to 10000 for CSV).
    void setPageSize(int rows) { m_pageSize = rows; }
    // Starts writing to `path` the rows `filters` (GET /v1/audit's query
    // parameters) select. False, with errorString(), when an export is
    // already running or the file cannot be opened.
    bool start(const QString &path, const QUrlQuery &filters);
    void cancel();
    bool isRunning() const;
    qint64 rowsWritten() const { return m_rows; }
    QString errorString() const { return m_error; }

    // Records in `csv`: line ends outside quoted cells (a cell may hold CRLF).
    static qint64 countRecords(QByteArrayView csv);

Q_SIGNALS:
    void progress(qint64 rowsWritten);
    void finished(reserva::ui::AuditCsvExport::Outcome outcome);

private:
    void requestPage(const QString &cursor);
    void writePage(const ApiResponse &response);
    void finish(Outcome outcome, const QString &error = {});

    ApiClient &m_api;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<QObject> m_request; // the running page request's context
    QUrlQuery m_filters;
    int m_pageSize = 1000;
    qint64 m_rows = 0;
    bool m_headerWritten = false;
    QString m_error;
};

} // namespace reserva::ui
