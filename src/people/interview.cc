#include "interview.h"

#include <vector>

#include "answer_yaml.h"
#include "checklist.h"
#include "questionnaire_text.h"
#include "value.h"

namespace kovgen {

namespace {

constexpr size_t kWidth = 76;

const char* const kKeys =
    "Eingaben: ? Hilfe \u00B7 - überspringen \u00B7 < zurück \u00B7 x Antwort löschen \u00B7 "
    "q speichern und beenden \u00B7 Enter: bisherige Antwort behalten \u00B7 "
    "\\x, \\q usw.: das Zeichen selbst als Antwort";

// A command character typed after a backslash ("\x") is an answer, not a command:
// the answer itself, or nullopt for any other line.
std::optional<std::string> escaped_command(const std::string& line) {
  if (line.size() == 2 && line[0] == '\\' && std::string_view("?q<x-").find(line[1]) != std::string_view::npos)
    return line.substr(1);
  return std::nullopt;
}

// One question in interview order, with its place for the progress line.
struct Slot {
  const Section* section = nullptr;
  int section_number = 0, section_count = 0;
  const Question* q = nullptr;
  int number = 0, count = 0;
};

enum class Reply { answered, kept, cleared, back, quit, closed, save_failed };

struct Asked {
  Reply reply = Reply::kept;
  std::optional<Value> value;  // with Reply::answered (and quit/closed with a partial table)
};

using Row = std::vector<std::pair<std::string, Value>>;

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

std::string row_summary(const Question& q, const Row& row) {
  std::string s;
  for (const auto& field : q.fields)
    for (const auto& [key, value] : row)
      if (key == field.key) s += (s.empty() ? "" : "; ") + field.label + ": " + value.display();
  return s.empty() ? "(leer)" : s;
}

std::vector<Slot> interview_order(const Template& t) {
  std::vector<Slot> slots;
  const auto sections = sections_in_step_order(t);
  for (size_t i = 0; i < sections.size(); ++i) {
    const Section* s = sections[i];
    for (size_t j = 0; j < s->questions.size(); ++j)
      slots.push_back({s, static_cast<int>(i + 1), static_cast<int>(sections.size()), &s->questions[j],
                       static_cast<int>(j + 1), static_cast<int>(s->questions.size())});
  }
  return slots;
}

class Interview {
 public:
  Interview(const Template& t, std::string text, Answers answers, InterviewIO& io,
            const SaveAnswers& save, const InterviewOptions& options)
      : t_(t), io_(io), save_(save), options_(options) {
    outcome_.yaml_text = std::move(text);
    outcome_.answers = std::move(answers);
  }

  InterviewOutcome run() {
    const std::vector<Slot> slots = interview_order(t_);
    std::vector<size_t> history;  // the questions asked so far, for "<"
    std::vector<bool> revisit(slots.size(), false);
    say_wrapped("", kKeys);
    const Section* announced = nullptr;
    size_t i = 0;
    while (i < slots.size()) {
      const Slot& slot = slots[i];
      const bool ask = outcome_.answers.applies(*slot.q) &&
                       (options_.all || revisit[i] || needs_answer(*slot.q));
      if (!ask) {
        ++i;
        continue;
      }
      if (slot.section != announced) announce(slot);
      announced = slot.section;
      Asked a = ask_question(slot);
      if (a.reply == Reply::save_failed || (a.value && !store(*slot.q, &*a.value)) ||
          (a.reply == Reply::cleared && !store(*slot.q, nullptr))) {
        outcome_.end = InterviewOutcome::End::save_failed;
        return std::move(outcome_);
      }
      if (a.value) ++outcome_.answered;
      switch (a.reply) {
        case Reply::answered:
        case Reply::kept:
        case Reply::cleared:
          revisit[i] = false;
          history.push_back(i++);
          break;
        case Reply::back:
          if (history.empty()) {
            say("Das ist die erste Frage.\n");
          } else {
            i = history.back();
            history.pop_back();
            revisit[i] = true;
          }
          break;
        case Reply::quit:
          say("Gespeichert. Mit \u201Ekovgen interview\u201C geht es später hier weiter.\n");
          outcome_.end = InterviewOutcome::End::quit;
          return std::move(outcome_);
        case Reply::closed:
        case Reply::save_failed:
          say("\nEingabe beendet \u2013 alle Antworten sind gespeichert.\n");
          outcome_.end = InterviewOutcome::End::input_closed;
          return std::move(outcome_);
      }
    }
    if (outcome_.answered == 0 && history.empty())
      say("Alle Fragen sind beantwortet. Mit --all werden alle Fragen noch einmal gestellt.\n");
    outcome_.end = InterviewOutcome::End::finished;
    return std::move(outcome_);
  }

 private:
  void say(const std::string& text) { io_.write(text); }

  void say_wrapped(const std::string& indent, const std::string& text) {
    for (const auto& line : wrap_text(text, kWidth - indent.size())) say(indent + line + "\n");
  }

  std::optional<std::string> read() {
    auto line = io_.read_line();
    if (!line) return std::nullopt;
    return trimmed(*line);
  }

