// kovgen init: the commented answer skeleton of every template.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "answer_yaml.h"
#include "pipeline.h"
#include "skeleton.h"
#include "mini_template.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::vector<std::string>& kEnv = kMiniEnv;

// Every template there is: the test template and the real ones.
std::vector<std::pair<TemplateLibrary, std::string>> all_templates() {
  std::vector<std::pair<TemplateLibrary, std::string>> out{{mini_library(), "mini"}};
  for (const auto& id : list_template_ids(test::real_disk(), real_library())) out.emplace_back(real_library(), id);
  return out;
}

std::shared_ptr<const LoadedTemplate> template_of(TemplateCache& cache, const std::string& id) {
  Diagnostics diag;
  auto t = cache.get(id, diag);
  INFO(diag.to_string());
  REQUIRE(t);
  return t;
}

LoadedAnswers load(TemplateCache& cache, const std::string& text, const std::string& id) {
  Diagnostics diag;
  auto loaded = load_answers(text, "answers.yaml", id, cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded.has_value());
  return std::move(*loaded);
}

// The skeleton with every required answer (and every answer a condition looks at)
// taken from a sample, written through the comment-preserving editor.
std::string fill_from_sample(const Template& t, const Answers& sample) {
  std::set<std::string> keys;
  for (const auto& s : t.sections)
    for (const auto& q : s.questions) {
      if (q.required) keys.insert(q.full_key);
      if (q.when) keys.insert(q.when->key);
    }
  std::string text = answer_skeleton(t);
  for (const auto& key : keys) {
    const Value* v = sample.find(key);
    if (!v) continue;
    std::string error;
    auto edited = set_answer_in_yaml(text, t, *t.find_question(key), v, &error);
    INFO(error);
    REQUIRE(edited.has_value());
    text = *edited;
  }
  return text;
}

}  // namespace

TEST_CASE("the skeleton of every template is valid YAML and loads with zero answers") {
  for (const auto& [lib, id] : all_templates()) {
    CAPTURE(id);
    TemplateCache cache(test::real_disk(), lib);
    auto t = template_of(cache, id);
    const std::string text = answer_skeleton(t->questionnaire);
    LoadedAnswers loaded = load(cache, text, id);
    CHECK(loaded.answers.values.empty());
    // The template is named in the file, so no --template is needed later.
    Diagnostics diag;
    auto root = parse_yaml(text, "skeleton.yaml", diag);
    REQUIRE(root);
    CHECK(template_id_in(*root) == id);
    // Every question and section is there, by key.
    for (const auto& s : t->questionnaire.sections) {
      CHECK(contains(text, "\n" + s.id + ":\n"));
      for (const auto& q : s.questions) CHECK(contains(text, "\n  " + q.key + ":\n"));
    }
  }
}

TEST_CASE("a draft from the skeleton flags every section that asks for a required answer") {
  for (const auto& [lib, id] : all_templates()) {
    CAPTURE(id);
    TemplateCache cache(test::real_disk(), lib);
    auto t = template_of(cache, id);
    LoadedAnswers loaded = load(cache, answer_skeleton(t->questionnaire), id);
    Draft draft = make_draft(*loaded.tmpl, loaded.answers, ComposeOptions{});
    CHECK_FALSE(is_ready_to_sign(draft.findings));
    for (const auto& s : t->questionnaire.sections) {
      CAPTURE(s.id);
      bool asks = false;
      for (const auto& q : s.questions) asks = asks || (q.required && !q.when);
      const SectionFinding* f = draft.findings.find(s.id);
      REQUIRE(f);
      CHECK(f->complete == !asks);
      if (!f->complete) CHECK(contains(draft.markdown, section_flag_markdown(*f)));
    }
    if (id != "mini") {  // the real templates require something in every section
      CHECK(draft.findings.complete_count() == 0);
    }
  }
}

