#pragma once

#include <QString>

#include <functional>

class QLabel;
class QTableView;
class QWidget;

namespace reserva::ui {

class PagedJsonModel;

// What a list page says about its paged list; translated by the page.
struct PagedListTexts
{
    QString loading;    // while a page is on its way
    QString notLoaded;  // after a failure
    QString loadFailed; // the error box's heading (connection problems are the status bar's)
    // The summary after a page: `rows` loaded so far, `more` when the server has more.
    std::function<QString(int rows, bool more)> count;
};

// Keeps a list page's table and summary label in step with its paged model:
// the loading and count texts, the columns fitted to the first page only
// (measuring every row of a long list would cost what paging saves), the
// first row selected when `selectFirstRow`, and a load failure shown in
// plain words with its request id.
void bindPagedList(PagedJsonModel *model, QTableView *table, QLabel *summary, QWidget *page,
                   PagedListTexts texts, bool selectFirstRow);

// Lets the table's headers sort the list on the server, starting from the
// model's current sort: a click on a sortable column reloads in that order;
// on another column the indicator stays where the list is sorted.
void bindServerSorting(PagedJsonModel *model, QTableView *table);

} // namespace reserva::ui
