// Every kind of answer error, with its exact message and location.
#include <doctest/doctest.h>

#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

TemplateLibrary test_library() {
  return {test::source_dir() + "/tests/data/templates", test::source_dir() + "/tests/data/fragments"};
}

// Loads answers text against the mini template and returns the messages.
std::string errors_of(const std::string& yaml) {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  auto loaded = load_answers(yaml, "answers.yaml", "mini", cache, diag);
  CHECK_FALSE(loaded.has_value());
  return diag.to_string();
}

}  // namespace

TEST_CASE("a wrong type names file, line, column, key and label") {
  CHECK(errors_of("finanzierung:\n  eigenanteil_je_platz: viel\n") ==
        "answers.yaml:2:25: finanzierung.eigenanteil_je_platz (\u201EKommunaler Eigenanteil je Platz\u201C): "
        "expected an amount in EUR such as 1.105,00 €, got \"viel\"\n");
}

TEST_CASE("every value type rejects what it cannot read") {
  CHECK(errors_of("meta:\n  stand: 31.02.2026\n") ==
        "answers.yaml:2:10: meta.stand (\u201EStand\u201C): no such date: \"31.02.2026\"\n");
  CHECK(errors_of("meta:\n  stand: morgen\n") ==
        "answers.yaml:2:10: meta.stand (\u201EStand\u201C): expected a date such as 01.08.2026 or 2026-08-01, got \"morgen\"\n");
  CHECK(errors_of("zeiten:\n  beginn: '25:00'\n") ==
        "answers.yaml:2:11: zeiten.beginn (\u201EBeginn\u201C): no such time: \"25:00\"\n");
  CHECK(errors_of("finanzierung:\n  plaetze: 20000\n") ==
        "answers.yaml:2:12: finanzierung.plaetze (\u201EPlätze\u201C): value out of range (allowed: 0 to 10.000)\n");
  CHECK(errors_of("finanzierung:\n  plaetze: 12,5\n") ==
        "answers.yaml:2:12: finanzierung.plaetze (\u201EPlätze\u201C): expected a whole number such as 1.200, got \"12,5\"\n");
  CHECK(errors_of("finanzierung:\n  steigerung: viel\n") ==
        "answers.yaml:2:15: finanzierung.steigerung (\u201EJährliche Steigerung\u201C): expected a percentage such as 3 or 2,5 %, got \"viel\"\n");
  CHECK(errors_of("vertragspartner:\n  jugendamt_beteiligt: vielleicht\n") ==
        "answers.yaml:2:24: vertragspartner.jugendamt_beteiligt (\u201EJugendamt ist Vertragspartei\u201C): "
        "expected ja or nein (true/false), got \"vielleicht\"\n");
  CHECK(errors_of("zeiten:\n  ziele: keine Liste\n") ==
        "answers.yaml:2:10: zeiten.ziele (\u201EZiele\u201C): expected a list (one item per line, each starting with \"- \")\n");
  CHECK(errors_of("zeiten:\n  schuljahr: 2026/28\n") ==
        "answers.yaml:2:14: zeiten.schuljahr (\u201EErstes Schuljahr\u201C): expected consecutive years such as 2026/27, got \"2026/28\"\n");
  CHECK(errors_of("meta:\n  titel: [a, b]\n") ==
        "answers.yaml:2:10: meta.titel (\u201ETitel der Vereinbarung\u201C): expected text (one line), got a list\n");
}

TEST_CASE("a wrong choice suggests the nearest allowed value") {
  CHECK(errors_of("vertragspartner:\n  traeger_art: Caritas\n") ==
        "answers.yaml:2:16: vertragspartner.traeger_art (\u201EArt des Trägers\u201C): expected one of \"AWO\", "
        "\"Caritas/katholisch\", \"Diakonie/evangelisch\", \"sonstiger Träger\", got \"Caritas\"; did you mean "
        "\"Caritas/katholisch\"?\n");
}

TEST_CASE("unknown sections and keys get a suggestion") {
  CHECK(errors_of("finanzirung:\n  plaetze: 3\n") ==
        "answers.yaml:1:1: unknown key \"finanzirung\" in the answers of template mini; did you mean \"finanzierung\"?\n");
  CHECK(errors_of("finanzierung:\n  eigenanteil: 3\n") ==
        "answers.yaml:2:3: unknown key \"eigenanteil\" in section finanzierung; did you mean \"eigenanteil_je_platz\"?\n");
  CHECK(errors_of("beschluss:\n  gremien:\n    - {gremium: Rat, dautm: 2026-01-01}\n") ==
        "answers.yaml:3:22: unknown key \"dautm\" in the entries of beschluss.gremien; did you mean \"datum\"?\n");
}

