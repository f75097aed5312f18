// A rendered agreement split into sections and blocks.
#include <doctest/doctest.h>

#include "agreement_blocks.h"

using namespace kovgen::diff;

TEST_CASE("an agreement splits into sections with their §, paragraphs, lists and table rows") {
  const std::string md =
      "# Vereinbarung\n\nzwischen\n\n**Stadt**, Markt 1,\\\nvertreten durch X,\n\n"
      "## Präambel\n\nZiele:\n\n- eins\n- zwei\n\n"
      "## § 1 Gegenstand\n\n(1) Erster Absatz.\n\n(2) Standorte:\n\n| A | B |\n| --- | --- |\n| x | 1 |\n\n"
      "Noch zu (2).\n\n(3) Dritter.\n\n### Unterüberschrift\n\n## § 12 Schluss\n\n(1) Ende.\n";
  const auto sections = split_agreement(md);
  REQUIRE(sections.size() == 4);
  CHECK(sections[0].level == 1);
  CHECK(sections[0].title == "Vereinbarung");
  REQUIRE(sections[0].blocks.size() == 3);
  CHECK(sections[0].blocks[2].text == "**Stadt**, Markt 1,\\\nvertreten durch X,");
  CHECK(sections[1].title == "Präambel");
  CHECK(sections[1].label.empty());
  REQUIRE(sections[1].blocks.size() == 4);
  CHECK(sections[1].blocks[2].kind == BlockKind::list_item);
  CHECK(sections[1].blocks[2].group == sections[1].blocks[3].group);
  const Section& s1 = sections[2];
  CHECK(s1.label == "§ 1");
  CHECK(s1.title == "Gegenstand");
  REQUIRE(s1.blocks.size() == 9);
  CHECK(s1.blocks[0].kind == BlockKind::heading);
  CHECK(s1.blocks[1].absatz == 1);
  CHECK(s1.blocks[3].kind == BlockKind::table_row);
  CHECK(s1.blocks[5].text == "| x | 1 |");
  CHECK(s1.blocks[5].absatz == 2);
  CHECK(s1.blocks[6].text == "Noch zu (2).");
  CHECK(s1.blocks[6].absatz == 2);
  CHECK(s1.blocks[7].absatz == 3);
  CHECK(s1.blocks[8].kind == BlockKind::heading);  // level 3 stays in its section
  CHECK(sections[3].label == "§ 12");
  CHECK(sections[3].title == "Schluss");
}

TEST_CASE("paragraph numbers are read and left out for matching") {
  CHECK(absatz_number("(4) Text") == 4);
  CHECK(absatz_number("(12) Text") == 12);
  CHECK(absatz_number("(a) Text") == 0);
  CHECK(absatz_number("(4)Text") == 0);
  CHECK(without_absatz_number("(4) Text") == "Text");
  CHECK(without_absatz_number("Text (4)") == "Text (4)");
}
