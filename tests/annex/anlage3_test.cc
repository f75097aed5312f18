// Anlage 3 of the complete OGS sample with random places and rates, recomputed
// here from the answers by a separate calculation, line by line and to the cent.
#include <doctest/doctest.h>

#include <map>
#include <random>

#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

// "1.234.567,89 €" with the no-break space the drafts put before the sign.
std::string euros(int64_t cents) {
  std::string digits = std::to_string(cents / 100), grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  const int64_t rest = cents % 100;
  return grouped + "," + (rest < 10 ? "0" : "") + std::to_string(rest) + "\u00A0€";
}

std::string money_answer(int64_t cents) {
  return std::to_string(cents / 100) + "," + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
}

std::string replace_block(std::string text, const std::string& from, const std::string& to,
                          const std::string& replacement) {
  const size_t a = text.find(from);
  REQUIRE(a != std::string::npos);
  const size_t b = text.find(to, a);
  REQUIRE(b != std::string::npos);
  return text.replace(a, b - a, replacement);
}

struct Site {
  std::string name;
  int64_t places, spf;
};
struct Land {
  int64_t fixed, capitalised, spf;
};

// The rows of the per-site table of one school year: "site|source" -> amount cell.
std::map<std::string, std::string> rows_of_year(const std::string& markdown, const std::string& year) {
  std::map<std::string, std::string> rows;
  size_t at = markdown.find("### Schuljahr " + year);
  REQUIRE(at != std::string::npos);
  const size_t end = markdown.find("\n### ", at + 1);
  const std::string part = markdown.substr(at, end == std::string::npos ? std::string::npos : end - at);
  size_t start = 0;
  while (start < part.size()) {
    size_t nl = part.find('\n', start);
    if (nl == std::string::npos) nl = part.size();
    const std::string line = part.substr(start, nl - start);
    start = nl + 1;
    if (line.rfind("| ", 0) != 0) continue;
    // Our cells hold no escaped "|": split on every one and trim.
    std::vector<std::string> cells;
    for (size_t p = 1, q; (q = line.find('|', p)) != std::string::npos; p = q + 1) {
      std::string cell = line.substr(p, q - p);
      while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
      while (!cell.empty() && cell.back() == ' ') cell.pop_back();
      cells.push_back(cell);
    }
    if (cells.size() == 5) rows[cells[0] + "|" + cells[1]] = cells[4];
    if (cells.size() == 2) rows["alle|" + cells[0]] = cells[1];
  }
  return rows;
}

}  // namespace

TEST_CASE("Anlage 3 matches a separate calculation from the answers for random places and rates") {
  const std::string sample = test::read_text(test::source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
  TemplateCache cache(test::real_disk(), test::source_template_library());
  std::mt19937 rng(4711);
  std::uniform_int_distribution<int64_t> places(1, 300), rate(1, 350000), percent(0, 5);
  const char* years[] = {"2026/27", "2027/28", "2028/29"};  // the sample runs until 31 July 2029
  for (int round = 0; round < 12; ++round) {
    CAPTURE(round);
    std::vector<Site> sites = {{"GGS Lindenschule", places(rng), 0}, {"KGS St. Martin", places(rng), 0}};
    for (Site& s : sites) s.spf = std::uniform_int_distribution<int64_t>(0, s.places / 4)(rng);
    std::vector<Land> land;
    for (int y = 0; y < 3; ++y) land.push_back({rate(rng), rate(rng), rate(rng)});
    const int64_t mandatory = rate(rng), voluntary = rate(rng), raise = percent(rng);

    std::string standorte = "  standorte:\n";
    for (const Site& s : sites)
      standorte += "    - schule: " + s.name + "\n      plaetze: " + std::to_string(s.places) +
                   "\n      plaetze_spf: " + std::to_string(s.spf) + "\n      gruppen: 4\n";
    std::string landesmittel = "  landesmittel:\n";
    for (int y = 0; y < 3; ++y)
      landesmittel += "    - schuljahr: " + std::string(years[y]) +
                      "\n      festbetrag_je_platz: " + money_answer(land[y].fixed) +
                      "\n      kapitalisierung_je_platz: " + money_answer(land[y].capitalised) +
                      "\n      foerdersatz_spf: " + money_answer(land[y].spf) + "\n";
    std::string answers = replace_block(sample, "  standorte:\n", "  platzanpassung:", standorte);
    answers = replace_block(answers, "  landesmittel:\n", "  # Beispielwerte der Stadt", landesmittel);
    answers = replace_block(answers, "  kommunaler_pflichtanteil:", "  zahlungsweise:",
                            "  kommunaler_pflichtanteil: " + money_answer(mandatory) +
                                "\n  freiwilliger_zuschuss: " + money_answer(voluntary) + "\n");
    answers = replace_block(answers, "  dynamisierung:", "\n", "  dynamisierung: " + std::to_string(raise));

    Diagnostics diag;
    auto loaded = load_answers(answers, "zufall.yaml", "", cache, diag);
    REQUIRE_MESSAGE(loaded.has_value(), diag.to_string());
    const std::string markdown = make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{}).markdown;

    int64_t mandatory_rate = mandatory, voluntary_rate = voluntary;
    for (int y = 0; y < 3; ++y) {
      CAPTURE(years[y]);
      if (y > 0) {
        // Half up on non-negative amounts is half away from zero.
        mandatory_rate = (mandatory_rate * (100 + raise) * 2 + 100) / 200;
        voluntary_rate = (voluntary_rate * (100 + raise) * 2 + 100) / 200;
      }
      const auto rows = rows_of_year(markdown, years[y]);
      int64_t total = 0;
      std::map<std::string, int64_t> by_source;
      for (const Site& s : sites) {
        const int64_t regular = s.places - s.spf;
        std::vector<std::pair<std::string, int64_t>> lines = {
            {"Landesmittel: Festbetrag (Plätze ohne Unterstützungsbedarf)", regular * land[y].fixed},
            {"Landesmittel: kapitalisierter Lehrerstellenanteil (Plätze ohne Unterstützungsbedarf)",
             regular * land[y].capitalised},
            {"Kommunaler Pflichtanteil", s.places * mandatory_rate},
            {"Freiwilliger kommunaler Zuschuss", s.places * voluntary_rate}};
        if (s.spf > 0)
          lines.push_back({"Landesmittel: erhöhter Fördersatz einschließlich Lehrerstellenanteil (Plätze mit "
                           "Unterstützungsbedarf)",
                           s.spf * land[y].spf});
        int64_t site_total = 0;
        for (const auto& [source, amount] : lines) {
          CAPTURE(s.name);
          CAPTURE(source);
          REQUIRE(rows.count(s.name + "|" + source) == 1);
          CHECK(rows.at(s.name + "|" + source) == euros(amount));
          site_total += amount;
          by_source[source] += amount;
        }
        CHECK(rows.at("**" + s.name + "**|**Summe des Standorts**") == "**" + euros(site_total) + "**");
        total += site_total;
      }
      for (const auto& [source, amount] : by_source) CHECK(rows.at("alle|" + source) == euros(amount));
      CHECK(rows.at("alle|**Zuschüsse insgesamt**") == "**" + euros(total) + "**");
      CHECK(rows.at("alle|Monatlicher Abschlag (ein Zwölftel, auf den Cent gerundet)") == euros((total * 2 + 12) / 24));
    }
  }
}