TEST_CASE("duplicate keys, broken syntax and bad bytes are errors") {
  CHECK(errors_of("meta:\n  titel: a\n  titel: b\n") ==
        "answers.yaml:3:3: duplicate key \"titel\"; give each key once\n  3 |   titel: b\n    |   ^\n");
  CHECK(errors_of("meta:\n  titel: [a\n").find("answers.yaml:2:10: the square bracket \"[\" opened here is never closed") == 0);
  // A broken byte in a UTF-8 file (one that has UTF-8 elsewhere); a file with no
  // UTF-8 at all is read as Windows-1252 instead.
  CHECK(errors_of("meta:\n  titel: \xC3\xA4 \xC3\x28\n") ==
        "answers.yaml:2:12: invalid UTF-8 (byte 0xC3); save the file as UTF-8\n");
  CHECK(errors_of("meta:\n\ttitel: a\n").find("answers.yaml:2:") == 0);
  CHECK(errors_of("meta:\n  titel: \"a\\x01b\"\n") ==
        "answers.yaml:2:10: meta.titel (\u201ETitel der Vereinbarung\u201C): control character in value \"a\\x01b\"; remove it\n");
}

TEST_CASE("all problems of a file are reported in one run") {
  const std::string errors = errors_of(
      "meta:\n  stand: 31.02.2026\nfinanzierung:\n  eigenanteil_je_platz: viel\n  plaetze: -1\nfoo: 1\n");
  int lines = 0;
  for (char c : errors) lines += c == '\n';
  CHECK(lines == 4);
}

TEST_CASE("the template comes from the file or the command line") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  CHECK(load_answers("vorlage: mini\n", "a.yaml", "", cache, diag).has_value());
  CHECK_FALSE(load_answers("meta: {titel: x}\n", "a.yaml", "", cache, diag).has_value());
  CHECK(diag.to_string() == "a.yaml:1:1: which template? Name it in the file (\"vorlage: ogs\") or pass --template\n");
  Diagnostics unknown;
  CHECK_FALSE(load_answers("vorlage: mnii\n", "a.yaml", "", cache, unknown).has_value());
  CHECK(unknown.to_string() ==
        "a.yaml:1:10: unknown template \"mnii\"; did you mean \"mini\"? (run 'kovgen templates' to list them)\n");
}

TEST_CASE("values in German and YAML forms are both accepted") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  auto loaded = load_answers(
      "finanzierung:\n  eigenanteil_je_platz: \"12.500,50 €\"\n  steigerung: 2,5 %\n  plaetze: 2.793\n"
      "  vze: 0,5\nzeiten:\n  beginn: 8.00 Uhr\n  schuljahr: 2026/2027\nmeta:\n  stand: 1.8.2026\n",
      "a.yaml", "mini", cache, diag);
  REQUIRE(loaded.has_value());
  const Answers& a = loaded->answers;
  CHECK(a.find("finanzierung.eigenanteil_je_platz")->number == 1250050);
  CHECK(a.find("finanzierung.steigerung")->display() == "2,5\u00A0%");
  CHECK(a.find("finanzierung.plaetze")->number == 2793);
  CHECK(a.find("finanzierung.vze")->real == doctest::Approx(0.5));
  CHECK(a.find("zeiten.beginn")->number == 480);
  CHECK(a.find("zeiten.schuljahr")->display() == "2026/27");
  CHECK(a.find("meta.stand")->display() == "1. August 2026");
}

TEST_CASE("CSV-style text answers set typed values and report errors") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  auto t = cache.get("mini", diag);
  REQUIRE(t);
  Answers a;
  CHECK(set_answer_from_text(a, t->questionnaire, "zeiten.ziele", "A; B ;;C", {"s.csv", 3, 2}, diag));
  CHECK(a.find("zeiten.ziele")->items == std::vector<std::string>{"A", "B", "C"});
  CHECK_FALSE(set_answer_from_text(a, t->questionnaire, "finanzierung.plaetze", "viele", {"s.csv", 3, 4}, diag));
  CHECK_FALSE(set_answer_from_text(a, t->questionnaire, "finanzierung.platze", "1", {"s.csv", 3, 5}, diag));
  CHECK(diag.to_string() ==
        "s.csv:3:4: finanzierung.plaetze (\u201EPlätze\u201C): expected a whole number such as 1.200, got \"viele\"\n"
        "s.csv:3:5: unknown question \"finanzierung.platze\"; did you mean \"finanzierung.plaetze\"?\n");
}

TEST_CASE("JSON answers are read like YAML, with locations") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  auto loaded = load_answers("{\"vorlage\": \"mini\", \"meta\": {\"titel\": \"T\", \"stand\": \"2026-08-01\"}}",
                             "a.json", "", cache, diag);
  REQUIRE(loaded.has_value());
  CHECK(loaded->answers.find("meta.stand")->display() == "1. August 2026");
  CHECK(errors_of("{\"meta\": {\"stand\": \"2026-02-30\"}}") ==
        "answers.yaml:1:20: meta.stand (\u201EStand\u201C): no such date: \"2026-02-30\"\n");
}

