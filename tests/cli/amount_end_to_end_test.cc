// "12.500 €" typed by a coordinator is twelve thousand five hundred euros in
// every output: Markdown, DOCX (read by pandoc) and PDF (read by pdftotext), from
// an answers file and from a CSV cell in batch.
#include <doctest/doctest.h>

#include <string>

#include "test_support.h"

using namespace kovgen::test;

namespace {

// pdftotext and pandoc keep the no-break space before "€"; compare with plain spaces.
std::string plain_spaces(std::string text) {
  for (size_t p; (p = text.find("\u00A0")) != std::string::npos;) text.replace(p, 2, " ");
  return text;
}

std::string with_state_funding(const std::string& amount) {
  std::string answers = read_text(source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
  const std::string line = "kommunaler_pflichtanteil: 584,01";
  const size_t at = answers.find(line);
  REQUIRE(at != std::string::npos);
  return answers.replace(at, line.size(), "kommunaler_pflichtanteil: " + amount);
}

}  // namespace

TEST_CASE("an amount written 12.500 € reads as 12.500,00 € in Markdown, DOCX and PDF") {
  REQUIRE(have_program("pandoc"));
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("amount-end-to-end");
  for (const std::string amount : {"\"12.500 €\"", "12.500", "\"12500,00\""}) {
    CAPTURE(amount);
    write_text(dir + "/antworten.yaml", with_state_funding(amount));
    CommandResult r = run_kovgen({"render", dir + "/antworten.yaml", "--out", dir, "--name", "e"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(plain_spaces(read_text(dir + "/e.md")).find("| Kommunaler Pflichtanteil | 12.500,00 € im Schuljahr 2026/27 |") !=
          std::string::npos);

    CommandResult docx = run_command({"pandoc", "-f", "docx", "-t", "plain", dir + "/e.docx"});
    REQUIRE(docx.exit_code == 0);
    CHECK(plain_spaces(docx.out).find("12.500,00 €") != std::string::npos);
    // Misread as 12,50 €; Anlage 3's products of 12.500,00 € (such as 2.512,50 €) are no misreading.
    CHECK(plain_spaces(docx.out).find(" 12,50 €") == std::string::npos);

    CommandResult pdf = run_command({"pdftotext", dir + "/e.pdf", "-"});
    REQUIRE(pdf.exit_code == 0);
    CHECK(plain_spaces(pdf.out).find("12.500,00 €") != std::string::npos);
    CHECK(plain_spaces(pdf.out).find(" 12,50 €") == std::string::npos);
  }
}

TEST_CASE("an amount written 12.500 in a CSV cell reads as 12.500,00 € in batch") {
  const std::string dir = fresh_temp_dir("amount-batch");
  write_text(dir + "/schulen.csv", "id;name;finanzierung.kommunaler_pflichtanteil\n1;GGS Lindenschule;12.500\n");
  CommandResult r = run_kovgen({"batch", "--base", source_dir() + "/samples/batch/basis.yaml", "--schools",
                                dir + "/schulen.csv", "--out", dir + "/out", "-f", "md"});
  // 3: the base leaves sections open for the schools to fill in.
  REQUIRE_MESSAGE(r.exit_code == 3, r.err);
  const std::string markdown = read_text(dir + "/out/1-ggs-lindenschule/1-ggs-lindenschule.md");
  CHECK(plain_spaces(markdown).find("| Kommunaler Pflichtanteil | 12.500,00 € im Schuljahr 2026/27 |") != std::string::npos);
}
