// Built and linked only with RESERVA_TSAN (see ReservaCommon.cmake).
//
// Debian's Qt is not built with ThreadSanitizer. Where Qt hands work or
// results from one thread to another it synchronizes with its own futex-based
// QMutex and QSemaphore, which TSan cannot see, so everything on one side
// would look unordered with the other. The linker routes our calls to three
// Qt functions (-Wl,--wrap) through the functions below, which state the
// ordering Qt guarantees to TSan explicitly and then call the real function:
//  - QThread::start / QThread::wait: a finished thread's writes happen
//    before wait() reports it finished (released when the thread emits
//    finished(), on itself, after run() returned);
//  - QMetaObject::invokeMethod with a functor or member pointer (queued or
//    blocking-queued): the caller's writes happen before the call runs on the
//    receiver's thread, and for a blocking call the call's writes happen
//    before the caller resumes.
// Handoffs Qt starts on its own (a queued signal between threads, a call
// made inside Qt) are not covered: were one to be reported, it would need the
// same treatment here, not a suppression of our code (tests/tsan.supp).
#include <QDeadlineTimer>
#include <QObject>
#include <QThread>
#include <QVariant>

#include <memory>
#include <sanitizer/tsan_interface.h>

namespace {

// Wraps the slot object of one invokeMethod call: acquires what the caller
// released before running the call, and releases for a blocking caller after.
class OrderedSlot final : public QtPrivate::QSlotObjectBase
{
public:
    OrderedSlot(QtPrivate::QSlotObjectBase *inner, void *done)
        : QSlotObjectBase(&impl)
        , m_inner(inner)
        , m_done(done)
    {
    }

private:
    static void impl(int which, QSlotObjectBase *base, QObject *receiver, void **args, bool *ret)
    {
        auto *self = static_cast<OrderedSlot *>(base);
        switch (which) {
        case Destroy: // also when the call never ran (its receiver went away)
            __tsan_acquire(self);
            self->m_inner->destroyIfLastRef();
            delete self;
            break;
        case Call: {
            __tsan_acquire(self);
            void *const done = self->m_done;
            self->m_inner->call(receiver, args);
            // The last reference may be dropped on the caller's side: nothing
            // of `self` is touched after this release.
            __tsan_release(self);
            if (done)
                __tsan_release(done);
            break;
        }
        case Compare:
            if (ret)
                *ret = false;
            break;
        default:
            break;
        }
    }

    QtPrivate::QSlotObjectBase *m_inner;
    void *m_done; // the blocking caller's token; null for other calls
};

} // namespace

extern "C" {

void __real__ZN7QThread5startENS_8PriorityE(QThread *thread, QThread::Priority priority);
bool __real__ZN7QThread4waitE14QDeadlineTimer(QThread *thread, QDeadlineTimer deadline);
bool __real__ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv(
    QObject *object, QtPrivate::QSlotObjectBase *slot, Qt::ConnectionType type, void *ret);

void __wrap__ZN7QThread5startENS_8PriorityE(QThread *thread, QThread::Priority priority)
{
    static const char kConnected[] = "_reserva_tsan_join";
    if (!thread->property(kConnected).toBool()) {
        thread->setProperty(kConnected, true);
        QObject::connect(
            thread, &QThread::finished, thread, [thread] { __tsan_release(thread); },
            Qt::DirectConnection);
    }
    __real__ZN7QThread5startENS_8PriorityE(thread, priority);
}

bool __wrap__ZN7QThread4waitE14QDeadlineTimer(QThread *thread, QDeadlineTimer deadline)
{
    const bool finished = __real__ZN7QThread4waitE14QDeadlineTimer(thread, deadline);
    if (finished)
        __tsan_acquire(thread);
    return finished;
}

bool __wrap__ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv(
    QObject *object, QtPrivate::QSlotObjectBase *slot, Qt::ConnectionType type, void *ret)
{
    // A fresh heap token per blocking call: freeing it drops its TSan state,
    // so no later call inherits this one's ordering.
    const bool blocking = type == Qt::BlockingQueuedConnection;
    const std::unique_ptr<char> done(blocking ? new char(0) : nullptr);
    auto *ordered = new OrderedSlot(slot, done.get());
    __tsan_release(ordered);
    const bool ok =
        __real__ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv(
            object, ordered, type, ret);
    if (blocking)
        __tsan_acquire(done.get());
    return ok;
}

} // extern "C"
