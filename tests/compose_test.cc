// Compose: flags, summary, placeholders, conditions and numbering.
#include <doctest/doctest.h>

#include "markdown_conventions.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

Draft draft_of(const std::string& yaml) {
  TemplateCache cache({test::source_dir() + "/tests/data/templates", test::source_dir() + "/tests/data/fragments"});
  Diagnostics diag;
  auto loaded = load_answers(yaml, "a.yaml", "mini", cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded.has_value());
  return make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{});
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const std::string kComplete = test::read_text(test::source_dir() + "/tests/data/mini-complete.yaml");

}  // namespace

TEST_CASE("a complete draft carries no flag") {
  Draft d = draft_of(kComplete);
  CHECK(d.findings.complete());
  CHECK_FALSE(contains(d.markdown, "[!CAUTION]"));
  CHECK_FALSE(contains(d.markdown, "[!WARNING]"));
  CHECK_FALSE(contains(d.markdown, "[offen:"));
  MarkdownTree tree = parse_markdown(d.markdown);
  CHECK_FALSE(document_info(tree.get(), {}).draft);
}

TEST_CASE("an incomplete section is flagged under its heading with the missing labels") {
  Draft d = draft_of("meta:\n  titel: T\nvertragspartner:\n  traeger_art: AWO\n");
  CHECK(d.findings.complete_count() == 2);
  const SectionFinding* vp = d.findings.find("vertragspartner");
  REQUIRE(vp);
  CHECK_FALSE(vp->complete);
  REQUIRE(vp->missing.size() == 1);
  CHECK(vp->missing[0].key == "vertragspartner.schultraeger_name");
  CHECK(contains(d.markdown, "## §\u00A01 Vertragspartner\n\n> [!CAUTION]\n> **Abschnitt \u201EVertragspartner\u201C "
                             "unvollständig.** Es fehlt: Name des Schulträgers.\n"));
  CHECK(contains(d.markdown, "> **Checkliste: 2 von 5 Abschnitten vollständig** \u2013 es fehlen: Vertragspartner, "
                             "Finanzierung und Öffnungszeiten."));
  CHECK(contains(d.markdown, "Davon Pflichtabschnitte: Vertragspartner und Finanzierung."));
  CHECK(contains(d.markdown, "| 2 | Vertragspartner | Pflicht | **unvollständig** | Name des Schulträgers |"));
  CHECK(contains(d.markdown, "**\\[offen: Name des Schulträgers\\]**"));
  MarkdownTree tree = parse_markdown(d.markdown);
  CHECK(document_info(tree.get(), {}).draft);
}

TEST_CASE("a conditional question counts only when its condition holds") {
  std::string yaml = kComplete;
  // Without the Jugendamt as a party, its name is neither required nor printed.
  yaml.replace(yaml.find("jugendamt_beteiligt: ja"), 23, "jugendamt_beteiligt: nein");
  Draft without = draft_of(yaml);
  CHECK(without.findings.complete());
  CHECK_FALSE(contains(without.markdown, "Kreisjugendamt"));
  CHECK(contains(without.markdown, "(2) Weitere Regelungen."));
  // With it, but unnamed, the section is incomplete.
  yaml = kComplete;
  yaml.replace(yaml.find("  jugendamt_name: Kreisjugendamt Musterkreis\n"), 45, "");
  Draft unnamed = draft_of(yaml);
  REQUIRE(unnamed.findings.find("vertragspartner")->missing.size() == 1);
  CHECK(unnamed.findings.find("vertragspartner")->missing[0].label == "Name des Jugendamts");
}

TEST_CASE("table rows with a missing required field are reported") {
  std::string yaml = kComplete;
  yaml.replace(yaml.find("    - {gremium: Rat, datum: 26.03.2026}"), 39, "    - {gremium: Rat}");
  Draft d = draft_of(yaml);
  const SectionFinding* s = d.findings.find("beschluss");
  REQUIRE(s->missing.size() == 1);
  CHECK(s->missing[0].label == "Gremienbeschlüsse (Eintrag 1): Datum");
  CHECK(contains(d.markdown, "| Rat | \\[offen: Datum\\] |"));
}

TEST_CASE("paragraphs and sections are numbered without gaps") {
  CHECK(number_paragraphs("## § A\n\n(#) x\n\n(#) y\n\n## § B\n\n(#) z\n") ==
        "## §\u00A01 A\n\n(1) x\n\n(2) y\n\n## §\u00A02 B\n\n(1) z\n");
  CHECK(number_paragraphs("## § 7 fest\n\n\n\n(#) a\n") == "## § 7 fest\n\n(1) a\n");
  CHECK(number_paragraphs("```\n(#) code\n```\n") == "```\n(#) code\n```\n");
}

TEST_CASE("German formats reach the draft") {
  Draft d = draft_of(kComplete);
  CHECK(contains(d.markdown, "Stand: 10. Februar 2026"));
  CHECK(contains(d.markdown, "Eigenanteil: 12.500,00\u00A0€ (12.500,00) für 2.793 Plätze."));
  CHECK(contains(d.markdown, "Steigerung: 3\u00A0%."));
  CHECK(contains(d.markdown, "Geöffnet 8:00\u201316:00 Uhr. Ziele: Vereinbarkeit, Förderung und Inklusion."));
  CHECK(contains(d.markdown, "| Rat | 26.03.2026 |"));
}

TEST_CASE("the Stand date falls back to SOURCE_DATE_EPOCH, never the clock") {
  std::string yaml = kComplete;
  yaml.replace(yaml.find("  stand: 2026-02-10\n"), 19, "");
  TemplateCache cache({test::source_dir() + "/tests/data/templates", test::source_dir() + "/tests/data/fragments"});
  Diagnostics diag;
  auto loaded = load_answers(yaml, "a.yaml", "mini", cache, diag);
  REQUIRE(loaded);
  CHECK(contains(make_draft(*loaded->tmpl, loaded->answers, {}).markdown, "Stand: \\[offen: Stand\\]"));
  ComposeOptions options;
  options.stand_fallback = Date{2026, 11, 26};
  CHECK(contains(make_draft(*loaded->tmpl, loaded->answers, options).markdown, "Stand: 26. November 2026"));
}
