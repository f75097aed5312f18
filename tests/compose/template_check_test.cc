// A template that names anything its questionnaire does not define is rejected
// when loaded, with template file, line and column.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "template_check.h"

using namespace kovgen;

namespace {

const char* const kQuestionnaire = R"(
id: t
title: T
sections:
  - id: meta
    title: Dokumentangaben
    step: 1
    questions:
      - {key: titel, label: Titel, type: text, required: true}
      - {key: stand, label: Stand, type: date}
      - {key: ja, label: Ja, type: boolean}
      - {key: liste, label: Liste, type: list}
      - key: zeilen
        label: Zeilen
        type: records
        fields:
          - {key: name, label: Name, type: text}
          - {key: titel, label: Titel der Zeile, type: text}
)";

Template questionnaire() {
  Diagnostics diag;
  auto t = parse_template(kQuestionnaire, "template.yaml", ".", diag);
  REQUIRE(t.has_value());
  return *t;
}

struct Result {
  std::optional<std::string> expanded;
  std::string errors;
  std::vector<std::string> used;
};

Result check(const std::string& body, std::map<std::string, std::string> partials = {}) {
  Diagnostics diag;
  PartialSource source = [&](const std::string& name, std::string* path) -> std::optional<std::string> {
    auto it = partials.find(name);
    if (it == partials.end()) return std::nullopt;
    *path = "fragments/" + name + ".md.mustache";
    return it->second;
  };
  Template t = questionnaire();
  std::vector<std::string> used;
  auto expanded = check_and_expand_template(t, body, "body.mustache", source, diag, &used);
  return {expanded, diag.to_string(), used};
}

const std::string kFlag = "{{{kovgen.hinweis.meta}}}\n";

}  // namespace

TEST_CASE("a valid template expands its partials") {
  Result r = check("# {{meta.titel}}\n" + kFlag + "{{> schluss}}\nEnde\n", {{"schluss", "Stand {{meta.stand_kurz}}\n"}});
  CHECK(r.errors == "");
  REQUIRE(r.expanded);
  CHECK(*r.expanded == "# {{meta.titel}}\n" + kFlag + "Stand {{meta.stand_kurz}}\nEnde\n");
}

TEST_CASE("an unknown variable is an error with its location") {
  Result r = check(kFlag + "Titel:\n  {{meta.tittel}}\n");
  CHECK_FALSE(r.expanded);
  CHECK(r.errors ==
        "body.mustache:3:3: unknown name \"meta.tittel\": no question, variant, record field or built-in of "
        "template \"t\" has this name\n");
}

TEST_CASE("an unknown partial is an error at load time") {
  Result r = check(kFlag + "{{> nirgends}}\n");
  CHECK(r.errors ==
        "body.mustache:2:1: unknown partial \"nirgends\": no fragments/nirgends.md.mustache and no "
        "template-local file of that name\n");
}

TEST_CASE("errors inside a partial name the partial's file") {
  Result r = check(kFlag + "{{#meta.zeilen}}\n{{> zeile}}\n{{/meta.zeilen}}\n", {{"zeile", "- {{name}}\n- {{nam}}\n"}});
  CHECK(r.errors.find("fragments/zeile.md.mustache:2:3: unknown name \"nam\"") == 0);
}

TEST_CASE("record fields and list items are only known inside their loop") {
  CHECK(check(kFlag + "{{#meta.zeilen}}{{name}}{{/meta.zeilen}}{{#meta.liste}}{{.}}{{/meta.liste}}").errors == "");
  CHECK(check(kFlag + "{{name}}").errors.find("body.mustache:2:1: unknown name \"name\"") == 0);
  CHECK(check(kFlag + "{{.}}").errors.find("body.mustache:2:1: unknown name \".\"") == 0);
}

TEST_CASE("raw insertion is only allowed for kovgen's own Markdown") {
  CHECK(check(kFlag + "{{{meta.titel}}}").errors ==
        "body.mustache:2:1: {{{meta.titel}}} would insert the answer unescaped; use {{meta.titel}}\n");
  CHECK(check(kFlag + "{{& meta.titel}}").errors.find("would insert the answer unescaped") != std::string::npos);
  CHECK(check(kFlag + "{{kovgen.checkliste_tabelle}}").errors.find("insert it with {{{") != std::string::npos);
}

TEST_CASE("misused types are explained") {
  CHECK(check(kFlag + "{{meta.ja}}").errors.find("is a yes/no question") != std::string::npos);
  CHECK(check(kFlag + "{{meta.liste}}").errors.find("is a list") != std::string::npos);
  CHECK(check(kFlag + "{{meta.ja_text}} {{meta.liste_text}} {{meta.stand_kurz}}").errors == "");
}

