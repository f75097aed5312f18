// Every shipped template says which Anlagen it drafts: the OGS template Anlage 1, 3
// and 4, the Schulsozialarbeit template explicitly none.
#include <doctest/doctest.h>

#include "questionnaire.h"
#include "template_library.h"
#include "test_support.h"

using namespace kovgen;

TEST_CASE("every shipped template declares its Anlagen, the Schulsozialarbeit template that it has none") {
  const std::vector<std::string> ids = list_template_ids(test::real_disk(), test::source_template_library());
  REQUIRE(ids.size() >= 2);
  for (const std::string& id : ids) {
    CAPTURE(id);
    // Stated, not left out: "anlagen: []" is a statement, a missing key is not.
    const std::string yaml = test::read_text(test::source_dir() + "/templates/" + id + "/template.yaml");
    CHECK(yaml.find("\nanlagen:") != std::string::npos);
    Diagnostics diag;
    const auto loaded = load_template(test::real_disk(), test::source_template_library(), id, diag);
    REQUIRE_MESSAGE(loaded, diag.to_string());
    std::vector<int> numbers;
    for (const AnnexDeclaration& a : loaded->questionnaire.annexes) numbers.push_back(a.number);
    if (id == "ogs") CHECK(numbers == std::vector<int>{1, 3, 4});
    if (id == "schulsozialarbeit") {
      CHECK(numbers.empty());
      CHECK(yaml.find("\nanlagen: []") != std::string::npos);
    }
  }
}

TEST_CASE("an Anlage's nummer is a whole number from 1: anything else is a template error with the place") {
  const std::string base =
      "id: t\ntitle: T\nsections:\n  - id: s\n    title: S\n    step: 1\n    questions:\n"
      "      - key: a\n        label: A\n        type: text\nanlagen:\n  - nummer: ";
  const std::string rest = "\n    titel: Standorte\n    body: anlage-1.md\n";
  for (const char* wrong : {"0", "-2", "2.5", "1e20", "drei", "\"\""}) {
    CAPTURE(wrong);
    Diagnostics diag;
    const auto t = parse_template(base + wrong + rest, "template.yaml", ".", diag);
    CHECK(diag.has_errors());
    CHECK(diag.to_string().find("template.yaml:12:5:") != std::string::npos);
    CHECK(diag.to_string().find("(1 or more)") != std::string::npos);
  }
  Diagnostics diag;
  const auto t = parse_template(base + "2" + rest, "template.yaml", ".", diag);
  REQUIRE_MESSAGE(t.has_value(), diag.to_string());
  REQUIRE(t->annexes.size() == 1);
  CHECK(t->annexes[0].number == 2);
}
