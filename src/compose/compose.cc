#include "compose.h"

#include <memory>

#include <kainjow/mustache.hpp>

#include "body_renderer.h"
#include "markdown_escape.h"
#include "template_check.h"

namespace kovgen {

namespace {

using kainjow::mustache::data;

constexpr const char* kNoBreakSpace = "\u00A0";

// kainjow's own set() takes the value by const reference and copies it deeply;
// the draft's context is built once, so every value is moved in instead.
void put(data& object, const std::string& name, data value) { object[name] = std::move(value); }

// The same for push_back. kainjow only hands out its list as const, but the list
// is our own non-const object, so moving into it is sound.
void append(data& list, data value) {
  const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(value));
}

const VariantUse kEveryVariant{};

// Every representation a question offers the template (docs/template-format.md)
// that the template uses.
void set_value(data& object, const Question& q, const Value* v, bool show_placeholder,
               const VariantUse& use);

data row_data(const Question& records, const std::vector<std::pair<std::string, Value>>& row,
              const VariantUse& use) {
  data out{data::type::object};
  for (size_t i = 0; i < records.fields.size(); ++i) {
    const Question& field = records.fields[i];
    const Value* v = nullptr;
    for (const auto& [k, fv] : row)
      if (k == field.key) v = &fv;
    set_value(out, field, v, field.required, i < use.fields.size() ? use.fields[i] : kEveryVariant);
  }
  return out;
}

void set_value(data& object, const Question& q, const Value* v, bool show_placeholder,
               const VariantUse& use) {
  for (const Representation& r : representations(q.type)) {
    if (!use.has(r.bit)) continue;
    const std::string name = q.key + r.suffix;
    switch (r.shape) {
      case Shape::text:
        if (v) put(object, name, r.text(*v));
        else if (show_placeholder) put(object, name, open_placeholder(q.label));
        break;
      case Shape::flag: put(object, name, data(v && v->boolean)); break;
      case Shape::open_flag: put(object, name, data(!v && show_placeholder)); break;
      case Shape::items: {
        data items{data::type::list};
        if (v)
          for (const auto& item : v->items) append(items, data(item));
        put(object, name, std::move(items));
        break;
      }
      case Shape::rows: {
        data rows{data::type::list};
        if (v)
          for (const auto& row : v->rows) append(rows, row_data(q, row, use));
        put(object, name, std::move(rows));
        break;
      }
      case Shape::choice_set: {
        data is{data::type::object};
        for (const auto& c : q.choices) put(is, choice_slug(c), data(v && v->text == c));
        put(object, name, std::move(is));
        break;
      }
    }
  }
}

VariantUse variant_use_of(const Question& q, const std::string& path,
                          const std::vector<std::string>& used_names) {
  auto used = [&](const std::string& name) {
    return std::binary_search(used_names.begin(), used_names.end(), name);
  };
  VariantUse use;
  use.bits = 0;
  for (const auto& [suffix, bit] : representation_suffixes())
    if (used(path + suffix)) use.bits |= bit;
  // A record's fields sit under the records question itself ("section.rows.field").
  for (const auto& field : q.fields) use.fields.push_back(variant_use_of(field, path + "." + field.key, used_names));
  return use;
}

data builtins(const LoadedTemplate& t, const Answers& answers, const Findings& findings,
              const ComposeOptions& options) {
  const BuiltinSource source{t.questionnaire, answers, findings, options.stand_fallback};
  data kovgen{data::type::object};
  for (const BuiltinName& b : builtin_kovgen_names())
    put(kovgen, b.name, b.kind == BuiltinKind::flag ? data(b.flag(source)) : data(b.text(source)));
  data flags{data::type::object};
  for (const auto& s : findings.sections) put(flags, s.id, section_flag_markdown(s));
  put(kovgen, "hinweis", std::move(flags));
  return kovgen;
}

std::string labels_of(const std::vector<MissingItem>& items) {
  std::vector<std::string> labels;
  for (const auto& m : items) labels.push_back(escape_markdown(m.label));
  return join_german(labels, "und");
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::string open_placeholder(const std::string& label) { return "[offen: " + label + "]"; }

std::vector<std::vector<VariantUse>> variant_use(const Template& t, const std::vector<std::string>& used_names) {
  std::vector<std::vector<VariantUse>> per_section;
  for (const auto& section : t.sections) {
    std::vector<VariantUse> uses;
    for (const auto& q : section.questions) uses.push_back(variant_use_of(q, section.id + "." + q.key, used_names));
    per_section.push_back(std::move(uses));
  }
  return per_section;
}

std::string section_flag_markdown(const SectionFinding& s) {
  if (s.complete) return "";
  return "> [!CAUTION]\n> **Abschnitt \u201E" + escape_markdown(s.title) + "\u201C unvollständig.** Es fehl" +
         (s.missing.size() == 1 ? "t" : "en") + ": " + labels_of(s.missing) + ".\n";
}

std::string checklist_summary_markdown(const Findings& f) {
  if (f.complete()) return "";
  std::vector<std::string> missing, mandatory;
  for (const auto& s : f.sections) {
    if (s.complete) continue;
    // Titles such as „Evaluation, Dokumentation, Fortschreibung“ contain commas.
    const std::string title = "\u201E" + escape_markdown(s.title) + "\u201C";
    missing.push_back(title);
    if (s.mandatory) mandatory.push_back(title);
  }
  std::string out = "> [!WARNING]\n> **Checkliste: " + std::to_string(f.complete_count()) + " von " +
                    std::to_string(f.sections.size()) + " Abschnitten vollständig** \u2013 es fehlen: " +
                    join_german(missing, "und") + ".";
  if (!mandatory.empty())
    out += "\\\n> Davon Pflichtabschnitte: " + join_german(mandatory, "und") +
           ". Dieser Entwurf ist noch nicht unterschriftsreif.";
  return out + "\n";
}

std::string checklist_table_markdown(const Findings& f) {
  std::string out = "| Nr. | Abschnitt | Art | Status | Fehlende Angaben |\n| ---: | --- | --- | --- | --- |\n";
  int n = 0;
  for (const auto& s : f.sections) {
    out += "| " + std::to_string(++n) + " | " + escape_markdown(s.title) + " | " +
           (s.mandatory ? "Pflicht" : "empfohlen") + " | " + (s.complete ? "vollständig" : "**unvollständig**") +
           " | " + (s.complete ? std::string("\u2013") : labels_of(s.missing)) + " |\n";
  }
  return out;
}

std::string number_paragraphs(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size() + 256);
  int paragraph_number = 0, section_number = 0;
  bool in_fence = false;
  int blank_run = 0;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t nl = markdown.find('\n', start);
    std::string line = markdown.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? markdown.size() : nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
      // Two trailing spaces are a hard break in Markdown; we use backslashes instead.
      line.pop_back();
    }
    if (starts_with(line, "```") || starts_with(line, "~~~")) in_fence = !in_fence;
    if (!in_fence) {
      if (starts_with(line, "## ")) paragraph_number = 0;
      const std::string section_prefix = "## § ";
      if (starts_with(line, section_prefix.c_str()) && line.size() > section_prefix.size() &&
          !std::isdigit(static_cast<unsigned char>(line[section_prefix.size()])))
        line = "## §" + std::string(kNoBreakSpace) + std::to_string(++section_number) + " " +
               line.substr(section_prefix.size());
      else if (starts_with(line, "(#) "))
        line = "(" + std::to_string(++paragraph_number) + ") " + line.substr(4);
    }
    if (line.empty() && !in_fence) {
      if (++blank_run > 1 || out.empty()) continue;
    } else {
      blank_run = 0;
    }
    out += line;
    out += '\n';
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string compose_markdown(const LoadedTemplate& t, const Answers& answers,
                             const Findings& findings, const ComposeOptions& options) {
  data context{data::type::object};
  const auto& sections = t.questionnaire.sections;
  for (size_t i = 0; i < sections.size(); ++i) {
    const auto& section = sections[i];
    data object{data::type::object};
    for (size_t j = 0; j < section.questions.size(); ++j) {
      const Question& q = section.questions[j];
      const VariantUse& use = i < t.variant_use.size() && j < t.variant_use[i].size() ? t.variant_use[i][j]
                                                                                      : kEveryVariant;
      if (!answers.applies(q)) {
        // A question that does not apply is not in the draft, not even as a placeholder.
        set_value(object, q, nullptr, false, use);
        continue;
      }
      set_value(object, q, answers.find(q.full_key), q.required, use);
    }
    put(context, section.id, std::move(object));
  }
  put(context, "kovgen", builtins(t, answers, findings, options));

  return number_paragraphs(
      resolve_line_start_marks(remove_standalone_marks(render_body(t.body, context))));
}

}  // namespace kovgen
