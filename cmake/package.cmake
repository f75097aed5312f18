# What a packager expects beside the binary: the man page, bash completion, the
# licences, and the Debian package (cpack -G DEB, scripts/package.sh).

# The man page, written from the built kovgen's help texts (cmake/manpage.cmake).
find_program(HELP2MAN_EXECUTABLE help2man REQUIRED)
set(KOVGEN_MANPAGE ${PROJECT_BINARY_DIR}/man/kovgen.1)
add_custom_command(OUTPUT ${KOVGEN_MANPAGE}
  COMMAND ${CMAKE_COMMAND} -DKOVGEN=$<TARGET_FILE:kovgen> -DHELP2MAN=${HELP2MAN_EXECUTABLE}
    -DVERSION=${PROJECT_VERSION} -DOUTPUT=${KOVGEN_MANPAGE} -P ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
  DEPENDS kovgen kovgen_catalog ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
  COMMENT "Man page from kovgen's help texts")
add_custom_target(kovgen_manpage ALL DEPENDS ${KOVGEN_MANPAGE})

install(FILES ${KOVGEN_MANPAGE} DESTINATION share/man/man1)
install(FILES packaging/kovgen.bash-completion DESTINATION share/bash-completion/completions RENAME kovgen)
install(FILES LICENSE docs/licenses.md DESTINATION share/doc/kovgen)
# The Debian copyright file: every licence of what the package holds (DEP-5).
install(FILES packaging/copyright DESTINATION share/doc/kovgen)

# The Debian package. Its system files (the service, its settings in /etc) and the
# compressed man page and changelog are added in the staging folder by
# packaging/cpack_debian.cmake, so that "cmake --install --prefix P" never writes
# outside P.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kovgen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "kovgen-Projekt <kovgen@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "drafts cooperation agreements for all-day schools in NRW")
# The long description; cpack puts it under the summary line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "kovgen drafts Kooperationsvereinbarungen: the cooperation agreements that a
Schultraeger, a school and a youth-welfare provider sign for the Offene
Ganztagsschule (OGS) and school social work in Nordrhein-Westfalen. Answers to
a questionnaire (YAML or JSON) are merged with clause templates into a German
draft, written as Markdown, DOCX and PDF, with every missing checklist item
flagged. Includes the templates, fonts and samples, and a systemd service for
kovgen serve that stays disabled until the administrator enables it.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded with dlopen when a format needs them, so dpkg-shlibdeps cannot see them
# (src/io/runtime_library.h).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libhpdf-2.3.0, libminizip1, libical3, libedit2")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/cpack_debian.cmake)
set(CPACK_KOVGEN_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
include(CPack)
