# Writes the man page kovgen.1 from kovgen's own help texts, so that the two never
# disagree: help2man turns "kovgen --help" into the page, and every command's
# "kovgen COMMAND --help" follows in a section of its own. The page is German, as
# kovgen speaks by default.
#   cmake -DKOVGEN=build/kovgen -DHELP2MAN=/usr/bin/help2man -DOUTPUT=kovgen.1 -P manpage.cmake

# The command names, from the English overview, whose layout does not change with
# the translation.
execute_process(COMMAND "${KOVGEN}" --lang en --help OUTPUT_VARIABLE overview RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${KOVGEN} --help failed")
endif()
# The lines after "Commands:" up to the first blank line.
string(REPLACE ";" "," overview "${overview}")
string(REPLACE "\n" ";" lines "${overview}")
set(in_commands OFF)
set(commands)
foreach(line IN LISTS lines)
  if(line STREQUAL "Commands:")
    set(in_commands ON)
  elseif(in_commands AND line STREQUAL "")
    break()
  elseif(in_commands AND line MATCHES "^  ([a-z][a-z-]*) ")
    list(APPEND commands "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT commands)
  message(FATAL_ERROR "no commands in the output of ${KOVGEN} --help")
endif()

# roff without surprises: backslashes written as \e, minus signs as \-, and no
# line starting with a control character.
function(roff_literal text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The name line here, not with --name, which help2man would take as Latin-1.
set(include "[NAME]\nkovgen \\- Kooperationsvereinbarungen für Ganztag und Schulsozialarbeit entwerfen\n")
string(APPEND include "[BEFEHLE IM EINZELNEN]\n")
foreach(command ${commands})
  execute_process(COMMAND "${KOVGEN}" ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${KOVGEN} ${command} --help failed")
  endif()
  roff_literal("${help}" help)
  string(APPEND include ".SS \"kovgen ${command}\"\n.nf\n${help}.fi\n")
endforeach()
string(APPEND include "[UMGEBUNG]\n"
  ".TP\n.B KOVGEN_LANG\n\\fBen\\fR: alle Meldungen auf Englisch (wie \\fB\\-\\-lang en\\fR).\n"
  ".TP\n.B KOVGEN_TEMPLATES\nOrdner mit den Vorlagen statt der mitgelieferten (Textbausteine in ../fragments daneben).\n"
  ".TP\n.B KOVGEN_FONT_DIR\nOrdner mit den Schriften für PDF statt der mitgelieferten.\n"
  ".TP\n.B SOURCE_DATE_EPOCH\nDatum der Dokumente (Sekunden seit 1970) statt des heutigen.\n"
  "[DATEIEN]\n"
  ".TP\n.I /usr/share/kovgen\nmitgelieferte Vorlagen, Textbausteine, Schriften und Beispiele (relativ zum Programm: ../share/kovgen)\n"
  ".TP\n.I /etc/kovgen/serve.conf\nEinstellungen des Dienstes kovgen (systemd)\n")
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
file(WRITE "${OUTPUT}.h2m" "${include}")
# help2man writes in its locale's encoding: C.UTF-8, which glibc always has, keeps
# the German letters.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C.UTF-8
    "${HELP2MAN}" --locale=C.UTF-8 --no-info --section=1 --version-string=${VERSION}
    "--manual=Benutzerbefehle"
    --include=${OUTPUT}.h2m --output=${OUTPUT} "${KOVGEN}"
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "help2man failed on ${KOVGEN}")
endif()
# help2man's own words in German, as the rest of the page (man-db knows the
# German section names).
file(READ "${OUTPUT}" page)
string(REPLACE "\n.SH NAME\n" "\n.SH BEZEICHNUNG\n" page "${page}")
string(REPLACE "\n.SH DESCRIPTION\n" "\n.SH BESCHREIBUNG\n" page "${page}")
set(months January Januar February Februar March März April April May Mai June Juni July Juli August August
  September September October Oktober November November December Dezember)
while(months)
  list(POP_FRONT months english german)
  string(REGEX REPLACE "(\n\\.TH [^\n]*\")${english}( [0-9]+\")" "\\1${german}\\2" page "${page}")
endwhile()
file(WRITE "${OUTPUT}" "${page}")
