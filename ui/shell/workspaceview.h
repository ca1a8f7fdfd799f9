#pragma once

#include <QIcon>
#include <QStringList>
#include <QWidget>

namespace reserva::ui {

// One page of the main window. The window routes its shortcuts (refresh,
// filter, new) to the current page.
class WorkspaceView : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    virtual void refresh() = 0;
    virtual void focusFilter() = 0;
    virtual bool canCreate() const { return false; }
    virtual void createNew() {}
};

} // namespace reserva::ui
