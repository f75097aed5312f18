// School names from the NRW school list (MSB) as a contract names them: the
// shipped mapping on the list's real name shapes, and the functions behind it.
#include <doctest/doctest.h>

#include "batch_mapping.h"
#include "batch_pattern.h"
#include "pipeline.h"
#include "school_name.h"
#include "test_support.h"

using namespace kovgen;

TEST_CASE("school_name joins the parts and drops the stage decoration, nothing else") {
  CHECK(school_name("Städt. Gemeinschaftsgrundschule Am Friedenspark - Primarstufe -") ==
        "Städt. Gemeinschaftsgrundschule Am Friedenspark");
  CHECK(school_name("Städt. Gesamtschule  \u2013 Sekundarstufe I und II \u2013  ") == "Städt. Gesamtschule");
  CHECK(school_name("GGS Regenbogenschule -Primarstufe-") == "GGS Regenbogenschule");
  // Hyphens inside names, and a single dash, are part of the name.
  CHECK(school_name("Max-Planck-Gymnasium") == "Max-Planck-Gymnasium");
  CHECK(school_name("Grundschule Nord - Teilstandort Süd") == "Grundschule Nord - Teilstandort Süd");
  CHECK(school_name("  Städt.   Kath.  Grundschule  ") == "Städt. Kath. Grundschule");
  CHECK(school_name("").empty());
}

TEST_CASE("school_name_with_an: an with the article of the noun, declined adjectives, abbreviations kept") {
  CHECK(school_name_with_an("Städt. Gemeinschaftsgrundschule Am Friedenspark") ==
        "an der Städt. Gemeinschaftsgrundschule Am Friedenspark");
  CHECK(school_name_with_an("Städt. Katholische Grundschule St. Martin") ==
        "an der Städt. Katholischen Grundschule St. Martin");
  CHECK(school_name_with_an("Evangelische Grundschule") == "an der Evangelischen Grundschule");
  CHECK(school_name_with_an("Städtisches Gymnasium An der Linde") == "am Städtischen Gymnasium An der Linde");
  CHECK(school_name_with_an("Städt. Gymnasium An der Linde") == "am Städt. Gymnasium An der Linde");
  CHECK(school_name_with_an("Bischöfliches Berufskolleg") == "am Bischöflichen Berufskolleg");
  CHECK(school_name_with_an("Max-Planck-Gymnasium") == "am Max-Planck-Gymnasium");
  CHECK(school_name_with_an("Anne-Frank-Schule") == "an der Anne-Frank-Schule");
  CHECK(school_name_with_an("GRUNDSCHULE AM SEE") == "an der GRUNDSCHULE AM SEE");
  // No noun it knows, or words it cannot decline: quoted, never guessed.
  CHECK(school_name_with_an("Kinderinsel") == "an der Schule \u201EKinderinsel\u201C");
  CHECK(school_name_with_an("Johannes Grundschule") == "an der Schule \u201EJohannes Grundschule\u201C");
  CHECK(school_name_with_an("").empty());
}

TEST_CASE("pattern functions join columns with + and pass them through | schulname or | schulname_mit_an") {
  const CsvHeader header{{"Schulbezeichnung_1", "Schulbezeichnung_2", "Schulbezeichnung_3", "Ort"}, 1};
  Diagnostics diag;
  auto title = ColumnPattern::parse(
      "{Schulbezeichnung_1 + Schulbezeichnung_2+Schulbezeichnung_3 | schulname_mit_an} in {Ort}", header, {}, diag);
  REQUIRE_MESSAGE(title.has_value(), diag.to_string());
  CHECK(title->columns() == std::vector<int>{0, 1, 2, 3});
  CHECK(title->describe(header) ==
        "columns \u201ESchulbezeichnung_1\u201C, \u201ESchulbezeichnung_2\u201C, \u201ESchulbezeichnung_3\u201C, "
        "\u201EOrt\u201C");
  CHECK(title->expand({2, {"Städt. Katholische Grundschule", "", "St. Martin", "Musterhausen"}}) ==
        "an der Städt. Katholischen Grundschule St. Martin in Musterhausen");
  auto name = ColumnPattern::parse("{Schulbezeichnung_1+Schulbezeichnung_2 |schulname}", header, {}, diag);
  REQUIRE(name);
  CHECK(name->expand({2, {"Städt. GGS", "- Primarstufe -", "", ""}}) == "Städt. GGS");
  CHECK(name->expand({2, {"", "", "", "X"}}).empty());
  auto joined = ColumnPattern::parse("{Schulbezeichnung_1 + Schulbezeichnung_2}", header, {}, diag);
  REQUIRE(joined);
  CHECK(joined->expand({2, {"A", "B", "", ""}}) == "A B");

  Diagnostics bad;
  CHECK_FALSE(ColumnPattern::parse("{Schulbezeichnung_1 | schulnahme}", header, {"m.yaml", 4, 3}, bad));
  CHECK_FALSE(ColumnPattern::parse("{Schulbezeichnung_1 | gross}", header, {"m.yaml", 5, 3}, bad));
  CHECK_FALSE(ColumnPattern::parse("{Schulbezeichnung_1 + | schulname}", header, {"m.yaml", 6, 3}, bad));
  CHECK_FALSE(ColumnPattern::parse("{Schulbezeichnung_1 + Schulbezeichung_2}", header, {"m.yaml", 7, 3}, bad));
  CHECK(bad.to_string() ==
        "m.yaml:4:3: unknown function \"schulnahme\" in \"{Schulbezeichnung_1 | schulnahme}\"; did you mean "
        "\"schulname\"? The functions are schulname and schulname_mit_an\n"
        "m.yaml:5:3: unknown function \"gross\" in \"{Schulbezeichnung_1 | gross}\"; the functions are schulname and "
        "schulname_mit_an\n"
        "m.yaml:6:3: a column name is missing in \"{Schulbezeichnung_1 + | schulname}\"\n"
        "m.yaml:7:3: no column \u201ESchulbezeichung_2\u201C in the school list; did you mean \"Schulbezeichnung_2\"?\n");
}

