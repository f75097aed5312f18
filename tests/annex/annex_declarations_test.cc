// Every shipped template says which Anlagen it drafts: the OGS template Anlage 1, 3
// and 4, the Schulsozialarbeit template explicitly none.
#include <doctest/doctest.h>

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
