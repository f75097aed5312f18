#include "representations.h"

#include <algorithm>
#include <array>

#include "german_format.h"

namespace kovgen {

namespace {

std::string display(const Value& v) { return v.display(); }
std::string date_short(const Value& v) { return format_date_short(v.date); }
std::string time_hm(const Value& v) { return format_time_hm(static_cast<int>(v.number)); }
std::string money_number(const Value& v) { return format_money_number(v.number); }
std::string items_text(const Value& v) { return join_german(v.items); }

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
    {QuestionType::date, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::date, {"_kurz", VariantUse::kurz, Shape::text, date_short}},
    {QuestionType::time, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::time, {"_hm", VariantUse::hm, Shape::text, time_hm}},
    {QuestionType::money, {"", VariantUse::value, Shape::text, display}},
    {QuestionType::money, {"_zahl", VariantUse::zahl, Shape::text, money_number}},
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

const std::vector<BuiltinName>& builtin_kovgen_names() {
  static const std::vector<BuiltinName> names = {
      {"checkliste_zusammenfassung", BuiltinKind::markdown}, {"checkliste_tabelle", BuiltinKind::markdown},
      {"stand", BuiltinKind::text},        {"stand_kurz", BuiltinKind::text},
      {"vorlage", BuiltinKind::text},      {"vollstaendig", BuiltinKind::flag},
      {"entwurf", BuiltinKind::flag},      {"unterschriftslinie", BuiltinKind::text},
      {"status", BuiltinKind::text},       {"unterschriftsreif", BuiltinKind::flag},
      {"checkliste_anhang", BuiltinKind::flag},
      // The Anlagen (docs/annexes.md).
      {"platzuebersicht", BuiltinKind::markdown}, {"finanzuebersicht", BuiltinKind::markdown},
      {"anlagenliste", BuiltinKind::markdown}, {"anlagen_getrennt", BuiltinKind::flag},
      // The Beschlussvorlage (kovgen vorlage).
      {"gremium", BuiltinKind::text}, {"gremium_rat", BuiltinKind::flag},
      {"finanzielle_auswirkungen", BuiltinKind::markdown},
  };
  return names;
}

const std::vector<std::pair<std::string, uint8_t>>& representation_suffixes() {
  static const std::vector<std::pair<std::string, uint8_t>> suffixes = [] {
    std::vector<std::pair<std::string, uint8_t>> all{{kOpen.suffix, kOpen.bit}};
    for (const Row& row : kRepresentations) {
      const std::pair<std::string, uint8_t> entry{row.representation.suffix, row.representation.bit};
      if (std::find(all.begin(), all.end(), entry) == all.end()) all.push_back(entry);
    }
    return all;
  }();
  return suffixes;
}

}  // namespace kovgen
