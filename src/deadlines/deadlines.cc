#include "deadlines.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <regex>

#include "german_format.h"
#include "i18n.h"

namespace kovgen::deadlines {
namespace {

int64_t days_since_epoch(const Date& d) {
  using namespace std::chrono;
  const year_month_day ymd{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
  return sys_days{ymd}.time_since_epoch().count();
}

int days_in_month(int year, int month) {
  using namespace std::chrono;
  return static_cast<int>(static_cast<unsigned>(
      year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{static_cast<unsigned>(month)}}}.day()));
}

Date add_years(const Date& d, int years) { return add_months(d, 12 * years); }

// The same day and month in `year`; 29 February becomes the 28th in other years.
Date in_year(const DayOfYear& when, int year) {
  return {year, when.month, std::min(when.day, days_in_month(year, when.month))};
}

// Each of the days in every year from first to last, in order.
std::vector<Date> yearly(const std::vector<DayOfYear>& days, int first, int last) {
  std::vector<Date> dates;
  for (int year = first; year <= last; ++year)
    for (const DayOfYear& d : days) dates.push_back(in_year(d, year));
  std::sort(dates.begin(), dates.end());
  return dates;
}

// Which of the yearly `days` after `after` the date `d` is: 1 for the first.
int ordinal_after(const std::vector<DayOfYear>& days, const Date& after, const Date& d) {
  int n = 0;
  for (const Date& x : yearly(days, after.year, d.year))
    if (after < x && x <= d) ++n;
  return n;
}

// The answer to `key` if it is given and its question applies.
const Value* answered(const Answers& answers, const std::string& key) {
  const Value* v = answers.find(key);
  if (!v) return nullptr;
  if (answers.questionnaire)
    if (const Question* q = answers.questionnaire->find_question(key); q && !answers.applies(*q)) return nullptr;
  return v;
}

// "laufzeit_kuendigung.beginn („Inkrafttreten am“)", or the key alone.
std::string field_name(const Answers& answers, const std::string& key) {
  if (answers.questionnaire)
    if (const Question* q = answers.questionnaire->find_question(key)) return describe(*q);
  return key;
}

std::string text_of(const Answers& answers, const std::string& key) {
  const Value* v = answered(answers, key);
  return v ? v->text : std::string();
}

// The first numbered heading whose title holds one of the words, as "§ n".
std::string paragraph_for(const std::vector<SectionHeading>& headings, std::initializer_list<const char*> words) {
  for (const char* word : words)
    for (const SectionHeading& h : headings)
      if (!h.label.empty() && h.title.find(word) != std::string::npos) return h.label;
  return {};
}

class Rules {
 public:
  Rules(const Answers& answers, const std::vector<SectionHeading>& headings, const Window& window,
        AgreementDeadlines& out)
      : answers_(answers), headings_(headings), window_(window), out_(out) {}

  void run() {
    const Value* begin = answered(answers_, "laufzeit_kuendigung.beginn");
    if (!begin) {
      unresolved("laufzeit_kuendigung.beginn",
                 tr("not answered: no deadline counted from the start of the agreement can be computed."));
      return;
    }
    begin_ = begin->date;
    if (const Value* fixed = answered(answers_, "laufzeit_kuendigung.befristet"); fixed && fixed->boolean) {
      const Value* end = answered(answers_, "laufzeit_kuendigung.ende");
      if (!end) {
        unresolved("laufzeit_kuendigung.ende", tr("not answered: the end of the term cannot be computed."));
      } else {
        const Value* renew = answered(answers_, "laufzeit_kuendigung.verlaengerung");
        renews_ = renew && renew->boolean;
        if (!renews_) last_day_ = end->date;
        term_end(end->date);
      }
    }
    notice();
    reports();
    reviews();
    criminal_record_checks();
    protection_concept();
    proof_of_use();
    annex_places();
  }

 private:
  void term_end(const Date& end) {
    const std::string par = paragraph_for(headings_, {"Laufzeit", "Kündigung"});
    if (!renews_) {
      add({end, "laufzeit_ende", tr("End of the agreement's term"),
           tr("The agreement ends at the end of this day without notice."), par, 12});
      add({add_years(end, -1), "anschlussverhandlung", tr("Negotiations on a follow-up agreement"),
           tr("The parties start negotiating a follow-up agreement at the latest one year before the term ends."),
           par, 8});
      return;
    }
    int n = 1;
    for (Date d = end; d <= window_.to; d = add_years(d, 1), ++n)
      add({d, "laufzeit_ende", tr("End of a term: extension by one school year"),
           tr("The agreement is extended by one more school year unless a party gave notice in time."), par, 12, n});
  }

