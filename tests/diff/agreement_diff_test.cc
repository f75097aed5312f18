// Two versions of the OGS sample rendered and compared as agreements: the
// changes a Fortschreibung brings land in the right §, paragraph, row and words.
#include <doctest/doctest.h>

#include <regex>

#include "agreement_diff.h"
#include "critic_markup.h"
#include "test_support.h"
#include "version_pairs.h"

using namespace kovgen;
using namespace kovgen::diff;

namespace {

std::string render(const std::string& yaml) { return test::render_agreement(yaml); }

struct Rendered {
  std::string before, after;
};

Rendered render_pair(const std::string& name) {
  const auto pair = test::version_pair(name);
  return {render(pair.old_yaml), render(pair.new_yaml)};
}

std::vector<const SectionChange*> changed_sections(const AgreementDiff& d) {
  std::vector<const SectionChange*> out;
  for (const auto& s : d.sections())
    if (s.change != Change::same) out.push_back(&s);
  return out;
}

std::vector<const BlockChange*> block_changes(const SectionChange& s, Change kind) {
  std::vector<const BlockChange*> out;
  for (const auto& b : s.blocks)
    if (b.change == kind) out.push_back(&b);
  return out;
}

std::string title_of(const SectionChange& s) { return (s.after ? s.after : s.before)->title; }

// "Accept all" (or "reject all") of CriticMarkup, done by hand.
std::string resolve_critic_markup(const std::string& text, bool accept) {
  std::string out = text;
  out = std::regex_replace(out, std::regex(R"(\{\+\+([\s\S]*?)\+\+\})"), accept ? "$1" : "");
  out = std::regex_replace(out, std::regex(R"(\{--([\s\S]*?)--\})"), accept ? "" : "$1");
  out = std::regex_replace(out, std::regex(R"(\{~~([\s\S]*?)~>([\s\S]*?)~~\})"), accept ? "$2" : "$1");
  return out;
}

// Lines left empty by taking away a whole block (a row's cells, a list item's
// text) say nothing; blank lines neither; nor kovgen's keep-together marks,
// which CriticMarkup leaves unmarked around a removed signature block.
std::string without_empty_lines(const std::string& text) {
  static const std::regex empty(R"(^(\s*|[|\s]*|- |#+ |\\|<!-- kovgen:(end-)?keep-together -->)$)");
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    if (!std::regex_match(line, empty)) out += line + "\n";
    pos = end + 1;
  }
  return out;
}

// The same agreement with one § taken out and those after it renumbered, as a
// new template version would render it.
std::string without_section(const std::string& markdown, int number) {
  const std::string heading = "## §\u00A0" + std::to_string(number) + " ";
  const size_t start = markdown.find(heading);
  REQUIRE(start != std::string::npos);
  const size_t end = markdown.find("\n## ", start + 1) + 1;
  std::string rest = markdown.substr(end);
  for (int n = number + 1; n < 60; ++n) {
    const std::string from = "## §\u00A0" + std::to_string(n) + " ";
    const size_t at = rest.find(from);
    if (at == std::string::npos) break;
    rest.replace(at, from.size(), "## §\u00A0" + std::to_string(n - 1) + " ");
  }
  return markdown.substr(0, start) + rest;
}

}  // namespace

TEST_CASE("diff: no change at all is no change") {
  const auto r = render_pair("no change");
  const AgreementDiff d(r.before, r.after);
  CHECK_FALSE(d.has_changes());
  CHECK(changed_sections(d).empty());
  CHECK(critic_markup(d) == r.after);
}

TEST_CASE("diff: every other version pair has changes, and accepting or rejecting all gives either agreement") {
  for (const auto& pair : test::version_pairs()) {
    if (pair.name == "no change") continue;
    CAPTURE(pair.name);
    const std::string before = render(pair.old_yaml), after = render(pair.new_yaml);
    const AgreementDiff d(before, after);
    CHECK(d.has_changes());
    const std::string marked = critic_markup(d);
    CHECK(without_empty_lines(resolve_critic_markup(marked, true)) == without_empty_lines(after));
    CHECK(without_empty_lines(resolve_critic_markup(marked, false)) == without_empty_lines(before));
  }
}

TEST_CASE("diff: a changed amount is one word in one paragraph of the Mittagessen") {
  const auto r = render_pair("changed amount");
  const AgreementDiff d(r.before, r.after);
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() == 1);
  CHECK(title_of(*changed[0]) == "Mittagessen");
  const auto blocks = block_changes(*changed[0], Change::changed);
  REQUIRE(blocks.size() == 1);
  CHECK(block_changes(*changed[0], Change::added).empty());
  CHECK(block_changes(*changed[0], Change::removed).empty());
  CHECK(blocks[0]->after->absatz > 0);
  const std::string marked = critic_markup(d);
  CHECK(marked.find("{~~75,00~>78,50~~}") != std::string::npos);
}

