// Compose: flags, summary, placeholders, conditions and numbering.
#include <doctest/doctest.h>

#include "markdown_conventions.h"
#include "mini_template.h"
#include "pipeline.h"
#include "template_check.h"
#include "test_support.h"

using namespace kovgen;

namespace {

Draft draft_of(const std::string& yaml) {
  TemplateCache cache(test::real_disk(), test::mini_library());
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
  CHECK(is_ready_to_sign(d.findings));
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
  CHECK(vp->heading == "§\u00A01 Vertragspartner");
  // Unit tests see the English messages (no catalog bound).
  CHECK(contains(d.markdown, "## §\u00A01 Vertragspartner\n\n> [!CAUTION]\n> **Mandatory section \u201C§\u00A01 "
                             "Vertragspartner\u201D is incomplete.** Missing: Name des Schulträgers.\n"));
  CHECK(contains(d.markdown, "> [!CAUTION]\n> **Draft – not yet ready to sign.** Checklist: 2 of 5 sections complete.\\\n"
                             "> Mandatory sections incomplete: \u201C§\u00A01 Vertragspartner\u201D and \u201C§\u00A02 "
                             "Finanzierung\u201D.\\\n"));
  CHECK(contains(d.markdown, "Recommended sections not yet filled in (they do not block signing): \u201C§\u00A03 Zeiten\u201D."));
  CHECK(contains(d.markdown, "| §\u00A01 Vertragspartner | mandatory | **incomplete** | Name des Schulträgers |"));
  // A recommended section's box is a WARNING: it alone would not keep a draft from being signed.
  CHECK(contains(d.markdown, "> [!WARNING]\n> **Recommended section \u201C§\u00A03 Zeiten\u201D is incomplete.**"));
  CHECK(contains(d.markdown, "**\\[offen: Name des Schulträgers\\]**"));
  MarkdownTree tree = parse_markdown(d.markdown);
  CHECK(document_info(tree.get(), {}).draft);
}

TEST_CASE("a conditional question counts only when its condition holds") {
  std::string yaml = kComplete;
  // Without the Jugendamt as a party, its name is neither required nor printed.
  yaml.replace(yaml.find("jugendamt_beteiligt: ja"), 23, "jugendamt_beteiligt: nein");
  Draft without = draft_of(yaml);
  CHECK(is_ready_to_sign(without.findings));
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
  CHECK(s->missing[0].label == "Gremienbeschlüsse (entry 1): Datum");
  CHECK(contains(d.markdown, "| Rat | \\[offen: Datum\\] |"));
}

TEST_CASE("choices and open questions can be tested in the body") {
  Draft d = draft_of("vertragspartner:\n  traeger_art: Caritas/katholisch\n");
  (void)d;
  kovgen::LoadedTemplate t;
  Diagnostics diag;
  auto parsed = parse_template(test::read_text(test::source_dir() + "/tests/data/templates/mini/template.yaml"),
                               "template.yaml", ".", diag);
  REQUIRE(parsed);
  t.questionnaire = *parsed;
  t.body = fold_literal_text(
      "{{#vertragspartner.traeger_art_ist.caritas_katholisch}}KDG{{/vertragspartner.traeger_art_ist.caritas_katholisch}}"
      "{{#vertragspartner.traeger_art_ist.awo}}AWO{{/vertragspartner.traeger_art_ist.awo}}|"
      "{{#vertragspartner.schultraeger_name_offen}}offen{{/vertragspartner.schultraeger_name_offen}}|"
      "{{#vertragspartner.jugendamt_name_offen}}ja-offen{{/vertragspartner.jugendamt_name_offen}}\n");
  TemplateCache cache(test::real_disk(), test::mini_library());
  auto loaded = load_answers("vertragspartner:\n  traeger_art: Caritas/katholisch\n", "a.yaml", "mini", cache, diag);
  REQUIRE(loaded);
  Findings f = evaluate_checklist(t.questionnaire, loaded->answers);
  // The Jugendamt's name is not open: the question does not apply.
  CHECK(compose_markdown(t, loaded->answers, f, {}) == "KDG|offen|\n");
}

TEST_CASE("conditions chain: a question under a question that does not apply does not apply") {
  Diagnostics diag;
  auto t = parse_template(
      "id: c\ntitle: C\nsections:\n  - id: s\n    title: S\n    step: 1\n    questions:\n"
      "      - {key: a, label: A, type: boolean}\n"
      "      - {key: b, label: B, type: boolean, when: s.a}\n"
      "      - {key: c, label: C, type: text, required: true, when: s.b}\n",
      "t.yaml", ".", diag);
  REQUIRE(t);
  Answers answers;
  answers.questionnaire = &*t;
  Value yes;
  yes.type = QuestionType::boolean;
  yes.boolean = true;
  answers.values["s.b"] = yes;  // answered earlier, but s.a is now unanswered
  CHECK_FALSE(answers.applies(t->sections[0].questions[2]));
  CHECK(evaluate_checklist(*t, answers).complete_count() == 1);
  answers.values["s.a"] = yes;
  CHECK(evaluate_checklist(*t, answers).complete_count() == 0);
  auto cyclic = parse_template(
      "id: c\ntitle: C\nsections:\n  - id: s\n    title: S\n    step: 1\n    questions:\n"
      "      - {key: a, label: A, type: boolean, when: s.b}\n      - {key: b, label: B, type: boolean, when: s.a}\n",
      "t.yaml", ".", diag);
  CHECK_FALSE(cyclic);
  CHECK(diag.to_string().find("t.yaml:8:9: question s.a: its condition depends on itself") != std::string::npos);
}

TEST_CASE("skipped sections leave no empty line, so tables stay whole") {
  Draft d = draft_of(kComplete);
  CHECK(d.markdown.find("| Gremium | Datum |\n| --- | --- |\n| Rat | 26.03.2026 |\n") != std::string::npos);
  Draft none = draft_of("meta: {titel: T}\n");
  CHECK(none.markdown.find("| Gremium | Datum |\n| --- | --- |\n\n") != std::string::npos);
}

TEST_CASE("standalone section lines vanish, blank lines around them stay") {
  Diagnostics diag;
  auto parsed = parse_template(test::read_text(test::source_dir() + "/tests/data/templates/mini/template.yaml"),
                               "template.yaml", ".", diag);
  REQUIRE(parsed);
  const std::string flags =
      "{{{kovgen.hinweis.meta}}}{{{kovgen.hinweis.vertragspartner}}}{{{kovgen.hinweis.finanzierung}}}"
      "{{{kovgen.hinweis.zeiten}}}{{{kovgen.hinweis.beschluss}}}\n";
  const std::string body =
      "A\n{{#vertragspartner.jugendamt_beteiligt}}\n- ja\n{{/vertragspartner.jugendamt_beteiligt}}\n"
      "  {{^vertragspartner.jugendamt_beteiligt}}\n- nein\n  {{/vertragspartner.jugendamt_beteiligt}}\n\nB\n"
      "| T |\n| - |\n{{#zeiten.ziele}}\n| {{.}} |\n{{/zeiten.ziele}}\n\nC\n{{! Kommentar }}\nD\n";
  auto expanded = check_and_expand_template(*parsed, body + flags, "b", [](const std::string&, std::string*) {
    return std::optional<std::string>();
  }, diag);
  INFO(diag.to_string());
  REQUIRE(expanded);
  LoadedTemplate t{*parsed, fold_literal_text(*expanded), {}};
  TemplateCache cache(test::real_disk(), test::mini_library());
  for (const char* answer : {"ja", "nein"}) {
    auto loaded = load_answers(std::string("vertragspartner: {jugendamt_beteiligt: ") + answer + "}\n"
                               "zeiten: {ziele: [x, y]}\n", "a.yaml", "mini", cache, diag);
    REQUIRE(loaded);
    Findings f = evaluate_checklist(t.questionnaire, loaded->answers);
    const std::string md = compose_markdown(t, loaded->answers, f, {});
    CHECK(md.rfind("A\n- " + std::string(answer) + "\n\nB\n| T |\n| - |\n| x |\n| y |\n\nC\nD\n", 0) == 0);
  }
}

TEST_CASE("paragraphs and sections are numbered without gaps") {
  CHECK(number_paragraphs("## § A\n\n(#) x\n\n(#) y\n\n## § B\n\n(#) z\n") ==
        "## §\u00A01 A\n\n(1) x\n\n(2) y\n\n## §\u00A02 B\n\n(1) z\n");
  CHECK(number_paragraphs("## § 7 fest\n\n\n\n(#) a\n") == "## § 7 fest\n\n(1) a\n");
  CHECK(number_paragraphs("```\n(#) code\n```\n") == "```\n(#) code\n```\n");
}

TEST_CASE("numbering strips line ends, restarts paragraphs per heading and keeps fences whole") {
  CHECK(number_paragraphs("\n\n## § A  \r\n(#) x \n(#) y\n## Anhang\n(#) z\n\n\n") ==
        "## §\u00A01 A\n(1) x\n(2) y\n## Anhang\n(1) z\n");
  // Inside a fence blank lines stay, nothing is numbered; "~~~" fences too.
  CHECK(number_paragraphs("~~~\n\n\n## § B\n~~~\n\n\n(#) a") == "~~~\n\n\n## § B\n~~~\n\n(1) a\n");
  // Only a line that starts with the mark is numbered.
  CHECK(number_paragraphs(" (#) a\nx (#) b\n## §\n") == " (#) a\nx (#) b\n## §\n");
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
  TemplateCache cache(test::real_disk(), test::mini_library());
  Diagnostics diag;
  auto loaded = load_answers(yaml, "a.yaml", "mini", cache, diag);
  REQUIRE(loaded);
  CHECK(contains(make_draft(*loaded->tmpl, loaded->answers, {}).markdown, "Stand: \\[offen: Stand\\]"));
  ComposeOptions options;
  options.stand_fallback = Date{2026, 11, 26};
  CHECK(contains(make_draft(*loaded->tmpl, loaded->answers, options).markdown, "Stand: 26. November 2026"));
}

TEST_CASE("the checklist names sections by their heading in the draft, in the draft's order") {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers_file(test::source_dir() + "/samples/ogs/ogs-teilweise.yaml", "", cache, diag);
  REQUIRE(loaded);
  Draft d = make_draft(*loaded->tmpl, loaded->answers, {});
  const SectionFinding* personal = d.findings.find("personal");
  REQUIRE(personal);
  CHECK(personal->title == "Personal und Qualifikation");
  CHECK(personal->heading == "§\u00A010 Personal");
  CHECK(personal->name() == "§\u00A010 Personal");
  // The head of the agreement has no heading of its own: the title serves.
  CHECK(d.findings.sections[0].name() == "Dokumentangaben");
  CHECK(d.findings.sections[2].heading == "Präambel");
  // In the draft's order: each § number follows the one before.
  int last = 0;
  for (const auto& s : d.findings.sections) {
    if (s.heading.rfind("§\u00A0", 0) != 0) continue;
    const int n = std::stoi(s.heading.substr(4));  // after "§" and the no-break space
    CHECK(n >= last);
    last = n;
  }
  CHECK(contains(d.markdown, "| §\u00A010 Personal | mandatory | **incomplete** |"));
  CHECK(contains(d.markdown, "**Mandatory section \u201C§\u00A010 Personal\u201D is incomplete.**"));
  // Yes/no questions are listed by their noun phrase, never as a sentence.
  CHECK(contains(d.markdown, "Erhebung von Elternbeiträgen"));
  CHECK_FALSE(contains(d.markdown, "Es werden Elternbeiträge erhoben"));
  // The placeholders say what is needed and where it comes from.
  CHECK(contains(d.markdown, "\\[offen: Kommunaler Pflichtanteil je Platz – laut Förderrichtlinie (BASS 11-02 Nr. 19)\\]"));
}

TEST_CASE("a final version has neither boxes nor checklist appendix, a draft has both unless asked") {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto complete = load_answers_file(test::source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "", cache, diag);
  auto partial = load_answers_file(test::source_dir() + "/samples/ogs/ogs-teilweise.yaml", "", cache, diag);
  REQUIRE(complete);
  REQUIRE(partial);
  Draft final_version = make_draft(*complete->tmpl, complete->answers, {});
  CHECK(is_ready_to_sign(final_version.findings));
  CHECK(contains(final_version.markdown, "**Endfassung 1.0** – Stand:"));
  CHECK_FALSE(contains(final_version.markdown, "Anhang: Checkliste"));
  CHECK_FALSE(contains(final_version.markdown, "> [!"));

  ComposeOptions forced;
  forced.force_draft = true;
  Draft marked = make_draft(*complete->tmpl, complete->answers, forced);
  CHECK(is_ready_to_sign(marked.findings));  // the content is; the document says draft on request
  CHECK(contains(marked.markdown, "**Entwurf 1.0** – Stand:"));
  CHECK(contains(marked.markdown, "> [!NOTE]\n> **Draft (marked on request).**"));
  CHECK(contains(marked.markdown, "<!-- kovgen:checklist draft mandatory-missing=0 placeholders=0 -->"));

  Draft draft = make_draft(*partial->tmpl, partial->answers, {});
  CHECK_FALSE(is_ready_to_sign(draft.findings));
  CHECK(draft.findings.mandatory_missing_count() == 3);
  CHECK(draft.findings.placeholders.size() > 3);
  CHECK(contains(draft.markdown, "**Entwurf 0.3** – Stand:"));
  CHECK(contains(draft.markdown, "## Anhang: Checkliste"));
  ComposeOptions without;
  without.without_checklist = true;
  Draft bare = make_draft(*partial->tmpl, partial->answers, without);
  CHECK_FALSE(contains(bare.markdown, "Anhang: Checkliste"));
  CHECK_FALSE(contains(bare.markdown, "kovgen:checklist"));
  CHECK(contains(bare.markdown, "> [!CAUTION]\n> **Draft – not yet ready to sign.**"));
}

TEST_CASE("with SOURCE_DATE_EPOCH the status line and the checklist agree about the Stand date") {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  std::string yaml = test::read_text(test::source_dir() + "/samples/ogs/ogs-teilweise.yaml");
  const size_t at = yaml.find("  stand: ");
  REQUIRE(at != std::string::npos);
  yaml.erase(at, yaml.find('\n', at) + 1 - at);
  auto loaded = load_answers(yaml, "a.yaml", "", cache, diag);
  REQUIRE(loaded);
  // Without a date anywhere: the checklist misses it and the status line shows the gap.
  Draft undated = make_draft(*loaded->tmpl, loaded->answers, {});
  CHECK_FALSE(undated.findings.find("meta")->complete);
  CHECK(contains(undated.markdown, "Stand: \\[offen: Datum dieser Fassung\\]"));
  // SOURCE_DATE_EPOCH's date is the Stand: shown in the status line and the
  // appendix, and not missing in the checklist.
  ComposeOptions options;
  options.stand_fallback = Date{2026, 8, 1};
  Draft dated = make_draft(*loaded->tmpl, loaded->answers, options);
  CHECK(dated.findings.find("meta")->complete);
  CHECK(dated.findings.stand == "1. August 2026");
  CHECK(contains(dated.markdown, "**Entwurf 0.3** – Stand: 1. August 2026"));
  CHECK(contains(dated.markdown, "(Stand: 1. August 2026)"));
  CHECK_FALSE(contains(dated.markdown, "Stand des Entwurfs"));
}
