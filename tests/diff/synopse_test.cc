// The Synopse (old and new wording side by side) and the marked agreement of the
// change-marked PDF, for every version pair; the school year update against its
// golden file.
#include <doctest/doctest.h>

#include <cstdlib>

#include "agreement_diff.h"
#include "change_summary.h"
#include "marked_agreement.h"
#include "synopse.h"
#include "test_support.h"
#include "version_pairs.h"

using namespace kovgen;
using namespace kovgen::diff;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string synopse_of(const std::string& pair_name) {
  const auto pair = test::version_pair(pair_name);
  const AgreementDiff d(test::render_agreement(pair.old_yaml), test::render_agreement(pair.new_yaml));
  return synopse_markdown(d);
}

const std::string kSection = "\u00A7\u00A0";  // "§" and a no-break space, as kovgen writes it

}  // namespace

TEST_CASE("synopse: every changed version pair gives a two-column Synopse with marked words") {
  for (const auto& pair : test::version_pairs()) {
    if (pair.name == "no change") continue;
    INFO(pair.name);
    const std::string md = synopse_of(pair.name);
    CHECK(md.rfind("# Synopse\n", 0) == 0);
    CHECK(contains(md, "| Bisherige Fassung | Neue Fassung |\n| --- | --- |\n"));
    CHECK((contains(md, "~~") || contains(md, "**")));
  }
}

TEST_CASE("synopse: no change gives no Synopse") { CHECK(synopse_of("no change").empty()); }

TEST_CASE("synopse: a changed amount is struck in the old wording and bold in the new") {
  const std::string md = synopse_of("changed amount");
  CHECK(contains(md, "## " + kSection + "12 "));
  CHECK(contains(md, "~~75,00~~"));
  CHECK(contains(md, "**78,50**"));
  // Everything before and after § 12 summarised, not shown.
  CHECK(contains(md, "bis " + kSection + "11 bleiben unver\u00E4ndert."));
  CHECK_FALSE(contains(md, "## " + kSection + "11 "));
}

TEST_CASE("synopse: a clause switched off shows the paragraph only in the old wording") {
  const std::string md = synopse_of("clause switched off");
  CHECK(contains(md, "| ~~(6) "));
  CHECK(contains(md, "~~ |  |\n"));
}

TEST_CASE("synopse: the agreement's own bold is dropped so that bold means new") {
  const std::string md = synopse_of("changed party name");
  CHECK(contains(md, "## Eingang\n"));
  CHECK(contains(md, "| AWO ~~Kreisverband~~ Musterkreis ~~e.V.~~, Am Wall 12,"));
  CHECK(contains(md, "| AWO Musterkreis **gGmbH**, Am Wall 12,"));
  CHECK_FALSE(contains(md, "**AWO"));
}

TEST_CASE("synopse: the school year update reads as its golden file") {
  const std::string md = synopse_of("school year update");
  const std::string golden_path = test::source_dir() + "/tests/golden/synopse-schuljahr.md";
  // KOVGEN_UPDATE_GOLDEN=1 writes the golden file (scripts/update-golden.sh); review its diff.
  if (std::getenv("KOVGEN_UPDATE_GOLDEN")) test::write_text(golden_path, md);
  CHECK(md == test::read_text(golden_path));
}

TEST_CASE("synopse: German lists of names") {
  CHECK(german_list({"\u00A7 1"}) == "\u00A7 1");
  CHECK(german_list({"\u00A7 1", "\u00A7 2"}) == "\u00A7 1 und \u00A7 2");
  CHECK(german_list({"a", "b", "c"}) == "a, b und c");
}

TEST_CASE("marked agreement: a summary of the changed sections first, then new words bold and old struck") {
  const auto pair = test::version_pair("changed amount");
  const AgreementDiff d(test::render_agreement(pair.old_yaml), test::render_agreement(pair.new_yaml));
  const std::string md = marked_agreement_markdown(d);
  CHECK(md.rfind("## \u00DCbersicht der \u00C4nderungen\n\nGegen\u00FCber der bisherigen Fassung ge\u00E4ndert: " + kSection + "12.", 0) == 0);
  CHECK(contains(md, "~~75,00~~"));
  CHECK(contains(md, "**78,50**"));
  CHECK(md.find("**78,50**") > md.find("\n# "));
}

TEST_CASE("change summary: the changed sections and figures, old and new, the agreement's own first") {
  const auto pair = test::version_pair("school year update");
  const AgreementDiff d(test::render_agreement(pair.old_yaml), test::render_agreement(pair.new_yaml));
  const auto figures = changed_figures(d);
  REQUIRE(figures.size() >= 3);
  CHECK(figures[0].where == kSection + "1 Absatz 2, GGS Lindenschule, Pl\u00E4tze");
  CHECK(figures[0].before == "200");
  CHECK(figures[0].after == "225");
  const std::string md = change_summary_markdown(d);
  CHECK(md.rfind("Die Vereinbarung schreibt die bisherige Vereinbarung fort. Gegen\u00FCber der bisherigen Fassung \u00E4ndern sich " + kSection + "1, ", 0) == 0);
  CHECK(contains(md, "\n- " + kSection + "1 Absatz 2, GGS Lindenschule, Pl\u00E4tze: 225 (bisher 200)"));
  CHECK(change_summary_markdown(AgreementDiff(test::render_agreement(pair.old_yaml), test::render_agreement(pair.old_yaml))).empty());
}

TEST_CASE("synopse: an Anlage whose title alone changed shows the old and the new title, not an empty table") {
  const std::string body =
      "## " + kSection + "1 Gegenstand\n\n(1) Die Partner arbeiten zusammen.\n\n";
  const std::string annex_old = "# Anlage 1 zur Kooperationsvereinbarung vom 30. M\u00E4rz 2026\n\n"
                                "## Standorte\n\n| Schule | Pl\u00E4tze |\n| --- | --- |\n| Lindenschule | 120 |\n";
  std::string annex_new = annex_old;
  annex_new.replace(annex_new.find("30. M\u00E4rz"), std::string("30. M\u00E4rz").size(), "1. August");
  const std::string title = "# Kooperationsvereinbarung\n\n";
  const std::string md = synopse_markdown(AgreementDiff(title + body + annex_old, title + body + annex_new));
  INFO(md);
  // The date is one replacement (word_tokens), not "~~30~~. ~~März~~".
  CHECK(contains(md, "| Anlage 1 zur Kooperationsvereinbarung vom ~~30. M\u00E4rz 2026~~ | "
                     "Anlage 1 zur Kooperationsvereinbarung vom **1. August 2026** |\n"));
  // No table header without a row under it.
  CHECK_FALSE(contains(md, "| --- | --- |\n\n"));
}
