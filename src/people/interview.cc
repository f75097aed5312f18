#include "interview.h"

#include <algorithm>
#include <vector>

#include "answer_yaml.h"
#include "checklist.h"
#include "i18n.h"
#include "questionnaire_text.h"
#include "value.h"

namespace kovgen {

namespace {

constexpr size_t kWidth = 76;

const char* const kKeys =
    N_("Input: ? help \u00B7 - skip \u00B7 < back \u00B7 x clear the answer \u00B7 q save and quit \u00B7 "
       "Enter: keep the current answer \u00B7 \\x, \\q etc.: the character itself as the answer");

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

// "  text\n": the interview's short replies, indented under the prompt.
std::string note(const char* text) { return std::string("  ") + text + "\n"; }

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
  return s.empty() ? tr("(empty entry)") : s;
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

bool same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.where.file == b.where.file && a.where.line == b.where.line &&
         a.where.column == b.where.column && a.message == b.message;
}

class Interview {
 public:
  Interview(const Template& t, std::string text, Answers answers, InterviewIO& io,
            const SaveAnswers& save, const InterviewOptions& options, const std::vector<InvalidAnswer>& invalid)
      : t_(t), io_(io), save_(save), options_(options), invalid_(invalid) {
    outcome_.yaml_text = std::move(text);
    outcome_.answers = std::move(answers);
  }

  InterviewOutcome run() {
    const std::vector<Slot> slots = interview_order(t_);
    // The invalid answers first (their errors block render), then every question
    // in questionnaire order; order holds indexes into slots.
    std::vector<size_t> order;
    for (size_t k = 0; k < slots.size(); ++k)
      if (invalid_answer(*slots[k].q) && (!options_.only_required || slots[k].q->required)) order.push_back(k);
    const size_t first_pass = order.size();
    std::vector<bool> fixing(slots.size(), false);  // still invalid, asked in the first pass
    for (size_t k : order) fixing[k] = true;
    const std::vector<bool> in_first_pass = fixing;
    for (size_t k = 0; k < slots.size(); ++k) order.push_back(k);

    std::vector<size_t> history;  // the positions in order asked so far, for "<"
    std::vector<bool> revisit(order.size(), false);
    say_wrapped("", tr(kKeys));
    if (first_pass > 0)
      say_wrapped("", fill(tr_n("The answers file has {} invalid answer. It is asked first, then the other "
                                "questions follow.",
                                "The answers file has {} invalid answers. They are asked first, then the other "
                                "questions follow.",
                                first_pass),
                           {std::to_string(first_pass)}));
    const Section* announced = nullptr;
    bool other_questions_announced = false;
    int asked = 0;
    size_t i = 0;
    while (i < order.size()) {
      const Slot& slot = slots[order[i]];
      const Question& q = *slot.q;
      bool ask;
      if (i < first_pass) {
        // Asked whether or not its condition holds: render rejects the file either way.
        ask = fixing[order[i]] || revisit[i];
      } else {
        ask = outcome_.answers.applies(q) && (!options_.only_required || q.required) &&
              (revisit[i] || (!in_first_pass[order[i]] && (options_.all || needs_answer(q))));
      }
      if (!ask) {
        ++i;
        continue;
      }
      if (i >= first_pass && first_pass > 0 && !other_questions_announced) {
        say("\n" + std::string(tr("On with the other questions.")) + "\n");
        announced = nullptr;
      }
      if (i >= first_pass) other_questions_announced = true;
      if (slot.section != announced) announce(slot);
      announced = slot.section;
      ++asked;
      const InvalidAnswer* broken = fixing[order[i]] ? invalid_answer(q) : nullptr;
      Asked a = ask_question(slot, broken);
      if (a.reply == Reply::save_failed || (a.value && !store(*slot.q, &*a.value)) ||
          (a.reply == Reply::cleared && !store(*slot.q, nullptr))) {
        outcome_.end = InterviewOutcome::End::save_failed;
        return std::move(outcome_);
      }
      if (a.value) ++outcome_.answered;
      if (a.value || a.reply == Reply::cleared) fixing[order[i]] = false;
      switch (a.reply) {
        case Reply::answered:
        case Reply::kept:
        case Reply::cleared:
          revisit[i] = false;
          history.push_back(i++);
          break;
        case Reply::back:
          if (history.empty()) {
            say(std::string(tr("This is the first question.")) + "\n");
          } else {
            i = history.back();
            history.pop_back();
            revisit[i] = true;
          }
          break;
        case Reply::quit:
          say(std::string(tr("Saved. Run 'kovgen interview' again to go on from here.")) + "\n");
          outcome_.end = InterviewOutcome::End::quit;
          return std::move(outcome_);
        case Reply::closed:
        case Reply::save_failed:
          say("\n" + std::string(tr("Input ended \u2013 all answers are saved.")) + "\n");
          outcome_.end = InterviewOutcome::End::input_closed;
          return std::move(outcome_);
      }
    }
    if (asked == 0)
      say(std::string(options_.only_required
                          ? tr("All required questions are answered. Without --nur-pflicht, the optional "
                               "questions that are still open are asked too.")
                          : tr("All questions are answered. With --all every question is asked again.")) +
          "\n");
    outcome_.end = InterviewOutcome::End::finished;
    return std::move(outcome_);
  }