  void notice() {
    const Value* months = answered(answers_, "laufzeit_kuendigung.kuendigungsfrist_monate");
    const Value* when = answered(answers_, "laufzeit_kuendigung.kuendigungstermin");
    if (!months) {
      unresolved("laufzeit_kuendigung.kuendigungsfrist_monate",
                 tr("not answered: the last day to give notice cannot be computed."));
      return;
    }
    if (!when) {
      unresolved("laufzeit_kuendigung.kuendigungstermin",
                 tr("not answered: the last day to give notice cannot be computed."));
      return;
    }
    const std::vector<DayOfYear> termination_days = find_days_of_year(when->text);
    if (termination_days.empty()) {
      unresolved("laufzeit_kuendigung.kuendigungstermin",
                 fill(tr("„{}“ names no day of the year (such as „31. Juli“ or „Ende eines Schuljahres“): the last "
                         "day to give notice cannot be computed."),
                      {when->text}));
      return;
    }
    const int n = static_cast<int>(months->number);
    const std::string par = paragraph_for(headings_, {"Kündigung", "Laufzeit"});
    for (const Date& termination : yearly(termination_days, window_.from.year, window_.to.year + 3)) {
      if (termination <= begin_ || (last_day_ && termination >= *last_day_)) continue;
      const Date last = last_day_for_notice(termination, n);
      if (last < begin_) continue;
      add({last, "kuendigung", fill(tr("Last day to give notice for {}"), {format_date_long(termination)}),
           fill(tr_n("Notice period of {} month (answer „{}“): to end the agreement on {}, the written notice must "
                     "reach every other party by this day.",
                     "Notice period of {} months (answer „{}“): to end the agreement on {}, the written notice must "
                     "reach every other party by this day.",
                     static_cast<unsigned long>(n)),
                {std::to_string(n), when->text, format_date_long(termination)}),
           par, 8, ordinal_after(termination_days, begin_, termination)});
    }
  }

  void reports() {
    const Value* when = answered(answers_, "evaluation.bericht_termin");
    if (!when) {
      unresolved("evaluation.bericht_termin", tr("not answered: no date for the yearly report."));
      return;
    }
    const std::vector<DayOfYear> due = find_days_of_year(when->text);
    if (due.empty()) {
      unresolved("evaluation.bericht_termin",
                 fill(tr("„{}“ names no day of the year (such as „31. Oktober“): no date for the yearly report."),
                      {when->text}));
      return;
    }
    // The report covers the school year just ended, so the first is due after
    // the first school year of the agreement.
    const Date first_year_end{begin_.month >= 8 ? begin_.year + 1 : begin_.year, 7, 31};
    const std::string par = paragraph_for(headings_, {"Evaluation"});
    for (const Date& d : yearly(due, window_.from.year, window_.to.year)) {
      if (d <= first_year_end || (last_day_ && d > add_years(*last_day_, 1))) continue;
      add({d, "sachbericht", tr("Yearly report due"),
           fill(tr("The provider submits the report on the school year just ended (answer „{}“)."), {when->text}), par, 4,
           ordinal_after(due, first_year_end, d)});
    }
  }

  void reviews() {
    const Value* rhythm = answered(answers_, "evaluation.fortschreibung");
    if (!rhythm) {
      unresolved("evaluation.fortschreibung", tr("not answered: no date for the joint review."));
      return;
    }
    const int years = rhythm->text == "jährlich" ? 1 : rhythm->text == "alle zwei Jahre" ? 2
                      : rhythm->text == "alle drei Jahre"                      ? 3
                                                                                : 0;
    if (years == 0) {
      unresolved("evaluation.fortschreibung",
                 fill(tr("„{}“ is no rhythm kovgen can count with: no date for the joint review."), {rhythm->text}));
      return;
    }
    every(years, "ueberpruefung", tr("Joint review of the agreement"),
          fill(tr("The parties review the agreement and the concept together {} and update them if needed. The "
                  "agreement names no day: the dates are assumed {} from the day it took effect ({})."),
               {rhythm->text, rhythm->text, format_date_long(begin_)}),
          paragraph_for(headings_, {"Evaluation"}), 6);
  }

