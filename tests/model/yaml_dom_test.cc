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
  CHECK(syntax.to_string().find("s.yaml:2:1: YAML syntax error") != std::string::npos);
}

TEST_CASE("yaml_dom: unknown keys get the nearest allowed one as a suggestion") {
  Diagnostics diag;
  auto root = parse_yaml("titel: A\nstnad: B\n", "k.yaml", diag);
  REQUIRE(root);
  check_known_keys(*root, {"titel", "stand"}, "section meta", "k.yaml", diag);
  const std::string text = diag.to_string();
  CHECK(text.find("k.yaml:2:1:") != std::string::npos);
  CHECK(text.find("\"stnad\"") != std::string::npos);
  CHECK(text.find("did you mean \"stand\"?") != std::string::npos);
  CHECK(text.find("titel") == std::string::npos);
}
