# macOS disk image (DragNDrop) of the Reserva.app bundle. Built on macOS only:
# `cmake --preset release` with Qt 6 from the online installer or Homebrew,
# then `cmake --build --preset release --target package`. macdeployqt puts Qt
# and its plugins in the bundle (PlugIns/sqldrivers/libqsqlpsql.dylib with
# libpq); the PostgreSQL server binaries for embedded mode are copied into
# Contents/Resources/pgsql from Postgres.app or Homebrew (packaging/README.md).
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Reserva")
set(CPACK_DMG_FORMAT "UDZO")
find_program(RESERVA_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/bin")
if(RESERVA_MACDEPLOYQT)
    install(CODE "execute_process(COMMAND \"${RESERVA_MACDEPLOYQT}\"
                  \"\${CMAKE_INSTALL_PREFIX}/reserva.app\" -always-overwrite)"
            COMPONENT desktop)
endif()
if(DEFINED RESERVA_PGSQL_DIR)
    install(DIRECTORY "${RESERVA_PGSQL_DIR}/"
            DESTINATION reserva.app/Contents/Resources/pgsql COMPONENT desktop)
endif()