TEST_CASE("a missing Land rate shows placeholders in Anlage 3 and no partial total") {
  std::string answers = test::read_text(test::source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
  answers = replace_block(answers, "    - schuljahr: 2028/29", "  # Beispielwerte der Stadt", "");
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(answers, "ohne.yaml", "", cache, diag);
  REQUIRE(loaded);
  const Draft d = make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{});
  CHECK(d.markdown.find("**Annex 3 is incomplete.** Missing: Festbetrag des Landes 2028/29") != std::string::npos);
  const auto rows = rows_of_year(d.markdown, "2028/29");
  CHECK(rows.at("alle|**Zuschüsse insgesamt**") == "**\\[offen: Summe\\]**");
  CHECK(rows.at("**GGS Lindenschule**|**Summe des Standorts**") == "**\\[offen: Summe\\]**");
  CHECK(rows.at("alle|Kommunaler Pflichtanteil").find("offen") == std::string::npos);
  // The lines that need the missing amounts are open themselves, in every site and in the sum per source.
  for (const char* site : {"GGS Lindenschule|", "KGS St. Martin|", "GGS Am Bach|", "alle|"}) {
    CAPTURE(site);
    CHECK(rows.at(site + std::string("Landesmittel: Festbetrag (Plätze ohne Unterstützungsbedarf)")).find("offen") !=
          std::string::npos);
  }
  CHECK(rows.at("GGS Lindenschule|Kommunaler Pflichtanteil").find("offen") == std::string::npos);
  // The years with their amounts keep their totals.
  CHECK(rows_of_year(d.markdown, "2027/28").at("alle|**Zuschüsse insgesamt**").find("offen") == std::string::npos);
  CHECK_FALSE(is_ready_to_sign(d.findings));
}

TEST_CASE("Anlage 1 lists every site per school year with its planned places and the Rechtsanspruch's year groups") {
  // The sample's term extended to 2029/30, with a plan for that year at one site.
  std::string answers = test::read_text(test::source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
  answers = replace_block(answers, "  ende: 2029-07-31", "\n", "  ende: 2030-07-31");
  answers = replace_block(answers, "  platzanpassung: true", "\n",
                          "    - schule: KGS St. Martin\n      schuljahr: 2029/30\n      plaetze: 140\n"
                          "      plaetze_spf: 7\n      gruppen: 6\n  platzanpassung: true");
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(answers, "vier.yaml", "", cache, diag);
  REQUIRE_MESSAGE(loaded, diag.to_string());
  const std::string markdown = make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{}).markdown;
  const size_t from = markdown.find("## Standort- und Platzübersicht");
  REQUIRE(from != std::string::npos);
  const std::string annex = markdown.substr(from, markdown.find("# Anlage 3", from) - from);
  for (const char* row : {"| GGS Lindenschule | 2026/27 | 1 | 200 | 12 | 8 |",
                          "| GGS Lindenschule | 2027/28 | 1–2 | 215 | 13 | 9 |",
                          "| GGS Lindenschule | 2028/29 | 1–3 | 225 | 14 | 9 |",
                          // Without a plan for 2029/30 the site keeps the numbers of the agreement.
                          "| GGS Lindenschule | 2029/30 | 1–4 | 200 | 12 | 8 |",
                          "| KGS St. Martin | 2028/29 | 1–3 | 125 | 6 | 5 |",
                          "| KGS St. Martin | 2029/30 | 1–4 | 140 | 7 | 6 |",
                          "| GGS Am Bach | 2029/30 | 1–4 | 60 | 3 | 3 |"}) {
    CAPTURE(row);
    CHECK(annex.find(row) != std::string::npos);
  }
  CHECK(annex.find("2030/31") == std::string::npos);  // the term ends with 2029/30
}