  void criminal_record_checks() {
    const Value* interval = answered(answers_, "kinderschutz.fuehrungszeugnis_intervall");
    if (!interval || interval->number < 1) {
      unresolved("kinderschutz.fuehrungszeugnis_intervall",
                 tr("not answered: no date for presenting the Führungszeugnis again."));
      return;
    }
    const int years = static_cast<int>(interval->number);
    every(years, "fuehrungszeugnis", tr("Present the erweitertes Führungszeugnis again"),
          fill(tr("Staff present an erweitertes Führungszeugnis again at least every {} (answer "
                  "kinderschutz.fuehrungszeugnis_intervall). Assumed: everyone presented one when the agreement "
                  "took effect; for people who started later, the interval counts from their own certificate."),
               {years_text(years)}),
          paragraph_for(headings_, {"Kinderschutz"}), 8);
  }

  void protection_concept() {
    const Value* months = answered(answers_, "kinderschutz.schutzkonzept_frist_monate");
    if (!months) return;  // asked only while there is no Schutzkonzept yet
    add({add_months(begin_, static_cast<int>(months->number)), "schutzkonzept",
         tr("Protection concept (Schutzkonzept) due"),
         fill(tr_n("The provider promised to draw up a protection concept within {} month of the agreement taking effect.",
                   "The provider promised to draw up a protection concept within {} months of the agreement taking effect.",
                   static_cast<unsigned long>(months->number)),
              {std::to_string(months->number)}),
         paragraph_for(headings_, {"Kinderschutz"}), 8});
  }

  void proof_of_use() {
    const Value* due = answered(answers_, "pflichten_traeger.verwendungsnachweis_frist");
    if (!due) {
      if (answers_.questionnaire && answers_.questionnaire->find_question("pflichten_traeger.verwendungsnachweis_frist"))
        unresolved("pflichten_traeger.verwendungsnachweis_frist", tr("not answered: no date for the proof of use."));
      return;
    }
    // The agreement asks for it every school year, on the same day as the first.
    const std::string par = paragraph_for(headings_, {"Aufgaben des Trägers", "Finanzierung"});
    int n = 1;
    for (Date d = due->date; d <= window_.to; d = add_years(d, 1), ++n) {
      if (last_day_ && d > add_years(*last_day_, 1)) break;
      add({d, "verwendungsnachweis", tr("Proof of use (Verwendungsnachweis) due"),
           tr("The provider proves to the school authority how the funds of the school year just ended were used."),
           par, 4, n});
    }
  }

  void annex_places() {
    const Value* adjust = answered(answers_, "gegenstand.platzanpassung");
    if (!adjust || !adjust->boolean) return;
    const Value* registration = answered(answers_, "aufnahme_teilnahme.anmeldefrist");
    const std::vector<DayOfYear> due = registration ? find_days_of_year(registration->text) : std::vector<DayOfYear>{};
    if (due.empty()) {
      unresolved("aufnahme_teilnahme.anmeldefrist",
                 registration ? fill(tr("„{}“ names no day of the year: no date for the yearly update of Anlage 1."),
                                     {registration->text})
                              : tr("not answered: no date for the yearly update of Anlage 1."));
      return;
    }
    const std::string par = paragraph_for(headings_, {"Vertragsgegenstand"});
    for (const Date& d : yearly(due, window_.from.year, window_.to.year)) {
      if (d <= begin_ || (last_day_ && d >= *last_day_)) continue;
      add({d, "anlage1", tr("Update Anlage 1 (places and groups) for the next school year"),
           fill(tr("Registration closes (answer „{}“): the parties adjust places and groups to the registrations and "
                   "attach the updated Anlage 1."),
                {registration->text}),
           par, 4, ordinal_after(due, begin_, d)});
    }
  }

  static std::string years_text(int years) {
    return fill(tr_n("{} year", "{} years", static_cast<unsigned long>(years)), {std::to_string(years)});
  }

