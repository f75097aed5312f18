// CSV dialects as users really have them: encodings, separators, quoting, line
// ends, trailing columns, and the quirks of the NRW school list.
#include <doctest/doctest.h>

#include "csv_reader.h"

using namespace kovgen;

namespace {

struct Parsed {
  char separator = 0;
  std::vector<CsvRecord> records;
  std::string errors;
};

Parsed parse(const std::string& text) {
  Parsed p;
  CsvReader reader(text, "s.csv");
  p.separator = reader.separator();
  Diagnostics diag;
  CsvRecord r;
  while (reader.next(r, diag)) p.records.push_back(r);
  p.errors = diag.to_string();
  return p;
}

std::vector<std::string> fields(const std::string& text, size_t record) {
  Parsed p = parse(text);
  REQUIRE(record < p.records.size());
  return p.records[record].fields;
}

std::string decode(const std::string& bytes, std::string* encoding = nullptr, std::string* errors = nullptr) {
  Diagnostics diag;
  auto d = decode_csv_bytes(bytes, "s.csv", diag);
  if (errors) *errors = diag.to_string();
  if (!d) return "<error>";
  if (encoding) *encoding = d->encoding;
  return d->text;
}

using Row = std::vector<std::string>;

}  // namespace

TEST_CASE("encodings: UTF-8 with and without BOM, Windows-1252, UTF-16") {
  std::string enc;
  CHECK(decode("Ort;Straße\n", &enc) == "Ort;Straße\n");
  CHECK(enc == "UTF-8");
  CHECK(decode("\xEF\xBB\xBFOrt;Straße\n", &enc) == "Ort;Straße\n");
  CHECK(enc == "UTF-8 with BOM");
  // Excel on German Windows: ä = E4, ß = DF, € = 80, „“ = 84 93, – = 96.
  CHECK(decode("K\xE4mpen;Stra\xDF" "e;5 \x80;\x84Z\x93 \x96 x\n", &enc) == "Kämpen;Straße;5 €;„Z“ – x\n");
  CHECK(enc == "Windows-1252");
  // Excel's "Unicode text": UTF-16LE with BOM.
  CHECK(decode(std::string("\xFF\xFE" "a\0;\0\xE4\0\n\0", 10), &enc) == "a;ä\n");
  CHECK(enc == "UTF-16LE");
  CHECK(decode(std::string("\xFE\xFF\0a\0;\0\xE4", 8), &enc) == "a;ä");
  CHECK(enc == "UTF-16BE");
}

TEST_CASE("text mixing UTF-8 and other bytes is reported, not garbled") {
  std::string errors;
  CHECK(decode("Straße;K\xE4mpen\n", nullptr, &errors) == "<error>");
  CHECK(errors == "s.csv:1:9: invalid UTF-8 (byte 0xE4); save the file as UTF-8\n");
  CHECK(decode(std::string("a;b\0c\n", 6), nullptr, &errors) == "<error>");
  CHECK(errors.find("NUL byte") != std::string::npos);
}

TEST_CASE("the separator is detected: semicolon, comma, tab, ties go to semicolon") {
  CHECK(parse("a;b;c\n1;2;3\n").separator == ';');
  CHECK(parse("a,b,c\n1,2,3\n").separator == ',');
  CHECK(parse("a\tb\tc\n1\t2\t3\n").separator == '\t');
  // Separators inside quotes do not count.
  CHECK(parse("\"x;y;z\",b,c\n").separator == ',');
  CHECK(parse("name\nHans\n").separator == ';');
  CHECK(parse("a,b;c\n").separator == ';');
  CHECK(fields("a,b,c\n1,\"2,5\",3\n", 1) == Row{"1", "2,5", "3"});
}

TEST_CASE("Excel's sep= line is honoured and skipped, quoted or not") {
  Parsed p = parse("sep=,\na,b;c\n1,2;3\n");
  CHECK(p.separator == ',');
  REQUIRE(p.records.size() == 2);
  CHECK(p.records[0].fields == Row{"a", "b;c"});
  CHECK(p.records[0].line == 2);
  CHECK(parse("\"sep=;\"\r\na;b\r\n").records[0].fields == Row{"a", "b"});
  CHECK(parse("SEP=;\na,b;c\n").separator == ';');
  // A header that merely starts with "sep=" is data.
  CHECK(parse("sep=x;y\n").records[0].fields == Row{"sep=x", "y"});
}

TEST_CASE("quoted fields hold separators, doubled quotes and line breaks") {
  Parsed p = parse("a;b;c\n\"x;y\";\"sagte \"\"ja\"\"\";\"Zeile 1\r\nZeile 2\nZeile 3\"\nnext;2;3\n");
  REQUIRE(p.records.size() == 3);
  CHECK(p.records[1].fields == Row{"x;y", "sagte \"ja\"", "Zeile 1\nZeile 2\nZeile 3"});
  // Row numbers are physical lines, so they match the editor after a multi-line field.
  CHECK(p.records[1].line == 2);
  CHECK(p.records[2].line == 5);
  CHECK(p.errors.empty());
  CHECK(fields("\"\";\"\"\"\"\n", 0) == Row{"", "\""});
  // Quotes inside an unquoted field are literal; blanks before an opening quote are tolerated.
  CHECK(fields("sep=;\n5\" Zoll; \"b\" ;c\n", 0) == Row{"5\" Zoll", "b", "c"});
}