 private:
  void say(const std::string& text) { io_.write(text); }

  void say_wrapped(const std::string& indent, const std::string& text) {
    for (const auto& line : wrap_text(text, kWidth - indent.size())) say(indent + line + "\n");
  }

  std::optional<std::string> read(const std::string& prompt, std::string_view edit = {}) {
    auto line = io_.read_line(prompt, edit);
    if (!line) return std::nullopt;
    return trimmed(*line);
  }

  const InvalidAnswer* invalid_answer(const Question& q) const {
    for (const auto& a : invalid_)
      if (a.full_key == q.full_key) return &a;
    return nullptr;
  }

  // The old text and why render rejects it: „Bisher: "12,500.00 €" – ungültig: …“.
  void show_invalid(const Question& q, const InvalidAnswer& broken) {
    const std::string prefix = describe(q) + ": ";
    if (!broken.old_text.empty() && broken.errors.size() == 1) {
      std::string message = broken.errors.front().message;
      if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
      say_wrapped("  ", fill(tr("Previously: {} \u2013 invalid: {}"), {quoted_value(broken.old_text), message}));
      return;
    }
    say(note(tr("Previously invalid:")));
    for (const auto& e : broken.errors) say("    " + format_diagnostic(e) + "\n");
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
    say("\n" +
        fill(tr("== Section {}/{}: {} (step {}: {}; {})"),
             {std::to_string(slot.section_number), std::to_string(slot.section_count), s.title,
              std::to_string(s.step), seed_step_title(s.step), section_kind(s)}) +
        "\n");
    if (!s.intro.empty()) say_wrapped("   ", s.intro);
  }

  std::string current_text(const Question& q) const {
    const Value* v = outcome_.answers.find(q.full_key);
    if (!v) return "";
    if (q.type == QuestionType::records)
      return fill(tr_n("{} entry", "{} entries", v->rows.size()), {std::to_string(v->rows.size())});
    return v->display();
  }

  void header(const Slot& slot) {
    const Question& q = *slot.q;
    say("\n" +
        fill(tr("Section {}/{} \u2013 {}, question {}/{}"),
             {std::to_string(slot.section_number), std::to_string(slot.section_count), slot.section->title,
              std::to_string(slot.number), std::to_string(slot.count)}) +
        "\n");
    say_wrapped("", q.label);
    say("  " + question_facts(q) + "\n");
    for (size_t i = 0; i < q.choices.size(); ++i) say("  " + std::to_string(i + 1) + ") " + q.choices[i] + "\n");
  }

  void help(const Question& q) {
    if (!q.help.empty()) say_wrapped("  ", q.help);
    else say(note(tr("There is no help text for this question.")));
    say("  " + fill(tr("Kind of answer: {}"), {question_facts(q)}) + "\n");
    if (!q.example.empty()) say_wrapped("  ", fill(tr("Example answer: {}"), {example_text(q)}));
    if (!q.choices.empty()) say(note(tr("Choice: enter the number or the text.")));
    if (q.when) say_wrapped("  ", fill(tr("Asked because {}."), {condition_text(*q.when, t_)}));
    say_wrapped("  ", tr(kKeys));
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
    if (!v) say_wrapped("  ", fill(tr("Invalid input: {}. Please try again (? shows the help)."), {error}));
    return v;
  }

  // broken: the question's invalid answer in the file, asked to be fixed.
  Asked ask_question(const Slot& slot, const InvalidAnswer* broken) {
    header(slot);
    if (broken) show_invalid(*slot.q, *broken);
    switch (slot.q->type) {
      case QuestionType::list:
      case QuestionType::records: return ask_collection(*slot.q, broken);
      default: return ask_scalar(*slot.q, broken);
    }
  }

