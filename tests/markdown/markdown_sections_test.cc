// Independent sections (markdown_sections.h): where a text is cut, where it must
// not be, and that the pieces' HTML is the whole text's, for crafted and random texts.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "markdown_sections.h"
#include "markdown_tree.h"

using namespace kovgen;

namespace {

std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view piece : independent_sections(text)) out.emplace_back(piece);
  return out;
}

std::string html_of(std::string_view markdown) { return render_html(parse_markdown(markdown).get()); }

std::string html_of_pieces(std::string_view markdown) {
  std::string html;
  for (std::string_view piece : independent_sections(markdown)) html += html_of(piece);
  return html;
}

}  // namespace

TEST_CASE("markdown sections: cut before each heading of level 1 or 2 after a blank line, and nowhere else") {
  const std::string text =
      "# Titel\n\nVorwort\n\n## § 1 Gegenstand\n\nText\n### Unterabschnitt\n\n### Noch einer\n\n"
      "Absatz\n## kein Schnitt ohne Leerzeile\n\n  ## eingerückt\n\n##Ohne Leerzeichen\n\n## § 2 Dauer\n\nEnde";
  const auto got = pieces(text);
  REQUIRE(got.size() == 3);
  CHECK(got[0] == "# Titel\n\nVorwort\n\n");
  CHECK(got[1].starts_with("## § 1 Gegenstand\n"));
  CHECK(got[1].ends_with("##Ohne Leerzeichen\n\n"));
  CHECK(got[2] == "## § 2 Dauer\n\nEnde");
  std::string joined;
  for (const auto& p : got) joined += p;
  CHECK(joined == text);
}

TEST_CASE("markdown sections: blank lines of spaces or CRLF count, a heading at the very start is no cut") {
  CHECK(pieces("## A\r\n \t\r\n## B\r\n").size() == 2);
  CHECK(pieces("## A\n").size() == 1);
  CHECK(pieces("").size() == 1);
  CHECK(pieces("#\n\n#\n\n##\tTab\n").size() == 3);
}

TEST_CASE("markdown sections: what can reach across a heading keeps the text whole") {
  const std::string tail = "\n\n## Zweiter Abschnitt\n\nText [Verweis]\n";
  for (const std::string& head : {std::string("[Verweis]: https://schule.example"),
                                  std::string("```\ncode"), std::string("~~~\ncode"),
                                  std::string("<pre>\nvorformatiert"), std::string("<PRE>"),
                                  std::string("<script>"), std::string("<style>"), std::string("<textarea>"),
                                  std::string("<!-- Kommentar über\nzwei Zeilen"), std::string("<!-->"),
                                  std::string("<?php"), std::string("<!DOCTYPE html>"),
                                  std::string("<![CDATA[ x")}) {
    INFO(head);
    CHECK(pieces(head + tail).size() == 1);
    CHECK(html_of_pieces(head + tail) == html_of(head + tail));
  }
  // A comment closed on its own line, as kovgen's keep-together marks are, ends
  // its block there; so do HTML blocks that end at a blank line.
  CHECK(pieces("<!-- kovgen:keep-together -->\nText" + tail).size() == 2);
  CHECK(pieces("<div>\nText" + tail).size() == 2);
}

TEST_CASE("markdown sections: the pieces' HTML is the whole text's, for the constructs a draft has") {
  const std::vector<std::string> before = {
      "- Punkt\n- Punkt mit\n  Fortsetzung\n\n  zweiter Absatz im Punkt",
      "1. eins\n2. zwei\n\n3. drei",
      "> [!CAUTION]\n> Abschnitt unvollständig\n> fauler\nText",
      "| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |",
      "    eingerückter Code\n\n    noch Code",
      "Überschrift\n===========",
      "Text mit ~~Streichung~~ und **fett**\\\nund Umbruch",
      "- [ ] offen\n- [x] erledigt",
      "<div>\nroh\n</div>",
      "Absatz  \nmit hartem Umbruch",
      "* * *",
      "- Liste\n\n\n",
  };
  for (const auto& first : before)
    for (const auto& second : before) {
      const std::string text = "# Titel\n\n" + first + "\n\n## Abschnitt\n\n" + second + "\n\n# Anlage\n\n" + first;
      INFO(text);
      CHECK(pieces(text).size() == 3);
      CHECK(html_of_pieces(text) == html_of(text));
    }
}

TEST_CASE("markdown sections: the pieces' HTML is the whole text's for random texts") {
  // Lines drawn from Markdown's block syntax, in any order, with and without blank
  // lines between them; the seed is fixed so that a failure can be repeated.
  const std::vector<std::string> lines = {
      "# Eins", "## Zwei", "### Drei", "Text", "weiter Text", "- Punkt", "  eingerückt", "    Code", "1. Nummer",
      "> Zitat", "> [!NOTE]", ">", "| A | B |", "|---|---|", "| x | y |", "===", "---", "***", "<div>", "</div>",
      "<!-- kovgen:keep-together -->", "[offen: Betrag]", "Text\\", "- [ ] Aufgabe", "  - innen", "+ plus",
      "2) zwei", "   ## fast", "#", "##", "\t## Tab", "Zeile  ", "&amp; Entität", "*betont", "betont*",
  };
  std::mt19937 random(20261206);
  std::uniform_int_distribution<size_t> pick(0, lines.size() - 1);
  std::uniform_int_distribution<int> length(1, 40), blank(0, 2);
  int cut = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) {
      text += lines[pick(random)];
      text += blank(random) == 0 ? "\n\n" : "\n";
    }
    const std::string whole = html_of(text);
    const std::string joined = html_of_pieces(text);
    if (joined != whole) {
      INFO(text);
      CHECK(joined == whole);
      break;
    }
    if (independent_sections(text).size() > 1) ++cut;
  }
  // The random texts are cut often enough that the comparison means something.
  CHECK(cut > 1000);
}
