// The YAML tree the answers and templates are read with.
#include <doctest/doctest.h>

#include "yaml_dom.h"

using namespace kovgen;

TEST_CASE("yaml_dom: mappings, sequences and scalars with their places, quoted or plain") {
  Diagnostics diag;
  auto root = parse_yaml("meta:\n  titel: 'A: B'\n  stand: 2026-08-01\nliste: [a, \"b\"]\nleer:\n", "a.yaml", diag);
  REQUIRE_MESSAGE(root.has_value(), diag.to_string());
  REQUIRE(root->is_mapping());
  CHECK(root->size() == 3);
  const YamlNode* meta = root->find("meta");
  REQUIRE(meta);
  CHECK(meta->find("titel")->text() == "A: B");
  CHECK_FALSE(meta->find("titel")->plain);
  CHECK(meta->find("stand")->plain);
  CHECK(meta->find("stand")->line == 3);
  CHECK(meta->find("stand")->column == 10);
  const YamlNode* liste = root->find("liste");
  REQUIRE(liste->is_sequence());
  CHECK(liste->items.at(1).text() == "b");
  CHECK(root->find("leer")->is_null());
  CHECK(root->find("fehlt") == nullptr);
  CHECK(meta->find("titel")->find("x") == nullptr);  // not a mapping
}

TEST_CASE("yaml_dom: JSON is YAML") {
  Diagnostics diag;
  auto root = parse_yaml("{\"finanzierung\": {\"plaetze\": 120, \"betrag\": 1105.5}}", "a.json", diag);
  REQUIRE(root.has_value());
  CHECK(root->find("finanzierung")->find("betrag")->text() == "1105.5");
}

TEST_CASE("yaml_dom: duplicate keys, aliases, deep nesting and syntax errors are reported with their place") {
  Diagnostics diag;
  CHECK_FALSE(parse_yaml("a: 1\nb: 2\na: 3\n", "d.yaml", diag));
  CHECK(diag.to_string().find("d.yaml:3:1: duplicate key \"a\"") != std::string::npos);

  Diagnostics alias;
  CHECK_FALSE(parse_yaml("a: &x 1\nb: *x\n", "x.yaml", alias));
  CHECK(alias.to_string().find("x.yaml:1:4: YAML anchors (&name) are not supported") != std::string::npos);

  Diagnostics deep;
  std::string nested;
  for (int i = 0; i <= kMaxYamlDepth; ++i) nested += "[";
  CHECK_FALSE(parse_yaml(nested, "n.yaml", deep));
  CHECK(deep.to_string().find("nested too deeply (at most 32 levels)") != std::string::npos);

  Diagnostics syntax;
  CHECK_FALSE(parse_yaml("a: [1, 2\n", "s.yaml", syntax));
  CHECK(syntax.to_string().find("s.yaml:1:4: the square bracket") != std::string::npos);
}

TEST_CASE("yaml_dom: a duplicate key is found in small and large mappings, each time at its place") {
  // Keys k0 .. k39 with k3 again as key 6 and k20 again as key 35: one within
  // the first few keys, one far into a long mapping.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    const int k = i == 6 ? 3 : i == 35 ? 20 : i;
    text += "k" + std::to_string(k) + ": " + std::to_string(i) + "\n";
  }
  Diagnostics diag;
  CHECK_FALSE(parse_yaml(text, "m.yaml", diag));
  CHECK(diag.error_count() == 2);
  CHECK(diag.to_string().find("m.yaml:7:1: duplicate key \"k3\"") != std::string::npos);
  CHECK(diag.to_string().find("m.yaml:36:1: duplicate key \"k20\"") != std::string::npos);

  // Nested mappings and lists, each long or short, keep their own keys and items.
  std::string nested = "a:\n";
  for (int i = 0; i < 30; ++i) nested += "  x" + std::to_string(i) + ": [" + std::to_string(i) + ", {y: z}]\n";
  nested += "b:\n  x0: 1\n";
  Diagnostics clean;
  auto root = parse_yaml(nested, "n.yaml", clean);
  REQUIRE_MESSAGE(root, clean.to_string());
  CHECK(root->size() == 2);
  CHECK(root->find("a")->size() == 30);
  CHECK(root->find("a")->find("x29")->items.at(0).text() == "29");
  CHECK(root->find("a")->find("x29")->items.at(1).find("y")->text() == "z");
  CHECK(root->find("b")->find("x0")->text() == "1");
  CHECK(root->find("b")->find("x1") == nullptr);
}

