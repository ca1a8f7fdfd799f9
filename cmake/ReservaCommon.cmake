if(RESERVA_TSAN AND RESERVA_SANITIZE)
    message(FATAL_ERROR "RESERVA_TSAN and RESERVA_SANITIZE are mutually exclusive")
endif()
if(RESERVA_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "RESERVA_FUZZ needs clang (libFuzzer): use the fuzz preset")
    endif()
    if(RESERVA_SANITIZE OR RESERVA_TSAN)
        message(FATAL_ERROR "RESERVA_FUZZ brings its own sanitizers: turn RESERVA_SANITIZE/RESERVA_TSAN off")
    endif()
endif()

# One INTERFACE target carries the project-wide strictness: every Reserva target
# links it, so the language level, warnings and Qt's safety macros are set once.
add_library(reserva_common INTERFACE)
target_compile_features(reserva_common INTERFACE cxx_std_20)
target_compile_definitions(reserva_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    RESERVA_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(reserva_common INTERFACE -Wall -Wextra -Wpedantic
        -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(RESERVA_WERROR)
        target_compile_options(reserva_common INTERFACE -Werror)
    endif()
    if(RESERVA_SANITIZE)
        target_compile_options(reserva_common INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(reserva_common INTERFACE -fsanitize=address,undefined)
    endif()
    # libFuzzer: every Reserva library gets the coverage instrumentation and
    # the sanitizers; only the fuzz targets link the fuzzer's main
    # (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer to them).
    if(RESERVA_FUZZ)
        target_compile_options(reserva_common INTERFACE
            -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined)
        target_link_options(reserva_common INTERFACE -fsanitize=address,undefined)
    endif()
    # ThreadSanitizer cannot share a process with ASan. Only our code is
    # instrumented (Debian's Qt is not): see tests/tsan.supp for what that costs.
    if(RESERVA_TSAN)
        target_compile_options(reserva_common INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
        target_link_options(reserva_common INTERFACE -fsanitize=thread
            -Wl,--wrap=_ZN7QThread5startENS_8PriorityE
            -Wl,--wrap=_ZN7QThread4waitE14QDeadlineTimer
            -Wl,--wrap=_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv)
        # Qt's thread joins and invokeMethod handoffs, stated to TSan
        # (cmake/tsan/qthandoffs.cpp: Debian's Qt is not instrumented).
        add_library(reserva_tsan_qt STATIC "${CMAKE_CURRENT_LIST_DIR}/tsan/qthandoffs.cpp")
        target_compile_options(reserva_tsan_qt PRIVATE -fsanitize=thread)
        target_link_libraries(reserva_tsan_qt PUBLIC Qt6::Core)
        target_link_libraries(reserva_common INTERFACE reserva_tsan_qt)
    endif()
elseif(MSVC)
    target_compile_options(reserva_common INTERFACE /W4 /permissive- /Zc:__cplusplus)
    if(RESERVA_WERROR)
        target_compile_options(reserva_common INTERFACE /WX)
    endif()
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
