#include "questionnaire_form.h"

#include <algorithm>
#include <map>

#include "i18n.h"
#include "markdown_escape.h"
#include "questionnaire_markdown.h"
#include "questionnaire_text.h"
#include "value.h"

namespace kovgen {

namespace {

// Rows a table or list offers in clients that cannot add rows themselves.
constexpr int kFormRows = 3;

const char* const kFormIntro = N_(
    "Please type your answers into the fields, whose grey text says what to enter; choose from the lists and tick the boxes. In Word you can add "
    "rows to lists and tables with the plus sign at their right edge. Questions marked \u201Emandatory "
    "answer\u201C are needed for a complete agreement. Send the saved file back; kovgen reads the answers from it.");

FormControlKind control_kind(QuestionType type) {
  switch (type) {
    case QuestionType::longtext: return FormControlKind::multiline;
    case QuestionType::date: return FormControlKind::date;
    case QuestionType::choice: return FormControlKind::dropdown;
    case QuestionType::boolean: return FormControlKind::yes_no;
    case QuestionType::list: return FormControlKind::list;
    case QuestionType::records: return FormControlKind::table;
    default: return FormControlKind::text;
  }
}

// What an empty control says. Also recognised on import, for clients that keep
// the text but drop the mark that it is a placeholder.
std::string placeholder(const Question& q) {
  switch (q.type) {
    case QuestionType::longtext: return tr("Type your answer here; line breaks are kept.");
    case QuestionType::date: return tr("Choose or type a date (DD.MM.YYYY).");
    case QuestionType::choice: return tr("Choose an entry.");
    case QuestionType::list: return tr("One entry per row.");
    case QuestionType::text: return tr("Type your answer here.");
    default: {
      const std::string example = example_text(q);
      return example.empty() ? fill(tr("Enter {}."), {question_type_label(q.type)})
                             : fill(tr("Enter {}, e.g. {}."), {question_type_label(q.type), example});
    }
  }
}

// A value as a person would type it into the form, and kovgen reads back.
std::string form_text(const Question& q, const Value& v) {
  switch (q.type) {
    case QuestionType::date: return format_date_short(v.date);
    case QuestionType::money:
    case QuestionType::integer:
    case QuestionType::decimal:
    case QuestionType::percent: return v.display();
    case QuestionType::list: {
      std::string s;
      for (const auto& item : v.items) s += (s.empty() ? "" : "; ") + item;
      return s;
    }
    default: return v.canonical();
  }
}

FormControl control_for(const Question& q, const Value* v) {
  FormControl c;
  c.key = q.full_key;
  c.kind = control_kind(q.type);
  c.placeholder = placeholder(q);
  c.items = q.choices;
  if (q.type == QuestionType::boolean) {
    c.yes = tr("yes");
    c.no = tr("no");
    if (v) c.value = v->boolean ? "yes" : "no";
  } else if (q.type == QuestionType::list) {
    if (v)
      for (const auto& item : v->items) c.rows.push_back({item});
  } else if (q.type == QuestionType::records) {
    for (const Question& f : q.fields) {
      FormControl column = control_for(f, nullptr);
      // A list inside a cell is one text, its items separated by semicolons.
      if (column.kind == FormControlKind::list || column.kind == FormControlKind::yes_no) {
        column.kind = column.kind == FormControlKind::list ? FormControlKind::text : FormControlKind::dropdown;
        if (f.type == QuestionType::boolean) column.items = {"ja", "nein"};
        if (f.type == QuestionType::list) column.placeholder = tr("Entries separated by semicolons.");
      }
      c.columns.push_back(std::move(column));
    }
    if (v)
      for (const auto& row : v->rows) {
        std::vector<std::string> cells;
        for (const Question& f : q.fields) {
          std::string cell;
          for (const auto& [key, value] : row)
            if (key == f.key) cell = f.type == QuestionType::boolean ? (value.boolean ? "ja" : "nein") : form_text(f, value);
          cells.push_back(cell);
        }
        c.rows.push_back(std::move(cells));
      }
  } else if (v) {
    c.value = form_text(q, *v);
  }
  return c;
}

int form_rows(const FormControl& c) { return std::max<int>(kFormRows, static_cast<int>(c.rows.size()) + 1); }

}  // namespace

QuestionnaireForm questionnaire_form(const Template& t, const std::set<std::string>& sections,
                                     const Answers* known) {
  QuestionnaireForm form;
  std::map<std::string, size_t> index_of;  // full key -> control
  auto add = [&](FormControl c) {
    index_of[c.key] = form.controls.size();
    form.controls.push_back(std::move(c));
    return form.controls.size() - 1;
  };
  std::string section_list;
  for (const Section* s : sections_in_step_order(t))
    if (sections.empty() || sections.count(s->id)) section_list += (section_list.empty() ? "" : ",") + s->id;

  HandoutVariant variant;
  variant.sections = sections;
  variant.intro = tr(kFormIntro);
  FormControl template_id{kFormTemplateKey, FormControlKind::fixed};
  template_id.value = t.id;
  FormControl section_ids{kFormSectionsKey, FormControlKind::fixed};
  section_ids.value = section_list;
  variant.preface = std::string(tr("Template and sections of this form (kovgen reads them back):")) + "\n\n" +
                    form_marker(add(template_id)) + "\n\n" + form_marker(add(section_ids)) + "\n\n";
  variant.answer_space = [&](const Question& q, std::string& out) {
    if (q.type == QuestionType::records) {
      add(control_for(q, known ? known->find(q.full_key) : nullptr));
      return false;  // the handout's table, with a control in each cell
    }
    const size_t i = add(control_for(q, known ? known->find(q.full_key) : nullptr));
    if (q.type == QuestionType::choice) {
      // Also on paper, where a drop-down shows only what was chosen.
      std::string choices;
      for (const auto& c : q.choices) choices += (choices.empty() ? "" : " | ") + c;
      out += "*" + escape_markdown(fill(tr("Choice: {}"), {choices})) + "*\n\n";
    }
    if (q.type == QuestionType::list) {
      for (int row = 0; row < form_rows(form.controls[i]); ++row) out += form_marker(i, row) + "\n\n";
    } else {
      out += form_marker(i) + "\n\n";
    }
    return true;
  };
  variant.table_rows = [&](const Question& q) { return form_rows(form.controls[index_of.at(q.full_key)]); };
  variant.table_cell = [&](const Question& q, int row, size_t column) {
    return form_marker(index_of.at(q.full_key), row, static_cast<int>(column));
  };
  form.markdown = questionnaire_markdown(t, variant);
  return form;
}

std::string form_template_id(const std::vector<FormEntry>& entries) {
  for (const FormEntry& e : entries)
    if (e.key == kFormTemplateKey) return e.text;
  return "";
}

namespace {

// Where a question is in the form: "3.2" and its section's title.
struct FormPlace {
  std::string number;
  std::string section;
};

std::map<std::string, FormPlace> form_places(const Template& t) {
  std::map<std::string, FormPlace> places;
  int number = 0;
  for (const Section* s : sections_in_step_order(t)) {
    ++number;
    for (size_t i = 0; i < s->questions.size(); ++i)
      places[s->questions[i].full_key] = {std::to_string(number) + "." + std::to_string(i + 1), s->title};
  }
  return places;
}

std::vector<std::string> split(const std::string& s, char at) {
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t to; (to = s.find(at, from)) != std::string::npos; from = to + 1) parts.push_back(s.substr(from, to - from));
  parts.push_back(s.substr(from));
  return parts;
}

class FormAnswerReader {
 public:
  FormAnswerReader(const Template& t, const std::string& file, Diagnostics& diag)
      : t_(t), file_(file), diag_(diag), places_(form_places(t)) {}