  // Unanswered, or a table with entries that miss required fields.
  bool needs_answer(const Question& q) const {
    const Value* v = outcome_.answers.find(q.full_key);
    if (!v) return true;
    for (const auto& row : v->rows)
      for (const auto& field : q.fields) {
        if (!field.required) continue;
        bool has = false;
        for (const auto& [key, value] : row) has = has || key == field.key;
        if (!has) return true;
      }
    return false;
  }

  void announce(const Slot& slot) {
    const Section& s = *slot.section;
    say("\n== Abschnitt " + std::to_string(slot.section_number) + "/" + std::to_string(slot.section_count) +
        ": " + s.title + " (Schritt " + std::to_string(s.step) + ": " + seed_step_title(s.step) + "; " +
        section_kind(s) + ")\n");
    if (!s.intro.empty()) say_wrapped("   ", s.intro);
  }

  std::string current_text(const Question& q) const {
    const Value* v = outcome_.answers.find(q.full_key);
    if (!v) return "";
    if (q.type == QuestionType::records)
      return std::to_string(v->rows.size()) + (v->rows.size() == 1 ? " Eintrag" : " Einträge");
    return v->display();
  }

  void header(const Slot& slot) {
    const Question& q = *slot.q;
    say("\nAbschnitt " + std::to_string(slot.section_number) + "/" + std::to_string(slot.section_count) +
        " \u2013 " + slot.section->title + ", Frage " + std::to_string(slot.number) + "/" +
        std::to_string(slot.count) + "\n");
    say_wrapped("", q.label);
    say("  " + question_facts(q) + "\n");
    for (size_t i = 0; i < q.choices.size(); ++i) say("  " + std::to_string(i + 1) + ") " + q.choices[i] + "\n");
  }

  void help(const Question& q) {
    if (!q.help.empty()) say_wrapped("  ", q.help);
    else say("  Zu dieser Frage gibt es keinen Hilfetext.\n");
    say("  Art: " + question_facts(q) + "\n");
    if (!q.example.empty()) say_wrapped("  ", "Beispiel: " + example_text(q));
    if (!q.choices.empty()) say("  Auswahl: Nummer oder Text eingeben.\n");
    if (q.when) say_wrapped("  ", "Gefragt, weil " + condition_text(*q.when, t_) + ".");
    say_wrapped("  ", kKeys);
  }

  // Parses one typed entry; on failure tells the reason and returns nullopt.
  std::optional<Value> parse(const Question& q, const std::string& input) {
    std::string text = input;
    if (q.type == QuestionType::choice && !text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
      const size_t n = std::stoul(text.substr(0, 6));
      if (n >= 1 && n <= q.choices.size()) text = q.choices[n - 1];
    }
    std::string error;
    auto v = parse_scalar(q, text, &error);
    if (!v) say_wrapped("  ", "Ungültige Eingabe: " + error + ". Bitte noch einmal (? zeigt die Hilfe).");
    return v;
  }

  Asked ask_question(const Slot& slot) {
    header(slot);
    switch (slot.q->type) {
      case QuestionType::list:
      case QuestionType::records: return ask_collection(*slot.q);
      default: return ask_scalar(*slot.q);
    }
  }

  Asked ask_scalar(const Question& q) {
    const std::string current = current_text(q);
    const bool multiline = q.type == QuestionType::longtext;
    if (multiline) say("  Mehrere Zeilen möglich; eine Zeile nur mit \u201E.\u201C beendet die Eingabe.\n");
    for (;;) {
      say(current.empty() ? "Antwort: " : "Antwort [bisher: " + first_line(current) + "]: ");
      auto line = read();
      if (!line) return {Reply::closed, std::nullopt};
      const auto literal = escaped_command(*line);
      if (!literal) {
        if (*line == "?") {
          help(q);
          continue;
        }
        if (*line == "q") return {Reply::quit, std::nullopt};
        if (*line == "<") return {Reply::back, std::nullopt};
        if (*line == "x" && !current.empty()) {
          say("  gelöscht\n");
          return {Reply::cleared, std::nullopt};
        }
        if (*line == "-" || line->empty()) {
          say(current.empty() ? "  übersprungen\n" : "  beibehalten\n");
          return {Reply::kept, std::nullopt};
        }
      }
      std::string text = literal ? *literal : *line;
      if (multiline) {
        for (;;) {
          auto more = io_.read_line();
          if (!more || trimmed(*more) == ".") break;
          text += "\n" + trimmed(*more);
        }
      }
      if (auto v = parse(q, text)) return {Reply::answered, std::move(v)};
    }
  }

  // What a table field accepts, shown in its prompt: " [AWO | DRK]", " (freiwillig)".
  static std::string field_hint(const Question& field) {
    std::string hint = field.required ? "" : " (freiwillig)";
    if (field.type == QuestionType::boolean) hint += " [ja/nein]";
    if (field.type == QuestionType::list) hint += " [mehrere mit ; trennen]";
    if (!field.choices.empty()) {
      hint += " [";
      for (size_t i = 0; i < field.choices.size(); ++i)
        hint += (i ? " | " : "") + std::to_string(i + 1) + ") " + field.choices[i];
      hint += "]";
    }
    return hint;
  }

