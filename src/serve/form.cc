#include "form.h"

#include <algorithm>

#include "answer_yaml.h"
#include "yaml_edit.h"
#include "yaml_dom.h"

namespace kovgen::serve {
namespace {

// Each posted value becomes a YAML node whose line is its input's index, so that
// a message of read_answers leads back to the input it is about.
class NodeBuilder {
 public:
  explicit NodeBuilder(const FormFields& posted) : posted_(posted) {}

  YamlNode scalar(const std::string& name) {
    YamlNode n = located(name);
    auto it = posted_.find(name);
    const std::string text = it == posted_.end() ? std::string() : trimmed(it->second);
    if (text.empty()) return n;  // null: unanswered
    n.kind = YamlNode::Kind::scalar;
    n.scalar = text;
    n.plain = false;  // typed text is never YAML's null or a tag
    return n;
  }

  // One item per line.
  YamlNode lines(const std::string& name) {
    YamlNode n = located(name);
    auto it = posted_.find(name);
    if (it == posted_.end()) return n;
    std::string rest = it->second;
    for (size_t start = 0; start <= rest.size();) {
      size_t end = rest.find('\n', start);
      if (end == std::string::npos) end = rest.size();
      const std::string item = trimmed(rest.substr(start, end - start));
      if (!item.empty()) {
        YamlNode i = located(name);
        i.kind = YamlNode::Kind::scalar;
        i.scalar = item;
        i.plain = false;
        n.items.push_back(std::move(i));
      }
      start = end + 1;
    }
    if (!n.items.empty()) n.kind = YamlNode::Kind::sequence;
    return n;
  }

  YamlNode table(const Question& q) {
    YamlNode n = located(input_name(q));
    size_t rows = 0;
    if (auto it = posted_.find(row_count_name(q)); it != posted_.end())
      rows = std::min<size_t>(std::strtoul(it->second.c_str(), nullptr, 10), kMaxListItems);
    for (size_t r = 0; r < rows; ++r) {
      YamlNode row = located(input_name(q));
      row.kind = YamlNode::Kind::mapping;
      bool any = false;
      for (const auto& field : q.fields) {
        const std::string name = cell_name(q, r, field);
        YamlNode value = field.type == QuestionType::list ? lines(name) : scalar(name);
        if (value.is_null()) continue;
        any = true;
        row.items.push_back(key(field.key));
        row.items.push_back(std::move(value));
      }
      if (any) n.items.push_back(std::move(row));
    }
    if (!n.items.empty()) n.kind = YamlNode::Kind::sequence;
    return n;
  }

  static YamlNode key(const std::string& k) {
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.scalar = k;
    return n;
  }

  const std::vector<std::string>& names() const { return names_; }

 private:
  YamlNode located(const std::string& name) {
    names_.push_back(name);
    YamlNode n;
    n.line = static_cast<int>(names_.size());
    n.column = 1;
    return n;
  }
  static std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
  }

  const FormFields& posted_;
  std::vector<std::string> names_;
};

std::string scalar_text(const Question& q, const Value& v) {
  YamlValue y = answer_yaml_value(q, v);
  if (y.kind != YamlValue::Kind::sequence) return y.text;
  std::string out;
  for (const auto& item : y.items) out += item.text + "\n";
  return out;
}

}  // namespace

std::string input_name(const Question& q) { return "f." + q.full_key; }
std::string cell_name(const Question& table, size_t row, const Question& field) {
  return "f." + table.full_key + "." + std::to_string(row) + "." + field.key;
}
std::string row_count_name(const Question& table) { return "n." + table.full_key; }

FormFields form_texts(const Section& s, const Answers& answers) {
  FormFields out;
  for (const auto& q : s.questions) {
    const Value* v = answers.find(q.full_key);
    if (q.type != QuestionType::records) {
      if (v) out[input_name(q)] = scalar_text(q, *v);
      continue;
    }
    const size_t rows = v ? v->rows.size() : 0;
    out[row_count_name(q)] = std::to_string(rows);
    for (size_t r = 0; r < rows; ++r)
      for (const auto& [key, value] : v->rows[r])
        for (const auto& field : q.fields)
          if (field.key == key) out[cell_name(q, r, field)] = scalar_text(field, value);
  }
  return out;
}

SectionInput read_section(const Template& t, const Section& s, const FormFields& posted) {
  NodeBuilder build(posted);
  YamlNode section;
  section.kind = YamlNode::Kind::mapping;
  for (const auto& q : s.questions) {
    YamlNode value = q.type == QuestionType::records ? build.table(q)
                     : q.type == QuestionType::list  ? build.lines(input_name(q))
                                                     : build.scalar(input_name(q));
    section.items.push_back(NodeBuilder::key(q.key));
    section.items.push_back(std::move(value));
  }
  YamlNode root;
  root.kind = YamlNode::Kind::mapping;
  root.items.push_back(NodeBuilder::key(s.id));
  root.items.push_back(std::move(section));

  Diagnostics diag;
  SectionInput input;
  input.answers = read_answers(root, t, "", diag);
  for (const auto& d : diag.items()) {
    if (d.severity != Severity::error) continue;
    const size_t index = static_cast<size_t>(d.where.line);
    const std::string name = index >= 1 && index <= build.names().size() ? build.names()[index - 1] : std::string();
    std::string& message = input.errors[name];
    message += message.empty() ? d.message : "\n" + d.message;
  }
  return input;
}

std::optional<std::string> apply_section_to_whole_text(const std::string& answers_text, const Template& t,
                                                       const Section& s, const Answers& input, std::string* error) {
  std::string text = answers_text;
  for (const auto& q : s.questions) {
    auto next = set_answer_in_yaml(text, t, q, input.find(q.full_key), error);
    if (!next) return std::nullopt;
    text = std::move(*next);
  }
  return text;
}

std::optional<std::string> apply_section(const std::string& answers_text, const Template& t, const Section& s,
                                         const Answers& input, std::string* error) {
  // The editor reads the whole text once per question; the section's own lines are
  // all it changes, so it is given only those (the same edit, on a few lines).
  // Anything unusual (the section missing, another style than block YAML) goes the
  // whole way, where the editor reports it.
  const auto block = yaml_section_range(answers_text, s.id);
  if (!block) return apply_section_to_whole_text(answers_text, t, s, input, error);
  auto edited = apply_section_to_whole_text(answers_text.substr(block->first, block->second - block->first), t, s,
                                            input, error);
  if (!edited) return std::nullopt;
  return answers_text.substr(0, block->first) + *edited + answers_text.substr(block->second);
}

}  // namespace kovgen::serve