  Answers read(const std::vector<FormEntry>& entries) {
    std::set<std::string> sections;
    for (const FormEntry& e : entries)
      if (e.key == kFormSectionsKey)
        for (const std::string& id : split(e.text, ','))
          if (!id.empty()) sections.insert(id);
    const std::vector<FormControl> controls = questionnaire_form(t_, sections, nullptr).controls;
    for (FormEntry e : entries) {
      if (e.key.empty()) e.key = key_by_bookmark(e.bookmark, controls);
      entry(e);
    }
    missing_controls(sections);
    YamlNode root;
    root.kind = YamlNode::Kind::mapping;
    for (const Section* s : sections_in_step_order(t_)) {
      YamlNode section;
      section.kind = YamlNode::Kind::mapping;
      for (const Question& q : s->questions) {
        auto it = values_.find(q.full_key);
        if (it == values_.end()) continue;
        section.items.push_back(scalar(q.key, 0));
        section.items.push_back(std::move(it->second));
      }
      if (section.items.empty()) continue;
      root.items.push_back(scalar(s->id, 0));
      root.items.push_back(std::move(section));
    }
    Diagnostics found;
    Answers answers = read_answers(root, t_, file_, found);
    for (Diagnostic d : found.items()) {
      if (d.where.line > 0 && static_cast<size_t>(d.where.line) <= where_.size())
        d.message = in_form(where_[d.where.line - 1], d.message);
      d.where = {file_};
      diag_.add(d);
    }
    answers.file = file_;
    return answers;
  }