TEST_CASE("numbers in German and plain notation, and what is not a number") {
  Question integer{.key = "n", .full_key = "s.n", .label = "N", .type = QuestionType::integer};
  Question decimal{.key = "d", .full_key = "s.d", .label = "D", .type = QuestionType::decimal};
  Question money{.key = "m", .full_key = "s.m", .label = "M", .type = QuestionType::money};
  std::string error;
  CHECK(parse_scalar(integer, "1.234", &error)->number == 1234);
  CHECK(parse_scalar(integer, "1.234.567", &error)->number == 1234567);
  CHECK(parse_scalar(integer, "-12", &error)->number == -12);
  CHECK_FALSE(parse_scalar(integer, "1.5", &error));
  CHECK_FALSE(parse_scalar(integer, "1.2345", &error));
  CHECK_FALSE(parse_scalar(integer, "12a", &error));
  CHECK(parse_scalar(decimal, "1234.5", &error)->real == doctest::Approx(1234.5));
  CHECK(parse_scalar(decimal, "1.234.567,89", &error)->real == doctest::Approx(1234567.89));
  CHECK(parse_scalar(decimal, "0,25", &error)->real == doctest::Approx(0.25));
  CHECK_FALSE(parse_scalar(decimal, "1.23,4", &error));
  CHECK_FALSE(parse_scalar(decimal, "1,2,3", &error));
  CHECK_FALSE(parse_scalar(decimal, "", &error));
  CHECK(parse_scalar(money, "1.434,00 €", &error)->number == 143400);
  CHECK(parse_scalar(money, "EUR 7500", &error)->number == 750000);
  CHECK_FALSE(parse_scalar(money, "12,345", &error));
  CHECK(error == "expected an amount in EUR with at most two decimals, got \"12,345\" (for 12.345,00 € write 12.345)");
}

TEST_CASE("an NFD answers file (as macOS writes it) is read as NFC: choices match, text is composed") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  // "sonstiger Träger" and "Übergang" with a + U+0308 and U+0308 after U.
  auto loaded = load_answers("vertragspartner:\n  traeger_art: sonstiger Tra\xCC\x88ger\n"
                             "  schultraeger_name: Stadt U\xCC\x88" "bach\n",
                             "a.yaml", "mini", cache, diag);
  REQUIRE_MESSAGE(loaded.has_value(), diag.to_string());
  CHECK(loaded->answers.find("vertragspartner.traeger_art")->text == "sonstiger Träger");
  CHECK(loaded->answers.find("vertragspartner.schultraeger_name")->text == "Stadt Übach");
}

TEST_CASE("choices ignore case (Unicode case folding) and keep the template's spelling") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  auto loaded = load_answers("vertragspartner:\n  traeger_art: SONSTIGER TRÄGER\n", "a.yaml", "mini", cache, diag);
  REQUIRE_MESSAGE(loaded.has_value(), diag.to_string());
  CHECK(loaded->answers.find("vertragspartner.traeger_art")->text == "sonstiger Träger");
  CHECK(errors_of("vertragspartner:\n  traeger_art: Sonstiger Trager\n") ==
        "answers.yaml:2:16: vertragspartner.traeger_art (\u201EArt des Trägers\u201C): expected one of \"AWO\", "
        "\"Caritas/katholisch\", \"Diakonie/evangelisch\", \"sonstiger Träger\", got \"Sonstiger Trager\"; did you "
        "mean \"sonstiger Träger\"?\n");
}

TEST_CASE("answers files in UTF-16 or Windows-1252 are read, a UTF-8 BOM is skipped") {
  TemplateCache cache(test::real_disk(), test_library());
  const std::string yaml = "vertragspartner:\n  traeger_art: sonstiger Tr\xE4ger\n";  // Latin-1 ä
  auto traeger_art = [&](const std::string& bytes) {
    Diagnostics diag;
    auto loaded = load_answers(bytes, "a.yaml", "mini", cache, diag);
    if (!loaded) return "<error> " + diag.to_string();
    return loaded->answers.find("vertragspartner.traeger_art")->text;
  };
  CHECK(traeger_art(yaml) == "sonstiger Träger");  // Windows-1252
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : yaml) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  CHECK(traeger_art(le) == "sonstiger Träger");
  CHECK(traeger_art(be) == "sonstiger Träger");
  CHECK(traeger_art("\xEF\xBB\xBFvertragspartner:\n  traeger_art: AWO\n") == "AWO");
}
