#pragma once

#include "net/apierror.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace reserva::ui {

class ApiClient;

// A table over one of reservad's cursor-paged lists ({items, next_cursor}
// with `limit` and `after`): the first page on reload(), the next one when
// the view scrolls near the end (canFetchMore/fetchMore), so a list of a
// hundred thousand rows costs only what the user looks at (and, once
// scrolled through, little memory per row). Filters are the
// list's query parameters; a reload with new filters drops answers to the
// old ones.
class PagedJsonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        std::function<QString()> title; // translated at call time (runtime language switch)
        std::function<QVariant(const QJsonObject &item, int role)> value;
        // The list's `sort` name for this column ("amount_minor"); empty
        // when the server cannot sort by it.
        QString sortKey = {};
    };

    // A column of text; one of right-aligned numbers or amounts.
    static Column textColumn(std::function<QString()> title,
                             std::function<QString(const QJsonObject &)> text);
    static Column numberColumn(std::function<QString()> title,
                               std::function<QVariant(const QJsonObject &)> value);

    PagedJsonModel(ApiClient &api, QString path, QList<Column> columns, QObject *parent = nullptr);

    void setPageSize(int size) { m_pageSize = size; }
    // Another list of the same shape (e.g. the slots of another product);
    // takes effect at the next reload().
    void setPath(const QString &path) { m_path = path; }
    QString path() const { return m_path; }
    // Drops every row without loading (nothing selected to list).
    void clear();
    void setFilters(const QUrlQuery &filters);
    QUrlQuery filters() const { return m_filters; }
    // The order the server lists in: `column` must have a sortKey. Takes
    // effect at the next reload(); sort() (a header click) reloads at once.
    void setSort(int column, Qt::SortOrder order);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    bool isSortable(int column) const;
    // The `sort` parameter sent ("-created_at"), empty for the list's default.
    QString sortParameter() const;
    // Drops every row and loads the first page again.
    void reload();

    QJsonObject item(int row) const;
    // Replaces the row whose "id" matches (after a detail fetch, an action or
    // a change the server reported); false when no row has that id.
    bool updateItem(const QJsonObject &item);
    // Puts a new item first (newest-first lists, a row created elsewhere).
    void prependItem(const QJsonObject &item);
    // The row of the item with this "id", or -1.
    int rowOf(const QString &id) const;
    // Repaints every cell (e.g. once names for ids have arrived).
    void refreshDisplay();
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void sort(int column, Qt::SortOrder order) override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadFailed(const reserva::ui::ApiError &error);
    void pageLoaded();

private:
    void requestPage(const QString &cursor);

    ApiClient &m_api;
    QString m_path;
    QList<Column> m_columns;
    QUrlQuery m_filters;
    // Rows are kept as compact JSON (a reservation: ~0.4 KB, a third of a
    // QJsonObject), parsed on demand; the rows on screen stay parsed.
    struct Row
    {
        QString id;
        QByteArray json;
    };
    static Row rowFrom(const QJsonObject &item);
    QList<Row> m_items;
    mutable QCache<qsizetype, QJsonObject> m_parsed{512};
    QString m_nextCursor;
    bool m_loading = false;
    bool m_loadedOnce = false;
    int m_generation = 0;
    int m_pageSize = 100;
    int m_sortColumn = -1; // -1: the server's default order
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace reserva::ui
