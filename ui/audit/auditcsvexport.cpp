#include "auditcsvexport.h"

#include "net/apiclient.h"
#include "shell/errormessagebox.h"

#include <QSaveFile>

namespace reserva::ui {

AuditCsvExport::AuditCsvExport(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

AuditCsvExport::~AuditCsvExport()
{
    if (m_request)
        m_api.abort(m_request.get());
    // m_file goes without commit(): QSaveFile removes its temporary file.
}

bool AuditCsvExport::isRunning() const
{
    return m_file != nullptr;
}

bool AuditCsvExport::start(const QString &path, const QUrlQuery &filters)
{
    if (isRunning()) {
        m_error = tr("An export is already running.");
        return false;
    }
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        m_error = tr("%1 could not be written: %2").arg(path, file->errorString());
        return false;
    }
    m_file = std::move(file);
    m_filters = filters;
    m_filters.removeAllQueryItems(QStringLiteral("format"));
    m_filters.removeAllQueryItems(QStringLiteral("limit"));
    m_filters.removeAllQueryItems(QStringLiteral("after"));
    m_rows = 0;
    m_headerWritten = false;
    m_error.clear();
    requestPage(QString());
    return true;
}

void AuditCsvExport::cancel()
{
    if (!isRunning())
        return;
    finish(Outcome::Canceled);
}

void AuditCsvExport::requestPage(const QString &cursor)
{
    ApiRequest request;
    request.path = QStringLiteral("/v1/audit");
    request.query = m_filters;
    request.query.addQueryItem(QStringLiteral("format"), QStringLiteral("csv"));
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("after"), cursor);
    request.rawBody = true;
    m_request = std::make_unique<QObject>();
    m_api.send(request, m_request.get(), [this](const ApiResponse &response) {
        m_request.reset();
        if (!response.ok()) {
            finish(Outcome::Failed, ErrorMessageBox::explanation(*response.error));
            return;
        }
        writePage(response);
    });
}

void AuditCsvExport::writePage(const ApiResponse &response)
{
    QByteArrayView page(response.body);
    // Every page starts with the header line (which holds no quotes); the
    // file gets it once.
    if (m_headerWritten) {
        const qsizetype end = page.indexOf(QByteArrayView("\r\n"));
        page = end < 0 ? QByteArrayView() : page.sliced(end + 2);
    }
    if (!page.isEmpty() && m_file->write(page.data(), page.size()) != page.size()) {
        finish(Outcome::Failed, m_file->errorString());
        return;
    }
    qint64 records = countRecords(page);
    if (!m_headerWritten && records > 0)
        --records; // the header line
    m_rows += records;
    m_headerWritten = true;
    const QString next = QString::fromLatin1(response.header("x-next-cursor"));
    if (next.isEmpty()) {
        Q_EMIT progress(m_rows);
        if (!m_file->commit()) {
            finish(Outcome::Failed, m_file->errorString());
            return;
        }
        m_file.reset();
        Q_EMIT finished(Outcome::Written);
        return;
    }
    // The next page is on its way before the progress is shown, so a cancel
    // from the progress display has a request to abort.
    requestPage(next);
    Q_EMIT progress(m_rows);
}

void AuditCsvExport::finish(Outcome outcome, const QString &error)
{
    if (m_request) {
        m_api.abort(m_request.get());
        m_request.reset();
    }
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // without commit(): the temporary file is removed
    }
    m_error = error;
    Q_EMIT finished(outcome);
}

qint64 AuditCsvExport::countRecords(QByteArrayView csv)
{
    qint64 records = 0;
    bool quoted = false;
    for (const char c : csv) {
        if (c == '"')
            quoted = !quoted; // a doubled quote inside a cell toggles twice
        else if (c == '\n' && !quoted)
            ++records;
    }
    return records;
}

} // namespace reserva::ui
