// How school-list rows become answers: which value wins, mapping files, table
// fields, filters, and the messages for bad rows.
#include <doctest/doctest.h>

#include "batch_filter.h"
#include "batch_mapping.h"
#include "mini_template.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

const char* const kBase =
    "vorlage: mini\n"
    "meta: {titel: Basis-Titel}\n"
    "vertragspartner: {schultraeger_name: Stadt Musterhausen, traeger_art: AWO}\n"
    "finanzierung: {eigenanteil_je_platz: 567, plaetze: 100}\n"
    "zeiten: {beginn: '8:00', ende: '16:00', ziele: [Vereinbarkeit]}\n"
    "beschluss:\n"
    "  gremien:\n"
    "    - {gremium: Rat, datum: 2026-03-26}\n"
    "    - {gremium: Schulausschuss, datum: 2026-03-12}\n";

struct Fixture {
  TemplateCache cache{test::real_disk(), test::mini_library()};
  std::optional<LoadedAnswers> base;
  std::optional<CsvHeader> header;
  std::vector<CsvRecord> rows;
  Diagnostics diag;

  explicit Fixture(const std::string& csv) {
    base = load_answers(kBase, "base.yaml", "", cache, diag);
    REQUIRE(base);
    CsvReader reader(csv, "s.csv");
    CsvRecord r;
    REQUIRE(reader.next(r, diag));
    header = make_csv_header(r, "s.csv", diag);
    REQUIRE(header);
    while (reader.next(r, diag)) rows.push_back(r);
  }

  std::optional<RowMapper> mapper(const std::string& map_yaml = "") {
    if (map_yaml.empty()) return RowMapper::make(nullptr, *header, base->tmpl->questionnaire, "s.csv", diag);
    auto map = parse_mapping(map_yaml, "m.yaml", diag);
    REQUIRE(map);
    return RowMapper::make(&*map, *header, base->tmpl->questionnaire, "s.csv", diag);
  }

  // The merged answers of row i (base + row), or nullopt with the messages in diag.
  std::optional<Answers> merged(const RowMapper& m, size_t i) {
    Answers a = base->answers;
    if (!m.apply(rows.at(i), a, diag)) return std::nullopt;
    return a;
  }
};

std::string text_of(const Answers& a, const std::string& key) {
  const Value* v = a.find(key);
  return v ? v->canonical() : "<none>";
}

}  // namespace

TEST_CASE("a row's values override the base, empty cells keep the base value") {
  Fixture f("id;finanzierung.plaetze;zeiten.ziele;meta.stand\n1;200;\"Förderung; Inklusion\";\n2;;;01.08.2026\n");
  auto m = f.mapper();
  REQUIRE(m);
  auto a = f.merged(*m, 0);
  REQUIRE(a);
  CHECK(text_of(*a, "finanzierung.plaetze") == "200");        // the row wins
  CHECK(text_of(*a, "zeiten.ziele") == "Förderung und Inklusion");  // lists split at ";"
  CHECK(text_of(*a, "finanzierung.eigenanteil_je_platz") == "567.00");  // not in the row: base
  CHECK(text_of(*a, "meta.stand") == "<none>");
  CHECK(a->find("finanzierung.plaetze")->where.line == 2);
  auto b = f.merged(*m, 1);
  REQUIRE(b);
  CHECK(text_of(*b, "finanzierung.plaetze") == "100");  // empty cell: base
  CHECK(text_of(*b, "zeiten.ziele") == "Vereinbarkeit");
  CHECK(text_of(*b, "meta.stand") == "2026-08-01");
  // The base itself is never changed by a row.
  CHECK(text_of(f.base->answers, "finanzierung.plaetze") == "100");
}

TEST_CASE("id and name come from the columns id (or Schulnummer) and name") {
  Fixture f("Schulnummer;name;Bemerkung\n100001; GGS Lindenschule ;x\n");
  auto m = f.mapper();
  REQUIRE(m);
  CHECK(m->id_of(f.rows[0]) == "100001");
  CHECK(m->name_of(f.rows[0]) == " GGS Lindenschule ");
  CHECK(m->unused_columns() == std::vector<std::string>{"Bemerkung"});
}