TEST_CASE("diff: a changed time is a change in the opening hours") {
  const auto r = render_pair("changed time");
  const AgreementDiff d(r.before, r.after);
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() == 1);
  CHECK(title_of(*changed[0]) == "Öffnungs- und Betreuungszeiten, Ferien");
  CHECK(critic_markup(d).find("{~~8:00~>7:45~~}") != std::string::npos);
}

TEST_CASE("diff: a school added to the sites table is one added row") {
  const auto r = render_pair("school added");
  const AgreementDiff d(r.before, r.after);
  // The sites table of § 2, and the per-site tables of Anlagen 1 and 3.
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() == 3);
  CHECK(title_of(*changed[1]) == "Standort- und Platzübersicht");
  CHECK(title_of(*changed[2]) == "Finanzierungsübersicht");
  const auto added = block_changes(*changed[0], Change::added);
  REQUIRE(added.size() == 1);
  CHECK(added[0]->after->kind == BlockKind::table_row);
  CHECK(added[0]->after->text.find("GGS Sonnenhügel") != std::string::npos);
  CHECK(block_changes(*changed[0], Change::removed).empty());
  CHECK(critic_markup(d).find("| {++GGS Sonnenhügel++} | {++75++} | {++4++} | {++3++} |") != std::string::npos);
}

TEST_CASE("diff: a school removed from the sites table is one removed row") {
  const auto r = render_pair("school removed");
  const AgreementDiff d(r.before, r.after);
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() == 3);  // § 2, Anlagen 1 and 3
  const auto removed = block_changes(*changed[0], Change::removed);
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]->before->kind == BlockKind::table_row);
  CHECK(removed[0]->before->text.find("KGS St. Martin") != std::string::npos);
  CHECK(block_changes(*changed[0], Change::added).empty());
}

TEST_CASE("diff: a clause switched off removes its paragraph and renumbers the next ones") {
  const auto r = render_pair("clause switched off");
  const AgreementDiff d(r.before, r.after);
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() == 1);
  CHECK(title_of(*changed[0]) == "Pädagogisches Konzept");
  const auto removed = block_changes(*changed[0], Change::removed);
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]->before->text.find("sprachliche Bildung") != std::string::npos);
  // The paragraph after it keeps its words, only its number goes down.
  const auto renumbered = block_changes(*changed[0], Change::changed);
  REQUIRE(renumbered.size() == 1);
  CHECK(renumbered[0]->before->absatz == renumbered[0]->after->absatz + 1);
  CHECK(without_absatz_number(renumbered[0]->before->text) == without_absatz_number(renumbered[0]->after->text));
}

TEST_CASE("diff: a clause switched on adds its paragraph") {
  const auto r = render_pair("clause switched on");
  const AgreementDiff d(r.before, r.after);
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() == 1);
  const auto added = block_changes(*changed[0], Change::added);
  REQUIRE(added.size() == 1);
  CHECK(added[0]->after->text.find("sprachliche Bildung") != std::string::npos);
}

TEST_CASE("diff: a changed party name is changed words in many places and nothing added or removed") {
  const auto r = render_pair("changed party name");
  const AgreementDiff d(r.before, r.after);
  size_t changed_blocks = 0;
  for (const auto* s : changed_sections(d)) {
    CHECK(block_changes(*s, Change::added).empty());
    CHECK(block_changes(*s, Change::removed).empty());
    changed_blocks += block_changes(*s, Change::changed).size();
  }
  // The parties and the signature block.
  CHECK(changed_blocks >= 2);
  CHECK(critic_markup(d).find("**AWO {--Kreisverband --}Musterkreis {~~e.V.~>gGmbH~~}**") != std::string::npos);
}

TEST_CASE("diff: a whole § removed is one removed section, and those after it only renumbered") {
  const std::string before = render(test::ogs_sample_yaml());
  const std::string after = without_section(before, 9);
  const AgreementDiff d(before, after);
  const auto changed = changed_sections(d);
  REQUIRE(changed.size() > 2);
  CHECK(changed[0]->change == Change::removed);
  CHECK(changed[0]->before->label == "§\u00A09");
  for (size_t i = 1; i < changed.size(); ++i) {
    CAPTURE(changed[i]->before->title);
    CHECK(changed[i]->renumbered());
    CHECK(block_changes(*changed[i], Change::changed).size() == 1);  // the heading only
  }
  // And the other way round: one section added.
  const AgreementDiff back(after, before);
  const auto added = changed_sections(back);
  REQUIRE_FALSE(added.empty());
  CHECK(added[0]->change == Change::added);
  CHECK(added[0]->after->label == "§\u00A09");
  CHECK(critic_markup(back).find("## {++§\u00A09 ") != std::string::npos);
}
