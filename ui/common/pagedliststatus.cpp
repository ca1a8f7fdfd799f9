#include "pagedliststatus.h"

#include "net/apierror.h"
#include "pagedjsonmodel.h"
#include "shell/errormessagebox.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableView>

#include <memory>

namespace reserva::ui {

void bindPagedList(PagedJsonModel *model, QTableView *table, QLabel *summary, QWidget *page,
                   PagedListTexts texts, bool selectFirstRow)
{
    auto shared = std::make_shared<PagedListTexts>(std::move(texts));
    auto fitted = std::make_shared<bool>(false);
    QObject::connect(model, &PagedJsonModel::loadingChanged, summary, [summary, shared](bool on) {
        if (on)
            summary->setText(shared->loading);
    });
    QObject::connect(model, &PagedJsonModel::pageLoaded, table,
                     [model, table, summary, shared, fitted, selectFirstRow] {
                         const int rows = model->rowCount();
                         if (!*fitted && rows > 0) {
                             table->resizeColumnsToContents();
                             *fitted = true;
                         }
                         summary->setText(shared->count(rows, model->hasMore()));
                         if (selectFirstRow && !table->currentIndex().isValid() && rows > 0)
                             table->selectRow(0);
                     });
    QObject::connect(model, &PagedJsonModel::loadFailed, page,
                     [page, summary, shared](const ApiError &error) {
                         summary->setText(shared->notLoaded);
                         if (!error.isConnectionProblem())
                             ErrorMessageBox::show(page, shared->loadFailed, error);
                     });
}

void bindServerSorting(PagedJsonModel *model, QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    header->setSortIndicator(model->sortColumn(), model->sortOrder());
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, model,
                     [model, header](int column, Qt::SortOrder order) {
                         if (model->isSortable(column)) {
                             model->sort(column, order);
                             return;
                         }
                         const QSignalBlocker quiet(header);
                         header->setSortIndicator(model->sortColumn(), model->sortOrder());
                     });
}

} // namespace reserva::ui