TEST_CASE("a mapping renames columns and builds values from several columns") {
  Fixture f("Nr;Name_1;Name_2;Plätze;Strasse;PLZ;Ort\n"
            "7;GGS;Am Bach;60;Bachstr. 1;41061;Musterhausen\n"
            "8;KGS;;;;;Musterhausen\n"
            "9;;;;;;\n");
  auto m = f.mapper(
      "kennung: 'S{Nr}'\n"
      "name: '{Name_1} {Name_2}'\n"
      "spalten:\n  Plätze: finanzierung.plaetze\n"
      "werte:\n"
      "  meta.titel: 'Vereinbarung {Name_1} {Name_2}'\n"
      "  vertragspartner.schultraeger_name: '{Strasse}, {PLZ} {Ort}'\n"
      "  zeiten.konzept: 'Konzept {{Anlage}} für {Name_2}'\n");
  REQUIRE(m);
  CHECK(m->id_of(f.rows[0]) == "S7");
  CHECK(m->name_of(f.rows[0]) == "GGS Am Bach");
  auto a = f.merged(*m, 0);
  REQUIRE(a);
  CHECK(text_of(*a, "finanzierung.plaetze") == "60");
  CHECK(text_of(*a, "meta.titel") == "Vereinbarung GGS Am Bach");
  CHECK(text_of(*a, "vertragspartner.schultraeger_name") == "Bachstr. 1, 41061 Musterhausen");
  CHECK(text_of(*a, "zeiten.konzept") == "Konzept {Anlage} für Am Bach");
  // Empty columns leave no stray blanks or commas.
  auto b = f.merged(*m, 1);
  REQUIRE(b);
  CHECK(m->name_of(f.rows[1]) == "KGS");
  CHECK(text_of(*b, "vertragspartner.schultraeger_name") == "Musterhausen");
  CHECK(text_of(*b, "zeiten.konzept") == "<none>");  // every named column empty: no value, base kept
  auto c = f.merged(*m, 2);
  REQUIRE(c);
  CHECK(text_of(*c, "meta.titel") == "Basis-Titel");
}

TEST_CASE("a table's fields from columns make one entry that replaces the base's table") {
  Fixture f("id;beschluss.gremien.gremium;beschluss.gremien.datum\n1;Schulkonferenz;24.02.2026\n2;;\n3;Rat;morgen\n");
  auto m = f.mapper();
  REQUIRE(m);
  auto a = f.merged(*m, 0);
  REQUIRE(a);
  const Value* g = a->find("beschluss.gremien");
  REQUIRE(g);
  REQUIRE(g->rows.size() == 1);
  CHECK(g->rows[0].size() == 2);
  CHECK(g->rows[0][0].second.text == "Schulkonferenz");
  CHECK(g->rows[0][1].second.canonical() == "2026-02-24");
  auto b = f.merged(*m, 1);
  REQUIRE(b);
  CHECK(b->find("beschluss.gremien")->rows.size() == 2);  // empty cells: the base's table
  CHECK_FALSE(f.merged(*m, 2));
  CHECK(f.diag.to_string() ==
        "s.csv:4:3: column \u201Ebeschluss.gremien.datum\u201C: beschluss.gremien.datum (\u201EDatum\u201C): "
        "expected a date such as 01.08.2026 or 2026-08-01, got \"morgen\"\n");
}

TEST_CASE("a bad value names row, column and question, and every bad value of the row is reported") {
  Fixture f("id;Plätze;vertragspartner.traeger_art\n1;viele;Caritas\n");
  auto m = f.mapper("spalten: {Plätze: finanzierung.plaetze}\n");
  REQUIRE(m);
  CHECK_FALSE(f.merged(*m, 0));
  CHECK(f.diag.to_string() ==
        "s.csv:2:2: column \u201EPlätze\u201C: finanzierung.plaetze (\u201EPlätze\u201C): expected a whole number such as 1.200, got "
        "\"viele\"\n"
        "s.csv:2:3: column \u201Evertragspartner.traeger_art\u201C: vertragspartner.traeger_art (\u201EArt des "
        "Trägers\u201C): expected one of \"AWO\", \"Caritas/katholisch\", \"Diakonie/evangelisch\", \"sonstiger Träger\", got "
        "\"Caritas\"; did you mean \"Caritas/katholisch\"?\n");
}

