// A save edits only the saved section's lines of the answers file: the result must
// be exactly what editing the whole file gives.
#include <doctest/doctest.h>

#include "form.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::serve;
using namespace kovgen::test;

TEST_CASE("serve: a section saved into its own lines gives the same answers file as editing the whole file") {
  TemplateCache cache{real_disk(), source_template_library()};
  const std::pair<const char*, const char*> pairs[] = {
      {"ogs/ogs-teilweise.yaml", "ogs/ogs-vollstaendig.yaml"},
      {"ogs/ogs-vollstaendig.yaml", "ogs/ogs-teilweise.yaml"},
      {"schulsozialarbeit/schulsozialarbeit-teilweise.yaml", "schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml"},
      {"schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml", "schulsozialarbeit/schulsozialarbeit-teilweise.yaml"},
  };
  int sections = 0, changed = 0;
  for (const auto& [base_file, other_file] : pairs) {
    const std::string base = read_text(source_dir() + "/samples/" + base_file);
    Diagnostics diag;
    auto other = load_answers(read_text(source_dir() + "/samples/" + other_file), other_file, "", cache, diag);
    REQUIRE(other);
    const Template& t = other->tmpl->questionnaire;
    const Answers empty;
    for (const auto& s : t.sections) {
      // The other sample's answers for the section, and the section emptied.
      for (const Answers* input : {static_cast<const Answers*>(&other->answers), &empty}) {
        CAPTURE(base_file);
        CAPTURE(s.id);
        std::string error_whole, error_block;
        auto whole = apply_section_to_whole_text(base, t, s, *input, &error_whole);
        auto block = apply_section(base, t, s, *input, &error_block);
        REQUIRE(whole);
        REQUIRE(block);
        CHECK(*block == *whole);
        ++sections;
        changed += *whole != base;
      }
    }
  }
  CHECK(sections > 20);
  CHECK(changed > 10);  // the comparison saw real edits, not only texts left alone
}

TEST_CASE("serve: a section missing from the answers file or answers in JSON are edited as before") {
  TemplateCache cache{real_disk(), source_template_library()};
  const std::string base = read_text(source_dir() + "/samples/ogs/ogs-teilweise.yaml");
  Diagnostics diag;
  auto loaded = load_answers(base, "x.yaml", "", cache, diag);
  REQUIRE(loaded);
  const Template& t = loaded->tmpl->questionnaire;
  const Section& s = t.sections.front();
  // Without the section's block: the editor inserts the section where it belongs.
  const std::string without = "vorlage: ogs\n";
  std::string error;
  auto inserted = apply_section(without, t, s, loaded->answers, &error);
  auto inserted_whole = apply_section_to_whole_text(without, t, s, loaded->answers, &error);
  REQUIRE(inserted);
  REQUIRE(inserted_whole);
  CHECK(*inserted == *inserted_whole);
  CHECK(inserted->find(s.id + ":") != std::string::npos);
  // Flow style cannot be edited in place: the same refusal as before.
  const std::string json = "{\"vorlage\": \"ogs\", \"" + s.id + "\": {}}";
  CHECK_FALSE(apply_section(json, t, s, loaded->answers, &error));
  CHECK_FALSE(error.empty());
}
