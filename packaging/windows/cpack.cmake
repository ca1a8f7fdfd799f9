# Windows installer (NSIS; WiX works the same way with CPACK_GENERATOR=WIX).
# Built on Windows only: `cmake --preset release` with the Qt 6 MSVC kit,
# then `cmake --build --preset release --target package`. Before CPack runs,
# windeployqt copies Qt and its plugins next to the executables (sqldrivers/
# qsqlpsql.dll with it), and the PostgreSQL client and server binaries are
# staged from the EDB distribution (see packaging/README.md).
set(CPACK_GENERATOR "NSIS")
set(CPACK_NSIS_PACKAGE_NAME "Reserva")
set(CPACK_NSIS_DISPLAY_NAME "Reserva ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\reserva.exe")
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Reserva.lnk' '$INSTDIR\\\\bin\\\\reserva.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\Reserva.lnk'")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Reserva")

# windeployqt at install time, into the staging tree CPack packs.
find_program(RESERVA_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/bin")
if(RESERVA_WINDEPLOYQT)
    install(CODE "execute_process(COMMAND \"${RESERVA_WINDEPLOYQT}\" --release --no-translations
                  --dir \"\${CMAKE_INSTALL_PREFIX}/bin\"
                  \"\${CMAKE_INSTALL_PREFIX}/bin/reserva.exe\")" COMPONENT desktop)
endif()
# PostgreSQL (libpq for QPSQL, and the server binaries for embedded mode):
# staged by the release job into ${RESERVA_PGSQL_DIR} from the EDB zip.
if(DEFINED RESERVA_PGSQL_DIR)
    # libpq and the DLLs it needs beside reserva.exe and reservad.exe, where
    # Windows looks when sqldrivers/qsqlpsql.dll loads it.
    install(DIRECTORY "${RESERVA_PGSQL_DIR}/bin/" DESTINATION bin COMPONENT desktop
            FILES_MATCHING PATTERN "*.dll")
    install(DIRECTORY "${RESERVA_PGSQL_DIR}/bin/" DESTINATION pgsql/bin COMPONENT desktop)
    install(DIRECTORY "${RESERVA_PGSQL_DIR}/lib/" DESTINATION pgsql/lib COMPONENT desktop)
    install(DIRECTORY "${RESERVA_PGSQL_DIR}/share/" DESTINATION pgsql/share COMPONENT desktop)
endif()