TEST_CASE("once every required field of the skeleton is filled from a sample, the draft is complete") {
  std::vector<std::tuple<TemplateLibrary, std::string, std::string>> samples{
      {mini_library(), "mini", source_dir() + "/tests/data/mini-complete.yaml"}};
  const std::string samples_dir = source_dir() + "/samples";
  if (std::filesystem::exists(samples_dir))
    for (const auto& entry : std::filesystem::recursive_directory_iterator(samples_dir))
      if (entry.path().extension() == ".yaml") samples.emplace_back(real_library(), "", entry.path().string());
  int complete_samples = 0;
  for (const auto& [lib, id, path] : samples) {
    CAPTURE(path);
    TemplateCache cache(test::real_disk(), lib);
    Diagnostics diag;
    auto sample = load_answers_file(path, id, cache, diag);
    if (!sample) continue;  // a sample of a template from elsewhere
    const Template& t = sample->tmpl->questionnaire;
    if (evaluate_checklist(t, sample->answers).complete_count() != static_cast<int>(t.sections.size()))
      continue;  // deliberately partial samples
    ++complete_samples;
    const std::string filled = fill_from_sample(t, sample->answers);
    LoadedAnswers loaded = load(cache, filled, t.id);
    // Dated as render and check date it (SOURCE_DATE_EPOCH): mini's Stand is optional
    // and would otherwise stay a placeholder in the status line.
    ComposeOptions dated;
    dated.stand_fallback = Date{2026, 8, 1};
    Draft draft = make_draft(*loaded.tmpl, loaded.answers, dated);
    std::string left;
    for (const auto& p : draft.findings.placeholders) left += "[" + p + "] ";
    INFO("placeholders left: " << left);
    CHECK(is_ready_to_sign(draft.findings));
    CHECK_FALSE(contains(draft.markdown, "[!CAUTION]"));
    // The filled file still carries the skeleton's explanations.
    const Question& first = t.sections.front().questions.front();
    CHECK(contains(filled, "  # " + first.label + "\n"));
    // And kovgen itself agrees.
    const std::string file = fresh_temp_dir("init-filled-" + t.id) + "/answers.yaml";
    write_text(file, filled);
    std::vector<std::string> env{"SOURCE_DATE_EPOCH=1785542400"};
    if (t.id == "mini") env.insert(env.end(), kEnv.begin(), kEnv.end());
    CHECK(run_kovgen({"check", file}, "", env).exit_code == 0);
  }
  CHECK(complete_samples >= 1);
}

TEST_CASE("the skeleton explains each question: label, type, required, help, choices, example, condition") {
  // As a person gets it: in German (in this process, the library speaks English).
  const std::string text = run_kovgen({"init", "--template", "mini"}, "", kEnv).out;
  CHECK(contains(text, "# Schritt 1 von 6: Planungsphase\n"));
  CHECK(contains(text, "# Schritt 3 von 6: Inhalte der Kooperationsvereinbarung\n"));
  CHECK(contains(text, "# --- Finanzierung (Pflichtabschnitt) ---\nfinanzierung:\n"));
  CHECK(contains(text, "# --- Öffnungszeiten (empfohlener Abschnitt) ---\nzeiten:\n"));
  CHECK(contains(text, "  # Plätze\n  # ganze Zahl \u00B7 Pflichtangabe \u00B7 erlaubt: 0 bis 10.000\n  plaetze:\n"));
  CHECK(contains(text,
                 "  # Art des Trägers\n  # Auswahl \u00B7 Pflichtangabe\n"
                 "  # Auswahl: AWO | Caritas/katholisch | Diakonie/evangelisch | sonstiger Träger\n  traeger_art:\n"));
  CHECK(contains(text, "  # Nur zu beantworten, wenn \u201EJugendamt ist Vertragspartei\u201C = ja.\n  jugendamt_name:\n"));
  CHECK(contains(text, "  ziele:\n  #  - erster Eintrag\n  #  - zweiter Eintrag\n"));
  CHECK(contains(text, "  # - gremium: Gremium \u2013 Text (eine Zeile) \u00B7 Pflichtangabe\n"));
  CHECK(contains(text, "  gremien:\n  #  - gremium:\n  #    datum:\n"));
  // Steps come in order, whatever the section order in template.yaml.
  CHECK(text.find("Schritt 1 von 6") < text.find("Schritt 3 von 6"));
  CHECK(text.find("Schritt 3 von 6") < text.find("Schritt 4 von 6"));
}

