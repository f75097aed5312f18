#pragma once
// One way for client tests to validate a DOCX part against the ECMA-376 schemas
// in /work/shared/ooxml-schemas with xmllint, as every part kovgen writes must.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace kovgen::test {

inline const std::string kOoxmlSchemas = "/work/shared/ooxml-schemas";

// Writes `xml` to dir/name and checks it against `schema` (a path below the
// schema folder). Without xmllint or the schemas the check is skipped with a
// message, so that a machine without them still runs the rest of the test.
inline void check_against_ooxml_schema(const std::string& xml, const std::string& dir,
                                       const std::string& name = "document.xml",
                                       const std::string& schema = "wml.xsd") {
  if (!have_program("xmllint") || !std::filesystem::exists(kOoxmlSchemas + "/" + schema)) {
    MESSAGE("schema check skipped: needs xmllint and the ECMA-376 schemas in " << kOoxmlSchemas);
    return;
  }
  const std::string path = dir + "/" + name;
  write_text(path, xml);
  const CommandResult r = run_command({"xmllint", "--noout", "--schema", kOoxmlSchemas + "/" + schema, path});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
}

}  // namespace kovgen::test
