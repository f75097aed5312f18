#include "questionnaire_markdown.h"

#include "i18n.h"
#include "markdown_escape.h"
#include "questionnaire_text.h"

namespace kovgen {

namespace {

constexpr int kBlankRows = 3;  // rows to write on for lists and tables

// Quotes the words question_facts and condition_text write, in the same language.
const char* const kIntro = N_(
    "Please answer the questions on the lines or tick the boxes. Questions marked \u201Emandatory answer\u201C "
    "are needed for a complete agreement; if they are missing, their section is flagged in the draft. Questions "
    "with \u201EOnly to be answered if \u2026\u201C apply only in that case.");

std::string writing_line() { return escape_markdown(std::string(60, '_')); }

class HandoutWriter {
 public:
  HandoutWriter(const Template& t, const HandoutVariant& variant) : t_(t), variant_(variant) {}

  std::string write() {
    out_ += "# " + fill(tr("Questionnaire: {}"), {escape_markdown(t_.title)}) + "\n\n";
    if (!t_.description.empty()) out_ += escape_markdown(t_.description) + "\n\n";
    out_ += "> [!NOTE]\n> " + (variant_.intro.empty() ? std::string(tr(kIntro)) : variant_.intro) + "\n\n";
    out_ += variant_.preface;
    person_line("kovgen:ausgefuellt_von", tr("Filled in by:"), 40);
    person_line("kovgen:einrichtung", tr("Institution / school:"), 34);
    person_line("kovgen:datum", tr("Date:"), 20);
    int step = 0, number = 0;
    for (const Section* s : sections_in_step_order(t_)) {
      if (!variant_.sections.empty() && !variant_.sections.count(s->id)) {
        ++number;
        continue;
      }
      if (s->step != step) {
        step = s->step;
        out_ += "## " + fill(tr("Step {}: {}"), {std::to_string(step), escape_markdown(seed_step_title(step))}) +
                "\n\n";
      }
      section(*s, ++number);
    }
    return out_;
  }

 private:
  void section(const Section& s, int number) {
    out_ += "### " + std::to_string(number) + ". " + escape_markdown(s.title) + "\n\n";
    out_ += "*" + std::string(section_kind(s)) + "*";
    if (!s.intro.empty()) out_ += " \u2013 " + escape_markdown(s.intro);
    out_ += "\n\n";
    for (size_t i = 0; i < s.questions.size(); ++i)
      question(s.questions[i], std::to_string(number) + "." + std::to_string(i + 1));
  }

  void question(const Question& q, const std::string& number) {
    // A question stays on one page with its answer space.
    out_ += "<!-- kovgen:keep-together -->\n\n";
    out_ += "**" + number + " " + escape_markdown(q.label) + "**\n\n";
    if (!q.help.empty()) out_ += escape_markdown(q.help) + "\n\n";
    std::string facts = question_facts(q);
    if (const std::string example = example_text(q); !example.empty() && q.type != QuestionType::records)
      facts += " \u00B7 " + fill(tr("Example: {}"), {example});
    out_ += "*" + escape_markdown(facts) + "*\n\n";
    if (q.when)
      out_ += "*" + escape_markdown(fill(tr("Only to be answered if {}."), {condition_text(*q.when, t_)})) + "*\n\n";
    answer_space(q);
    out_ += "<!-- kovgen:end-keep-together -->\n\n";
  }

  void person_line(const char* key, const char* label, size_t line) {
    if (!variant_.answer_space) {
      out_ += std::string(label) + " " + escape_markdown(std::string(line, '_')) + "\n\n";
      return;
    }
    Question q;
    q.key = q.full_key = key;
    q.label = label;
    q.type = std::string_view(key) == "kovgen:datum" ? QuestionType::date : QuestionType::text;
    out_ += std::string(label) + "\n\n";
    if (!variant_.answer_space(q, out_)) out_ += escape_markdown(std::string(line, '_')) + "\n\n";
  }

  void answer_space(const Question& q) {
    if (variant_.answer_space && variant_.answer_space(q, out_)) return;
    switch (q.type) {
      case QuestionType::choice:
        boxes(q.choices);
        return;
      case QuestionType::boolean:
        boxes({tr("yes"), tr("no")});
        return;
      case QuestionType::list:
        for (int i = 1; i <= kBlankRows; ++i) out_ += std::to_string(i) + ". " + writing_line() + "\n";
        out_ += "\n";
        return;
      case QuestionType::records: table(q); return;
      case QuestionType::longtext:
        for (int i = 0; i < 4; ++i) out_ += writing_line() + "\n\n";
        return;
      default: out_ += writing_line() + "\n\n";
    }
  }

  void boxes(const std::vector<std::string>& choices) {
    for (const auto& c : choices) out_ += "- [ ] " + escape_markdown(c) + "\n";
    out_ += "\n";
  }

  // A table with one column per field and empty rows to fill in.
  void table(const Question& q) {
    std::string head = "|", rule = "|";
    for (const auto& f : q.fields) {
      head += " " + escape_markdown(f.required ? f.label : fill(tr("{} (optional)"), {f.label})) + " |";
      rule += " --- |";
    }
    out_ += head + "\n" + rule + "\n";
    const int rows = variant_.table_rows ? variant_.table_rows(q) : kBlankRows;
    for (int i = 0; i < rows; ++i) {
      std::string row = "|";
      for (size_t c = 0; c < q.fields.size(); ++c)
        row += " " + (variant_.table_cell ? variant_.table_cell(q, i, c) : std::string("\u00A0")) + " |";
      out_ += row + "\n";
    }
    out_ += "\n";
    for (const auto& f : q.fields) {
      std::string note;
      if (!f.choices.empty()) {
        std::string choices;
        for (size_t i = 0; i < f.choices.size(); ++i) choices += (i ? " | " : "") + f.choices[i];
        note = fill(tr("Choice: {}"), {choices});
      }
      if (!f.help.empty()) note += (note.empty() ? "" : "; ") + f.help;
      if (const std::string example = example_text(f); !example.empty())
        note += (note.empty() ? "" : "; ") + fill(tr("Example: {}"), {example});
      if (!note.empty()) out_ += "- " + escape_markdown(f.label + ": " + note) + "\n";
    }
    out_ += "\n";
  }

  const Template& t_;
  const HandoutVariant& variant_;
  std::string out_;
};

}  // namespace

std::string questionnaire_markdown(const Template& t) { return HandoutWriter(t, HandoutVariant{}).write(); }

std::string questionnaire_markdown(const Template& t, const HandoutVariant& variant) {
  return HandoutWriter(t, variant).write();
}

}  // namespace kovgen