  Asked ask_scalar(const Question& q, const InvalidAnswer* broken) {
    const std::string current = current_text(q);
    const bool multiline = q.type == QuestionType::longtext;
    if (multiline) say(note(tr("Several lines are possible; a line with only \".\" ends the input.")));
    // A line editor starts with the invalid text, to be corrected rather than retyped.
    std::string edit;
    if (broken && editable(broken->old_text)) edit = broken->old_text;
    for (;;) {
      auto line = read(current.empty() ? std::string(tr("Answer: "))
                                       : fill(tr("Answer [so far: {}]: "), {first_line(current)}),
                       edit);
      if (!line) return {Reply::closed, std::nullopt};
      const auto literal = escaped_command(*line);
      if (!literal) {
        if (*line == "?") {
          help(q);
          continue;
        }
        if (*line == "q") return {Reply::quit, std::nullopt};
        if (*line == "<") return {Reply::back, std::nullopt};
        if (*line == "x" && (!current.empty() || broken)) {
          say(note(tr("answer cleared")));
          return {Reply::cleared, std::nullopt};
        }
        // The old invalid text sent back unchanged (as a line editor offers it) keeps it too.
        if (*line == "-" || line->empty() || (broken && *line == trimmed(broken->old_text))) {
          say(note(broken ? tr("unchanged, still invalid") : current.empty() ? tr("question skipped") : tr("answer kept")));
          return {Reply::kept, std::nullopt};
        }
      }
      std::string text = literal ? *literal : *line;
      if (!multiline) edit = editable(text) ? text : "";  // after a mistake, offered for correction
      if (multiline) {
        for (;;) {
          auto more = io_.read_line("", "");
          if (!more || trimmed(*more) == ".") break;
          text += "\n" + trimmed(*more);
        }
      }
      if (auto v = parse(q, text)) return {Reply::answered, std::move(v)};
    }
  }

  // What a table field accepts, shown in its prompt: " [AWO | DRK]", " (freiwillig)".
  static std::string field_hint(const Question& field) {
    std::string hint = field.required ? "" : fill(" ({})", {tr("optional field")});
    if (field.type == QuestionType::boolean) hint += fill(" [{}]", {tr("yes or no")});
    if (field.type == QuestionType::list) hint += fill(" [{}]", {tr("separate several with ;")});
    if (!field.choices.empty()) {
      hint += " [";
      for (size_t i = 0; i < field.choices.size(); ++i)
        hint += (i ? " | " : "") + std::to_string(i + 1) + ") " + field.choices[i];
      hint += "]";
    }
    return hint;
  }

  // Whether a line editor can offer text as typed keys: one line of moderate
  // length, without control characters, which it would take for editing commands.
  static bool editable(const std::string& text) {
    if (text.size() > 1000) return false;
    for (unsigned char c : text)
      if (c < 0x20 || c == 0x7f) return false;
    return true;
  }

  static std::string first_line(const std::string& s) {
    const size_t nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl) + " …";
  }

