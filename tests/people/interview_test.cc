// kovgen interview, driven through standard input (at a terminal: interview_pty_test.cc).
#include <doctest/doctest.h>

#include <filesystem>

#include "interview.h"
#include "pipeline.h"
#include "mini_template.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::vector<std::string>& kEnv = kMiniEnv;

std::string new_answers_path(const std::string& name) { return fresh_temp_dir("interview-" + name) + "/answers.yaml"; }

CommandResult interview(const std::string& path, const std::string& input, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"interview", "--template", "mini", path};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_kovgen(args, input, kEnv);
}

// The answers in the file, as render would read them.
Answers answers_in(const std::string& path) {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  auto loaded = load_answers_file(path, "", cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded.has_value());
  return loaded->answers;
}

std::string answer(const std::string& path, const std::string& key) {
  Answers a = answers_in(path);
  const Value* v = a.find(key);
  return v ? v->display() : "<none>";
}

// Answers for the questions before the lists: titel, stand, vertragspartner (4), finanzierung (4), beginn, ende, schuljahr.
const std::string kUpToZiele =
    "T\n01.08.2026\nStadt\n1\nnein\n"  // jugendamt_name is not asked: its condition does not hold
    "500\n3\n20\n0,5\n8:00\n16:00\n2026/27\n";

}  // namespace

TEST_CASE("a new file starts as the skeleton, answers are saved with progress shown") {
  const std::string path = new_answers_path("new");
  CommandResult r = interview(path, "Mein Titel\n01.08.2026\nq\n");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Abschnitt 1/5 \u2013 Dokumentangaben, Frage 1/2\nTitel der Vereinbarung\n"));
  CHECK(contains(r.out, "Abschnitt 1/5 \u2013 Dokumentangaben, Frage 2/2\nStand\n"));
  CHECK(contains(r.out, "Abschnitt 2/5 \u2013 Vertragspartner, Frage 1/4\n"));
  const std::string text = read_text(path);
  CHECK(contains(text, "  # Titel der Vereinbarung\n  # Text (eine Zeile) \u00B7 Pflichtangabe\n  titel: Mein Titel\n"));
  CHECK(contains(text, "  stand: 01.08.2026\n"));
  CHECK(answer(path, "meta.titel") == "Mein Titel");
  CHECK(answer(path, "meta.stand") == "1. August 2026");
  // Atomic writes leave no temporary files behind.
  CHECK(std::distance(std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()),
                      std::filesystem::directory_iterator{}) == 1);
}

TEST_CASE("an invalid entry is asked again with the reason") {
  const std::string path = new_answers_path("invalid");
  CommandResult r = interview(path, "T\n31.02.2026\nmorgen\n10.02.2026\nq\n");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Antwort: 31.02.2026\n  Ungültige Eingabe: dieses Datum gibt es nicht: „31.02.2026“."));
  CHECK(contains(r.out, "Antwort: morgen\n  Ungültige Eingabe: erwartet wird ein Datum wie 01.08.2026"));
  CHECK(count(r.out, "Frage 2/2\nStand\n") == 1);  // asked again, not announced again
  CHECK(answer(path, "meta.stand") == "10. Februar 2026");
}

TEST_CASE("? shows the help, choices are picked by number or text") {
  const std::string path = new_answers_path("help");
  CommandResult r = interview(path, "T\n-\nStadt\n?\n7\ncaritas/katholisch\nq\n");
  CHECK(contains(r.out, "  1) AWO\n  2) Caritas/katholisch\n"));
  CHECK(contains(r.out, "Antwort: ?\n  Zu dieser Frage gibt es keinen Hilfetext.\n  Art: Auswahl \u00B7 Pflichtangabe\n"));
  CHECK(contains(r.out, "Antwort: 7\n  Ungültige Eingabe: erwartet wird eine dieser Auswahlmöglichkeiten:"));
  CHECK(answer(path, "vertragspartner.traeger_art") == "Caritas/katholisch");
}