TEST_CASE("CRLF, LF and CR line ends, no line end at the end of the file") {
  for (const std::string& nl : {std::string("\r\n"), std::string("\n"), std::string("\r")}) {
    CAPTURE(nl.size());
    Parsed p = parse("a;b" + nl + "1;2" + nl + "3;4");
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[2].fields == Row{"3", "4"});
    CHECK(p.records[2].line == 3);
  }
}

TEST_CASE("blank lines and rows of empty fields are skipped") {
  Parsed p = parse("a;b\n\n;;\n1;2\n \n;\n");
  REQUIRE(p.records.size() == 2);
  CHECK(p.records[1].fields == Row{"1", "2"});
  CHECK(p.records[1].line == 4);
}

TEST_CASE("a quote that is never closed is reported at the line it opened") {
  Parsed p = parse("a;b\n1;\"offen\n2;3\n");
  CHECK(p.errors == "s.csv:2: the quote (\") opened here is never closed; the rest of the file was not read\n");
  CHECK(p.records.size() == 2);
}

TEST_CASE("the header: trimmed names, empty trailing columns dropped, duplicates reported") {
  Diagnostics diag;
  auto h = make_csv_header({1, {" Schulnummer ", "Ort", "", ""}}, "s.csv", diag);
  REQUIRE(h);
  CHECK(h->names == Row{"Schulnummer", "Ort"});
  CHECK(h->index_of("Ort") == 1);
  CHECK(h->index_of("ort") == -1);
  CHECK(CsvHeader::field({2, {"1"}}, 1).empty());  // rows shorter than the header

  CHECK_FALSE(make_csv_header({1, {"a", "", "b"}}, "s.csv", diag));
  CHECK_FALSE(make_csv_header({1, {"a", "b", "a"}}, "s.csv", diag));
  CHECK(diag.to_string() ==
        "s.csv:1:2: column 2 has no name in the header row\n"
        "s.csv:1:3: column \u201Ea\u201C appears twice in the header row\n");
}

TEST_CASE("rows may have empty trailing columns, but no values beyond the header") {
  CsvHeader h{{"a", "b"}, 1};
  Diagnostics diag;
  CHECK(check_row_width({2, {"1", "2", "", " "}}, h, "s.csv", diag));
  CHECK(check_row_width({2, {"1"}}, h, "s.csv", diag));
  CHECK_FALSE(check_row_width({3, {"1", "2", "x"}}, h, "s.csv", diag));
  CHECK(diag.to_string() ==
        "s.csv:3:3: row has a value in column 3 but the header names only 2 columns (a separator too many?)\n");
}

TEST_CASE("the NRW school list: sep line, every field quoted, header ending with a separator") {
  const std::string text =
      "sep=;\r\n"
      "\"Schulnummer\";\"Schulform\";\"Schulbezeichnung_1\";\"Schulbezeichnung_2\";\"Ort\";\r\n"
      "\"100001\";\"02\";\"Städt. Gemeinschaftsgrundschule\";\"Lindenschule\";\"Musterhausen\"\r\n"
      "\"100002\";\"04\";\"Städt. Hauptschule\";\"\";\"Musterhausen\"\r\n";
  CsvReader reader(text, "schuldaten.csv");
  CHECK(reader.had_sep_line());
  Diagnostics diag;
  CsvRecord r;
  REQUIRE(reader.next(r, diag));
  auto h = make_csv_header(r, "schuldaten.csv", diag);
  REQUIRE(h);
  CHECK(h->names.size() == 5);
  CHECK(h->line == 2);
  REQUIRE(reader.next(r, diag));
  CHECK(check_row_width(r, *h, "schuldaten.csv", diag));
  CHECK(CsvHeader::field(r, h->index_of("Schulform")) == "02");
  CHECK(CsvHeader::field(r, h->index_of("Schulbezeichnung_2")) == "Lindenschule");
  REQUIRE(reader.next(r, diag));
  CHECK(r.line == 4);
  CHECK_FALSE(reader.next(r, diag));
  CHECK(diag.to_string().empty());
}

TEST_CASE("header and cells come out in NFC, whatever the encoding, so columns match the mapping") {
  // "Größe" with ö as o + U+0308, as a list saved on macOS has it.
  std::string enc;
  CHECK(decode("Ort;Gro\xCC\x88\xC3\x9F" "e\nK\xC3\xB6ln;gro\xCC\x88\xC3\x9F\n", &enc) == "Ort;Größe\nKöln;größ\n");
  CHECK(enc == "UTF-8");
  CHECK(decode("\xEF\xBB\xBFGro\xCC\x88\xC3\x9F" "e\n") == "Größe\n");
}
