// Comment-preserving YAML edits: exact expected texts, like pugixml's tests.
#include <doctest/doctest.h>

#include <variant>

#include "yaml_dom.h"
#include "yaml_edit.h"

using namespace kovgen;

namespace {

using Kind = YamlValue::Kind;

std::string set(const std::string& text, const std::string& section, const std::string& key,
                const YamlValue& value, const YamlInsertHints& hints = {}) {
  std::string error;
  auto out = yaml_set_value(text, section, key, value, hints, &error);
  INFO(error);
  REQUIRE(out.has_value());
  // Every edit must leave YAML that answers files are read with.
  Diagnostics diag;
  CHECK_MESSAGE(parse_yaml(*out, "edit.yaml", diag), diag.to_string());
  return *out;
}

// The text of the scalar at a path of keys (strings) and positions (numbers).
std::string scalar_at(const std::string& text, std::initializer_list<std::variant<const char*, int>> path) {
  Diagnostics diag;
  auto root = parse_yaml(text, "edit.yaml", diag);
  REQUIRE(root);
  const YamlNode* n = &*root;
  for (const auto& step : path) {
    if (const char* const* key = std::get_if<const char*>(&step)) n = n->find(*key);
    else n = n->is_sequence() && std::get<int>(step) < int(n->items.size()) ? &n->items[std::get<int>(step)] : nullptr;
    REQUIRE(n);
  }
  return n->text();
}

YamlValue s(const std::string& text) { return YamlValue::scalar(text); }

}  // namespace

TEST_CASE("a scalar is set in place, comments and every other line stay byte-identical") {
  const std::string before =
      "# Kopf\n"
      "vorlage: mini\n"
      "\n"
      "# --- Finanzierung ---\n"
      "finanzierung:\n"
      "  # Betrag\n"
      "  eigenanteil_je_platz:\n"
      "\n"
      "  # Plätze\n"
      "  plaetze: 12   # laut Beschluss\n"
      "zeiten:\n"
      "  beginn: '8:00'\n";
  CHECK(set(before, "finanzierung", "eigenanteil_je_platz", s("567.00")) ==
        "# Kopf\nvorlage: mini\n\n# --- Finanzierung ---\nfinanzierung:\n  # Betrag\n"
        "  eigenanteil_je_platz: 567.00\n\n  # Plätze\n  plaetze: 12   # laut Beschluss\nzeiten:\n  beginn: '8:00'\n");
  CHECK(set(before, "finanzierung", "plaetze", s("200")) ==
        "# Kopf\nvorlage: mini\n\n# --- Finanzierung ---\nfinanzierung:\n  # Betrag\n"
        "  eigenanteil_je_platz:\n\n  # Plätze\n  plaetze: 200   # laut Beschluss\nzeiten:\n  beginn: '8:00'\n");
  CHECK(set(before, "zeiten", "beginn", s("7:30")) ==
        "# Kopf\nvorlage: mini\n\n# --- Finanzierung ---\nfinanzierung:\n  # Betrag\n"
        "  eigenanteil_je_platz:\n\n  # Plätze\n  plaetze: 12   # laut Beschluss\nzeiten:\n  beginn: 7:30\n");
}

TEST_CASE("a value can be emptied, keeping the key and its comment") {
  CHECK(set("meta:\n  titel: Alt # c\n  stand: x\n", "meta", "titel", YamlValue{}) ==
        "meta:\n  titel: # c\n  stand: x\n");
}

TEST_CASE("a list replaces the old items, commented examples below the key stay") {
  const std::string before =
      "zeiten:\n"
      "  # Ziele\n"
      "  ziele:\n"
      "  #  - erster Eintrag\n"
      "  #  - zweiter Eintrag\n"
      "\n"
      "  # Konzept\n"
      "  konzept:\n";
  const std::string after = set(before, "zeiten", "ziele", YamlValue::sequence({s("A"), s("B: C")}));
  CHECK(after ==
        "zeiten:\n  # Ziele\n  ziele:\n    - A\n    - \"B: C\"\n  #  - erster Eintrag\n  #  - zweiter Eintrag\n"
        "\n  # Konzept\n  konzept:\n");
  // Again: the old items (and a comment among them) are replaced, the comment kept.
  CHECK(set("zeiten:\n  ziele:\n  - X\n  # zwischen\n  - Y\n  konzept: k\n", "zeiten", "ziele",
            YamlValue::sequence({s("Z")})) == "zeiten:\n  ziele:\n    - Z\n  # zwischen\n  konzept: k\n");
  CHECK(set("zeiten:\n  ziele: [a, b]\n", "zeiten", "ziele", YamlValue::sequence()) == "zeiten:\n  ziele: []\n");
}