TEST_CASE("the real templates' help and examples appear in the skeleton") {
  for (const auto& id : list_template_ids(test::real_disk(), real_library())) {
    CAPTURE(id);
    TemplateCache cache(test::real_disk(), real_library());
    auto t = template_of(cache, id);
    const std::string text = answer_skeleton(t->questionnaire);
    for (const auto& s : t->questionnaire.sections)
      for (const auto& q : s.questions) {
        CAPTURE(q.full_key);
        // Wrapped comments: look for the first few words of each text.
        auto start = [](const std::string& s) { return s.substr(0, s.find(' ', 20) == std::string::npos ? s.size() : s.find(' ', 20)); };
        CHECK(contains(text, "# " + start(q.label)));
        if (!q.help.empty() && q.type != QuestionType::records) CHECK(contains(text, "# " + start(q.help)));
      }
  }
}

TEST_CASE("removing the # of the examples for lists and tables gives answers that load") {
  TemplateCache cache(test::real_disk(), mini_library());
  std::string text = run_kovgen({"init", "--template", "mini"}, "", kEnv).out;
  for (size_t p; (p = text.find("\n  #  ")) != std::string::npos;) text.replace(p, 6, "\n     ");
  LoadedAnswers loaded = load(cache, text, "mini");
  REQUIRE(loaded.answers.find("zeiten.ziele"));
  CHECK(loaded.answers.find("zeiten.ziele")->items == std::vector<std::string>{"erster Eintrag", "zweiter Eintrag"});
  REQUIRE(loaded.answers.find("beschluss.gremien"));
  CHECK(loaded.answers.find("beschluss.gremien")->rows.size() == 1);
}

TEST_CASE("kovgen init writes the skeleton, never over an existing file unless --force") {
  const std::string dir = fresh_temp_dir("init-cli");
  CommandResult out = run_kovgen({"init", "--template", "mini"}, "", kEnv);
  CHECK(out.exit_code == 0);
  TemplateCache cache(test::real_disk(), mini_library());
  // The library's skeleton, in the English that this process (no catalog bound) speaks.
  CHECK(run_kovgen({"init", "--template", "mini", "--lang", "en"}, "", kEnv).out ==
        answer_skeleton(template_of(cache, "mini")->questionnaire));

  const std::string file = dir + "/answers.yaml";
  CommandResult written = run_kovgen({"init", "-t", "mini", "-o", file}, "", kEnv);
  CHECK(written.exit_code == 0);
  CHECK(read_text(file) == out.out);
  CHECK(contains(written.err, "kovgen check " + file));

  write_text(file, "vorlage: mini\nmeta:\n  titel: Schon ausgefüllt\n");
  CommandResult refused = run_kovgen({"init", "-t", "mini", "-o", file}, "", kEnv);
  CHECK(refused.exit_code == 4);
  CHECK(contains(refused.err, "--force"));
  CHECK(read_text(file) == "vorlage: mini\nmeta:\n  titel: Schon ausgefüllt\n");
  CHECK(run_kovgen({"init", "-t", "mini", "-o", file, "--force"}, "", kEnv).exit_code == 0);
  CHECK(read_text(file) == out.out);

  CHECK(run_kovgen({"init"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"init", "-t", "mini", "extra"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"init", "-t", "gibtsnicht"}, "", kEnv).exit_code == 1);
}