  static std::string first_line(const std::string& s) {
    const size_t nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl) + " …";
  }

  // Lists item by item, tables entry by entry and field by field.
  Asked ask_collection(const Question& q) {
    const bool table = q.type == QuestionType::records;
    Question item = q;  // list items are one line of text each
    item.type = QuestionType::text;
    item.fields.clear();
    const std::vector<Question> fields = table ? q.fields : std::vector<Question>{item};
    const Value* current = outcome_.answers.find(q.full_key);
    if (current && table) {
      say("  bisher:\n");
      for (size_t r = 0; r < current->rows.size(); ++r)
        say("    " + std::to_string(r + 1) + ") " + row_summary(q, current->rows[r]) + "\n");
    } else if (current) {
      say("  bisher: " + current->display() + "\n");
    }
    say(table ? "  Eintrag für Eintrag, Feld für Feld; eine leere Eingabe beim ersten Feld beendet die Tabelle.\n"
              : "  Ein Eintrag je Zeile; eine leere Eingabe beendet die Liste.\n");
    if (current) say("  Eine leere Eingabe gleich zu Beginn behält die bisherigen Einträge.\n");

    std::vector<Row> rows;
    Row row;
    size_t f = 0;
    auto value_of = [&](const std::vector<Row>& all) {
      Value v;
      v.type = q.type;
      for (const auto& r : all) {
        if (table) v.rows.push_back(r);
        else v.items.push_back(r.front().second.text);
      }
      return v;
    };
    auto result = [&](Reply reply) -> Asked {
      if (!row.empty()) rows.push_back(row);
      if (rows.empty()) return {reply == Reply::answered ? Reply::kept : reply, std::nullopt};
      return {reply, value_of(rows)};
    };
    for (;;) {
      const Question& field = fields[f];
      std::string prompt = "Eintrag " + std::to_string(rows.size() + 1);
      if (table) prompt += " \u2013 " + field.label + field_hint(field);
      say(prompt + ": ");
      auto line = read();
      if (!line) return result(Reply::closed);
      const auto literal = escaped_command(*line);
      if (!literal) {
        if (*line == "?") {
          help(table ? field : q);
          continue;
        }
        if (*line == "q") return result(Reply::quit);
        if (*line == "-") {
          say("  übersprungen\n");
          return {Reply::kept, std::nullopt};
        }
        if (*line == "<") {
          if (f == 0 && rows.empty()) return {Reply::back, std::nullopt};
          if (f == 0) {
            row = std::move(rows.back());
            rows.pop_back();
            f = fields.size();
          }
          --f;
          std::erase_if(row, [&](const auto& kv) { return kv.first == fields[f].key; });
          continue;
        }
        if (*line == "x" && f == 0 && rows.empty() && current) {
          say(table ? "  alle Einträge gelöscht\n" : "  Liste gelöscht\n");
          return {Reply::cleared, std::nullopt};
        }
        if (line->empty() && f == 0) {
          if (rows.empty()) say(current ? "  beibehalten\n" : "  übersprungen\n");
          return result(Reply::answered);
        }
      }
      const std::string entry = literal ? *literal : *line;
      if (!entry.empty()) {
        std::optional<Value> v;
        if (field.type == QuestionType::list) {
          v = Value();
          v->type = QuestionType::list;
          v->items = split_list_cell(entry);
        } else {
          v = parse(field, entry);
          if (!v) continue;
        }
        row.emplace_back(field.key, std::move(*v));
      }
      if (++f == fields.size()) {
        rows.push_back(std::move(row));
        row.clear();
        f = 0;
        // Each finished entry is saved at once, so an interruption loses at most one.
        const Value so_far = value_of(rows);
        if (!store(q, &so_far)) return {Reply::save_failed, std::nullopt};
        if (rows.size() >= kMaxListItems) return result(Reply::answered);
      }
    }
  }

  // Saves q's answer; nullptr clears it (the key stays, empty, as a reminder).
  bool store(const Question& q, const Value* v) {
    std::string error;
    auto text = set_answer_in_yaml(outcome_.yaml_text, t_, q, v, &error);
    if (!text) {
      say("Die Antwort kann nicht gespeichert werden: " + error + "\n");
      return false;
    }
    if (!save_(*text)) return false;
    outcome_.yaml_text = std::move(*text);
    if (v) outcome_.answers.values[q.full_key] = *v;
    else outcome_.answers.values.erase(q.full_key);
    return true;
  }

  const Template& t_;
  InterviewIO& io_;
  const SaveAnswers& save_;
  const InterviewOptions& options_;
  InterviewOutcome outcome_;
};

}  // namespace

InterviewOutcome run_interview(const Template& t, std::string yaml_text, Answers answers,
                               InterviewIO& io, const SaveAnswers& save,
                               const InterviewOptions& options) {
  return Interview(t, std::move(yaml_text), std::move(answers), io, save, options).run();
}

}  // namespace kovgen
