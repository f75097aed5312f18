#include "representations.h"

#include <algorithm>
#include <array>

#include "german_format.h"
#include "placeholder.h"

namespace kovgen {

namespace {

std::string display(const Value& v) { return v.display(); }
std::string date_short(const Value& v) { return format_date_short(v.date); }
std::string time_hm(const Value& v) { return format_time_hm(static_cast<int>(v.number)); }
std::string money_number(const Value& v) { return format_money_number(v.number); }
std::string items_text(const Value& v) { return join_german(v.items); }
std::string number_word(const Value& v) {
  if (v.type != QuestionType::decimal) return format_count_word(v.number);
  const bool whole = v.real == static_cast<double>(static_cast<int64_t>(v.real));
  return whole ? format_count_word(static_cast<int64_t>(v.real)) : format_decimal(v.real);
}
bool is_one(const Value& v) { return v.type == QuestionType::integer ? v.number == 1 : v.real == 1.0; }
bool several_rows(const Value& v) { return v.rows.size() > 1; }

// A row per type and representation, the value first; types without rows of
// their own have only the value as text (and _offen, which every question has).
struct Row {
  QuestionType type;
  Representation representation;
};
const Row kRepresentations[] = {
    {QuestionType::choice, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::choice, {"_ist", VariantUse::ist, Shape::choice_set}},
    {QuestionType::boolean, {"", VariantUse::value, Shape::flag}},
    {QuestionType::boolean, {"_text", VariantUse::text, Shape::text, display}},
    {QuestionType::list, {"", VariantUse::value, Shape::items}},
    {QuestionType::list, {"_text", VariantUse::text, Shape::text, items_text}},
    {QuestionType::records, {"", VariantUse::value, Shape::rows}},
    // Clauses that only make sense with several rows ("einzelne Schulen") ask for
    // them with _mehrere.
    {QuestionType::records, {"_mehrere", VariantUse::mehrere, Shape::flag, nullptr, several_rows}},
    {QuestionType::date, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::date, {"_kurz", VariantUse::kurz, Shape::text, date_short}},
    {QuestionType::time, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::time, {"_hm", VariantUse::hm, Shape::text, time_hm}},
    {QuestionType::money, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::money, {"_zahl", VariantUse::zahl, Shape::text, money_number}},
    // German running text writes counts up to twelve as words ("sechs Monate") and
    // chooses singular or plural by the count ("1 Vollzeitstelle", "1,5 Vollzeitstellen").
    {QuestionType::integer, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::integer, {"_wort", VariantUse::wort, Shape::text, number_word}},
    {QuestionType::integer, {"_eins", VariantUse::eins, Shape::flag, nullptr, is_one}},
    {QuestionType::decimal, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::decimal, {"_wort", VariantUse::wort, Shape::text, number_word}},
    {QuestionType::decimal, {"_eins", VariantUse::eins, Shape::flag, nullptr, is_one}},
};
const Representation kOpen{"_offen", VariantUse::offen, Shape::open_flag};
const Representation kPlainValue{"", VariantUse::value, Shape::text, display};

}  // namespace

const std::vector<Representation>& representations(QuestionType type) {
  // Gathered once per type: the composer asks for every question of every render.
  static const auto by_type = [] {
    std::array<std::vector<Representation>, kQuestionTypeCount> all;
    for (size_t t = 0; t < all.size(); ++t) {
      for (const Row& row : kRepresentations)
        if (static_cast<size_t>(row.type) == t) all[t].push_back(row.representation);
      if (all[t].empty()) all[t].push_back(kPlainValue);
      all[t].push_back(kOpen);
    }
    return all;
  }();
  return by_type.at(static_cast<size_t>(type));
}

std::string placeholder_of(const Question& q) { return placeholder_text(q.placeholder.empty() ? q.label : q.placeholder); }

const std::vector<std::pair<std::string, uint16_t>>& representation_suffixes() {
  static const std::vector<std::pair<std::string, uint16_t>> suffixes = [] {
    std::vector<std::pair<std::string, uint16_t>> all{{kOpen.suffix, kOpen.bit}};
    for (const Row& row : kRepresentations) {
      const std::pair<std::string, uint16_t> entry{row.representation.suffix, row.representation.bit};
      if (std::find(all.begin(), all.end(), entry) == all.end()) all.push_back(entry);
    }
    return all;
  }();
  return suffixes;
}

}  // namespace kovgen
