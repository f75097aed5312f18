#pragma once
// One way for client tests to validate a DOCX part against the ECMA-376 schemas
// in /work/shared/ooxml-schemas with xmllint, as every part kovgen writes must.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace kovgen::test {

inline const std::string kOoxmlSchemas = "/work/shared/ooxml-schemas";

// Whether xmllint and the schemas are there; a test without them skips its
// schema checks with a message, so that such a machine still runs the rest.
inline bool can_check_ooxml_schemas(const std::string& schema = "wml.xsd") {
  if (have_program("xmllint") && std::filesystem::exists(kOoxmlSchemas + "/" + schema)) return true;
  MESSAGE("schema check skipped: needs xmllint and the ECMA-376 schemas in " << kOoxmlSchemas);
  return false;
}

// Checks the XML file at `path` against `schema` (a path below the schema folder).
inline void check_file_against_ooxml_schema(const std::string& path, const std::string& schema = "wml.xsd") {
  CAPTURE(path);
  const CommandResult r = run_command({"xmllint", "--noout", "--schema", kOoxmlSchemas + "/" + schema, path});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
}

// Writes `xml` to dir/name and checks it against `schema`.
inline void check_against_ooxml_schema(const std::string& xml, const std::string& dir,
                                       const std::string& name = "document.xml",
                                       const std::string& schema = "wml.xsd") {
  if (!can_check_ooxml_schemas(schema)) return;
  const std::string path = dir + "/" + name;
  write_text(path, xml);
  check_file_against_ooxml_schema(path, schema);
}

}  // namespace kovgen::test
