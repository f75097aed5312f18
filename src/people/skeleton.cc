#include "skeleton.h"

#include "i18n.h"
#include "questionnaire_text.h"
#include "value.h"
#include "yaml_edit.h"

namespace kovgen {

namespace {

constexpr size_t kWidth = 88;

// The answers stay German whatever the language (ja/nein, 12.500,50 €): that is
// what the reader of the file accepts.
const char* const kHowTo = N_(
    "How to fill in this file:\n"
    "- Write each answer after the colon of its question, e.g. \u201Eplaetze: 200\u201C.\n"
    "- Empty questions count as open; their section is flagged in the draft.\n"
    "- Lines that begin with # are explanations and are not read. The examples for lists and tables "
    "become valid when you remove the # at the start of the line.\n"
    "- Put text that begins with a special character or contains \u201E: \u201C in quotation marks: \"\u2026\".\n"
    "- Dates as 01.08.2026, amounts as 12500,50 or 12.500,50 \u20AC, yes/no as ja or nein.\n"
    "\n"
    "Check: kovgen check FILE \u00B7 Answer question by question: kovgen interview FILE\n"
    "Produce a draft: kovgen render FILE -o entwurf.docx");

class SkeletonWriter {
 public:
  explicit SkeletonWriter(const Template& t) : t_(t) {}

  std::string write() {
    comment("", fill(tr("Answers for the template \u201E{}\u201C ({})"), {t_.title, t_.id}));
    if (!t_.description.empty()) comment("", t_.description);
    out_ += "#\n";
    comment("", tr(kHowTo));
    out_ += "\nvorlage: " + t_.id + "\n";
    int step = 0;
    for (const Section* s : sections_in_step_order(t_)) {
      if (s->step != step) {
        step = s->step;
        const std::string rule(62, '=');
        out_ += "\n# " + rule + "\n";
        comment("", fill(tr("Step {} of 6: {}"), {std::to_string(step), seed_step_title(step)}));
        out_ += "# " + rule + "\n";
      }
      section(*s);
    }
    return out_;
  }

 private:
  // Each line of text as a comment at the given indent, wrapped.
  void comment(const std::string& indent, const std::string& text) {
    for (const auto& line : wrap_text(text, kWidth - indent.size() - 2))
      out_ += indent + (line.empty() ? "#" : "# " + line) + "\n";
  }

  void section(const Section& s) {
    out_ += "\n";
    comment("", "--- " + s.title + " (" + section_kind(s) + ") ---");
    if (!s.intro.empty()) comment("", s.intro);
    out_ += s.id + ":\n";
    for (const auto& q : s.questions) question(q);
  }

  void question(const Question& q) {
    const std::string indent = "  ";
    out_ += "\n";
    comment(indent, q.label);
    comment(indent, question_facts(q));
    if (q.when) comment(indent, fill(tr("Only to be answered if {}."), {condition_text(*q.when, t_)}));
    if (!q.help.empty()) comment(indent, q.help);
    if (!q.choices.empty()) comment(indent, fill(tr("Choice: {}"), {join_choices(q.choices)}));
    switch (q.type) {
      case QuestionType::list: list(q); return;
      case QuestionType::records: records(q); return;
      case QuestionType::longtext:
        comment(indent, tr("Several lines: write \u201E|\u201C after the colon and indent the text in the lines "
                           "below by four spaces."));
        break;
      default: break;
    }
    if (!q.example.empty()) comment(indent, fill(tr("Example: {}"), {example_text(q)}));
    out_ += indent + q.key + ":\n";
  }

  void list(const Question& q) {
    comment("  ", tr("One entry per line, indented and with \u201E- \u201C in front:"));
    out_ += "  " + q.key + ":\n";
    std::vector<std::string> items = split_list_cell(q.example);
    if (items.empty()) items = {tr("first entry"), tr("second entry")};
    for (const auto& item : items) out_ += "  #  - " + yaml_scalar(item) + "\n";
  }

  void records(const Question& q) {
    comment("  ", tr("For each entry a block that begins with \u201E- \u201C, with these fields:"));
    for (const auto& f : q.fields) {
      std::string line = f.key + ": " + f.label + " \u2013 " + question_facts(f);
      if (!f.choices.empty()) line += " \u00B7 " + fill(tr("Choice: {}"), {join_choices(f.choices)});
      if (!f.help.empty()) line += " \u2013 " + f.help;
      comment("  ", "- " + line);
    }
    if (!q.example.empty()) comment("  ", fill(tr("Example: {}"), {q.example}));
    out_ += "  " + q.key + ":\n";
    for (size_t i = 0; i < q.fields.size(); ++i) {
      const Question& f = q.fields[i];
      std::string example = example_text(f);
      if (example.empty() && !f.choices.empty()) example = f.choices.front();
      out_ += std::string(i == 0 ? "  #  - " : "  #    ") + f.key + ":" +
              (example.empty() ? "" : " " + yaml_scalar(example)) + "\n";
    }
  }

  static std::string join_choices(const std::vector<std::string>& choices) {
    std::string s;
    for (const auto& c : choices) s += (s.empty() ? "" : " | ") + c;
    return s;
  }

  const Template& t_;
  std::string out_;
};

}  // namespace

std::string answer_skeleton(const Template& t) { return SkeletonWriter(t).write(); }

}  // namespace kovgen
