// The preview's HTML (draft_html.h): made section by section, it is the whole
// draft's HTML byte for byte, and an edit parses only the sections it changed.
#include <doctest/doctest.h>

#include "draft_html.h"
#include "markdown_sections.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

std::string sample_markdown(const std::string& sample) {
  TemplateCache cache(real_disk(), source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(read_text(source_dir() + "/samples/" + sample), sample, "", cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded);
  return make_draft(*loaded->tmpl, loaded->answers, {}).markdown;
}

}  // namespace

TEST_CASE("serve preview: each sample's HTML made section by section is the whole draft's HTML") {
  serve::SectionHtmlCache sections;
  for (const char* sample : {"ogs/ogs-vollstaendig.yaml", "ogs/ogs-teilweise.yaml",
                             "schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml",
                             "schulsozialarbeit/schulsozialarbeit-teilweise.yaml"}) {
    INFO(sample);
    const std::string markdown = sample_markdown(sample);
    // A draft is cut at its sections (more than 20 in each sample), or the cache
    // would only ever hold whole drafts.
    CHECK(independent_sections(markdown).size() > 20);
    const std::string whole = serve::draft_html(markdown);
    const bool partial = std::string(sample).find("teilweise") != std::string::npos;
    CHECK((whole.find("<mark class=\"offen\">") != std::string::npos) == partial);
    CHECK(sections.draft_html(markdown) == whole);
    CHECK(sections.draft_html(markdown) == whole);  // now from the kept sections
  }
}

TEST_CASE("serve preview: an edit in one section parses that section only, and the page is still the whole's") {
  serve::SectionHtmlCache sections;
  const std::string before = sample_markdown("ogs/ogs-teilweise.yaml");
  sections.draft_html(before);
  const size_t parsed = sections.sections_parsed();
  CHECK(parsed == independent_sections(before).size());

  std::string after = before;
  const size_t at = after.find("13 Finanzierung\n");
  REQUIRE(at != std::string::npos);
  after.insert(after.find("\n\n", at) + 2, "Ein neuer Satz mit [offen: Betrag] und einer Tabelle:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n");
  CHECK(sections.draft_html(after) == serve::draft_html(after));
  CHECK(sections.sections_parsed() == parsed + 1);
}

TEST_CASE("serve preview: a full section cache drops its oldest sections and still gives the whole's HTML") {
  serve::SectionHtmlCache sections(5);
  const std::string markdown = sample_markdown("ogs/ogs-teilweise.yaml");
  const std::string whole = serve::draft_html(markdown);
  CHECK(sections.draft_html(markdown) == whole);
  // The draft's sections in order: the first ones were dropped for the last five.
  CHECK(sections.draft_html(markdown) == whole);
  const size_t count = independent_sections(markdown).size();
  CHECK(sections.sections_parsed() == 2 * count);
  // The last five are still kept: a draft of only them parses nothing.
  std::string last_five;
  const auto pieces = independent_sections(markdown);
  for (size_t i = count - 5; i < count; ++i) last_five += pieces[i];
  sections.draft_html(last_five);
  CHECK(sections.sections_parsed() == 2 * count);
}

TEST_CASE("serve preview: „[offen: “ typed into an answer without its „]“ marks nothing, the next placeholder is marked") {
  const std::string markdown = "Text \\[offen: klären mit dem Träger\n\n## § 2\n\nBetrag: \\[offen: Betrag\\] pro Jahr\n";
  const std::string html = serve::draft_html(markdown);
  CHECK(html ==
        "<p>Text [offen: klären mit dem Träger</p>\n<h2>§ 2</h2>\n"
        "<p>Betrag: <mark class=\"offen\">[offen: Betrag]</mark> pro Jahr</p>\n");
  serve::SectionHtmlCache sections;
  CHECK(sections.draft_html(markdown) == html);
}
