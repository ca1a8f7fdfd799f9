#pragma once

#include <QObject>

class QSocketNotifier;

namespace reserva::cli {

// Turns SIGINT and SIGTERM (Ctrl+C on Windows) into a Qt signal on the main
// thread, through a self-pipe: the handler itself only writes one byte, the
// only thing that is safe inside a signal handler.
class ShutdownSignals final : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void received();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace reserva::cli
