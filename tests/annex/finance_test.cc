// The figures of Anlage 1 and Anlage 3: exact cents, one rounding rule, the SPF
// rate instead of (never on top of) the capitalised teacher share, and no sum
// built from a missing value.
#include <doctest/doctest.h>

#include <random>

#include "finance.h"
#include "money.h"

using namespace kovgen;

namespace {

FinanceInputs two_years_one_site() {
  FinanceInputs in;
  in.first_year = 2026;
  in.last_year = 2027;
  SitePlaces s;
  s.site = "GGS Lindenschule";
  s.base.places = 100;
  s.base.places_spf = 10;
  s.base.groups = 4;
  in.sites.push_back(s);
  for (int y : {2026, 2027}) in.land[y] = LandRates{113815, 38316, 277276, "Zuwendungsbescheid"};
  in.capitalised = true;
  in.mandatory_share = 58401;
  in.payments_per_year = 12;
  return in;
}

const FinanceLine* line_of(const SiteYear& s, FundingSource source) {
  for (const FinanceLine& l : s.lines)
    if (l.source == source) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("amounts round once, half away from zero") {
  CHECK(divide_rounded(5, 2) == 3);
  CHECK(divide_rounded(-5, 2) == -3);
  CHECK(divide_rounded(7, 2) == 4);
  CHECK(divide_rounded(1, 3) == 0);
  CHECK(divide_rounded(2, 3) == 1);
  CHECK(divide_rounded(1200, 12) == 100);
  CHECK(divide_rounded(1206, 12) == 101);  // 100,5 Cent
  CHECK(divide_rounded(1205, 12) == 100);
  // 567,00 € + 3 % = 584,01 €; + 3 % again = 601,5303 € -> 601,53 €.
  CHECK(raise_yearly(56700, 300, 1) == 58401);
  CHECK(raise_yearly(56700, 300, 2) == 60153);
  CHECK(raise_yearly(56700, 0, 5) == 56700);
  CHECK(basis_points_of(2.5) == 250);
}

TEST_CASE("an SPF place gets the raised rate instead of the Festbetrag and the capitalised share") {
  const FinanceOverview o = compute_finance(two_years_one_site());
  REQUIRE(o.years.size() == 2);
  CHECK(o.missing.empty());
  const SiteYear& s = o.years[0].sites.at(0);
  const FinanceLine* fixed = line_of(s, FundingSource::land_fixed);
  const FinanceLine* capitalised = line_of(s, FundingSource::land_capitalised);
  const FinanceLine* spf = line_of(s, FundingSource::land_spf);
  REQUIRE(fixed);
  REQUIRE(capitalised);
  REQUIRE(spf);
  // Each place counts once: 90 regular places, 10 with SPF.
  CHECK(*fixed->places == 90);
  CHECK(*capitalised->places == 90);
  CHECK(*spf->places == 10);
  CHECK(*fixed->places + *spf->places == 100);
  // The Land pays for the SPF places exactly the raised rate, nothing of the share on top.
  CHECK(*spf->amount == 10 * 277276);
  const Cents land = *fixed->amount + *capitalised->amount + *spf->amount;
  CHECK(land == 90 * (113815 + 38316) + 10 * 277276);
  CHECK(land != 100 * 38316 + 90 * 113815 + 10 * 277276);
  // The municipal share applies to every place.
  CHECK(*line_of(s, FundingSource::municipal_mandatory)->places == 100);
}

TEST_CASE("without capitalisation there is no line for the teacher share") {
  FinanceInputs in = two_years_one_site();
  in.capitalised = false;
  const FinanceOverview o = compute_finance(in);
  CHECK(line_of(o.years[0].sites[0], FundingSource::land_capitalised) == nullptr);
  CHECK(*o.years[0].total == 90 * 113815 + 10 * 277276 + 100 * 58401);
}

TEST_CASE("a municipal amount grows with the Dynamisierung year by year") {
  FinanceInputs in = two_years_one_site();
  in.raise_basis_points = 300;
  const FinanceOverview o = compute_finance(in);
  CHECK(*line_of(o.years[0].sites[0], FundingSource::municipal_mandatory)->rate == 58401);
  CHECK(*line_of(o.years[1].sites[0], FundingSource::municipal_mandatory)->rate == raise_yearly(58401, 300, 1));
  // The Land's amounts come from the answers per year, never raised by us.
  CHECK(*line_of(o.years[1].sites[0], FundingSource::land_fixed)->rate == 113815);
}

TEST_CASE("a missing Land rate leaves its lines and every total built on it open") {
  FinanceInputs in = two_years_one_site();
  in.land.erase(2027);
  const FinanceOverview o = compute_finance(in);
  REQUIRE(o.years.size() == 2);
  CHECK(o.years[0].total.has_value());
  const FinanceYear& y = o.years[1];
  const SiteYear& s = y.sites[0];
  CHECK_FALSE(line_of(s, FundingSource::land_fixed)->amount.has_value());
  CHECK_FALSE(line_of(s, FundingSource::land_spf)->amount.has_value());
  CHECK(line_of(s, FundingSource::municipal_mandatory)->amount.has_value());
  CHECK_FALSE(s.total.has_value());
  CHECK_FALSE(y.total.has_value());
  CHECK_FALSE(y.instalment.has_value());
  for (const auto& [source, sum] : y.by_source)
    CHECK(sum.has_value() == (source == FundingSource::municipal_mandatory));
  REQUIRE_FALSE(o.missing.empty());
  CHECK(o.missing[0] == "Festbetrag des Landes 2027/28");
}

TEST_CASE("a missing place count leaves the site's lines open, not zero") {
  FinanceInputs in = two_years_one_site();
  in.sites[0].base.places.reset();
  const FinanceOverview o = compute_finance(in);
  for (const FinanceLine& l : o.years[0].sites[0].lines) CHECK_FALSE(l.amount.has_value());
  CHECK_FALSE(o.years[0].total.has_value());
}

TEST_CASE("the plan of a school year replaces the site's places in that year only") {
  FinanceInputs in = two_years_one_site();
  PlaceCount planned;
  planned.places = 120;
  planned.places_spf = 12;
  planned.groups = 5;
  planned.planned = true;
  in.sites[0].by_year[2027] = planned;
  const FinanceOverview o = compute_finance(in);
  CHECK(*line_of(o.years[0].sites[0], FundingSource::land_fixed)->places == 90);
  CHECK(*line_of(o.years[1].sites[0], FundingSource::land_fixed)->places == 108);
  CHECK(*line_of(o.years[1].sites[0], FundingSource::land_spf)->places == 12);
}

TEST_CASE("the Rechtsanspruch grows by one year group a year from 2026/27") {
  CHECK(entitled_year_groups(2025) == "–");
  CHECK(entitled_year_groups(2026) == "1");
  CHECK(entitled_year_groups(2027) == "1–2");
  CHECK(entitled_year_groups(2029) == "1–4");
  CHECK(entitled_year_groups(2035) == "1–4");
}

TEST_CASE("totals are the sums of their lines for random places and rates") {
  std::mt19937 rng(20260801);
  std::uniform_int_distribution<int64_t> places(0, 400), rate(0, 400000), bp(0, 500);
  for (int round = 0; round < 200; ++round) {
    FinanceInputs in = two_years_one_site();
    in.sites.push_back(in.sites[0]);
    in.sites[1].site = "KGS St. Martin";
    for (SitePlaces& s : in.sites) {
      s.base.places = places(rng);
      s.base.places_spf = std::min(*s.base.places, places(rng) / 8);
    }
    for (auto& [year, r] : in.land) r = LandRates{rate(rng), rate(rng), rate(rng), ""};
    in.mandatory_share = rate(rng);
    in.voluntary = rate(rng);
    in.raise_basis_points = bp(rng);
    const FinanceOverview o = compute_finance(in);
    for (const FinanceYear& y : o.years) {
      Cents total = 0, by_source = 0;
      for (const SiteYear& s : y.sites) {
        Cents site = 0;
        for (const FinanceLine& l : s.lines) {
          CHECK(*l.amount == *l.places * *l.rate);
          site += *l.amount;
        }
        CHECK(*s.total == site);
        total += site;
      }
      for (const auto& [source, sum] : y.by_source) by_source += *sum;
      CHECK(*y.total == total);
      CHECK(by_source == total);
      CHECK(std::llabs(*y.instalment * 12 - total) <= 6);
    }
  }
}
