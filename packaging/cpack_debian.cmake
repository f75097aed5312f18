# Run by cpack after installing into its staging folder, before packing the .deb:
# adds what only the Debian package has and compresses what Debian wants compressed.
# A prefix installation ("cmake --install --prefix P") stays inside P without these.
set(root "${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
if(NOT EXISTS "${root}/usr/bin/kovgen")
  message(FATAL_ERROR "cpack_debian.cmake: no usr/bin/kovgen in ${root}")
endif()
set(source "${CPACK_KOVGEN_PACKAGING_DIR}")
# file(COPY), not file(INSTALL): cpack's DESTDIR would be put before these paths.

file(COPY "${source}/kovgen.service" DESTINATION "${root}/lib/systemd/system"
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
file(COPY "${source}/serve.conf" DESTINATION "${root}/etc/kovgen"
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

# gzip -9n: no name or time stamp in the archive, so the package is reproducible.
find_program(GZIP gzip REQUIRED)
file(COPY "${source}/changelog" DESTINATION "${root}/usr/share/doc/kovgen"
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
foreach(file usr/share/man/man1/kovgen.1 usr/share/doc/kovgen/changelog)
  execute_process(COMMAND "${GZIP}" -9nf "${root}/${file}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${file} failed")
  endif()
endforeach()

# Debian keeps licences in the copyright file alone, which holds the EUPL in full.
file(REMOVE "${root}/usr/share/doc/kovgen/LICENSE")
