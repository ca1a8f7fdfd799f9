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