TEST_CASE("- skips (the section stays flagged) and < goes back one question") {
  const std::string path = new_answers_path("skip-back");
  // titel, skip stand, skip schultraeger_name, back to it, answer, back twice to stand.
  CommandResult r = interview(path, "T\n-\n-\n<\nStadt\n<\n<\n02.03.2026\n\nq\n");
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "Frage 2/2\nStand\n") == 2);
  CHECK(count(r.out, "Frage 1/4\nName des Schulträgers\n") == 4);
  CHECK(contains(r.out, "Antwort [bisher: Stadt]: \n  beibehalten\n"));
  CHECK(answer(path, "meta.stand") == "2. März 2026");
  CHECK(answer(path, "vertragspartner.schultraeger_name") == "Stadt");
  CHECK(answer(path, "vertragspartner.traeger_art") == "<none>");
  CommandResult check = run_kovgen({"check", path}, "", kEnv);
  CHECK(check.exit_code == 3);
  CHECK(contains(check.out, "unvollständig  Art des Trägers\n"));
  // "<" at the very first question stays there.
  CommandResult first = interview(new_answers_path("back-first"), "<\nq\n");
  CHECK(contains(first.out, "Das ist die erste Frage.\n"));
}

TEST_CASE("q saves and quits, run again, only the unanswered questions are asked, unless --all") {
  const std::string path = new_answers_path("resume");
  CommandResult first = interview(path, "T\n-\nStadt\nq\n");
  CHECK(first.exit_code == 0);
  CHECK(contains(first.out, "Gespeichert."));
  CHECK(answer(path, "vertragspartner.schultraeger_name") == "Stadt");

  CommandResult second = run_kovgen({"interview", path}, "q\n", kEnv);  // the template comes from the file
  CHECK(second.exit_code == 0);
  CHECK_FALSE(contains(second.out, "Titel der Vereinbarung"));
  CHECK(contains(second.out, "Frage 2/2\nStand\n"));
  CHECK(second.out.find("Frage 2/2\nStand\n") < second.out.find("Gespeichert."));

  CommandResult all = run_kovgen({"interview", "--all", path}, "\nq\n", kEnv);
  CHECK(contains(all.out, "Frage 1/2\nTitel der Vereinbarung\n  Text (eine Zeile) \u00B7 Pflichtangabe\nAntwort [bisher: T]: "));
  CHECK(answer(path, "meta.titel") == "T");
}

TEST_CASE("the end of input saves and quits") {
  const std::string path = new_answers_path("eof");
  CommandResult r = interview(path, "T\n01.08.2026\nStadt");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Eingabe beendet"));
  CHECK(answer(path, "vertragspartner.schultraeger_name") == "Stadt");
}

TEST_CASE("conditional questions are asked only when their condition holds") {
  const std::string no = new_answers_path("condition-no");
  CommandResult r = interview(no, "T\n-\nStadt\n1\nnein\nq\n");
  CHECK_FALSE(contains(r.out, "Name des Jugendamts"));
  CHECK(contains(r.out, "Abschnitt 3/5 \u2013 Finanzierung, Frage 1/4"));
  const std::string yes = new_answers_path("condition-yes");
  CommandResult y = interview(yes, "T\n-\nStadt\n1\nja\nKreisjugendamt\nq\n");
  CHECK(contains(y.out, "Frage 4/4\nName des Jugendamts\n"));
  CHECK(answer(yes, "vertragspartner.jugendamt_name") == "Kreisjugendamt");
}

TEST_CASE("a list is entered item by item, < takes back the last item") {
  const std::string path = new_answers_path("list");
  CommandResult r = interview(path, kUpToZiele + "Vereinbarkeit\nFalsch\n<\nFörderung\nInklusion\n\nq\n");
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Ziele\n  Liste \u00B7 Pflichtangabe\n  Ein Eintrag je Zeile; eine leere Eingabe beendet die Liste.\n"
                        "Eintrag 1: Vereinbarkeit\nEintrag 2: Falsch\nEintrag 3: <\nEintrag 2: Förderung\n"));
  CHECK(contains(read_text(path), "  ziele:\n    - Vereinbarkeit\n    - Förderung\n    - Inklusion\n  #  - erster Eintrag\n"));
  Answers a = answers_in(path);
  CHECK(a.find("zeiten.ziele")->items == std::vector<std::string>{"Vereinbarkeit", "Förderung", "Inklusion"});
  CHECK(a.find("finanzierung.eigenanteil_je_platz")->display() == "500,00\u00A0€");
  CHECK(a.find("finanzierung.vze")->display() == "0,5");
  CHECK(a.find("zeiten.beginn")->display() == "8:00 Uhr");
}

