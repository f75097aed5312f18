#include "app_internal.h"

#include <algorithm>
#include <charconv>
#include <ctime>

#include <kainjow/mustache.hpp>
#include <sodium.h>

#include "answer_yaml.h"
#include "checklist_table.h"
#include "draft_html.h"
#include "form.h"
#include "i18n.h"
#include "markdown_tree.h"
#include "pages.h"
#include "questionnaire_markdown.h"
#include "questionnaire_text.h"
#include "report_json.h"
#include "skeleton.h"
#include "template_library.h"
namespace kovgen::serve {

using kainjow::mustache::data;

namespace {

const char* state_class(const SectionFinding& s) {
  return s.complete ? "complete" : s.mandatory ? "missing" : "incomplete";
}

const char* state_text(const SectionFinding& s) {
  return s.complete ? tr("complete") : s.mandatory ? tr("mandatory, incomplete") : tr("incomplete");
}

data question_data(const Question& q, const Template& t, const FormFields& texts_by_name,
                   const std::map<std::string, std::string>& errors) {
  const std::string name = input_name(q);
  const std::string id = html_id(name);
  data d;
  d.set("key", q.full_key);
  d.set("id", id);
  d.set("name", name);
  d.set("label", q.label);
  if (q.required) d.set("required", true);
  std::vector<std::string> described;
  if (!q.help.empty()) {
    d.set("help", q.help);
    described.push_back(id + "-hilfe");
  }
  d.set("facts", question_facts(q));
  described.push_back(id + "-art");
  if (auto example = example_text(q); !example.empty()) {
    d.set("example", example);
    described.push_back(id + "-beispiel");
  }
  if (q.when) {
    d.set("conditional", true);
    d.set("when", fill(tr("Only to be answered if {}."), {condition_text(*q.when, t)}));
    described.push_back(id + "-wenn");
  }
  if (auto e = errors.find(name); e != errors.end()) {
    d.set("error", e->second);
    described.insert(described.begin(), id + "-fehler");
  }
  std::string joined;
  for (const auto& s : described) joined += (joined.empty() ? "" : " ") + s;
  d.set("described", joined);
  auto text_of = [&](const std::string& n) {
    auto it = texts_by_name.find(n);
    return it == texts_by_name.end() ? std::string() : it->second;
  };
  const std::string value = text_of(name);
  d.set("value", value);
  auto options = [&](const std::vector<std::pair<std::string, std::string>>& choices, bool radios) {
    data list{data::type::list};
    size_t n = 0;
    for (const auto& [v, label] : choices) {
      data o;
      o.set("id", id + "-" + std::to_string(n++));
      o.set("name", name);
      o.set("value", v);
      o.set("label", label);
      if (v == value) o.set("checked", true);
      list.push_back(o);
    }
    d.set("options", list);
    d.set(radios ? "radios" : "select", true);
    if (radios) d.set("group", true);
  };
  switch (q.type) {
    case QuestionType::longtext: d.set("long", true); d.set("rows", "6"); break;
    case QuestionType::list:
      d.set("long", true);
      d.set("rows", "4");
      break;
    case QuestionType::date: d.set("date", true); break;
    case QuestionType::integer:
    case QuestionType::schoolyear:
      d.set("text", true);
      d.set("inputmode", "numeric");
      break;
    case QuestionType::decimal:
    case QuestionType::money:
    case QuestionType::percent:
      d.set("text", true);
      d.set("inputmode", "decimal");
      break;
    case QuestionType::boolean:
      options({{"", tr("(no answer)")}, {"true", tr("yes")}, {"false", tr("no")}}, true);
      break;
    case QuestionType::choice: {
      std::vector<std::pair<std::string, std::string>> choices;
      if (q.choices.size() <= 5) choices.emplace_back("", tr("(no answer)"));
      for (const auto& c : q.choices) choices.emplace_back(c, c);
      options(choices, q.choices.size() <= 5);
      break;
    }
    case QuestionType::records: {
      d.set("table", true);
      d.set("group", true);
      d.set("count_name", row_count_name(q));
      const size_t count = std::strtoul(text_of(row_count_name(q)).c_str(), nullptr, 10);
      d.set("count", std::to_string(count));
      data columns{data::type::list};
      for (const auto& f : q.fields) columns.push_back(data(f.label));
      d.set("columns", columns);
      data rows{data::type::list};
      for (size_t r = 0; r < count; ++r) {
        data row;
        row.set("index", std::to_string(r));
        row.set("key", q.full_key);
        row.set("remove_label", fill(tr("Remove entry {}"), {std::to_string(r + 1)}));
        data cells{data::type::list};
        for (const auto& f : q.fields) {
          const std::string cell = cell_name(q, r, f);
          data c;
          c.set("id", html_id(cell));
          c.set("name", cell);
          c.set("value", text_of(cell));
          c.set("label", fill(tr("{}, entry {}"), {f.label, std::to_string(r + 1)}));
          if (auto e = errors.find(cell); e != errors.end()) c.set("error", e->second);
          cells.push_back(c);
        }
        row.set("cells", cells);
        rows.push_back(row);
      }
      d.set("rows", rows);
      break;
    }
    default: d.set("text", true);
  }
  return d;
}

// A table's posted rows after "add an entry" or "remove entry n".
void change_rows(const Question& q, FormFields& fields, std::optional<size_t> remove) {
  const std::string count_name = row_count_name(q);
  size_t count = std::strtoul(fields[count_name].c_str(), nullptr, 10);
  if (!remove) {
    if (count < kMaxListItems) fields[count_name] = std::to_string(count + 1);
    return;
  }
  if (*remove >= count) return;
  for (size_t r = *remove; r + 1 < count; ++r)
    for (const auto& f : q.fields) fields[cell_name(q, r, f)] = fields[cell_name(q, r + 1, f)];
  for (const auto& f : q.fields) fields.erase(cell_name(q, count - 1, f));
  fields[count_name] = std::to_string(count - 1);
}

}  // namespace

namespace {

struct SectionView {
  FormFields texts;
  std::map<std::string, std::string> errors;
  std::string notice, conflict;
  std::vector<std::string> conflict_fields;
  int conflict_other = 0;
  std::string author;
};

}  // namespace

static Response render_section(const Opened& o, const Section& s, const Draft& draft, const SectionView& v,
                               const std::string& user, const std::string& csrf, int status) {
  const Template& t = o.tmpl->questionnaire;
  data d;
  d.set("draft", std::to_string(o.summary.id));
  d.set("draft_title", o.summary.title);
  d.set("base", std::to_string(o.version.number));
  d.set("section", s.id);
  d.set("section_title", s.title);
  d.set("step", fill(tr("Step {}: {}"), {std::to_string(s.step), seed_step_title(s.step)}));
  d.set("kind", section_kind(s));
  if (!s.intro.empty()) d.set("intro", s.intro);
  if (!v.notice.empty()) d.set("notice", v.notice);
  if (!v.conflict.empty()) {
    d.set("conflict", v.conflict);
    data fields{data::type::list};
    for (const auto& f : v.conflict_fields) fields.push_back(data(f));
    d.set("conflict_fields", fields);
    d.set("has_conflict_fields", !v.conflict_fields.empty());
    d.set("conflict_other", std::to_string(v.conflict_other));
  }
  d.set("csrf", csrf);
  if (!user.empty()) d.set("user", user);
  d.set("author", v.author);
  std::string questions;
  data errors{data::type::list};
  for (const auto& q : s.questions) {
    questions += render_template(kQuestion, question_data(q, t, v.texts, v.errors));
    for (const auto& [name, message] : v.errors)
      if (name == input_name(q) || name.rfind(input_name(q) + ".", 0) == 0) {
        data e;
        e.set("id", html_id(name));
        e.set("message", message);
        errors.push_back(e);
      }
  }
  d.set("questions", questions);
  d.set("has_errors", !v.errors.empty());
  d.set("errors", errors);
  const bool ready = is_ready_to_sign(draft.findings);
  d.set("readiness", readiness_line(draft.findings));
  d.set("ready_class", ready ? "ready" : "not-ready");
  data sections{data::type::list};
  std::string next;
  bool after = false;
  for (const auto& f : draft.findings.sections) {
    data row;
    row.set("id", f.id);
    row.set("draft", std::to_string(o.summary.id));
    row.set("name", f.name());
    row.set("state", state_text(f));
    row.set("state_class", state_class(f));
    if (f.id == s.id) row.set("current", true);
    if (after && next.empty()) next = f.id;
    after = after || f.id == s.id;
    sections.push_back(row);
  }
  d.set("sections", sections);
  if (!next.empty()) d.set("next", next);
  data downloads{data::type::list};
  for (const auto& [name, label] : std::vector<std::pair<std::string, std::string>>{
           {"pdf", tr("Agreement as PDF")},
           {"docx", tr("Agreement as DOCX (Word)")},
           {"md", tr("Agreement as Markdown")},
           {"yaml", tr("Answers as YAML (for kovgen on the command line)")},
           {"fragebogen", tr("Printable questionnaire (PDF)")}}) {
    data row;
    row.set("name", name);
    row.set("label", label);
    downloads.push_back(row);
  }
  d.set("downloads", downloads);
  return page(s.title + " – " + o.summary.title, render_template(kSectionPage, d), user, csrf, status);
}

Response App::section_page(const Request& r, Context& c, int64_t id, const std::string& section) {
  Diagnostics diag;
  auto opened = open_version(id, 0, diag);
  if (!opened) return not_found();
  const Section* s = opened->tmpl->questionnaire.find_section(section);
  if (!s) return not_found();
  const Draft& draft = opened->draft;
  SectionView v;
  v.texts = form_texts(*s, opened->answers);
  if (auto saved = parse_id(param(r, "gespeichert")))
    v.notice = fill(tr("Saved as version {}."), {std::to_string(*saved)});
  if (auto mine = parse_id(param(r, "konflikt")); mine && *mine > 1) {
    auto my_version = store_.version(id, static_cast<int>(*mine));
    auto other = store_.version(id, static_cast<int>(*mine) - 1);
    if (my_version && other && my_version->conflict) {
      v.conflict = fill(tr("Your answers were saved as version {}, but while you were editing, {} saved version {}. "
                           "These answers differ between the two versions:"),
                        {std::to_string(my_version->number), other->author, std::to_string(other->number)});
      v.conflict_other = other->number;
      Diagnostics ignored;
      auto a = load_answers(my_version->answers, opened->file, "", *config_.templates, ignored);
      auto b = load_answers(other->answers, opened->file, "", *config_.templates, ignored);
      if (a && b)
        for (const auto& sec : opened->tmpl->questionnaire.sections)
          for (const auto& q : sec.questions)
            if (comparable(q, a->answers.find(q.full_key)) != comparable(q, b->answers.find(q.full_key)))
              v.conflict_fields.push_back(sec.title + ": " + q.label);
    }
  }
  return render_section(*opened, *s, draft, v, c.user, c.csrf, 200);
}

Response App::save_section(const Request& r, Context& c, int64_t id, const std::string& section) {
  // A save needs only the questionnaire, not the composed draft: the page shown
  // after it composes the new version anyway.
  Diagnostics diag;
  auto summary = store_.draft(id);
  if (!summary) return not_found();
  auto tmpl = config_.templates->get(summary->template_id, diag);
  if (!tmpl) return not_found();
  const Template& t = tmpl->questionnaire;
  const Section* s = t.find_section(section);
  if (!s) return not_found();
  // Re-showing the form (a table row added, answers to check) shows the checklist.
  auto show_form = [&](const SectionView& v, int status) {
    auto opened = open_version(id, 0, diag);
    if (!opened) return not_found();
    return render_section(*opened, *s, opened->draft, v, c.user, c.csrf, status);
  };
  const std::string action = param(r, "aktion");
  const bool json = action == "autosave";
  FormFields posted;
  for (const auto& [k, v] : r.params)
    if (k.rfind("f.", 0) == 0 || k.rfind("n.", 0) == 0) posted[k] = v;

  SectionView v;
  v.author = param(r, "autor");
  // Adding or removing a table row only changes the form; nothing is saved yet.
  if (action.rfind("zeile:", 0) == 0 || action.rfind("entfernen:", 0) == 0) {
    const bool add = action[0] == 'z';
    std::string rest = action.substr(add ? 6 : 10);
    std::optional<size_t> row;
    if (!add) {
      const size_t colon = rest.rfind(':');
      if (colon == std::string::npos) return not_found();
      row = std::strtoul(rest.c_str() + colon + 1, nullptr, 10);
      rest.resize(colon);
    }
    const Question* q = t.find_question(rest);
    if (!q || q->type != QuestionType::records) return not_found();
    change_rows(*q, posted, row);
    v.texts = posted;
    return show_form(v, 200);
  }

  SectionInput input = read_section(t, *s, posted);
  const auto base = parse_id(param(r, "basis"));
  if (!input.errors.empty() || !base) {
    if (json) {
      Response res;
      res.status = 422;
      res.content_type = "application/json";
      res.body = "{\"message\":" + json_string(tr("Not saved automatically: some answers need checking.")) + "}";
      return res;
    }
    v.texts = posted;
    v.errors = input.errors;
    return show_form(v, 422);
  }
  // The section goes into the text of the version the form was based on, so that
  // a conflicting save keeps exactly what this person saw and changed.
  auto base_version = store_.version(id, static_cast<int>(*base));
  if (!base_version) return not_found();
  std::string error;
  auto text = apply_section(base_version->answers, t, *s, input.answers, &error);
  if (!text) return message_page(tr("Not saved"), error, 422);
  if (text->size() > kMaxAnswersBytes)
    return message_page(tr("Not saved"),
                        fill(tr("The answers are too large (at most {} kB)."), {std::to_string(kMaxAnswersBytes / 1024)}),
                        413);
  const std::string author = c.author(r);
  const AuditEntry audit{utc_time_text(c.now), author, tr("saved"), fill(tr("version {}, section {}"), {"{}", s->title})};
  auto saved = store_.save(id, static_cast<int>(*base), author, utc_time_text(c.now),
                           param(r, "kommentar").substr(0, kMaxTitleBytes), *text, &audit);
  if (!saved) return message_page(tr("Not saved"), tr("The version could not be stored. Please try again."), 500);
  const std::string here = "/entwurf/" + std::to_string(id) + "/abschnitt/";
  if (json) {
    Response res;
    res.content_type = "application/json";
    res.body = "{\"version\":" + std::to_string(saved->number) + ",\"conflict\":" + (saved->conflict ? "true" : "false") +
               ",\"message\":" +
               json_string(saved->conflict ? fill(tr("Saved as version {}, but someone else saved in the meantime: "
                                                     "please reload the page."),
                                                  {std::to_string(saved->number)})
                                           : fill(tr("Saved automatically as version {}."),
                                                  {std::to_string(saved->number)})) +
               "}";
    return res;
  }
  Response res;
  if (saved->conflict) {
    res = redirect(here + s->id + "?konflikt=" + std::to_string(saved->number));
  } else if (action.rfind("weiter:", 0) == 0 && t.find_section(action.substr(7))) {
    res = redirect(here + action.substr(7) + "?gespeichert=" + std::to_string(saved->number));
  } else {
    res = redirect(here + s->id + "?gespeichert=" + std::to_string(saved->number));
  }
  return res;
}

Response App::check_section(const Request& r, Context&, int64_t id, const std::string& section) {
  Diagnostics diag;
  auto opened = open_version(id, 0, diag);
  if (!opened) return not_found();
  const Template& t = opened->tmpl->questionnaire;
  const Section* s = t.find_section(section);
  if (!s) return not_found();
  FormFields posted;
  for (const auto& [k, v] : r.params)
    if (k.rfind("f.", 0) == 0 || k.rfind("n.", 0) == 0) posted[k] = v;
  SectionInput input = read_section(t, *s, posted);
  Answers merged = opened->answers;
  for (const auto& q : s->questions) {
    merged.values.erase(q.full_key);
    if (const Value* v = input.answers.find(q.full_key)) merged.values[q.full_key] = *v;
  }
  Draft draft = make_draft(*opened->tmpl, merged, config_.compose);
  const bool ready = is_ready_to_sign(draft.findings);
  std::string body = "{\"ready\":" + std::string(ready ? "true" : "false") +
                     ",\"readiness\":" + json_string(readiness_line(draft.findings)) + ",\"sections\":[";
  bool first = true;
  for (const auto& f : draft.findings.sections) {
    body += std::string(first ? "" : ",") + "{\"id\":" + json_string(f.id) + ",\"state\":" + json_string(state_text(f)) +
            ",\"state_class\":" + json_string(state_class(f)) + "}";
    first = false;
  }
  body += "],\"applies\":{";
  first = true;
  for (const auto& q : s->questions) {
    body += std::string(first ? "" : ",") + json_string(q.full_key) + ":" + (merged.applies(q) ? "true" : "false");
    first = false;
  }
  body += "},\"errors\":{";
  first = true;
  for (const auto& [name, message] : input.errors) {
    body += std::string(first ? "" : ",") + json_string(name) + ":" + json_string(message);
    first = false;
  }
  body += "}}";
  Response res;
  res.content_type = "application/json";
  res.body = body;
  return res;
}

}  // namespace kovgen::serve
