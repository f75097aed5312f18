#include "finance.h"

#include <algorithm>

#include "german_format.h"

namespace kovgen {

namespace {

const Value* field(const std::vector<std::pair<std::string, Value>>& row, const char* key) {
  for (const auto& [k, v] : row)
    if (k == key) return &v;
  return nullptr;
}

std::optional<int64_t> number_in(const std::vector<std::pair<std::string, Value>>& row, const char* key) {
  const Value* v = field(row, key);
  return v ? std::optional<int64_t>(v->number) : std::nullopt;
}

std::string text_in(const std::vector<std::pair<std::string, Value>>& row, const char* key) {
  const Value* v = field(row, key);
  return v ? v->text : std::string();
}

std::optional<Cents> money_at(const Answers& answers, const char* key) {
  const Value* v = answers.find(key);
  return v ? std::optional<Cents>(v->number) : std::nullopt;
}

bool flag_at(const Answers& answers, const char* key) {
  const Value* v = answers.find(key);
  return v && v->boolean;
}

PlaceCount place_count(const std::vector<std::pair<std::string, Value>>& row) {
  PlaceCount c;
  c.places = number_in(row, "plaetze");
  c.places_spf = number_in(row, "plaetze_spf");
  c.groups = number_in(row, "gruppen");
  c.year_groups = text_in(row, "jahrgaenge");
  return c;
}

// The school year a date falls in: a school year runs from 1 August to 31 July.
int school_year_of(const Date& d) { return d.month >= 8 ? d.year : d.year - 1; }

std::optional<Cents> times(std::optional<int64_t> count, std::optional<Cents> rate) {
  if (!count || !rate) return std::nullopt;
  return *count * *rate;
}

}  // namespace

const PlaceCount& SitePlaces::in(int year) const {
  const auto it = by_year.find(year);
  return it == by_year.end() ? base : it->second;
}

FinanceInputs finance_inputs(const Answers& answers) {
  FinanceInputs in;
  if (const Value* v = answers.find("gegenstand.beginn_schuljahr")) in.first_year = static_cast<int>(v->number);
  if (const Value* v = answers.find("laufzeit_kuendigung.ende"); v && flag_at(answers, "laufzeit_kuendigung.befristet"))
    in.last_year = school_year_of(v->date);
  if (const Value* v = answers.find("gegenstand.standorte"))
    for (const auto& row : v->rows) {
      SitePlaces s;
      s.site = text_in(row, "schule");
      s.base = place_count(row);
      in.sites.push_back(std::move(s));
    }
  if (const Value* v = answers.find("gegenstand.platzplanung_standorte"))
    for (const auto& row : v->rows) {
      const std::string site = text_in(row, "schule");
      const auto year = number_in(row, "schuljahr");
      auto it = std::find_if(in.sites.begin(), in.sites.end(), [&](const SitePlaces& s) { return s.site == site; });
      if (!year || it == in.sites.end()) continue;
      PlaceCount c = place_count(row);
      c.planned = true;
      it->by_year[static_cast<int>(*year)] = std::move(c);
    }
  if (const Value* v = answers.find("finanzierung.landesmittel"))
    for (const auto& row : v->rows) {
      const auto year = number_in(row, "schuljahr");
      if (!year) continue;
      LandRates r;
      r.festbetrag = number_in(row, "festbetrag_je_platz");
      r.kapitalisierung = number_in(row, "kapitalisierung_je_platz");
      r.spf = number_in(row, "foerdersatz_spf");
      r.source = text_in(row, "quelle");
      in.land[static_cast<int>(*year)] = std::move(r);
    }
  in.capitalised = flag_at(answers, "finanzierung.kapitalisierung");
  in.mandatory_share = money_at(answers, "finanzierung.kommunaler_pflichtanteil");
  in.voluntary = money_at(answers, "finanzierung.freiwilliger_zuschuss");
  if (const Value* v = answers.find("finanzierung.dynamisierung")) in.raise_basis_points = basis_points_of(v->real);
  if (const Value* v = answers.find("finanzierung.zahlungsweise"))
    in.payments_per_year = v->text == "monatlich" ? 12 : v->text == "vierteljährlich" ? 4 : v->text == "halbjährlich" ? 2 : 0;
  if (in.payments_per_year == 0) in.payments_per_year.reset();
  in.parents_collected_by_provider =
      flag_at(answers, "finanzierung.elternbeitraege") && flag_at(answers, "finanzierung.beitragseinzug_traeger");
  in.parents_monthly = money_at(answers, "finanzierung.elternbeitrag_durchschnitt");
  return in;
}

const char* funding_source_name(FundingSource s) {
  switch (s) {
    case FundingSource::land_fixed: return "Landesmittel: Festbetrag (Plätze ohne Unterstützungsbedarf)";
    case FundingSource::land_capitalised: return "Landesmittel: kapitalisierter Lehrerstellenanteil (Plätze ohne Unterstützungsbedarf)";
    case FundingSource::land_spf: return "Landesmittel: erhöhter Fördersatz einschließlich Lehrerstellenanteil (Plätze mit Unterstützungsbedarf)";
    case FundingSource::municipal_mandatory: return "Kommunaler Pflichtanteil";
    case FundingSource::municipal_voluntary: return "Freiwilliger kommunaler Zuschuss";
  }
  return "";
}

std::vector<int> school_years(const FinanceInputs& in) {
  std::vector<int> years;
  if (!in.first_year) return years;
  int last = *in.first_year;
  if (in.last_year) {
    last = std::max(last, *in.last_year);
  } else {
    // An open-ended agreement: as far as the answers plan ahead.
    for (const auto& [year, rates] : in.land) last = std::max(last, year);
    for (const auto& s : in.sites)
      for (const auto& [year, count] : s.by_year) last = std::max(last, year);
  }
  for (int y = *in.first_year; y <= last; ++y) years.push_back(y);
  return years;
}

std::string entitled_year_groups(int year) {
  if (year < 2026) return "–";
  const int highest = std::min(4, year - 2026 + 1);
  return highest == 1 ? "1" : "1–" + std::to_string(highest);
}

FinanceOverview compute_finance(const FinanceInputs& in) {
  FinanceOverview out;
  auto note_missing = [&](const std::string& what) {
    if (std::find(out.missing.begin(), out.missing.end(), what) == out.missing.end()) out.missing.push_back(what);
  };
  if (!in.first_year) note_missing("erstes Schuljahr");
  if (in.sites.empty()) note_missing("Standorte und Plätze");
  if (!in.mandatory_share) note_missing("kommunaler Pflichtanteil je Platz");
  if (!in.payments_per_year) note_missing("Zahlungsweise der Zuschüsse");
  const std::vector<int> years = school_years(in);
  for (size_t k = 0; k < years.size(); ++k) {
    const int year = years[k];
    const std::string sy = format_school_year(year);
    FinanceYear fy;
    fy.year = year;
    const auto land_it = in.land.find(year);
    const LandRates none;
    const LandRates& land = land_it == in.land.end() ? none : land_it->second;
    auto raised = [&](std::optional<Cents> rate) -> std::optional<Cents> {
      if (!rate) return std::nullopt;
      return raise_yearly(*rate, in.raise_basis_points, static_cast<int>(k));
    };
    std::optional<int64_t> all_places = 0;
    for (const SitePlaces& s : in.sites) {
      const PlaceCount& c = s.in(year);
      SiteYear site{s.site, {}, 0};
      std::optional<int64_t> spf = c.places_spf.value_or(0), regular;
      if (!c.places) note_missing("Plätze am Standort " + s.site);
      else if (*spf > *c.places) note_missing("Plätze am Standort " + s.site + " (mehr Plätze mit Unterstützungsbedarf als Plätze)");
      else regular = *c.places - *spf;
      if (!regular) spf.reset();
      std::optional<int64_t> places = c.places && regular ? c.places : std::nullopt;
      all_places = add_known(all_places, places);

      site.lines.push_back({FundingSource::land_fixed, regular, land.festbetrag, times(regular, land.festbetrag)});
      if (!land.festbetrag) note_missing("Festbetrag des Landes " + sy);
      if (in.capitalised) {
        site.lines.push_back(
            {FundingSource::land_capitalised, regular, land.kapitalisierung, times(regular, land.kapitalisierung)});
        if (!land.kapitalisierung) note_missing("kapitalisierter Lehrerstellenanteil " + sy);
      }
      if (!spf || *spf > 0) {
        site.lines.push_back({FundingSource::land_spf, spf, land.spf, times(spf, land.spf)});
        if (!land.spf) note_missing("erhöhter Fördersatz des Landes " + sy);
      }
      const std::optional<Cents> mandatory = raised(in.mandatory_share);
      site.lines.push_back({FundingSource::municipal_mandatory, places, mandatory, times(places, mandatory)});
      if (in.voluntary) {
        const std::optional<Cents> voluntary = raised(in.voluntary);
        site.lines.push_back({FundingSource::municipal_voluntary, places, voluntary, times(places, voluntary)});
      }
      for (const FinanceLine& line : site.lines) site.total = add_known(site.total, line.amount);
      fy.sites.push_back(std::move(site));
    }
    for (int i = 0; i < kFundingSourceCount; ++i) {
      const auto source = static_cast<FundingSource>(i);
      bool present = false;
      std::optional<Cents> sum = 0;
      for (const SiteYear& site : fy.sites)
        for (const FinanceLine& line : site.lines)
          if (line.source == source) {
            present = true;
            sum = add_known(sum, line.amount);
          }
      if (present) fy.by_source.emplace_back(source, sum);
    }
    fy.total = in.sites.empty() ? std::nullopt : std::optional<Cents>(0);
    for (const SiteYear& site : fy.sites) fy.total = add_known(fy.total, site.total);
    if (fy.total && in.payments_per_year) fy.instalment = divide_rounded(*fy.total, *in.payments_per_year);
    if (in.parents_collected_by_provider) {
      if (!in.parents_monthly) note_missing("durchschnittlicher Elternbeitrag je Platz und Monat");
      fy.parents = times(all_places, in.parents_monthly ? std::optional<Cents>(*in.parents_monthly * 12) : std::nullopt);
    }
    out.years.push_back(std::move(fy));
  }
  return out;
}

}  // namespace kovgen