 private:
  YamlNode scalar(const std::string& text, int line, bool plain = false) {
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.scalar = text;
    n.plain = plain;
    n.line = line;
    return n;
  }

  // The key of the control a bookmark (form_bookmark) sits beside, in the form as
  // kovgen wrote it for these sections; "" when there is none.
  static std::string key_by_bookmark(const std::string& bookmark, const std::vector<FormControl>& controls) {
    // "kf12", "kf12_ja", "kf12_z3", "kf12_1_z3"; a copy LibreOffice made ends in "_Copy_2".
    std::vector<std::string> parts = split(bookmark.substr(std::min<size_t>(2, bookmark.size())), '_');
    const std::string digits = "0123456789";
    if (parts[0].empty() || parts[0].find_first_not_of(digits) != std::string::npos) return "";
    const size_t index = std::stoul(parts[0]);
    if (index >= controls.size()) return "";
    const FormControl& c = controls[index];
    const std::string part = parts.size() > 1 ? parts[1] : "";
    if (c.kind == FormControlKind::yes_no) return part == "ja" || part == "nein" ? c.key + "=" + part : "";
    if (c.kind == FormControlKind::table) {
      if (part.empty() || part.find_first_not_of(digits) != std::string::npos) return "";
      const size_t column = std::stoul(part);
      return column < c.columns.size() ? c.columns[column].key : "";
    }
    return c.key;
  }

  // A line number for read_answers that leads back to the question.
  int line_for(const std::string& full_key) {
    where_.push_back(full_key);
    return static_cast<int>(where_.size());
  }

  std::string in_form(const std::string& full_key, const std::string& message) const {
    auto it = places_.find(full_key);
    if (it == places_.end()) return message;
    return fill(tr("question {} in section \u201E{}\u201C: {}"), {it->second.number, it->second.section, message});
  }

  void entry(const FormEntry& e) {
    if (e.key.empty()) {
      diag_.warning({file_}, tr("the form has a field without a name; it is not read"));
      return;
    }
    if (e.key.rfind("kovgen:", 0) == 0) return;
    present_.insert(e.key);
    const std::vector<std::string> parts = split(e.key, '.');
    if (const size_t eq = e.key.find('='); eq != std::string::npos) return check_box(e, eq);
    const Question* q = parts.size() == 2 ? t_.find_question(e.key) : nullptr;
    if (parts.size() == 3) return table_cell(e, parts);
    if (!q || q->type == QuestionType::boolean || q->type == QuestionType::records) return unknown(e);
    std::string text = value_text(e, *q);
    if (e.formatted) formatting_note(e.key);
    if (text.empty()) return;
    if (q->type == QuestionType::list) {
      YamlNode& list = values_[e.key];
      list.kind = YamlNode::Kind::sequence;
      list.line = line_for(e.key);
      list.items.push_back(scalar(text, list.line));
      return;
    }
    values_[e.key] = scalar(text, line_for(e.key));
  }

  // The control's text, or "" when it still shows the placeholder.
  static std::string value_text(const FormEntry& e, const Question& q) {
    if (e.showing_placeholder || e.text == placeholder(q)) return "";
    return e.text;
  }