TEST_CASE("yaml_dom: unknown keys get the nearest allowed one as a suggestion") {
  Diagnostics diag;
  auto root = parse_yaml("titel: A\nstnad: B\n", "k.yaml", diag);
  REQUIRE(root);
  check_known_keys(*root, {"titel", "stand"}, "in section meta", "k.yaml", diag);
  const std::string text = diag.to_string();
  CHECK(text.find("k.yaml:2:1:") != std::string::npos);
  CHECK(text.find("\"stnad\"") != std::string::npos);
  CHECK(text.find("did you mean \"stand\"?") != std::string::npos);
  CHECK(text.find("titel") == std::string::npos);
}

namespace {

// The first error of a text that does not parse, with its quoted line and caret.
std::string syntax_error(const std::string& yaml) {
  Diagnostics diag;
  CHECK_FALSE(parse_yaml(yaml, "y.yaml", diag));
  REQUIRE(diag.items().size() == 1);
  return format_diagnostic(diag.items()[0]);
}

}  // namespace

TEST_CASE("yaml_dom: a tab in the indentation is reported at the tab, with the line and a caret") {
  CHECK(syntax_error("meta:\n\ttitel: a\n") ==
        "y.yaml:2:1: tab character: please indent with spaces\n  2 | \u2192titel: a\n    | ^");
  CHECK(syntax_error("meta:\n  titel: a\n  \tstand: b\n") ==
        "y.yaml:3:3: tab character: please indent with spaces\n  3 |   \u2192stand: b\n    |   ^");
}

TEST_CASE("yaml_dom: a colon and space inside a plain value asks for quotes and shows the line to write") {
  CHECK(syntax_error("meta:\n  titel: Vereinbarung: OGS\n") ==
        "y.yaml:2:22: a colon followed by a space inside a value needs quotes around the value; write "
        "titel: \"Vereinbarung: OGS\"\n  2 |   titel: Vereinbarung: OGS\n    |                      ^");
  // Quotes already in the value are escaped in the line to write; a comment stays outside.
  CHECK(syntax_error("titel: Sag \"ja\": OGS # Titel\n").find("write titel: \"Sag \\\"ja\\\": OGS\" # Titel\n") !=
        std::string::npos);
}

TEST_CASE("yaml_dom: lines ending in a CR alone (old Mac files) or in CRLF get the same explanations") {
  for (const char* end : {"\r", "\r\n"}) {
    const std::string e = std::string(end);
    CAPTURE(e.size());
    CHECK(syntax_error("meta:" + e + "  titel: Vereinbarung: OGS" + e)
              .find("y.yaml:2:22: a colon followed by a space inside a value needs quotes around the value; write "
                    "titel: \"Vereinbarung: OGS\"") == 0);
    CHECK(syntax_error("vorlage: ogs" + e + "meta:" + e + "  titel Vereinbarung" + e + "  stand: 01.08.2026" + e) ==
          "y.yaml:3:8: the colon after the key is missing; write titel: Vereinbarung\n"
          "  3 |   titel Vereinbarung\n    |        ^");
  }
}

