// Anlage 3's totals and the Beschlussvorlage's own share are the same in Markdown,
// DOCX (read by pandoc) and PDF (read by pdftotext).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.h"

using namespace kovgen::test;

namespace {

std::string plain_spaces(std::string text) {
  for (size_t p; (p = text.find("\u00A0")) != std::string::npos;) text.replace(p, 2, " ");
  return text;
}

// The amounts in the rows of the Markdown that start with `label`.
std::vector<std::string> amounts_in_rows(const std::string& markdown, const std::string& label) {
  std::vector<std::string> amounts;
  for (size_t p = 0; (p = markdown.find("\n" + label, p)) != std::string::npos; ++p) {
    const size_t end = markdown.find('\n', p + 1);
    const std::string row = markdown.substr(p + 1, end - p - 1);
    for (size_t q = 0; (q = row.find(" €", q)) != std::string::npos; q += 2) {
      size_t start = row.rfind(' ', q - 1);
      start = start == std::string::npos ? 0 : start + 1;
      std::string amount = row.substr(start, q + 4 - start);  // " €" is 4 bytes
      while (!amount.empty() && amount.front() == '*') amount.erase(0, 1);
      amounts.push_back(amount);
    }
  }
  return amounts;
}

void check_same_in_every_format(const std::string& dir, const std::string& name, const std::string& label) {
  const std::string markdown = plain_spaces(read_text(dir + "/" + name + ".md"));
  const std::vector<std::string> amounts = amounts_in_rows(markdown, label);
  REQUIRE(amounts.size() >= 3);
  const CommandResult docx = run_command({"pandoc", "-f", "docx", "-t", "plain", "--wrap=none", dir + "/" + name + ".docx"});
  REQUIRE(docx.exit_code == 0);
  const CommandResult pdf = run_command({"pdftotext", "-layout", dir + "/" + name + ".pdf", "-"});
  REQUIRE(pdf.exit_code == 0);
  for (const std::string& amount : amounts) {
    CAPTURE(amount);
    CHECK(plain_spaces(docx.out).find(amount) != std::string::npos);
    CHECK(plain_spaces(pdf.out).find(amount) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("Anlage 3 shows the same totals in Markdown, DOCX and PDF" * doctest::test_suite("slow")) {
  REQUIRE(have_program("pandoc"));
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("annex-formats");
  const CommandResult r = run_kovgen(
      {"render", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "--out", dir, "--name", "v", "-f", "md,docx,pdf"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  check_same_in_every_format(dir, "v", "| **Zuschüsse insgesamt** |");
  check_same_in_every_format(dir, "v", "| Monatlicher Abschlag");
}

TEST_CASE("the Beschlussvorlage shows the same own share in Markdown, DOCX and PDF" * doctest::test_suite("slow")) {
  REQUIRE(have_program("pandoc"));
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("council-paper-formats");
  const CommandResult r = run_kovgen({"vorlage", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "--gremium",
                                      "Schulausschuss", "--out", dir, "--name", "b", "-f", "md,docx,pdf"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  check_same_in_every_format(dir, "b", "| **Kommunaler Eigenanteil** |");
  check_same_in_every_format(dir, "b", "| Zuschüsse insgesamt |");
}