  void unknown(const FormEntry& e) {
    diag_.warning({file_}, fill(tr("the form has a field {} that template {} does not know; it is not read"),
                                {quoted_value(e.key), t_.id}));
  }

  void formatting_note(const std::string& key) {
    if (!noted_.insert(key).second) return;
    diag_.warning({file_}, in_form(key, tr("the formatting added in the form (bold, colours, ...) is dropped; "
                                           "only the text is read")));
  }

  void check_box(const FormEntry& e, size_t eq) {
    const std::string key = e.key.substr(0, eq);
    const std::string side = e.key.substr(eq + 1);
    const Question* q = t_.find_question(key);
    if (!q || q->type != QuestionType::boolean || (side != "ja" && side != "nein")) return unknown(e);
    present_.insert(key);
    if (!e.checked) return;
    auto it = values_.find(key);
    if (it != values_.end() && it->second.scalar != side) {
      diag_.error({file_}, in_form(key, describe(*q) + ": " + tr("both \u201Eyes\u201C and \u201Eno\u201C are "
                                                                "ticked; tick one of them")));
      return;
    }
    values_[key] = scalar(side, line_for(key), true);
  }

  void table_cell(const FormEntry& e, const std::vector<std::string>& parts) {
    const std::string records_key = parts[0] + "." + parts[1];
    const Question* q = t_.find_question(records_key);
    const Question* field = nullptr;
    if (q && q->type == QuestionType::records)
      for (const Question& f : q->fields)
        if (f.key == parts[2]) field = &f;
    if (!field) return unknown(e);
    present_.insert(records_key);
    if (e.formatted) formatting_note(records_key);
    const std::string text = value_text(e, *field);
    // Rows are told apart by the table row the control sits in.
    std::vector<std::pair<int, YamlNode>>& rows = rows_[records_key];
    if (rows.empty() || rows.back().first != e.row) {
      YamlNode row;
      row.kind = YamlNode::Kind::mapping;
      row.line = line_for(records_key);
      rows.emplace_back(e.row, std::move(row));
    }
    if (text.empty()) return;
    YamlNode& row = rows.back().second;
    row.items.push_back(scalar(field->key, row.line));
    if (field->type == QuestionType::list) {
      YamlNode list;
      list.kind = YamlNode::Kind::sequence;
      list.line = row.line;
      for (const std::string& item : split_list_cell(text)) list.items.push_back(scalar(item, row.line));
      row.items.push_back(std::move(list));
    } else {
      row.items.push_back(scalar(text, row.line, field->type == QuestionType::boolean));
    }
    YamlNode& table = values_[records_key];
    table.kind = YamlNode::Kind::sequence;
    table.line = row.line;
  }

  // Tables get their rows once all cells are read; questions of the form's
  // sections without any control were deleted from it.
  void missing_controls(const std::set<std::string>& sections) {
    for (auto& [key, rows] : rows_) {
      YamlNode& table = values_[key];
      table.kind = YamlNode::Kind::sequence;
      for (auto& [row_number, row] : rows)
        if (!row.items.empty()) table.items.push_back(std::move(row));
      if (table.items.empty()) values_.erase(key);
    }
    for (const Section& s : t_.sections) {
      if (!sections.count(s.id)) continue;
      for (const Question& q : s.questions)
        if (!present_.count(q.full_key))
          diag_.error({file_}, in_form(q.full_key, describe(q) + ": " +
                                                       tr("its field is missing from the form (deleted?); the "
                                                          "answers are not read. Ask for the answer or send a "
                                                          "new form")));
    }
  }

  const Template& t_;
  const std::string& file_;
  Diagnostics& diag_;
  std::map<std::string, FormPlace> places_;
  std::map<std::string, YamlNode> values_;  // by full key
  std::map<std::string, std::vector<std::pair<int, YamlNode>>> rows_;
  std::vector<std::string> where_;  // line - 1 -> full key
  std::set<std::string> present_;
  std::set<std::string> noted_;
};

}  // namespace

Answers answers_from_form(const std::vector<FormEntry>& entries, const Template& t, const std::string& file,
                          Diagnostics& diag) {
  return FormAnswerReader(t, file, diag).read(entries);
}

}  // namespace kovgen
