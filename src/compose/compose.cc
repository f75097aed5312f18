#include "compose.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "body_renderer.h"
#include "builtins.h"
#include "checklist_markdown.h"
#include "i18n.h"
#include "placeholder.h"
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

// A list with room for `count` items. kainjow's move constructor is not noexcept,
// so a growing list would copy every item (a row: its whole object) each time.
data list_of_size(size_t count) {
  data list{data::type::list};
  const_cast<kainjow::mustache::list&>(list.list_value()).reserve(count);
  return list;
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
  std::string suffixed;
  for (const Representation& r : representations(q.type)) {
    if (!use.has(r.bit)) continue;
    // Most representations are the value itself, under the bare key.
    const std::string& name = *r.suffix ? suffixed.assign(q.key).append(r.suffix) : q.key;
    switch (r.shape) {
      case Shape::text:
        if (v) put(object, name, r.text(*v));
        else if (show_placeholder) put(object, name, placeholder_of(q));
        break;
      case Shape::flag: put(object, name, data(v && (r.holds ? r.holds(*v) : v->boolean))); break;
      case Shape::open_flag: put(object, name, data(!v && show_placeholder)); break;
      case Shape::items: {
        data items = list_of_size(v ? v->items.size() : 0);
        if (v)
          for (const auto& item : v->items) append(items, data(item));
        put(object, name, std::move(items));
        break;
      }
      case Shape::rows: {
        data rows = list_of_size(v ? v->rows.size() : 0);
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
  VariantUse use;
  use.bits = 0;
  // The names the question's representations could have all start with its path,
  // and sort together: one search finds them, instead of one per suffix.
  for (auto name = std::lower_bound(used_names.begin(), used_names.end(), path);
       name != used_names.end() && name->compare(0, path.size(), path) == 0; ++name) {
    const std::string_view suffix = std::string_view(*name).substr(path.size());
    for (const auto& [known, bit] : representation_suffixes())
      if (suffix == known) use.bits |= bit;
  }
  // A record's fields sit under the records question itself ("section.rows.field").
  for (const auto& field : q.fields) use.fields.push_back(variant_use_of(field, path + "." + field.key, used_names));
  return use;
}

data builtins(const BuiltinInputs& in) {
  data kovgen{data::type::object};
  for (const Builtin& b : kovgen_builtins()) {
    BuiltinValue v = b.value(in);
    switch (b.kind) {
      case BuiltinKind::text:
      case BuiltinKind::markdown:
        put(kovgen, b.name, std::move(v.text));
        break;
      case BuiltinKind::flag:
        put(kovgen, b.name, data(v.flag));
        break;
      case BuiltinKind::section_flags: {
        data members{data::type::object};
        for (auto& [id, markdown] : v.members) put(members, id, std::move(markdown));
        put(kovgen, b.name, std::move(members));
        break;
      }
    }
  }
  return kovgen;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::vector<std::vector<VariantUse>> variant_use(const Template& t, const std::vector<std::string>& used_names) {
  std::vector<std::vector<VariantUse>> per_section;
  for (const auto& section : t.sections) {
    std::vector<VariantUse> uses;
    for (const auto& q : section.questions) uses.push_back(variant_use_of(q, section.id + "." + q.key, used_names));
    per_section.push_back(std::move(uses));
  }
  return per_section;
}

std::string number_paragraphs(const std::string& markdown) {
  // Lines are looked at in place and appended whole: a draft has a thousand lines,
  // and a string per line was most of this function's cost.
  std::string out;
  out.reserve(markdown.size() + 256);
  int paragraph_number = 0, section_number = 0;
  bool in_fence = false;
  int blank_run = 0;
  size_t start = 0;
  constexpr std::string_view section_prefix = "## § ";
  while (start < markdown.size()) {
    const size_t nl = markdown.find('\n', start);
    std::string_view line(markdown.data() + start, (nl == std::string::npos ? markdown.size() : nl) - start);
    start = nl == std::string::npos ? markdown.size() : nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
      // Two trailing spaces are a hard break in Markdown; we use backslashes instead.
      line.remove_suffix(1);
    }
    // Only lines that start with one of these can be a fence or get a number.
    const char first = line.empty() ? '\0' : line.front();
    const bool may_be_special = first == '`' || first == '~' || first == '#' || first == '(';
    if (may_be_special && (starts_with(line, "```") || starts_with(line, "~~~"))) in_fence = !in_fence;
    if (line.empty() && !in_fence) {
      if (++blank_run > 1 || out.empty()) continue;
    } else {
      blank_run = 0;
    }
    if (may_be_special && !in_fence) {
      if (starts_with(line, "## ")) paragraph_number = 0;
      if (starts_with(line, section_prefix) && line.size() > section_prefix.size() &&
          !std::isdigit(static_cast<unsigned char>(line[section_prefix.size()]))) {
        out += "## §";
        out += kNoBreakSpace;
        out += std::to_string(++section_number);
        out += ' ';
        line.remove_prefix(section_prefix.size());
      } else if (starts_with(line, "(#) ")) {
        out += '(';
        out += std::to_string(++paragraph_number);
        out += ") ";
        line.remove_prefix(4);
      }
    }
    out += line;
    out += '\n';
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

namespace {

std::string unescaped(const std::string& markdown) {
  std::string out;
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] == '\\' && i + 1 < markdown.size() && std::ispunct(static_cast<unsigned char>(markdown[i + 1])))
      ++i;
    out += markdown[i];
  }
  return out;
}

// Gives each section the heading it stands under in the composed draft („§ 10
// Personal“; none for the sections in the agreement's head) and puts the sections
// in the draft's order. A section whose box the draft does not show keeps its
// questionnaire title and goes last.
void place_sections(const std::string& markdown, Findings& findings) {
  std::vector<SectionFinding> placed;
  std::vector<bool> taken(findings.sections.size(), false);
  std::string heading;
  const std::string open = std::string(kChecklistMarkOpen) + "flag:", close = kChecklistMarkClose;
  size_t start = 0;
  // Few lines hold a mark: the text is searched for the next one once, not line by line.
  size_t next_mark = markdown.find(open);
  while (start < markdown.size()) {
    size_t nl = markdown.find('\n', start);
    if (nl == std::string::npos) nl = markdown.size();
    const std::string_view line(markdown.data() + start, nl - start);
    if (line.rfind("# ", 0) == 0) heading.clear();
    else if (line.rfind("## ", 0) == 0) heading = unescaped(std::string(line.substr(3)));
    if (next_mark >= nl) {
      start = nl + 1;
      continue;
    }
    next_mark = markdown.find(open, nl);
    for (size_t p = 0; (p = line.find(open, p)) != std::string_view::npos;) {
      const size_t id_start = p + open.size(), id_end = line.find(close, id_start);
      if (id_end == std::string_view::npos) break;
      const std::string_view id = line.substr(id_start, id_end - id_start);
      for (size_t i = 0; i < findings.sections.size(); ++i)
        if (!taken[i] && findings.sections[i].id == id) {
          taken[i] = true;
          placed.push_back(std::move(findings.sections[i]));
          placed.back().heading = heading;
        }
      p = id_end;
    }
    start = nl + 1;
  }
  for (size_t i = 0; i < findings.sections.size(); ++i)
    if (!taken[i]) placed.push_back(std::move(findings.sections[i]));
  findings.sections = std::move(placed);
}

std::string replace_checklist_marks(const std::string& markdown, const Findings& findings, bool draft) {
  std::string out;
  out.reserve(markdown.size() + 4096);
  const std::string open = kChecklistMarkOpen, close = kChecklistMarkClose;
  size_t pos = 0;
  for (size_t p; (p = markdown.find(open, pos)) != std::string::npos;) {
    const size_t end = markdown.find(close, p);
    if (end == std::string::npos) break;
    out.append(markdown, pos, p - pos);
    const std::string what = markdown.substr(p + open.size(), end - p - open.size());
    if (what == "summary") {
      if (draft) out += checklist_summary_markdown(findings);
    } else if (what == "table") {
      out += checklist_table_markdown(findings, draft);
    } else if (what.rfind("flag:", 0) == 0) {
      if (const SectionFinding* s = findings.find(what.substr(5)); s && draft) out += section_flag_markdown(*s);
    }
    pos = end + close.size();
  }
  out.append(markdown, pos);
  return out;
}

}  // namespace

std::string compose_markdown(const LoadedTemplate& t, const Answers& answers, Findings& findings,
                             const ComposeOptions& options) {
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
  findings.stand = stand_text(t.questionnaire, answers, options, false);

  // Whether the draft is ready to sign depends on the placeholders its text shows,
  // and its text may depend on whether it is ready (kovgen.entwurf): guess, render,
  // and render again when the guess was wrong. A template that flips back and
  // forth stays a draft.
  bool draft = options.force_draft || findings.mandatory_missing_count() > 0;
  std::string markdown;
  for (int pass = 0; pass < 3; ++pass) {
    put(context, "kovgen", builtins({t, answers, findings, options, draft}));
    const FoldedBody* body = options.council_paper_for.empty() || !t.council_paper ? &t.body : &*t.council_paper;
    for (size_t i = 0; i < t.annex_bodies.size() && i < t.questionnaire.annexes.size(); ++i)
      if (options.annex_only == t.questionnaire.annexes[i].number) body = &t.annex_bodies[i];
    markdown = number_paragraphs(resolve_line_start_marks(remove_standalone_marks(render_body(*body, context))));
    findings.placeholders.clear();
    for (auto& span : find_placeholders(markdown)) findings.placeholders.push_back(std::move(span.what));
    const bool is_draft = options.force_draft || !is_ready_to_sign(findings);
    if (is_draft == draft) break;
    draft = pass == 0 ? is_draft : true;
  }
  place_sections(markdown, findings);
  // Tidy again: a box that is not shown leaves an empty line behind.
  std::string out = number_paragraphs(replace_checklist_marks(markdown, findings, draft));
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

}  // namespace kovgen