TEST_CASE("mistakes in the header or mapping are found before any row is read") {
  auto errors_of = [](const std::string& csv, const std::string& map) {
    Fixture f(csv);
    std::optional<MappingFile> parsed = map.empty() ? std::nullopt : parse_mapping(map, "m.yaml", f.diag);
    if (map.empty() || parsed)
      CHECK_FALSE(RowMapper::make(parsed ? &*parsed : nullptr, *f.header, f.base->tmpl->questionnaire, "s.csv", f.diag));
    return f.diag.to_string();
  };
  CHECK(errors_of("id;finanzierung.platze\n", "") ==
        "s.csv:1:2: unknown question \"finanzierung.platze\" in template mini; did you mean \"finanzierung.plaetze\"?\n");
  CHECK(errors_of("beschluss.gremien\n", "") ==
        "s.csv:1:1: beschluss.gremien (\u201EGremienbeschlüsse\u201C): a table comes from columns naming its fields, "
        "e.g. beschluss.gremien.gremium\n");
  CHECK(errors_of("Plätze;finanzierung.plaetze\n", "spalten: {Plätze: finanzierung.plaetze}\n") ==
        "s.csv:1:2: finanzierung.plaetze is set by two columns or patterns\n");
  CHECK(errors_of("Plaetze\n", "spalten: {Plätze: finanzierung.plaetze}\n") ==
        "m.yaml:1:11: no column \u201EPlätze\u201C in the school list; did you mean \"Plaetze\"?\n");
  CHECK(errors_of("Ort\n", "werte: {meta.titel: 'OGS {Ortt}'}\nname: '{Ort'\n") ==
        "m.yaml:1:9: no column \u201EOrtt\u201C in the school list; did you mean \"Ort\"?\n"
        "m.yaml:2:7: \"{\" without \"}\" in \"{Ort\"\n");
  CHECK(errors_of("Ort\n", "werte: {meta.titel: Fester Titel}\n") ==
        "m.yaml:1:9: \"Fester Titel\" names no column in braces; put fixed values in the base file\n");
  CHECK(errors_of("Ort\n", "spalte: {Ort: meta.titel}\n") ==
        "m.yaml:1:1: unknown key \"spalte\" in the mapping file; did you mean \"spalten\"?\n");
}

TEST_CASE("--where selects rows: all columns must match, any value of a column may") {
  Fixture f("Schulform;Ort\n02;Musterhausen\n04;Musterhausen\n02;Beispielstadt\n 2 ;Musterhausen\n");
  auto selected = [&](const std::vector<std::string>& where) {
    auto filter = RowFilter::make(where, *f.header, f.diag);
    REQUIRE(filter);
    std::string out;
    for (size_t i = 0; i < f.rows.size(); ++i)
      if (filter->matches(f.rows[i])) out += std::to_string(i + 1);
    return out;
  };
  CHECK(selected({}) == "1234");
  CHECK(selected({"Schulform=02"}) == "134");  // numbers compare as numbers: " 2 " is 02
  CHECK(selected({"Schulform=02", "Ort=Musterhausen"}) == "14");
  CHECK(selected({"Schulform=02", "Schulform=04", "Ort=Musterhausen"}) == "124");
  CHECK(selected({"Ort=musterhausen"}).empty());  // text is compared exactly
  CHECK(f.diag.to_string().empty());
  CHECK_FALSE(RowFilter::make({"Schulfrom=02", "Ort"}, *f.header, f.diag));
  CHECK(f.diag.to_string() ==
        "kovgen: --where \"Schulfrom=02\": no column \u201ESchulfrom\u201C in the school list; did you mean \"Schulform\"?\n"
        "kovgen: --where \"Ort\": expected COLUMN=VALUE, e.g. --where Schulform=02\n");
}

TEST_CASE("--where values typed in NFD (a macOS terminal) match the list's NFC text") {
  Fixture f("Ort\nKöln\nKoeln\n");
  auto filter = RowFilter::make({"Ort=Ko\xCC\x88ln"}, *f.header, f.diag);
  REQUIRE(filter);
  CHECK(filter->matches(f.rows[0]));
  CHECK_FALSE(filter->matches(f.rows[1]));
}
