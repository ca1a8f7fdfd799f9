#pragma once

namespace reserva {

// Frees OpenSSL's per-thread state (its error queue, DRBG) now, on the calling
// thread, instead of in the thread's TLS destructors. Call it last in a thread
// that used OpenSSL: QThread::wait() returns before those destructors run, so
// a process exiting right after could otherwise still hold them half-freed
// (LeakSanitizer reports them).
void releaseThreadCryptoState();

} // namespace reserva
