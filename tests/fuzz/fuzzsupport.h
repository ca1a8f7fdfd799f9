#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Helpers shared by the fuzz targets. Each target defines
// LLVMFuzzerTestOneInput; it is linked with libFuzzer's main in the fuzz build
// (RESERVA_FUZZ) and with replaymain.cpp in every other build, where ctest
// replays the seed corpus (label fuzz-corpus).

namespace reserva::fuzz {

// A property the code under test promises. Aborts so that both libFuzzer and
// the replay runner report the input that broke it.
#define RESERVA_FUZZ_CHECK(condition)                                                              \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__,          \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Splits an input into `count` fields at its first count - 1 newlines; the
// last field is the rest, newlines included (a raw body). Missing fields are
// empty, so every input is usable.
inline QList<QByteArray> splitFields(const uint8_t *data, size_t size, int count)
{
    const QByteArray all = bytesOf(data, size);
    QList<QByteArray> fields;
    qsizetype from = 0;
    for (int i = 0; i < count - 1; ++i) {
        const qsizetype nl = from <= all.size() ? all.indexOf('\n', from) : -1;
        if (nl < 0) {
            fields << all.mid(from);
            from = all.size() + 1;
            continue;
        }
        fields << all.mid(from, nl - from);
        from = nl + 1;
    }
    fields << (from <= all.size() ? all.mid(from) : QByteArray());
    return fields;
}

} // namespace reserva::fuzz