TEST_CASE("a table is entered entry by entry, field by field, each field validated") {
  const std::string path = new_answers_path("records");
  const std::string input = kUpToZiele + "Ziel\n\n"  // ziele
                            "Mehrere Absätze\n\nzweiter Absatz\n.\n"  // konzept (longtext)
                            "Rat\n26.03.2026\n"
                            "Schulkonferenz\nbald\n<\nSchulpflegschaft\n01.04.2026\n\n";
  CommandResult r = interview(path, input);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Eintrag 1 \u2013 Gremium: Rat\nEintrag 1 \u2013 Datum: 26.03.2026\nEintrag 2 \u2013 Gremium: "));
  CHECK(contains(r.out, "Eintrag 2 \u2013 Datum: bald\n  Ungültige Eingabe: erwartet wird ein Datum"));
  CHECK(contains(read_text(path),
                 "  gremien:\n    - gremium: Rat\n      datum: 26.03.2026\n    - gremium: Schulpflegschaft\n      datum: 01.04.2026\n"));
  Answers a = answers_in(path);
  const Value* rows = a.find("beschluss.gremien");
  REQUIRE(rows);
  REQUIRE(rows->rows.size() == 2);
  CHECK(rows->rows[1][0].second.text == "Schulpflegschaft");
  CHECK(a.find("zeiten.konzept")->text == "Mehrere Absätze\n\nzweiter Absatz");
  CHECK(contains(r.out, "Checkliste: 5 von 5 Abschnitten vollständig"));
  CHECK(run_kovgen({"check", path}, "", kEnv).exit_code == 0);

  // Resumed: nothing is left to ask.
  CommandResult again = run_kovgen({"interview", path}, "", kEnv);
  CHECK(contains(again.out, "Alle Fragen sind beantwortet."));
  // With --all, an empty first entry keeps the table as it was.
  std::string keep;
  for (int i = 0; i < 17; ++i) keep += "\n";
  CommandResult all = run_kovgen({"interview", "--all", path}, keep, kEnv);
  CHECK(contains(all.out, "    1) Gremium: Rat; Datum: 26. März 2026\n"));
  CHECK(answers_in(path).find("beschluss.gremien")->rows.size() == 2);
}

TEST_CASE("comments and key order of an existing file survive") {
  const std::string path = new_answers_path("comments");
  const std::string before =
      "# Unsere Antworten – bitte nicht löschen\n"
      "vorlage: mini\n"
      "finanzierung:   # vom Kämmerer\n"
      "  plaetze: 20 # Stand März\n"
      "meta:\n"
      "  stand: 2026-02-10\n"
      "  # Titel kommt noch\n";
  write_text(path, before);
  CommandResult r = run_kovgen({"interview", path}, "Neuer Titel\nq\n", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(read_text(path) ==
        "# Unsere Antworten – bitte nicht löschen\n"
        "vorlage: mini\n"
        "finanzierung:   # vom Kämmerer\n"
        "  plaetze: 20 # Stand März\n"
        "meta:\n"
        "  titel: Neuer Titel\n"
        "  stand: 2026-02-10\n"
        "  # Titel kommt noch\n");
}

TEST_CASE("a file with errors the interview cannot ask about is not touched, a wrong command line exits 2") {
  const std::string path = new_answers_path("errors");
  // An unknown key is no answer to ask again.
  write_text(path, "vorlage: mini\nfinanzierung:\n  platze: 3\n");
  CommandResult r = run_kovgen({"interview", path}, "x\n", kEnv);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, path + ":3:3: "));
  CHECK(contains(r.err, "bitte korrigieren Sie zuerst die Datei (kovgen check " + path + ")"));
  CHECK(r.out.empty());
  CHECK(read_text(path) == "vorlage: mini\nfinanzierung:\n  platze: 3\n");
  CHECK(run_kovgen({"interview"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"interview", new_answers_path("no-template")}, "", kEnv).exit_code == 2);
}