TEST_CASE("a table is written as a list of mappings, nested lists and multi-line text indent deeper") {
  YamlValue rows = YamlValue::sequence(
      {YamlValue::mapping({{"gremium", s("Rat")}, {"datum", s("26.03.2026")}}),
       YamlValue::mapping({{"gremium", s("Schulkonferenz")}, {"themen", YamlValue::sequence({s("a"), s("b")})}}),
       YamlValue::mapping({{"notiz", s("Zeile 1\n\nZeile 3")}}), YamlValue::mapping()});
  CHECK(set("beschluss:\n  gremien:\n", "beschluss", "gremien", rows) ==
        "beschluss:\n"
        "  gremien:\n"
        "    - gremium: Rat\n"
        "      datum: 26.03.2026\n"
        "    - gremium: Schulkonferenz\n"
        "      themen:\n"
        "        - a\n"
        "        - b\n"
        "    - notiz: |-\n"
        "        Zeile 1\n"
        "\n"
        "        Zeile 3\n"
        "    - {}\n");
  const std::string text = set("beschluss:\n  gremien:\n", "beschluss", "gremien", rows);
  CHECK(scalar_at(text, {"beschluss", "gremien", 2, "notiz"}) == "Zeile 1\n\nZeile 3");
  CHECK(scalar_at(text, {"beschluss", "gremien", 1, "themen", 1}) == "b");
}

TEST_CASE("block scalars are recognised: '#' and keys inside them are text, not structure") {
  const std::string before =
      "zeiten:\n"
      "  konzept: |\n"
      "    # keine Überschrift\n"
      "    ziele: kein Schlüssel\n"
      "\n"
      "    zweiter Absatz\n"
      "  ziele:\n"
      "    - A\n";
  CHECK(set(before, "zeiten", "ziele", YamlValue::sequence({s("B")})) ==
        "zeiten:\n  konzept: |\n    # keine Überschrift\n    ziele: kein Schlüssel\n\n    zweiter Absatz\n"
        "  ziele:\n    - B\n");
  CHECK(set(before, "zeiten", "konzept", s("neu\nzwei")) == "zeiten:\n  konzept: |-\n    neu\n    zwei\n  ziele:\n    - A\n");
  // A block scalar in a table entry ends at the entry's next field.
  CHECK(set("b:\n  g:\n    - t: |\n        x\n      d: 1\n  h: 2\n", "b", "h", s("3")) ==
        "b:\n  g:\n    - t: |\n        x\n      d: 1\n  h: 3\n");
}

TEST_CASE("a missing key goes before the next key in questionnaire order, with that key's comments") {
  const std::string before =
      "finanzierung:\n"
      "  eigenanteil_je_platz: 5\n"
      "\n"
      "  # Plätze\n"
      "  plaetze: 12\n";
  YamlInsertHints hints;
  hints.keys_after = {"plaetze", "vze"};
  CHECK(set(before, "finanzierung", "steigerung", s("3"), hints) ==
        "finanzierung:\n  eigenanteil_je_platz: 5\n\n  steigerung: 3\n  # Plätze\n  plaetze: 12\n");
  // Without a later key: after the section's last indented line.
  CHECK(set(before + "# Ende\n", "finanzierung", "vze", s("0,5")) ==
        "finanzierung:\n  eigenanteil_je_platz: 5\n\n  # Plätze\n  plaetze: 12\n  vze: 0,5\n# Ende\n");
  // The section's own indentation is used.
  CHECK(set("meta:\n    titel: T\n", "meta", "stand", s("x")) == "meta:\n    titel: T\n    stand: x\n");
  CHECK(set("meta:\n", "meta", "stand", s("x")) == "meta:\n  stand: x\n");
}

