#pragma once
// The figures of the Anlagen: places per site and school year (Anlage 1) and the
// financing overview (Anlage 3), computed exactly in cents from the answers.
//
// The Land pays for a regular place the Festbetrag and, where the school takes
// part of its teacher allocation as money, the kapitalisierter
// Lehrerstellenanteil; for a place of a child with sonderpädagogischem
// Unterstützungsbedarf the erhöhter Fördersatz takes the place of both, as it
// already includes that share. Every place is counted as exactly one of the two
// kinds, so the share can never be paid twice.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "money.h"

namespace kovgen {

// Places of one site in one school year; a missing count stays missing.
struct PlaceCount {
  std::optional<int64_t> places;      // all places, including those with SPF
  std::optional<int64_t> places_spf;  // of which for children with SPF (missing = none given)
  std::optional<int64_t> groups;
  std::string year_groups;            // Jahrgangsstufen of the plan, if it names them
  bool planned = false;               // from the plan for this year, not the site's base row
};

struct SitePlaces {
  std::string site;
  PlaceCount base;                    // the agreement's table of sites
  std::map<int, PlaceCount> by_year;  // the plan, by first calendar year of the school year
  const PlaceCount& in(int year) const;
};

// The Land's amounts for one school year, as the Zuwendungsbescheid or the
// Förderrichtlinie state them.
struct LandRates {
  std::optional<Cents> festbetrag;
  std::optional<Cents> kapitalisierung;
  std::optional<Cents> spf;  // erhöhter Fördersatz, including the capitalised share
  std::string source;
};

struct FinanceInputs {
  std::optional<int> first_year;  // first calendar year of the first school year
  std::optional<int> last_year;
  std::vector<SitePlaces> sites;
  std::map<int, LandRates> land;  // by school year
  bool capitalised = false;       // the school takes part of its teacher allocation as money
  std::optional<Cents> mandatory_share;  // kommunaler Pflichtanteil per place, first year
  std::optional<Cents> voluntary;        // freiwilliger Zuschuss per place, first year
  int64_t raise_basis_points = 0;        // Dynamisierung of the municipal amounts per year
  std::optional<int> payments_per_year;  // Abschläge: 12 monthly, 4 quarterly, 2 half-yearly
  bool parents_collected_by_provider = false;
  std::optional<Cents> parents_monthly;  // average parents' contribution per place and month
};

// Reads the inputs from an OGS draft's answers.
FinanceInputs finance_inputs(const Answers& answers);

enum class FundingSource { land_fixed, land_capitalised, land_spf, municipal_mandatory, municipal_voluntary };
constexpr int kFundingSourceCount = 5;

// The German name of a source as Anlage 3 shows it.
const char* funding_source_name(FundingSource s);

struct FinanceLine {
  FundingSource source;
  std::optional<int64_t> places;
  std::optional<Cents> rate;    // per place and school year
  std::optional<Cents> amount;  // places × rate; missing when either is
};

struct SiteYear {
  std::string site;
  std::vector<FinanceLine> lines;
  std::optional<Cents> total;
};

struct FinanceYear {
  int year = 0;
  std::vector<SiteYear> sites;
  // Per source over all sites; missing when one site's line is.
  std::vector<std::pair<FundingSource, std::optional<Cents>>> by_source;
  std::optional<Cents> total;    // the Zuschüsse of the year
  std::optional<Cents> instalment;  // total / payments per year, rounded once
  std::optional<Cents> parents;  // collected by the provider for the Schulträger (not in total)
};

struct FinanceOverview {
  std::vector<FinanceYear> years;
  std::vector<std::string> missing;  // German names of what is missing, in order
};

FinanceOverview compute_finance(const FinanceInputs& in);

// The school years the overview covers, first calendar years; empty when the
// first one is not known.
std::vector<int> school_years(const FinanceInputs& in);

// The Jahrgangsstufen with the Rechtsanspruch in a school year: it starts with
// year 1 in 2026/27 and grows by one year group a year („1–4“ from 2029/30).
std::string entitled_year_groups(int year);

}  // namespace kovgen