TEST_CASE("invalid answers in the file are asked first, with the old text and the reason, and valid ones are kept") {
  const std::string path = new_answers_path("invalid-first");
  write_text(path,
             "vorlage: mini\n"
             "meta:\n"
             "  titel: Bleibt\n"
             "  stand: 31.02.2026\n"
             "finanzierung:\n"
             "  eigenanteil_je_platz: \"12,500.00 €\"  # vom Kämmerer\n"
             "  plaetze: viele\n");
  // stand corrected, eigenanteil corrected, plaetze left as it is; then the open questions.
  CommandResult r = run_kovgen({"interview", path}, "01.03.2026\n12.500,00\n\nq\n", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Die Antwortdatei enthält 3 ungültige Angaben. Sie werden zuerst abgefragt"));
  CHECK(contains(r.out, "Frage 2/2\nStand\n  Datum (TT.MM.JJJJ) \u00B7 freiwillig\n  Bisher: \u201E31.02.2026\u201C \u2013 ungültig: "));
  CHECK(contains(r.out, "  Bisher: \u201E12,500.00 €\u201C \u2013 ungültig: "));
  CHECK(contains(r.out, "  Bisher: \u201Eviele\u201C \u2013 ungültig: "));
  CHECK(contains(r.out, "Antwort: \n  unverändert, weiterhin ungültig\n"));
  // In questionnaire order, then the first open question; the valid title is not asked.
  const size_t stand = r.out.find("\nStand\n"), geld = r.out.find("Kommunaler Eigenanteil je Platz\n"),
               plaetze = r.out.find("\nPlätze\n"), weiter = r.out.find("Weiter mit den übrigen Fragen."),
               schultraeger = r.out.find("Name des Schulträgers\n");
  CHECK(stand < geld);
  CHECK(geld < plaetze);
  CHECK(plaetze < weiter);
  CHECK(weiter < schultraeger);
  CHECK(schultraeger != std::string::npos);
  CHECK_FALSE(contains(r.out, "Titel der Vereinbarung"));
  CHECK(count(r.out, "\nPlätze\n") == 1);  // left invalid, not asked a second time
  // What is left invalid is reported as render reports it.
  CHECK(contains(r.err, path + ":7:12: finanzierung.plaetze („Plätze“): "));
  CHECK(contains(r.err, path + ": 1 Angabe ist noch ungültig; „render“ lehnt die Datei ab"));
  const std::string text = read_text(path);
  CHECK(contains(text, "  stand: 01.03.2026\n"));
  CHECK(contains(text, "  eigenanteil_je_platz: 12500.00  # vom Kämmerer\n"));
  CHECK(contains(text, "  plaetze: viele\n"));
  CHECK(contains(text, "  titel: Bleibt\n"));

  // Run again: only plaetze is invalid; x clears it, and the file reads without errors.
  CommandResult again = run_kovgen({"interview", path}, "x\nq\n", kEnv);
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "Die Antwortdatei enthält 1 ungültige Angabe. Sie wird zuerst abgefragt"));
  CHECK(contains(again.out, "Antwort: x\n  gelöscht\n"));
  CHECK(again.err.empty());
  CHECK(answer(path, "finanzierung.plaetze") == "<none>");
  CHECK(answer(path, "finanzierung.eigenanteil_je_platz") == "12.500,00\u00A0€");
  CHECK(answer(path, "meta.stand") == "1. März 2026");
}

TEST_CASE("an invalid list or table is shown with every error and entered anew") {
  const std::string path = new_answers_path("invalid-table");
  write_text(path,
             "vorlage: mini\n"
             "beschluss:\n"
             "  gremien:\n"
             "    - {gremium: Rat, datum: bald}\n"
             "    - {gremium: Schulkonferenz, datum: 26.03.2026}\n");
  CommandResult r = run_kovgen({"interview", path}, "Rat\n26.03.2026\n\nq\n", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Gremienbeschlüsse\n  Tabelle (Einträge mit Feldern) \u00B7 freiwillig\n  Bisher ungültig:\n    " +
                            path + ":4:29: beschluss.gremien.datum"));
  // The entry without errors stays, the new one follows it.
  CHECK(contains(r.out, "  1 Eintrag ohne Fehler bleibt erhalten:\n    1) Gremium: Schulkonferenz; Datum: 26. März 2026\n"
                        "  Bitte geben Sie die fehlerhaften Einträge neu ein.\n"));
  CHECK(contains(r.out, "Eintrag 2 \u2013 Gremium: Rat\n"));
  const Answers a = answers_in(path);
  const Value* rows = a.find("beschluss.gremien");
  REQUIRE(rows);
  REQUIRE(rows->rows.size() == 2);
  CHECK(rows->rows[0][0].second.text == "Schulkonferenz");
  CHECK(rows->rows[1][0].second.text == "Rat");

  // An empty first entry leaves the table as it was, still invalid.
  write_text(path, "vorlage: mini\nbeschluss:\n  gremien:\n    - {gremium: Rat, datum: bald}\n");
  CommandResult kept = run_kovgen({"interview", path}, "\nq\n", kEnv);
  CHECK(contains(kept.out, "Eintrag 1 \u2013 Gremium: \n  unverändert, weiterhin ungültig\n"));
  CHECK(read_text(path) == "vorlage: mini\nbeschluss:\n  gremien:\n    - {gremium: Rat, datum: bald}\n");
}

