#include "pagedjsonmodel.h"

#include "net/apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace reserva::ui {

PagedJsonModel::Column PagedJsonModel::textColumn(std::function<QString()> title,
                                                  std::function<QString(const QJsonObject &)> text)
{
    return {std::move(title), [text = std::move(text)](const QJsonObject &item, int role) {
                return role == Qt::DisplayRole ? QVariant(text(item)) : QVariant();
            }};
}

PagedJsonModel::Column
PagedJsonModel::numberColumn(std::function<QString()> title,
                             std::function<QVariant(const QJsonObject &)> value)
{
    return {std::move(title), [value = std::move(value)](const QJsonObject &item, int role) {
                if (role == Qt::DisplayRole)
                    return value(item);
                if (role == Qt::TextAlignmentRole)
                    return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
                return QVariant();
            }};
}

PagedJsonModel::PagedJsonModel(ApiClient &api, QString path, QList<Column> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_path(std::move(path))
    , m_columns(std::move(columns))
{
}

void PagedJsonModel::setFilters(const QUrlQuery &filters)
{
    m_filters = filters;
}

bool PagedJsonModel::isSortable(int column) const
{
    return column >= 0 && column < m_columns.size() && !m_columns.at(column).sortKey.isEmpty();
}

void PagedJsonModel::setSort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
}

QString PagedJsonModel::sortParameter() const
{
    if (!isSortable(m_sortColumn))
        return {};
    const QString key = m_columns.at(m_sortColumn).sortKey;
    return m_sortOrder == Qt::DescendingOrder ? u'-' + key : key;
}

void PagedJsonModel::sort(int column, Qt::SortOrder order)
{
    // The server sorts (the rows loaded are only the first pages); a column
    // it cannot sort by changes nothing.
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    setSort(column, order);
    if (m_loadedOnce || m_loading)
        reload();
}

void PagedJsonModel::reload()
{
    ++m_generation; // answers to earlier requests are now stale
    beginResetModel();
    m_items.clear();
    m_parsed.clear();
    m_nextCursor.clear();
    endResetModel();
    m_loading = false;
    requestPage(QString());
}

void PagedJsonModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_items.clear();
    m_parsed.clear();
    m_nextCursor.clear();
    endResetModel();
    m_loadedOnce = false;
    if (std::exchange(m_loading, false))
        Q_EMIT loadingChanged(false);
}

PagedJsonModel::Row PagedJsonModel::rowFrom(const QJsonObject &item)
{
    return {item.value(u"id").toString(), QJsonDocument(item).toJson(QJsonDocument::Compact)};
}

QJsonObject PagedJsonModel::item(int row) const
{
    if (row < 0 || row >= m_items.size())
        return {};
    if (const QJsonObject *parsed = m_parsed.object(row))
        return *parsed;
    const QJsonObject parsed = QJsonDocument::fromJson(m_items.at(row).json).object();
    m_parsed.insert(row, new QJsonObject(parsed));
    return parsed;
}

int PagedJsonModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

bool PagedJsonModel::updateItem(const QJsonObject &item)
{
    const int row = rowOf(item.value(u"id").toString());
    if (row < 0)
        return false;
    m_items[row] = rowFrom(item);
    m_parsed.remove(row);
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

void PagedJsonModel::prependItem(const QJsonObject &item)
{
    beginInsertRows({}, 0, 0);
    m_items.prepend(rowFrom(item));
    m_parsed.clear(); // every row moved down one
    endInsertRows();
}

void PagedJsonModel::refreshDisplay()
{
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void PagedJsonModel::requestPage(const QString &cursor)
{
    m_loading = true;
    Q_EMIT loadingChanged(true);
    ApiRequest request;
    request.path = m_path;
    request.query = m_filters;
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (const QString sort = sortParameter(); !sort.isEmpty())
        request.query.addQueryItem(QStringLiteral("sort"), sort);
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("after"), cursor);
    const int generation = m_generation;
    m_api.send(request, this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_loadedOnce = true;
        Q_EMIT loadingChanged(false);
        if (!response.ok()) {
            Q_EMIT loadFailed(*response.error);
            return;
        }
        const QJsonObject page = response.object();
        const QJsonArray items = page.value(u"items").toArray();
        m_nextCursor = page.value(u"next_cursor").toString();
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_items.size()), int(m_items.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                m_items.append(rowFrom(v.toObject()));
            endInsertRows();
        }
        Q_EMIT pageLoaded();
    });
}

int PagedJsonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int PagedJsonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PagedJsonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size() || index.column() >= m_columns.size())
        return {};
    return m_columns.at(index.column()).value(item(index.row()), role);
}

QVariant PagedJsonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_columns.at(section).title();
}

bool PagedJsonModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loadedOnce && !m_loading && !m_nextCursor.isEmpty();
}

void PagedJsonModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextCursor);
}

} // namespace reserva::ui