TEST_CASE("yaml_dom: a missing colon is reported on its own line, not where libyaml noticed it") {
  // Followed by a sibling key: libyaml stops at the next line's colon.
  CHECK(syntax_error("vorlage: ogs\nmeta:\n  titel Vereinbarung\n  stand: 01.08.2026\n") ==
        "y.yaml:3:8: the colon after the key is missing; write titel: Vereinbarung\n"
        "  3 |   titel Vereinbarung\n    |        ^");
  // A section name without its colon, before its keys.
  CHECK(syntax_error("vorlage: ogs\nmeta\n  titel: x\n").find("y.yaml:2:5: the colon after the key is missing; write meta:\n") == 0);
  // The last key of a section, followed by the next section.
  CHECK(syntax_error("meta:\n  stand: 01.08.2026\n  titel Vereinbarung\nfinanzierung:\n  x: 1\n")
            .find("y.yaml:3:8: the colon after the key is missing; write titel: Vereinbarung\n") == 0);
  // The first line of the file.
  CHECK(syntax_error("vorlage ogs\nmeta:\n  titel: x\n").find("y.yaml:1:8: the colon after the key is missing; write vorlage: ogs\n") == 0);
  // Blank lines and comments between it and where libyaml stops.
  CHECK(syntax_error("meta:\n  titel Vereinbarung\n\n  # Kommentar\n  stand: 01.08.2026\n  x: 2\n")
            .find("y.yaml:2:8: the colon after the key is missing") == 0);
  // After a nested list; and before a value that itself has a colon (a time).
  CHECK(syntax_error("meta:\n  liste:\n    - a\n    - b\n  titel x\n  y: 3\n")
            .find("y.yaml:5:8: the colon after the key is missing; write titel: x\n") == 0);
  CHECK(syntax_error("zeiten:\n  titel Betreuung\n  beginn: 8:00\n")
            .find("y.yaml:2:8: the colon after the key is missing; write titel: Betreuung\n") == 0);
}

TEST_CASE("yaml_dom: other syntax errors say what to do, at the place to fix") {
  // No line without a colon above: libyaml's own place, and what is wrong there.
  CHECK(syntax_error("meta:\n  titel: a\n stand: b\n") ==
        "y.yaml:3:2: this line is indented differently from the keys above it; the keys of one section must start "
        "in the same column\n  3 |  stand: b\n    |  ^");
  // An open quote: where it opens, not at the end of the file.
  CHECK(syntax_error("meta:\n  titel: \"offen\n  stand: b\n")
            .find("y.yaml:2:10: the quotation mark opened here is never closed") == 0);
  CHECK(syntax_error("a: @b\n").find("y.yaml:1:4: a value cannot start with \"@\"; put the value in quotes\n") == 0);
  // Among list items, a line without "- " lacks its dash, not a colon.
  CHECK(syntax_error("ziele:\n  - a\n  - b\n  c\n").find("y.yaml:4:3: a list item starts with \"- \"; write - c\n") == 0);
  CHECK(syntax_error("meta:\n  titel: \"a\"b\n").find("y.yaml:2:13: text follows the closing quotation mark") == 0);
  CHECK(syntax_error("meta:\n  titel: x\n    stand: y\n")
            .find("y.yaml:3:5: this line is indented further than the key above it, which already has a value") == 0);
  CHECK(syntax_error("pfad: \"C:\\Users\"\n").find("y.yaml:1:12: a backslash in double quotes starts an escape") == 0);
}

TEST_CASE("line_with_caret: the line as written, the caret under the column, a long line cut around it") {
  CHECK(line_with_caret("a\nbä c\n", 2, 4) == "\n  2 | bä c\n    |    ^");
  CHECK(line_with_caret("a\n", 3, 1).empty());
  // Lines that end in CRLF or in a CR alone are the same lines, without the CR.
  CHECK(line_with_caret("a\r\nbä c\r\n", 2, 4) == "\n  2 | bä c\n    |    ^");
  CHECK(line_with_caret("a\rbä c\rd", 2, 4) == "\n  2 | bä c\n    |    ^");
  CHECK(line_with_caret("a\r\rd", 3, 1) == "\n  3 | d\n    | ^");
  const std::string long_line = std::string(150, 'x') + "!" + std::string(150, 'y');
  const std::string shown = line_with_caret(long_line, 1, 151);
  CHECK(shown.find("\u2026" + std::string(50, 'x') + "!") != std::string::npos);
  CHECK(shown.substr(shown.rfind('\n')) == "\n    |  " + std::string(50, ' ') + "^");
}