TEST_CASE("a missing section goes before the next section, or at the end") {
  YamlInsertHints hints;
  hints.sections_after = {"zeiten"};
  CHECK(set("vorlage: mini\n# Zeiten\nzeiten:\n  beginn: 8:00\n", "finanzierung", "plaetze", s("3"), hints) ==
        "vorlage: mini\nfinanzierung:\n  plaetze: 3\n# Zeiten\nzeiten:\n  beginn: 8:00\n");
  CHECK(set("vorlage: mini", "meta", "titel", s("T")) == "vorlage: mini\nmeta:\n  titel: T\n");
  CHECK(set("", "meta", "titel", s("T")) == "meta:\n  titel: T\n");
}

TEST_CASE("a one-line flow or empty section is rewritten in block style") {
  CHECK(set("meta: {titel: T, stand: 2026-01-01}  # c\nx: 1\n", "meta", "stand", s("01.02.2026")) ==
        "meta:  # c\n  titel: T\n  stand: 01.02.2026\nx: 1\n");
  CHECK(set("meta: ~\n", "meta", "titel", s("T")) == "meta:\n  titel: T\n");
  CHECK(set("meta: {}\n", "meta", "titel", s("T")) == "meta:\n  titel: T\n");
}

TEST_CASE("Windows line ends are kept") {
  CHECK(set("meta:\r\n  titel:\r\n  stand: x\r\n", "meta", "titel", s("T")) == "meta:\r\n  titel: T\r\n  stand: x\r\n");
}

TEST_CASE("JSON or a flow document cannot be edited in place") {
  std::string error;
  CHECK_FALSE(yaml_set_value("{\"meta\": {\"titel\": \"T\"}}", "meta", "titel", s("U"), {}, &error).has_value());
  CHECK(error.find("block-style") != std::string::npos);
}

TEST_CASE("scalars are quoted only when they would not read back as the same string") {
  CHECK(yaml_scalar("Stadt Musterhausen") == "Stadt Musterhausen");
  CHECK(yaml_scalar("Caritas/katholisch") == "Caritas/katholisch");
  CHECK(yaml_scalar("8:00") == "8:00");
  CHECK(yaml_scalar("-3") == "-3");
  CHECK(yaml_scalar("Peter's Schule") == "Peter's Schule");
  CHECK(yaml_scalar("a: b") == "\"a: b\"");
  CHECK(yaml_scalar("a #b") == "\"a #b\"");
  CHECK(yaml_scalar("null") == "\"null\"");
  CHECK(yaml_scalar("~") == "\"~\"");
  CHECK(yaml_scalar("No") == "\"No\"");
  CHECK(yaml_scalar("- x") == "\"- x\"");
  CHECK(yaml_scalar("\"zitiert\"") == "\"\\\"zitiert\\\"\"");
  CHECK(yaml_scalar(" x") == "\" x\"");
  CHECK(yaml_scalar("") == "\"\"");
  CHECK(yaml_scalar("a\\b\tc") == "\"a\\\\b\\tc\"");
  CHECK(yaml_scalar("*stern") == "\"*stern\"");
  for (const std::string text : {"a: b", "null", "- x", "\"q\"", "a\\b\tc", "[x]", "{y}", "#z", "ä: ö", "%p", "x:"}) {
    CAPTURE(text);
    CHECK(scalar_at("k: " + yaml_scalar(text), {"k"}) == text);
  }
}

TEST_CASE("yaml_section_range: a section's bytes reach to the next top-level key, with the comments before it") {
  const std::string text = "meta:\n  titel: T\n\n# Die Partner\nparteien:\n  schule: S\n# Ende\n";
  const auto meta = yaml_section_range(text, "meta");
  REQUIRE(meta);
  CHECK(text.substr(meta->first, meta->second - meta->first) == "meta:\n  titel: T\n\n# Die Partner\n");
  const auto parteien = yaml_section_range(text, "parteien");
  REQUIRE(parteien);
  CHECK(text.substr(parteien->first) == "parteien:\n  schule: S\n# Ende\n");
  CHECK(parteien->second == text.size());
  CHECK_FALSE(yaml_section_range(text, "fehlt"));
  CHECK_FALSE(yaml_section_range("{\"meta\": {\"titel\": \"T\"}}", "meta"));
}
