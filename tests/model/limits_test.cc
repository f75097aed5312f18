// The documented limits (docs/limits.md), each with its error, and the inputs that
// crashed or hung kovgen before those limits existed, reproduced through the
// library API (regressions from fuzzing and the bad-input catalogue).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "batch_mapping.h"
#include "csv_reader.h"
#include "docx_writer.h"
#include "file_io.h"
#include "markdown_tree.h"
#include "pdf_writer.h"
#include "pipeline.h"
#include "test_support.h"
#include "text_match.h"

using namespace kovgen;

namespace {

TemplateLibrary test_library() {
  return {test::source_dir() + "/tests/data/templates", test::source_dir() + "/tests/data/fragments"};
}

// Loads answers for the mini template; the messages, or "" when accepted.
std::string errors_of(const std::string& yaml, const std::string& tmpl = "mini") {
  TemplateCache cache(test::real_disk(), test_library());
  Diagnostics diag;
  auto loaded = load_answers(yaml, "answers.yaml", tmpl, cache, diag);
  CHECK(loaded.has_value() == !diag.has_errors());
  return diag.to_string();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string writer_errors(const std::string& markdown, bool pdf) {
  MarkdownTree tree = parse_markdown(markdown);
  WriterOptions options;
  options.source_name = "entwurf.md";
  Diagnostics diag;
  auto bytes = pdf ? write_pdf(tree.get(), options, diag) : write_docx(tree.get(), options, diag);
  CHECK(bytes.has_value() == !diag.has_errors());
  return diag.to_string();
}

}  // namespace

TEST_CASE("limits: a value over 64 KiB is refused") {
  const std::string ok(kMaxTextBytes, 'x');
  CHECK(errors_of("meta:\n  titel: " + ok + "\n") == "");
  CHECK(errors_of("meta:\n  titel: " + ok + "x\n") ==
        "answers.yaml:2:10: meta.titel (\u201ETitel der Vereinbarung\u201C): value too long (65537 bytes; at most 65536)\n");
}

TEST_CASE("limits: lists and tables hold at most 1000 entries") {
  std::string items, rows;
  for (size_t i = 0; i < kMaxListItems; ++i) items += "    - Ziel\n";
  for (size_t i = 0; i <= kMaxListItems; ++i) rows += "    - {gremium: Rat, datum: 2026-02-24}\n";
  CHECK(errors_of("zeiten:\n  ziele:\n" + items) == "");
  CHECK(contains(errors_of("zeiten:\n  ziele:\n" + items + "    - eins zu viel\n"),
                 "answers.yaml:3:5: zeiten.ziele (\u201EZiele\u201C): too many items (at most 1000)"));
  CHECK(contains(errors_of("beschluss:\n  gremien:\n" + rows),
                 "beschluss.gremien (\u201EGremienbeschl\u00FCsse\u201C): too many entries (at most 1000)"));
}

TEST_CASE("regression: an amount of 400 digits threw std::out_of_range from std::stod") {
  CHECK(contains(errors_of("finanzierung:\n  eigenanteil_je_platz: " + std::string(400, '9') + "\n"),
                 "answers.yaml:2:25: finanzierung.eigenanteil_je_platz (\u201EKommunaler Eigenanteil je Platz\u201C): "
                 "value too long for the type amount in euros (400 characters; at most 64)"));
  // Within 64 characters, the number is refused as such (std::stod cannot overflow).
  CHECK(contains(errors_of("finanzierung:\n  eigenanteil_je_platz: " + std::string(60, '9') + "\n"),
                 "answers.yaml:2:25: finanzierung.eigenanteil_je_platz"));
}

TEST_CASE("regression: an amount of 60 000 digits overflowed the stack in std::regex") {
  CHECK(contains(errors_of("finanzierung:\n  eigenanteil_je_platz: " + std::string(60000, '1') + "\n"),
                 "value too long for the type amount in euros (60000 characters; at most 64)"));
  CHECK(contains(errors_of("meta:\n  stand: " + std::string(60000, '1') + "\n"), "value too long for the type date"));
}

TEST_CASE("regression: whole numbers beyond 15 digits threw from std::stoll") {
  CHECK(contains(errors_of("finanzierung:\n  plaetze: 1.000.000.000.000.000.000\n"),
                 "answers.yaml:2:12: finanzierung.plaetze (\u201EPl\u00E4tze\u201C): number too large"));
  CHECK(contains(errors_of("finanzierung:\n  plaetze: 99999999999999999999\n"), "number too large"));
}

TEST_CASE("limits: an alias bomb is refused at its first anchor, before anything expands") {
  // 1000 table rows, each the same row of two 60 KB texts: 120 MB if expanded.
  std::string yaml = "meta:\n  titel: &t \"" + std::string(60000, 'x') + "\"\nbeschluss:\n  gremien:\n";
  yaml += "    - &row {gremium: *t, datum: 2026-02-24}\n";
  for (int i = 0; i < 999; ++i) yaml += "    - *row\n";
  const auto start = std::chrono::steady_clock::now();
  const std::string errors = errors_of(yaml);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(contains(errors, "answers.yaml:2:10: YAML anchors (&name) are not supported"));
}

TEST_CASE("regression: a quote left open at the end of a mapping file swallowed the following lines") {
  // yaml-cpp, which read mapping files, took every line after the quote into the value.
  Diagnostics diag;
  CHECK_FALSE(parse_mapping("kennung: \"{Schulnummer}\nname: Schulname\n", "m.yaml", diag));
  CHECK(contains(diag.to_string(), "m.yaml:1:10: the quotation mark opened here is never closed"));
  Diagnostics single;
  CHECK_FALSE(parse_mapping("kennung: '{Nr}\nname: 1\n", "m.yaml", single));
  // Closed quotes, escaped quotes and quotes inside plain text are fine.
  Diagnostics fine;
  CHECK(parse_mapping("kennung: \"x \\\" y\"\nname: 'it''s'\nwerte:\n  Sag \"hallo: meta.titel\n", "m.yaml", fine));
  CHECK_FALSE(fine.has_errors());
}

TEST_CASE("limits: a mapping file nested too deeply is an error, not a crash") {
  Diagnostics diag;
  CHECK_FALSE(parse_mapping("werte: " + std::string(5000, '[') + std::string(5000, ']') + "\n", "m.yaml", diag));
  CHECK(contains(diag.to_string(), "m.yaml:1:"));
  CHECK(contains(diag.to_string(), "nested too deeply (at most 32 levels)"));
}

TEST_CASE("regression: Markdown nested 50 000 levels deep overflowed the stack in both writers") {
  for (bool pdf : {false, true}) {
    CAPTURE(pdf);
    CHECK(contains(writer_errors("# T\n\n" + std::string(50000, '>') + " tief\n", pdf),
                   "entwurf.md:3:33: Markdown nested too deeply (more than 32 levels"));
    std::string lists;
    for (int i = 0; i < 20000; ++i) lists += "- ";
    CHECK(contains(writer_errors(lists + "tief\n", pdf), "Markdown nested too deeply"));
    CHECK(contains(writer_errors(std::string(30000, '*') + "x" + std::string(30000, '*') + "\n", pdf),
                   "Markdown nested too deeply"));
    // Fifteen nested lists (list and item are two levels each) are fine.
    std::string nested;
    for (int i = 0; i < 15; ++i) nested += std::string(2 * i, ' ') + "- x\n";
    CHECK(writer_errors(nested, pdf) == "");
  }
}

TEST_CASE("regression: an unknown template was reported without a location") {
  CHECK(errors_of("vorlage: mnii\nmeta:\n  titel: T\n", "") ==
        "answers.yaml:1:10: unknown template \"mnii\"; did you mean \"mini\"? (run 'kovgen templates' to list them)\n");
}

TEST_CASE("regression: a key of a megabyte made the nearest-key search quadratic") {
  const auto start = std::chrono::steady_clock::now();
  // An explicit key ("? "): YAML allows implicit keys of at most 1024 characters.
  const std::string errors = errors_of("meta:\n  ? " + std::string(1 << 20, 'k') + "\n  : 1\n");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(contains(errors, "answers.yaml:2:5: unknown key \"" + std::string(60, 'k') + "\u2026\" in section meta\n"));
}

TEST_CASE("limits: input files over 64 MiB are refused before reading") {
  const std::string dir = test::fresh_temp_dir("limits_large");
  const std::string path = dir + "/gross.yaml";
  test::write_text(path, "vorlage: mini\n");
  std::filesystem::resize_file(path, kMaxInputFileBytes + 1);
  Diagnostics diag;
  CHECK_FALSE(read_file(path, diag));
  CHECK(diag.to_string() == path + ": file too large (64 MiB; at most 64 MiB)\n");
}

TEST_CASE("limits: a CSV row holds at most 1000 columns") {
  const std::string ok = "a" + std::string(kMaxCsvColumns - 1, ';') + "\n";
  const std::string wide = "a" + std::string(20 * kMaxCsvColumns, ';') + "\n1;2\n";
  Diagnostics diag;
  CsvRecord record;
  CsvReader fine(ok, "s.csv");
  CHECK(fine.next(record, diag));
  CHECK(record.fields.size() == kMaxCsvColumns);
  CHECK_FALSE(diag.has_errors());
  CsvReader reader(wide, "s.csv");
  CHECK_FALSE(reader.next(record, diag));
  CHECK(diag.to_string() == "s.csv:1:1001: more than 1000 columns in one row; the rest of the file was not read\n");
}

TEST_CASE("regression: a heading whose glyphs made a font subset end on a 4096-byte boundary gave no PDF") {
  // libharu failed to embed the bold face for exactly these letters (fuzz/pdf_fuzz.cc).
  for (const char* markdown : {"# diLehr\n", "## diLehr\n", "# rheLid\n"}) {
    CAPTURE(markdown);
    CHECK(writer_errors(markdown, true) == "");
  }
}
