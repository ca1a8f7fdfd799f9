# Installers (CPack). Two components, two packages: the server (reservad, its
# hardened systemd unit, the example configuration) and the desktop app
# (reserva, its .desktop file, icon and AppStream metadata). Linux builds DEB,
# RPM and TGZ here; packaging/windows and packaging/macos hold the NSIS and
# DragNDrop settings used on those systems (see packaging/README.md).
set(CPACK_PACKAGE_NAME "reserva")
set(CPACK_PACKAGE_VENDOR "Reserva")
set(CPACK_PACKAGE_CONTACT "Reserva maintainers <maintainers@reserva.app>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://reserva.app")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_COMPONENTS_ALL server desktop)
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Reserva server (reservad)")
set(CPACK_COMPONENT_DESKTOP_DISPLAY_NAME "Reserva desktop backoffice")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "The headless HTTP API server on PostgreSQL that alone changes state.")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION
    "The Qt desktop backoffice; can run reservad embedded on a managed local PostgreSQL.")

if(UNIX AND NOT APPLE)
    if(NOT CPACK_GENERATOR)
        set(CPACK_GENERATOR "DEB;TGZ")
    endif()
    set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)

    # DEB: one package per component; library dependencies computed by
    # dpkg-shlibdeps, plus what is loaded at run time and so invisible to it:
    # the QtSql PostgreSQL driver (QPSQL plugin, which brings libpq) and the
    # PostgreSQL server binaries the managed cluster runs.
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_SERVER_PACKAGE_NAME "reserva-server")
    set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-psql, postgresql-15, adduser")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
        "${PROJECT_SOURCE_DIR}/packaging/linux/debian/postinst"
        "${PROJECT_SOURCE_DIR}/packaging/linux/debian/prerm"
        "${PROJECT_SOURCE_DIR}/packaging/linux/debian/postrm")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME "reserva-desktop")
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION "misc")
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS
        "libqt6sql6-psql, libqt6svg6, qt6-qpa-plugins, postgresql-15")
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")

    # RPM (cpack -G RPM, with rpmbuild installed): the same split.
    set(CPACK_RPM_COMPONENT_INSTALL ON)
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
    set(CPACK_RPM_SERVER_PACKAGE_NAME "reserva-server")
    set(CPACK_RPM_SERVER_PACKAGE_REQUIRES "qt6-qtbase-postgresql, postgresql-server")
    set(CPACK_RPM_SERVER_POST_INSTALL_SCRIPT_FILE
        "${PROJECT_SOURCE_DIR}/packaging/linux/debian/postinst")
    set(CPACK_RPM_DESKTOP_PACKAGE_NAME "reserva-desktop")
    set(CPACK_RPM_DESKTOP_PACKAGE_REQUIRES "qt6-qtbase-postgresql, qt6-qtsvg, postgresql-server")
    # Directories the distribution's own packages own.
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/lib/systemd /usr/lib/systemd/system /usr/share/applications /usr/share/metainfo
        /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
        /usr/share/icons/hicolor/scalable/apps /usr/share/doc)
elseif(WIN32)
    include("${PROJECT_SOURCE_DIR}/packaging/windows/cpack.cmake")
elseif(APPLE)
    include("${PROJECT_SOURCE_DIR}/packaging/macos/cpack.cmake")
endif()

include(CPack)