  // Lists item by item, tables entry by entry and field by field.
  Asked ask_collection(const Question& q, const InvalidAnswer* broken) {
    const bool table = q.type == QuestionType::records;
    Question item = q;  // list items are one line of text each
    item.type = QuestionType::text;
    item.fields.clear();
    const std::vector<Question> fields = table ? q.fields : std::vector<Question>{item};
    const Value* current = outcome_.answers.find(q.full_key);
    if (current && table) {
      say(note(tr("entries so far:")));
      for (size_t r = 0; r < current->rows.size(); ++r)
        say("    " + std::to_string(r + 1) + ") " + row_summary(q, current->rows[r]) + "\n");
    } else if (current) {
      say("  " + fill(tr("so far: {}"), {current->display()}) + "\n");
    }
    // Of an invalid list or table, the entries without errors stay; those with
    // errors are entered anew after them.
    std::vector<Row> rows;
    if (broken && broken->kept) {
      for (const auto& r : broken->kept->rows) rows.push_back(r);
      for (const auto& text : broken->kept->items) {
        Value v;
        v.text = text;
        rows.push_back({{item.key, v}});
      }
    }
    const size_t kept_rows = rows.size();
    if (kept_rows > 0) {
      say(note(fill(tr_n("{} entry without errors is kept:", "{} entries without errors are kept:", kept_rows),
                    {std::to_string(kept_rows)})
                   .c_str()));
      for (size_t r = 0; r < kept_rows; ++r)
        say("    " + std::to_string(r + 1) + ") " +
            (table ? row_summary(q, rows[r]) : rows[r].front().second.text) + "\n");
      say(note(tr("Please enter the entries with errors anew.")));
    }
    say(note(table ? tr("Entry by entry, field by field; an empty input at the first field ends the table.")
                   : tr("One entry per line; an empty input ends the list.")));
    if (current) say(note(tr("An empty input right at the start keeps the entries so far.")));

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
      if (rows.size() == kept_rows) return {reply == Reply::answered ? Reply::kept : reply, std::nullopt};
      return {reply, value_of(rows)};
    };
    for (;;) {
      const Question& field = fields[f];
      std::string prompt = fill(tr("Entry {}"), {std::to_string(rows.size() + 1)});
      if (table) prompt += " \u2013 " + field.label + field_hint(field);
      auto line = read(prompt + ": ");
      if (!line) return result(Reply::closed);
      const auto literal = escaped_command(*line);
      if (!literal) {
        if (*line == "?") {
          help(table ? field : q);
          continue;
        }
        if (*line == "q") return result(Reply::quit);
        if (*line == "-") {
          say(note(broken ? tr("unchanged, still invalid") : tr("question skipped")));
          return {Reply::kept, std::nullopt};
        }
        if (*line == "<") {
          if (f == 0 && rows.size() == kept_rows) return {Reply::back, std::nullopt};
          if (f == 0) {
            row = std::move(rows.back());
            rows.pop_back();
            f = fields.size();
          }
          --f;
          std::erase_if(row, [&](const auto& kv) { return kv.first == fields[f].key; });
          continue;
        }
        if (*line == "x" && f == 0 && rows.size() == kept_rows && (current || broken)) {
          say(note(table ? tr("all entries cleared") : tr("list cleared")));
          return {Reply::cleared, std::nullopt};
        }
        if (line->empty() && f == 0) {
          if (rows.size() == kept_rows)
            say(note(broken ? tr("unchanged, still invalid") : current ? tr("answer kept") : tr("question skipped")));
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
      say(fill(tr("The answer cannot be saved: {}"), {error}) + "\n");
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
  const std::vector<InvalidAnswer>& invalid_;
  InterviewOutcome outcome_;
};

YamlNode scalar_node(const std::string& text) {
  YamlNode n;
  n.kind = YamlNode::Kind::scalar;
  n.scalar = text;
  return n;
}

// {key: value} as a parsed mapping.
YamlNode one_entry_mapping(const std::string& key, YamlNode value) {
  YamlNode map;
  map.kind = YamlNode::Kind::mapping;
  map.items.push_back(scalar_node(key));
  map.items.push_back(std::move(value));
  return map;
}

// The items of a list or the entries of a table that read without errors, each
// read alone.
Value entries_without_errors(const Section& section, const Question& q, const YamlNode& sequence,
                             const Template& t, const std::string& file) {
  Value kept;
  kept.type = q.type;
  for (const auto& item : sequence.items) {
    YamlNode one;
    one.kind = YamlNode::Kind::sequence;
    one.items.push_back(item);
    Diagnostics ignored;
    const Answers read = read_answers(one_entry_mapping(section.id, one_entry_mapping(q.key, std::move(one))), t,
                                      file, ignored);
    const Value* v = read.find(q.full_key);
    if (!v || ignored.has_errors()) continue;
    for (const auto& r : v->rows) kept.rows.push_back(r);
    for (const auto& text : v->items) kept.items.push_back(text);
  }
  return kept;
}

}  // namespace

AnswersToFix read_answers_to_fix(const YamlNode& root, const Template& t, const std::string& file,
                                 Diagnostics& diag) {
  AnswersToFix result;
  result.answers = read_answers(root, t, file, diag);
  if (!root.is_mapping()) return result;
  for (const auto& section : t.sections) {
    const YamlNode* sn = root.find(section.id);
    if (!sn || !sn->is_mapping()) continue;
    for (const auto& q : section.questions) {
      const YamlNode* qn = sn->find(q.key);
      if (!qn || qn->is_null() || (qn->is_sequence() && qn->items.empty()) || result.answers.find(q.full_key))
        continue;
      // Read alone, the answer yields exactly its own errors, as render reports them.
      Diagnostics own;
      read_answers(one_entry_mapping(section.id, one_entry_mapping(q.key, *qn)), t, file, own);
      InvalidAnswer invalid{q.full_key, qn->is_scalar() ? qn->scalar : "", {}, std::nullopt};
      if ((q.type == QuestionType::list || q.type == QuestionType::records) && qn->is_sequence())
        invalid.kept = entries_without_errors(section, q, *qn, t, file);
      for (const auto& d : own.items())
        if (d.severity == Severity::error &&
            std::any_of(diag.items().begin(), diag.items().end(),
                        [&](const Diagnostic& found) { return same_diagnostic(found, d); }))
          invalid.errors.push_back(d);
      if (!invalid.errors.empty()) result.invalid.push_back(std::move(invalid));
    }
  }
  return result;
}

InterviewOutcome run_interview(const Template& t, std::string yaml_text, Answers answers,
                               InterviewIO& io, const SaveAnswers& save,
                               const InterviewOptions& options, const std::vector<InvalidAnswer>& invalid) {
  return Interview(t, std::move(yaml_text), std::move(answers), io, save, options, invalid).run();
}

}  // namespace kovgen
