#include "skeleton.h"

#include "questionnaire_text.h"
#include "value.h"
#include "yaml_edit.h"

namespace kovgen {

namespace {

constexpr size_t kWidth = 88;

const char* const kHowTo =
    "So füllen Sie diese Datei aus:\n"
    "- Schreiben Sie jede Antwort hinter den Doppelpunkt ihrer Frage, z. B. \u201Eplaetze: 200\u201C.\n"
    "- Leere Fragen gelten als offen; ihr Abschnitt wird im Entwurf markiert.\n"
    "- Zeilen, die mit # beginnen, sind Erläuterungen und werden nicht gelesen. Die Beispiele "
    "für Listen und Tabellen werden gültig, wenn Sie das # am Zeilenanfang entfernen.\n"
    "- Text, der mit einem Sonderzeichen beginnt oder \u201E: \u201C enthält, in Anführungszeichen "
    "setzen: \"…\".\n"
    "- Datum als 01.08.2026, Beträge als 12500,50 oder 12.500,50 €, ja/nein als ja oder nein.\n"
    "\n"
    "Prüfen: kovgen check DATEI \u00B7 Fragen nacheinander beantworten: kovgen interview DATEI\n"
    "Entwurf erzeugen: kovgen render DATEI -o entwurf.docx";

class SkeletonWriter {
 public:
  explicit SkeletonWriter(const Template& t) : t_(t) {}

  std::string write() {
    comment("", "Antworten zur Vorlage \u201E" + t_.title + "\u201C (" + t_.id + ")");
    if (!t_.description.empty()) comment("", t_.description);
    out_ += "#\n";
    comment("", kHowTo);
    out_ += "\nvorlage: " + t_.id + "\n";
    int step = 0;
    for (const Section* s : sections_in_step_order(t_)) {
      if (s->step != step) {
        step = s->step;
        const std::string rule(62, '=');
        out_ += "\n# " + rule + "\n";
        comment("", "Schritt " + std::to_string(step) + " von 6: " + seed_step_title(step));
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
    if (q.when) comment(indent, "Nur zu beantworten, wenn " + condition_text(*q.when, t_) + ".");
    if (!q.help.empty()) comment(indent, q.help);
    if (!q.choices.empty()) comment(indent, "Auswahl: " + join_choices(q.choices));
    switch (q.type) {
      case QuestionType::list: list(q); return;
      case QuestionType::records: records(q); return;
      case QuestionType::longtext:
        comment(indent, "Mehrere Zeilen: hinter den Doppelpunkt \u201E|\u201C schreiben, den Text in den "
                        "Zeilen darunter mit vier Leerzeichen einrücken.");
        break;
      default: break;
    }
    if (!q.example.empty()) comment(indent, "Beispiel: " + example_text(q));
    out_ += indent + q.key + ":\n";
  }

  void list(const Question& q) {
    comment("  ", "Ein Eintrag je Zeile, eingerückt und mit \u201E- \u201C davor:");
    out_ += "  " + q.key + ":\n";
    std::vector<std::string> items = split_list_cell(q.example);
    if (items.empty()) items = {"erster Eintrag", "zweiter Eintrag"};
    for (const auto& item : items) out_ += "  #  - " + yaml_scalar(item) + "\n";
  }

  void records(const Question& q) {
    comment("  ", "Je Eintrag ein Block, der mit \u201E- \u201C beginnt, mit diesen Feldern:");
    for (const auto& f : q.fields) {
      std::string line = f.key + ": " + f.label + " \u2013 " + question_facts(f);
      if (!f.choices.empty()) line += " \u00B7 Auswahl: " + join_choices(f.choices);
      if (!f.help.empty()) line += " \u2013 " + f.help;
      comment("  ", "- " + line);
    }
    if (!q.example.empty()) comment("  ", "Beispiel: " + q.example);
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