TEST_CASE("--nur-pflicht asks only the required questions that are open or invalid") {
  const std::string path = new_answers_path("required");
  write_text(path, "vorlage: mini\nmeta:\n  stand: gestern\nfinanzierung:\n  plaetze: viele\n  vze: 0.5\n");
  // plaetze (invalid, required) first; stand (invalid, optional) is not asked.
  CommandResult r = run_kovgen({"interview", "--nur-pflicht", path},
                               "20\nT\nStadt\n1\n500\n8:00\n16:00\nZiel\n\n", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Die Antwortdatei enthält 1 ungültige Angabe."));
  CHECK(r.out.find("\nPlätze\n") < r.out.find("Titel der Vereinbarung"));
  for (const char* optional : {"\nStand\n", "Jugendamt ist Vertragspartei", "Jährliche Steigerung",
                               "Leitungsanteil", "Erstes Schuljahr", "Pädagogisches Konzept", "Gremienbeschlüsse"})
    CHECK_MESSAGE(!contains(r.out, optional), optional);
  CHECK(contains(r.out, "Name des Schulträgers\n"));
  CHECK(contains(r.out, "\nZiele\n"));
  const std::string text = read_text(path);
  CHECK(contains(text, "  plaetze: 20\n"));
  CHECK(contains(text, "  ziele:\n    - Ziel\n"));
  CHECK(contains(text, "  stand: gestern\n"));  // invalid but optional: not asked, not touched

  // Nothing required is left open.
  CommandResult again = run_kovgen({"interview", "--nur-pflicht", path}, "", kEnv);
  CHECK(contains(again.out, "Alle Pflichtangaben sind beantwortet."));
  // With --all as well, every required question, answered or not.
  CommandResult all = run_kovgen({"interview", "--nur-pflicht", "--all", path}, "\n\nq\n", kEnv);
  CHECK(contains(all.out, "Titel der Vereinbarung\n"));
  CHECK(contains(all.out, "Name des Schulträgers\n"));
  CHECK_FALSE(contains(all.out, "\nStand\n"));
}

TEST_CASE("read_answers_to_fix keeps each invalid answer with its own errors") {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  auto t = cache.get("mini", diag);
  REQUIRE(t);
  const std::string text =
      "vorlage: mini\nmeta:\n  titel: T\n  stand: 31.02.2026\nfinanzierung:\n  plaetze: [1, 2]\n  unbekannt: 1\n";
  auto root = parse_yaml(text, "a.yaml", diag);
  REQUIRE(root);
  AnswersToFix read = read_answers_to_fix(*root, t->questionnaire, "a.yaml", diag);
  CHECK(diag.error_count() == 3);  // stand, plaetze and the unknown key
  CHECK(read.answers.find("meta.titel"));
  REQUIRE(read.invalid.size() == 2);
  CHECK(read.invalid[0].full_key == "meta.stand");
  CHECK(read.invalid[0].old_text == "31.02.2026");
  REQUIRE(read.invalid[0].errors.size() == 1);
  CHECK(read.invalid[0].errors[0].where.line == 4);
  CHECK(contains(read.invalid[0].errors[0].message, "meta.stand"));
  CHECK(read.invalid[1].full_key == "finanzierung.plaetze");
  CHECK(read.invalid[1].old_text.empty());  // a list where a number belongs
  CHECK(read.invalid[1].errors.size() == 1);
}

TEST_CASE("the invalid answers come first, and a line editor is offered the old text") {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  auto t = cache.get("mini", diag);
  REQUIRE(t);
  const std::string text = "vorlage: mini\nmeta:\n  titel: T\nfinanzierung:\n  plaetze: viele\n";
  auto root = parse_yaml(text, "a.yaml", diag);
  REQUIRE(root);
  AnswersToFix read = read_answers_to_fix(*root, t->questionnaire, "a.yaml", diag);
  struct EditingIO : InterviewIO {
    std::vector<std::string> lines{"viel", "12", "q"};
    std::vector<std::pair<std::string, std::string>> asked;  // prompt, offered text
    size_t next = 0;
    std::string out;
    std::optional<std::string> read_line(std::string_view prompt, std::string_view edit) override {
      asked.emplace_back(prompt, edit);
      if (next == lines.size()) return std::nullopt;
      return lines[next++];
    }
    void write(std::string_view text) override { out += text; }
  } io;
  std::string saved;
  InterviewOutcome o = run_interview(
      t->questionnaire, text, read.answers, io,
      [&](const std::string& yaml) {
        saved = yaml;
        return true;
      },
      InterviewOptions{}, read.invalid);
  CHECK(o.end == InterviewOutcome::End::quit);
  REQUIRE(io.asked.size() == 3);
  CHECK(io.asked[0] == std::pair<std::string, std::string>{"Answer: ", "viele"});
  CHECK(io.asked[1] == std::pair<std::string, std::string>{"Answer: ", "viel"});  // the mistake, to correct
  CHECK(contains(io.out, "  Previously: \"viele\" \u2013 invalid: "));
  CHECK(contains(io.out, "Section 3/5 \u2013 Finanzierung, question 3/4\nPlätze\n"));
  CHECK(contains(io.out, "On with the other questions.\n"));
  CHECK(contains(saved, "  plaetze: 12\n"));
  CHECK(o.answers.find("finanzierung.plaetze")->number == 12);

  // Sent back unchanged, as the line editor offered it, the old text stays as it was.
  io.lines = {"viele", "q"};
  io.next = 0;
  io.out.clear();
  saved.clear();
  run_interview(
      t->questionnaire, text, read.answers, io,
      [&](const std::string& yaml) {
        saved = yaml;
        return true;
      },
      InterviewOptions{}, read.invalid);
  CHECK(contains(io.out, "  unchanged, still invalid\n"));
  CHECK_FALSE(contains(io.out, "Invalid input"));
  CHECK(saved.empty());
}

TEST_CASE("when saving fails, the interview stops") {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  auto t = cache.get("mini", diag);
  REQUIRE(t);
  struct ScriptedIO : InterviewIO {
    std::vector<std::string> lines{"T", "01.08.2026"};
    size_t next = 0;
    std::string out;
    std::optional<std::string> read_line(std::string_view prompt, std::string_view) override {
      out += prompt;
      if (next == lines.size()) return std::nullopt;
      return lines[next++];
    }
    void write(std::string_view text) override { out += text; }
  } io;
  int saves = 0;
  InterviewOutcome o = run_interview(t->questionnaire, "vorlage: mini\n", Answers{}, io,
                                     [&](const std::string&) { return ++saves < 1; }, InterviewOptions{});
  CHECK(o.end == InterviewOutcome::End::save_failed);
  CHECK(o.answered == 0);
  CHECK(o.yaml_text == "vorlage: mini\n");
  CHECK(io.next == 1);
}

TEST_CASE("each finished table entry is saved at once, before the table is done") {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  std::string text = read_text(source_dir() + "/tests/data/mini-complete.yaml");
  text = text.substr(0, text.find("beschluss:"));
  auto loaded = load_answers(text, "a.yaml", "", cache, diag);
  REQUIRE(loaded);
  struct ScriptedIO : InterviewIO {
    std::vector<std::string> lines{"-", "Rat", "26.03.2026", "Schulkonferenz", "q"};  // "-": zeiten.konzept
    size_t next = 0;
    std::optional<std::string> read_line(std::string_view, std::string_view) override {
      if (next == lines.size()) return std::nullopt;
      return lines[next++];
    }
    void write(std::string_view) override {}
  } io;
  std::vector<std::pair<size_t, std::string>> saves;  // lines read so far, text saved
  InterviewOutcome o = run_interview(
      loaded->tmpl->questionnaire, text, loaded->answers, io,
      [&](const std::string& yaml) {
        saves.emplace_back(io.next, yaml);
        return true;
      },
      InterviewOptions{});
  CHECK(o.end == InterviewOutcome::End::quit);
  REQUIRE(saves.size() == 2);
  CHECK(saves[0].first == 3);
  CHECK(contains(saves[0].second, "beschluss:\n  gremien:\n    - gremium: Rat\n      datum: 26.03.2026\n"));
  // On q, the started entry is kept too.
  CHECK(contains(saves[1].second, "    - gremium: Schulkonferenz\n"));
  CHECK(o.answered == 1);
}

TEST_CASE("a JSON answers file is refused before any question is asked") {
  const std::string path = fresh_temp_dir("interview-json") + "/answers.json";
  write_text(path, "{\"vorlage\": \"mini\", \"meta\": {\"titel\": \"T\"}}\n");
  CommandResult r = run_kovgen({"interview", path}, "x\n", kEnv);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "das Interview braucht eine Antwortdatei im YAML-Format"));
  CHECK(r.out.empty());
}