TEST_CASE("sections must balance") {
  CHECK(check(kFlag + "{{#meta.ja}}\nx\n").errors == "body.mustache:2:1: section {{#meta.ja}} is never closed; close it with {{/meta.ja}}\n");
  CHECK(check(kFlag + "x\n{{/meta.ja}}\n").errors == "body.mustache:3:1: {{/meta.ja}} closes no open section\n");
  CHECK(check(kFlag + "{{#meta.ja}}{{/meta.liste}}").errors.find("does not match {{#meta.ja}} opened at line 2") !=
        std::string::npos);
  CHECK(check(kFlag + "{{meta.titel").errors == "body.mustache:2:1: unterminated Mustache tag (missing \"}}\")\n");
}

TEST_CASE("every section's flag is placed exactly once") {
  CHECK(check("# x\n").errors ==
        "body.mustache: the flag of section \"meta\" ({{{kovgen.hinweis.meta}}}) must be placed exactly once, found 0\n");
  CHECK(check(kFlag + kFlag).errors.find("found 2") != std::string::npos);
}

TEST_CASE("partials that include themselves are stopped") {
  CHECK(check(kFlag + "{{> a}}", {{"a", "{{> a}}"}}).errors.find("nested more than 8 deep") != std::string::npos);
}

TEST_CASE("the check reports every context path a tag reaches, through sections and partials") {
  Result r = check(kFlag + "{{#meta}}{{titel}}{{/meta}} {{#meta.ja}}x{{/meta.ja}}\n"
                           "{{#meta.zeilen}}{{#name_offen}}-{{/name_offen}} {{meta.stand_kurz}}{{/meta.zeilen}}\n{{> p}}\n",
                   {{"p", "{{meta.liste_text}}\n"}});
  INFO(r.errors);
  REQUIRE(r.expanded);
  CHECK(r.used == std::vector<std::string>{"kovgen", "kovgen.hinweis", "kovgen.hinweis.meta", "meta", "meta.ja",
                                           "meta.liste_text", "meta.stand_kurz", "meta.titel", "meta.zeilen",
                                           "meta.zeilen.name_offen"});
}

TEST_CASE("a name shadowed by a record field also counts for the outer scope it falls back to") {
  // An unanswered optional field is absent from the row, and kainjow then finds
  // meta.titel instead: so that one must be built too.
  Result r = check(kFlag + "{{#meta}}{{#zeilen}}{{titel}}{{/zeilen}}{{/meta}}\n");
  INFO(r.errors);
  REQUIRE(r.expanded);
  CHECK(r.used == std::vector<std::string>{"kovgen", "kovgen.hinweis", "kovgen.hinweis.meta", "meta", "meta.titel",
                                           "meta.zeilen", "meta.zeilen.titel"});
}

TEST_CASE("one template checker checks each text anew") {
  Template t = questionnaire();
  PartialSource none = [](const std::string&, std::string*) -> std::optional<std::string> { return std::nullopt; };
  TemplateChecker checker(t, none);

  Diagnostics first_diag;
  std::vector<std::string> first;
  REQUIRE(checker.check_and_expand(kFlag + "{{meta.titel}}\n", "body.mustache", first_diag, &first));
  CHECK(std::find(first.begin(), first.end(), "meta.titel") != first.end());

  // A text that places no flag and reaches other names: nothing of the first
  // check (its names, its flag count) carries over.
  Diagnostics second_diag;
  std::vector<std::string> second;
  REQUIRE(checker.check_and_expand("{{meta.stand}}\n", "paper.mustache", second_diag, &second, false));
  CHECK(second_diag.to_string() == "");
  CHECK(std::find(second.begin(), second.end(), "meta.stand") != second.end());
  CHECK(std::find(second.begin(), second.end(), "meta.titel") == second.end());

  // Its errors go to the diagnostics of that check only.
  Diagnostics third_diag;
  CHECK_FALSE(checker.check_and_expand(kFlag + "{{meta.tittel}}\n", "body.mustache", third_diag));
  CHECK(third_diag.error_count() == 1);
  CHECK(first_diag.error_count() == 0);

  // The same text checked again gives what a fresh check gives.
  Diagnostics again_diag;
  std::vector<std::string> again;
  REQUIRE(checker.check_and_expand(kFlag + "{{meta.titel}}\n", "body.mustache", again_diag, &again));
  CHECK(again == first);
}

TEST_CASE("tag locations count lines and characters, not bytes") {
  Diagnostics diag;
  // Line 3 holds two-byte and three-byte characters before the tag; the second
  // tag of line 3 and the tag of line 5 come after more breaks.
  const std::string text = "{{a}}\n\nÄö „x“ {{b}} {{c}}\n\n  {{d}}";
  const auto tags = scan_mustache_tags(text, "t.mustache", diag);
  REQUIRE(tags.size() == 4);
  CHECK(tags[0].where.line == 1);
  CHECK(tags[0].where.column == 1);
  CHECK(tags[1].where.line == 3);
  CHECK(tags[1].where.column == 8);
  CHECK(tags[2].where.line == 3);
  CHECK(tags[2].where.column == 14);
  CHECK(tags[3].where.line == 5);
  CHECK(tags[3].where.column == 3);
  CHECK(tags[3].where.file == "t.mustache");
}