  // Every `years` years after the start, while the agreement runs.
  void every(int years, const char* kind, const std::string& summary, const std::string& description,
             const std::string& par, int weeks) {
    int n = 1;
    for (Date d = add_years(begin_, years); d <= window_.to; d = add_years(d, years), ++n) {
      if (last_day_ && d > *last_day_) break;
      add({d, kind, summary, description, par, weeks, n});
    }
  }

  void add(Deadline d) {
    if (d.date < window_.from || d.date > window_.to) return;
    out_.deadlines.push_back(std::move(d));
  }

  void unresolved(const std::string& key, const std::string& reason) {
    const Value* v = answers_.find(key);
    out_.unresolved.push_back({field_name(answers_, key), reason, v ? v->where : Location{answers_.file, 0, 0}});
  }

  const Answers& answers_;
  const std::vector<SectionHeading>& headings_;
  const Window& window_;
  AgreementDeadlines& out_;
  Date begin_;
  bool renews_ = false;
  std::optional<Date> last_day_;  // a fixed term without extension ends here
};

uint64_t fnv1a(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::vector<std::string> school_names(const Answers& answers) {
  std::vector<std::string> names;
  if (const Value* schools = answered(answers, "vertragspartner.schulen"))
    for (const auto& row : schools->rows)
      for (const auto& [key, value] : row)
        if (key == "name") names.push_back(value.text);
  return names;
}

}  // namespace

Date add_days(const Date& d, int days) { return date_from_unix_days(days_since_epoch(d) + days); }

Date add_months(const Date& d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  return {year, month, std::min(d.day, days_in_month(year, month))};
}

Date last_day_for_notice(const Date& termination, int months) {
  return add_days(add_months(add_days(termination, 1), -months), -1);
}

std::vector<DayOfYear> find_days_of_year(const std::string& text) {
  // "31. Juli" or "31.07.": a day and a month, the month's name as german_format writes it.
  static const std::regex date([] {
    std::string months;
    for (int m = 1; m <= 12; ++m) months += std::string(german_month_name(m)) + "|";
    return R"((^|[^\d])(\d{1,2})\.\s*()" + months + R"(\d{1,2}\.))";
  }());
  std::vector<DayOfYear> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), date); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    DayOfYear d{std::stoi(m[2]), 0};
    const std::string month = m[3];
    d.month = german_month_number(month);
    if (d.month == 0) d.month = std::stoi(month);
    // Any leap year: 29 February is a day of the year.
    if (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(2024, d.month) &&
        std::find(found.begin(), found.end(), d) == found.end())
      found.push_back(d);
  }
  if (!found.empty()) return found;
  if (text.find("Schulhalbjahr") != std::string::npos) return {{31, 1}, {31, 7}};
  if (text.find("Schuljahr") != std::string::npos) return {{31, 7}};
  if (text.find("Kalenderjahr") != std::string::npos || text.find("Jahresende") != std::string::npos) return {{31, 12}};
  return {};
}

AgreementDeadlines compute_deadlines(const Answers& answers, const std::vector<SectionHeading>& headings,
                                     const Window& window) {
  AgreementDeadlines out;
  const std::vector<std::string> schools = school_names(answers);
  out.parties = join_german(schools);
  std::string parties = out.parties;
  for (const char* key : {"vertragspartner.traeger_name", "vertragspartner.schultraeger_name"})
    if (const std::string name = text_of(answers, key); !name.empty()) parties += (parties.empty() ? "" : ", ") + name;
  if (out.parties.empty()) out.parties = parties;
  std::string title = text_of(answers, "meta.titel");
  if (title.empty()) title = answers.questionnaire ? answers.questionnaire->title : std::string("Kooperationsvereinbarung");
  out.title = parties.empty() ? title : title + " (" + parties + ")";
  std::string identity = answers.questionnaire ? answers.questionnaire->id : std::string();
  for (const char* key : {"meta.aktenzeichen", "meta.titel", "vertragspartner.schultraeger_name", "vertragspartner.traeger_name"})
    identity += '\x1f' + text_of(answers, key);
  for (const std::string& school : schools) identity += '\x1f' + school;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(identity)));
  out.identity = hex;

  Rules(answers, headings, window, out).run();
  std::stable_sort(out.deadlines.begin(), out.deadlines.end(), [](const Deadline& a, const Deadline& b) {
    return a.date != b.date ? a.date < b.date : a.kind < b.kind;
  });
  return out;
}

}  // namespace kovgen::deadlines