TEST_CASE("x clears an answer, of a single question or a whole list, render then flags it again") {
  const std::string path = new_answers_path("clear");
  CHECK(interview(path, kUpToZiele + "Vereinbarkeit\nFörderung\n\nq\n").exit_code == 0);
  REQUIRE(answer(path, "vertragspartner.schultraeger_name") == "Stadt");
  REQUIRE(answer(path, "zeiten.ziele") != "<none>");

  // --all asks titel, stand, then the Schulträger: keep, keep, clear; later the list.
  CommandResult r = run_kovgen({"interview", "--all", path},
                               "\n\nx\n\n\n\n\n\n\n\n\n\nx\nq\n", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Antwort [bisher: Stadt]: "));
  CHECK(contains(r.out, "  gelöscht\n"));
  CHECK(contains(r.out, "  Liste gelöscht\n"));
  CHECK(answer(path, "vertragspartner.schultraeger_name") == "<none>");
  CHECK(answer(path, "zeiten.ziele") == "<none>");
  CHECK(answer(path, "meta.titel") == "T");  // kept
  CHECK(contains(read_text(path), "  schultraeger_name:"));  // the key stays as a reminder

  // Without an answer there is nothing to clear: "x" is then an ordinary entry.
  const std::string fresh = new_answers_path("clear-nothing");
  CHECK(interview(fresh, "x\nq\n").exit_code == 0);
  CHECK(answer(fresh, "meta.titel") == "x");
}

TEST_CASE("a backslash makes a command character an answer, in a question and in a list") {
  const std::string path = new_answers_path("escaped");
  // titel "q", stand kept empty, ..., then the first list item "x": typed as \q and \x.
  CHECK(interview(path, "\\q\n-\nq\n").exit_code == 0);
  CHECK(answer(path, "meta.titel") == "q");
  CHECK(interview(path, kUpToZiele.substr(kUpToZiele.find('\n') + 1) + "\\x\n\\-\n\nq\n").exit_code == 0);
  CHECK(answer(path, "zeiten.ziele") == "x und -");
  // Without the backslash, q still quits.
  CHECK(interview(new_answers_path("escaped-plain"), "q\n").exit_code == 0);
}

TEST_CASE("an invalid old text with control characters is not offered to a line editor") {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  auto t = cache.get("mini", diag);
  REQUIRE(t);
  // A bell character: typed into a line editor, it would be taken for a key.
  const std::string text = "vorlage: mini\nfinanzierung:\n  plaetze: \"1\\a2\"\n";
  auto root = parse_yaml(text, "a.yaml", diag);
  REQUIRE(root);
  AnswersToFix read = read_answers_to_fix(*root, t->questionnaire, "a.yaml", diag);
  REQUIRE(read.invalid.size() == 1);
  struct EditingIO : InterviewIO {
    std::vector<std::string> offered;
    std::optional<std::string> read_line(std::string_view, std::string_view edit) override {
      offered.emplace_back(edit);
      return std::nullopt;
    }
    void write(std::string_view) override {}
  } io;
  run_interview(t->questionnaire, text, read.answers, io, [](const std::string&) { return true; }, InterviewOptions{},
                read.invalid);
  REQUIRE(io.offered.size() == 1);
  CHECK(io.offered[0].empty());
}
