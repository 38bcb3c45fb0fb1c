# The kiosk as a system service, and as a Debian package: `cpack -G DEB` in a build
# directory (scripts/package does it all) makes ppkiosk_VERSION_ARCH.deb.

# The systemd unit goes beside /usr: /usr/../lib/systemd/system is Debian 12's
# /lib/systemd/system (also when CPack stages the package into .../usr); any other
# prefix gets PREFIX/lib/systemd/system.
install(CODE [[
  if(CMAKE_INSTALL_PREFIX MATCHES "/usr/?$")
    get_filename_component(_ppk_unitdir "${CMAKE_INSTALL_PREFIX}/../lib/systemd/system" ABSOLUTE)
  else()
    set(_ppk_unitdir "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
  endif()
]])
# (file(INSTALL) adds DESTDIR itself)
install(CODE "file(INSTALL \"${CMAKE_CURRENT_SOURCE_DIR}/assets/systemd/ppkiosk.service\"
                   DESTINATION \"\${_ppk_unitdir}\"
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)")
# CUPS's temporary folder in memory (a cancelled job leaves the filters' copy of the summary
# there): a drop-in for Debian's cups.service.
install(CODE "file(INSTALL \"${CMAKE_CURRENT_SOURCE_DIR}/assets/systemd/cups.service.d\"
                   DESTINATION \"\${_ppk_unitdir}\"
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)")

# No hibernation (it would write the kiosk's memory, patient answers among it, to swap):
# a drop-in for systemd-sleep, in /lib/systemd/sleep.conf.d.
install(CODE "file(INSTALL \"${CMAKE_CURRENT_SOURCE_DIR}/assets/systemd/sleep.conf.d\"
                   DESTINATION \"\${_ppk_unitdir}/..\"
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)")

# No magic SysRq keys (a keyboard could kill or reboot the kiosk, and each start gives
# the urgent screen one staff PIN try): a drop-in for systemd-sysctl, in /lib/sysctl.d.
install(CODE "file(INSTALL \"${CMAKE_CURRENT_SOURCE_DIR}/assets/systemd/sysctl.d\"
                   DESTINATION \"\${_ppk_unitdir}/../..\"
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)")

# Documentation: the README (clinic IT's section), the copyright file naming the
# third-party data, and the Debian changelog (compressed, as Debian wants it).
set(PPKIOSK_CHANGELOG_GZ ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${PPKIOSK_CHANGELOG_GZ}
                   COMMAND gzip -9nc ${CMAKE_CURRENT_SOURCE_DIR}/assets/package/changelog
                           > ${PPKIOSK_CHANGELOG_GZ}
                   DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/assets/package/changelog VERBATIM)
add_custom_target(ppkiosk_changelog ALL DEPENDS ${PPKIOSK_CHANGELOG_GZ})
install(FILES README.md assets/package/copyright ${PPKIOSK_CHANGELOG_GZ}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ppkiosk)
set(CPACK_PACKAGE_VENDOR "ppkiosk developers")
set(CPACK_PACKAGE_CONTACT "ppkiosk developers <dev@ppkiosk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline touch-screen clinic kiosk on postpartum joint and back pain")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "A patient who recently gave birth answers questions about joint and\n"
    "back pain by touch, voice or keyboard, hears and reads what commonly\n"
    "causes it, what she can do about it and what to raise with her\n"
    "clinician, and leaves with a printed summary. Everything runs on the\n"
    "kiosk: no network. Educational, not a diagnosis.\n"
    "The package installs a systemd unit that runs the kiosk under the cage\n"
    "compositor on tty1 as the user ppkiosk, and does not enable it on\n"
    "installation.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# the shared libraries' packages, from dpkg-shlibdeps, plus what is loaded as data or
# run as a program
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, cage, fonts-dejavu-core, pocketsphinx-en-us, espeak-ng-data")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xwayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/assets/package/postinst
    ${CMAKE_CURRENT_SOURCE_DIR}/assets/package/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/assets/package/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
