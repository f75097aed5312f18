# The fonts the PDF writer embeds, subset once at build time.
#
# libharu embeds a TrueType font by emptying the glyphs a document does not use,
# but keeps hmtx, loca, cmap and post whole, and writes a /W width entry for every
# glyph. For the full Liberation fonts (2 600 glyphs each) that costs 10-25 ms and
# tens of KB per document. Cut down here to what a German agreement can need,
# each font has about 370 glyphs and no hinting, which PDF viewers ignore anyway.
#
# The subsets are written to ${CMAKE_BINARY_DIR}/fonts and that path is baked into
# pdf_fonts.cc; KOVGEN_FONT_DIR overrides it at run time (see docs/pdf-writer.md).
# Nothing of the fonts is committed: they come from Debian's fonts-liberation2 and
# fonts-dejavu-core, and fontTools from python3-fonttools (scripts/setup.sh).

set(KOVGEN_FONT_DIR "${CMAKE_BINARY_DIR}/fonts")

find_file(KOVGEN_LIBERATION_SERIF LiberationSerif-Regular.ttf
  PATHS /usr/share/fonts/truetype/liberation2 /usr/share/fonts/truetype/liberation
  NO_DEFAULT_PATH REQUIRED)
get_filename_component(_kovgen_liberation "${KOVGEN_LIBERATION_SERIF}" DIRECTORY)
find_file(KOVGEN_DEJAVU_SANS DejaVuSans.ttf
  PATHS /usr/share/fonts/truetype/dejavu NO_DEFAULT_PATH REQUIRED)
# The system python: Debian's python3-fonttools is installed for it, not for
# whatever python3 comes first on PATH.
find_program(KOVGEN_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)

# Latin-1 and Latin Extended-A (names such as Łukasz, Gülşen, Đorđe), the
# Romanian commas, Vietnamese (Nguyễn: common in Germany), typographic quotes,
# dashes, bullet, ellipsis, per mille, €, №, ™, arrows and the minus sign.
set(_kovgen_text_unicodes
  "U+0020-007E,U+00A0-017F,U+0192,U+01A0-01A1,U+01AF-01B0,U+0218-021B,U+02C6-02C7,U+02D8-02DD,U+1EA0-1EF9,U+2010-2026,U+2030,U+2039-203A,U+2044,U+20AC,U+2116,U+2122,U+2190-2193,U+2212")
# The fallback for everything else that may turn up in a name or a note: Latin
# Extended-B and Additional (Vietnamese), Greek, Cyrillic, check marks and ballot
# boxes, and U+FFFD, which replaces what no font has. Only embedded when used.
set(_kovgen_symbol_unicodes
  "U+0020,U+00A0,U+0180-024F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2022,U+2190-21FF,U+2500-257F,U+25A0-25FF,U+2610-2612,U+2713-2718,U+FFFD")

set(_kovgen_fonts
  "serif-regular|${_kovgen_liberation}/LiberationSerif-Regular.ttf|${_kovgen_text_unicodes}"
  "serif-bold|${_kovgen_liberation}/LiberationSerif-Bold.ttf|${_kovgen_text_unicodes}"
  "serif-italic|${_kovgen_liberation}/LiberationSerif-Italic.ttf|${_kovgen_text_unicodes}"
  "serif-bold-italic|${_kovgen_liberation}/LiberationSerif-BoldItalic.ttf|${_kovgen_text_unicodes}"
  "mono|${_kovgen_liberation}/LiberationMono-Regular.ttf|${_kovgen_text_unicodes}"
  "symbol|${KOVGEN_DEJAVU_SANS}|${_kovgen_symbol_unicodes}")

set(_kovgen_font_outputs)
foreach(entry ${_kovgen_fonts})
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 source)
  list(GET parts 2 unicodes)
  set(output "${KOVGEN_FONT_DIR}/${name}.ttf")
  # cmake/subset_font.py: no layout tables, no hinting, no glyph names, composite
  # glyphs decomposed. The original timestamps stay, so the subsets, and with
  # them the PDFs, are the same on every build.
  add_custom_command(OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${KOVGEN_FONT_DIR}"
    COMMAND "${KOVGEN_PYTHON3}" "${CMAKE_CURRENT_LIST_DIR}/subset_font.py"
      "${source}" "${output}" "${unicodes}"
    DEPENDS "${source}" "${CMAKE_CURRENT_LIST_FILE}" "${CMAKE_CURRENT_LIST_DIR}/subset_font.py"
    COMMENT "Subsetting ${name}.ttf for the PDF writer"
    VERBATIM)
  list(APPEND _kovgen_font_outputs "${output}")
endforeach()

# The pair kerning of the four text faces, in layout::Face order, as a C++ table
# (cmake/kern_table.py): the subsets above drop it, the layout applies it itself.
set(KOVGEN_KERN_SOURCE "${CMAKE_BINARY_DIR}/generated/kern_pairs.cc")
add_custom_command(OUTPUT "${KOVGEN_KERN_SOURCE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/generated"
  COMMAND "${KOVGEN_PYTHON3}" "${CMAKE_CURRENT_LIST_DIR}/kern_table.py" "${KOVGEN_KERN_SOURCE}"
    "${_kovgen_text_unicodes}"
    "${_kovgen_liberation}/LiberationSerif-Regular.ttf" "${_kovgen_liberation}/LiberationSerif-Bold.ttf"
    "${_kovgen_liberation}/LiberationSerif-Italic.ttf" "${_kovgen_liberation}/LiberationSerif-BoldItalic.ttf"
  DEPENDS "${CMAKE_CURRENT_LIST_DIR}/kern_table.py" "${CMAKE_CURRENT_LIST_FILE}"
  COMMENT "Extracting the kerning pairs of the text fonts"
  VERBATIM)
list(APPEND _kovgen_font_outputs "${KOVGEN_KERN_SOURCE}")

add_custom_target(kovgen_fonts ALL DEPENDS ${_kovgen_font_outputs})
# src/writers/pdf depends on kovgen_fonts and compiles KOVGEN_FONT_DIR into pdf_fonts.cc.