TEST_CASE("the shipped NRW mapping titles each agreement with the school's name and town") {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto base = load_answers_file(test::source_dir() + "/samples/batch/basis.yaml", "", cache, diag);
  REQUIRE_MESSAGE(base, diag.to_string());
  const std::string map_file = test::source_dir() + "/samples/batch/nrw-schulliste.map.yaml";
  auto map = parse_mapping(test::read_text(map_file), map_file, diag);
  REQUIRE_MESSAGE(map, diag.to_string());
  // The official list's header and its name shapes: one column with the stage
  // decoration, a name split over all three columns, an umlaut in NFD.
  const std::string csv =
      "Schulnummer;Schulform;Schulbezeichnung_1;Schulbezeichnung_2;Schulbezeichnung_3;Kurzbezeichnung;PLZ;Ort;"
      "Strasse\n"
      "100001;02;Städt. Gemeinschaftsgrundschule Am Friedenspark - Primarstufe -;;;Leverkusen, GG Am Friedenspark;"
      "51379;Leverkusen;Am Friedenspark 1\n"
      "100002;02;Städt. Katholische;Grundschule;St. Martin;Köln, KG St. Martin;50667;Köln;Domstraße 2\n"
      "100003;02;Sta\xCC\x88" "dt. Gemeinschaftsgrundschule;Am Bach;- Primarstufe -;Bonn, GG Am Bach;53111;Bonn;\n";
  auto decoded = decode_csv_bytes(csv, "s.csv", diag);
  REQUIRE(decoded);
  CsvReader reader(decoded->text, "s.csv");
  CsvRecord first;
  REQUIRE(reader.next(first, diag));
  auto header = make_csv_header(first, "s.csv", diag);
  REQUIRE(header);
  auto mapper = RowMapper::make(&*map, *header, base->tmpl->questionnaire, "s.csv", diag);
  REQUIRE_MESSAGE(mapper, diag.to_string());

  struct Expected {
    std::string title, name;
  };
  const std::vector<Expected> expected = {
      {"Kooperationsvereinbarung über die Offene Ganztagsschule an der Städt. Gemeinschaftsgrundschule Am "
       "Friedenspark in Leverkusen",
       "Städt. Gemeinschaftsgrundschule Am Friedenspark"},
      {"Kooperationsvereinbarung über die Offene Ganztagsschule an der Städt. Katholischen Grundschule St. Martin "
       "in Köln",
       "Städt. Katholische Grundschule St. Martin"},
      {"Kooperationsvereinbarung über die Offene Ganztagsschule an der Städt. Gemeinschaftsgrundschule Am Bach in "
       "Bonn",
       "Städt. Gemeinschaftsgrundschule Am Bach"}};
  for (const auto& e : expected) {
    CsvRecord r;
    REQUIRE(reader.next(r, diag));
    CAPTURE(r.line);
    Answers a = base->answers;
    REQUIRE_MESSAGE(mapper->apply(r, a, diag), diag.to_string());
    CHECK(a.find("meta.titel")->text == e.title);
    CHECK(mapper->name_of(r) == e.name);
    const Value* schools = a.find("vertragspartner.schulen");
    REQUIRE(schools);
    REQUIRE(schools->rows.size() == 1);
    for (const auto& [key, value] : schools->rows[0])
      if (key == "name") CHECK(value.text == e.name);
    const Value* sites = a.find("gegenstand.standorte");
    REQUIRE(sites);
    for (const auto& [key, value] : sites->rows[0])
      if (key == "schule") CHECK(value.text == e.name);
  }
}
