#include "annex_tables.h"

#include <algorithm>
#include <cstdlib>

#include "german_format.h"
#include "i18n.h"
#include "markdown_escape.h"
#include "placeholder.h"

namespace kovgen {

namespace {

std::string open_cell(const std::string& what) { return escape_markdown(placeholder_text(what)); }

std::string money_cell(const std::optional<Cents>& amount, const std::string& what) {
  return amount ? format_money(*amount) : open_cell(what);
}

std::string count_cell(const std::optional<int64_t>& n, const std::string& what) {
  return n ? format_integer(*n) : open_cell(what);
}

std::string bold(const std::string& cell) { return "**" + cell + "**"; }

// The box over an annex with missing inputs; like a checklist section's box, it
// keeps the draft from being ready to sign together with the placeholders.
std::string missing_box(int annex_number, const std::vector<std::string>& missing) {
  if (missing.empty()) return "";
  return "> [!CAUTION]\n> " +
         fill(tr_n("**Annex {} is incomplete.** Missing: {}.", "**Annex {} is incomplete.** Missing: {}.",
                   missing.size()),
              {std::to_string(annex_number), escape_markdown(join_german(missing))}) +
         "\n\n";
}

// The number of an answer's Anlage: "Anlage 2 Pädagogisches Konzept" -> 2.
int annex_number_of(const std::string& item) {
  const std::string prefix = "Anlage ";
  if (item.rfind(prefix, 0) != 0) return 0;
  return std::atoi(item.c_str() + prefix.size());
}

std::string instalment_label(std::optional<int> payments_per_year) {
  switch (payments_per_year.value_or(0)) {
    case 12: return "Monatlicher Abschlag (ein Zwölftel, auf den Cent gerundet)";
    case 4: return "Vierteljährlicher Abschlag (ein Viertel, auf den Cent gerundet)";
    case 2: return "Halbjährlicher Abschlag (die Hälfte, auf den Cent gerundet)";
  }
  return "Abschlag";
}

}  // namespace

std::string annexes_partial_text(const Template& t, int only_number) {
  std::string out;
  // The marker (docs/markdown-conventions.md) starts each annex on a new page that counts
  // its own pages: „Anlage 3 – Seite 1 von 2“ in the footer of the PDF and the DOCX.
  for (const AnnexDeclaration& a : t.annexes)
    if (only_number == 0 || a.number == only_number) {
      const std::string number = std::to_string(a.number);
      out += "<!-- kovgen:page-numbering Anlage " + number + " -->\n\n# Anlage " + number +
             " zur Kooperationsvereinbarung vom {{kovgen.stand}}\n\n## " + escape_markdown(a.title) + "\n\n{{> " +
             a.body + "}}\n\n";
    }
  if (only_number != 0) return out.substr(out.find('#'));  // a document of its own starts with its heading
  return out.empty() ? out : "{{^kovgen.anlagen_getrennt}}\n" + out + "{{/kovgen.anlagen_getrennt}}\n";
}

std::string places_overview_markdown(const FinanceInputs& in) {
  const std::vector<int> years = school_years(in);
  std::string out = missing_box(1, [&] {
    std::vector<std::string> missing;
    if (!in.first_year) missing.push_back("erstes Schuljahr");
    if (in.sites.empty()) missing.push_back("Standorte und Plätze");
    return missing;
  }());
  out += "| Standort | Schuljahr | Jahrgangsstufen mit Rechtsanspruch | Plätze | davon für Kinder mit "
         "sonderpädagogischem Unterstützungsbedarf | Gruppen |\n| --- | --- | --- | ---: | ---: | ---: |\n";
  if (years.empty() || in.sites.empty()) {
    out += "| " + open_cell("Standorte – laut Schulentwicklungsplanung") + " | " + open_cell("erstes Schuljahr") +
           " | | | | |\n";
    return out;
  }
  for (const SitePlaces& s : in.sites)
    for (int year : years) {
      const PlaceCount& c = s.in(year);
      out += "| " + escape_markdown(s.site) + " | " + format_school_year(year) + " | " + entitled_year_groups(year) +
             " | " + count_cell(c.places, "Plätze") + " | " +
             (c.places_spf ? format_integer(*c.places_spf) : std::string("–")) + " | " +
             count_cell(c.groups, "Gruppen") + " |\n";
    }
  bool planned = false;
  for (const SitePlaces& s : in.sites) planned = planned || !s.by_year.empty();
  out += planned ? "\nWo für ein Schuljahr keine Planung angegeben ist, gelten die Zahlen der Vereinbarung.\n"
                 : "\nDie Zahlen gelten für jedes Schuljahr der Laufzeit, bis sie nach der Vereinbarung angepasst "
                   "werden.\n";
  return out;
}

std::string finance_overview_markdown(const FinanceInputs& in, const FinanceOverview& overview) {
  std::string out = missing_box(3, overview.missing);
  if (overview.years.empty()) {
    out += open_cell("erstes Schuljahr und Standorte") + "\n";
    return out;
  }
  for (const FinanceYear& fy : overview.years) {
    const std::string sy = format_school_year(fy.year);
    out += "### Schuljahr " + sy + "\n\n";
    const auto land = in.land.find(fy.year);
    if (land != in.land.end() && !land->second.source.empty())
      out += "Landesmittel laut " + escape_markdown(land->second.source) + ".\n\n";
    else
      out += "Landesmittel laut Zuwendungsbescheid/Förderrichtlinie in der für das Schuljahr " + sy +
             " geltenden Fassung.\n\n";
    out += "| Standort | Finanzierungsquelle | Plätze | je Platz | Betrag im Schuljahr |\n"
           "| --- | --- | ---: | ---: | ---: |\n";
    for (const SiteYear& site : fy.sites) {
      const std::string name = escape_markdown(site.site);
      for (const FinanceLine& line : site.lines)
        out += "| " + name + " | " + funding_source_name(line.source) + " | " + count_cell(line.places, "Plätze") +
               " | " + money_cell(line.rate, "Betrag je Platz " + sy) + " | " + money_cell(line.amount, "Betrag") +
               " |\n";
      out += "| " + bold(name) + " | " + bold("Summe des Standorts") + " | | | " +
             bold(money_cell(site.total, "Summe")) + " |\n";
    }
    out += "\n| Finanzierungsquelle, alle Standorte | Betrag im Schuljahr " + sy + " |\n| --- | ---: |\n";
    for (const auto& [source, sum] : fy.by_source)
      out += "| " + std::string(funding_source_name(source)) + " | " + money_cell(sum, "Summe") + " |\n";
    out += "| " + bold("Zuschüsse insgesamt") + " | " + bold(money_cell(fy.total, "Summe")) + " |\n";
    out += "| " + instalment_label(in.payments_per_year) + " | " + money_cell(fy.instalment, "Abschlag") + " |\n";
    if (in.parents_collected_by_provider)
      out += "| nachrichtlich: Elternbeiträge, vom Träger für den Schulträger eingezogen (nicht in den Zuschüssen) | " +
             money_cell(fy.parents, "Elternbeiträge") + " |\n";
    out += "\n";
  }
  out += "Die Beträge sind auf den Cent genau berechnet: Plätze mal Betrag je Platz. ";
  if (in.raise_basis_points != 0)
    out += "Die kommunalen Beträge je Platz steigen zu jedem weiteren Schuljahr um " +
           format_percent(static_cast<double>(in.raise_basis_points) / 100.0) +
           "; der erhöhte Betrag wird jedes Jahr auf den Cent gerundet (ab 0,5 Cent aufgerundet). ";
  out += "Für Plätze von Kindern mit sonderpädagogischem Unterstützungsbedarf tritt der erhöhte Fördersatz an die "
         "Stelle von Festbetrag und kapitalisiertem Lehrerstellenanteil. Abgerechnet wird nach der tatsächlichen "
         "Belegung.\n";
  return out;
}

std::string financial_effects_markdown(const FinanceInputs& in, const FinanceOverview& overview) {
  std::string out = missing_box(3, overview.missing);
  if (overview.years.empty()) return out + open_cell("erstes Schuljahr und Standorte") + "\n";
  std::string header = "| Betrag im Schuljahr |", rule = "| --- |";
  std::string land = "| Landesmittel, an den Träger weitergeleitet |", mandatory = "| Kommunaler Pflichtanteil |",
              voluntary = "| Freiwilliger kommunaler Zuschuss |", own = "| " + bold("Kommunaler Eigenanteil") + " |",
              total = "| Zuschüsse insgesamt |";
  for (const FinanceYear& fy : overview.years) {
    header += " " + format_school_year(fy.year) + " |";
    rule += " ---: |";
    std::optional<Cents> land_sum = 0, mandatory_sum, voluntary_sum;
    for (const auto& [source, sum] : fy.by_source) {
      if (source == FundingSource::municipal_mandatory) mandatory_sum = sum;
      else if (source == FundingSource::municipal_voluntary) voluntary_sum = sum;
      else land_sum = add_known(land_sum, sum);
    }
    const std::optional<Cents> own_sum =
        in.voluntary ? add_known(mandatory_sum, voluntary_sum) : mandatory_sum;
    land += " " + money_cell(land_sum, "Summe") + " |";
    mandatory += " " + money_cell(mandatory_sum, "Summe") + " |";
    voluntary += " " + (in.voluntary ? money_cell(voluntary_sum, "Summe") : std::string("–")) + " |";
    own += " " + bold(money_cell(own_sum, "Summe")) + " |";
    total += " " + money_cell(fy.total, "Summe") + " |";
  }
  return out + header + "\n" + rule + "\n" + land + "\n" + mandatory + "\n" + voluntary + "\n" + own + "\n" +
         total + "\n";
}

std::string annex_list_markdown(const Template& t, const Answers& answers) {
  std::vector<std::pair<int, std::string>> items;
  for (const AnnexDeclaration& a : t.annexes)
    items.emplace_back(a.number, "Anlage " + std::to_string(a.number) + " " + a.title);
  if (const Value* v = answers.find("schlussbestimmungen.anlagen"))
    for (const std::string& item : v->items) {
      const int n = annex_number_of(item);
      const bool declared = std::any_of(t.annexes.begin(), t.annexes.end(),
                                        [&](const AnnexDeclaration& a) { return n > 0 && a.number == n; });
      if (!declared) items.emplace_back(n > 0 ? n : 1 << 20, item);
    }
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (items.empty()) return "- " + open_cell("Anlagen") + "\n";
  std::string out;
  for (const auto& [n, item] : items) out += "- " + escape_markdown(item) + "\n";
  return out;
}

}  // namespace kovgen
