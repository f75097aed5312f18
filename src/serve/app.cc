#include "app.h"

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
using kainjow::mustache::mustache;

namespace {

constexpr const char* kSessionCookie = "kovgen_sitzung";
// An answers file typed or imported by a person is far below this; anything
// larger is refused with a message instead of being parsed.
constexpr size_t kMaxAnswersBytes = 1024 * 1024;
constexpr size_t kMaxTitleBytes = 200;
constexpr int kFreeLoginAttempts = 5;

std::string random_token() {
  unsigned char bytes[32];  // 256 bits
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<int64_t> parse_id(std::string_view s) {
  int64_t v = 0;
  if (s.empty() || s.size() > 18) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string param(const Request& r, const std::string& name) {
  auto it = r.params.find(name);
  return it == r.params.end() ? std::string() : it->second;
}

std::string cookie(const Request& r, const std::string& name) {
  auto it = r.headers.find("cookie");
  if (it == r.headers.end()) return "";
  const std::string& all = it->second;
  const std::string key = name + "=";
  for (size_t at = 0; (at = all.find(key, at)) != std::string::npos; at += key.size()) {
    if (at > 0 && all[at - 1] != ' ' && all[at - 1] != ';') continue;
    const size_t start = at + key.size();
    return all.substr(start, all.find(';', start) - start);
  }
  return "";
}

data texts() {
  data t;
  for (const auto& [key, text] : page_texts()) t.set(key, std::string(text));
  return t;
}

Response redirect(const std::string& to) {
  Response r;
  r.status = 303;
  r.headers.emplace_back("Location", to);
  return r;
}

std::string html_id(const std::string& input_name) {
  std::string id = input_name;
  for (char& c : id)
    if (c == '.') c = '-';
  return id;
}

// What a value says, for comparing two versions field by field.
std::string comparable(const Question& q, const Value* v) {
  if (!v) return "";
  YamlValue y = answer_yaml_value(q, *v);
  std::string out = y.text;
  for (const auto& item : y.items) {
    out += "\x1f" + item.text;
    for (const auto& [k, f] : item.fields) out += "\x1e" + k + "=" + f.text;
  }
  return out;
}

}  // namespace

std::string utc_time_text(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

// One request's session: who is logged in (or nobody, on loopback) and the
// CSRF token its forms carry.
struct App::Context {
  std::string session_id;
  std::string user;  // "" when nobody is logged in
  std::string csrf;
  int64_t now = 0;
  bool new_session = false;

  std::string author(const Request& r) const {
    if (!user.empty()) return user;
    std::string typed = param(r, "autor").substr(0, kMaxTitleBytes);
    return typed.empty() ? std::string(tr("anonymous (local)")) : typed;
  }
};

// The login sessions, in memory: a restart logs everybody out, which costs a
// login, while a session in the database would cost a disk write per request.
struct App::Sessions {
  struct Entry {
    std::string user, csrf;
    int64_t last_seen = 0;
  };
  std::mutex mutex;
  std::map<std::string, Entry> entries;
};

App::App(Store& store, AppConfig config)
    : store_(store),
      config_(std::move(config)),
      sessions_(std::make_unique<Sessions>()),
      drafts_(std::make_unique<DraftCache>()) {
  if (sodium_init() < 0) std::abort();  // no safe random numbers: nothing may run
}

App::~App() = default;

Response App::handle(const Request& request) {
  Context c;
  c.now = config_.now();
  {
    Sessions& table = *sessions_;
    std::lock_guard lock(table.mutex);
    const std::string id = cookie(request, kSessionCookie);
    auto it = table.entries.find(id);
    if (it != table.entries.end() && it->second.last_seen + config_.idle_timeout_seconds < c.now) {
      table.entries.erase(it);
      it = table.entries.end();
    }
    if (it == table.entries.end()) {
      c.session_id = random_token();
      c.csrf = random_token();
      c.new_session = true;
      table.entries[c.session_id] = {"", c.csrf, c.now};
    } else {
      c.session_id = id;
      c.user = it->second.user;
      c.csrf = it->second.csrf;
      it->second.last_seen = c.now;
    }
  }

  Response response;
  const bool is_static = request.path.rfind("/static/", 0) == 0;
  const bool is_login = request.path == "/anmelden";
  if (request.method == "POST" &&
      !same_secret(param(request, "csrf"), c.csrf) &&
      !same_secret(request.headers.count("x-csrf-token") ? request.headers.at("x-csrf-token") : "", c.csrf)) {
    response = home(c, tr("The form was out of date or came from another page, so nothing was done. Please try again."));
    response.status = 403;
  } else if (config_.require_login && c.user.empty() && !is_static && !is_login) {
    if (request.method == "GET") {
      response = redirect("/anmelden");
    } else {
      response = login_page(c, tr("Please log in first."), 401);
    }
  } else {
    response = route(request, c);
  }

  if (c.new_session) {
    std::string cookie_value = std::string(kSessionCookie) + "=" + c.session_id + "; Path=/; HttpOnly; SameSite=Strict";
    if (config_.secure_cookies) cookie_value += "; Secure";
    response.headers.emplace_back("Set-Cookie", cookie_value);
  }
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (!is_static) response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

namespace {

Response page(const std::string& title, const std::string& content, const std::string& user, const std::string& csrf,
              int status = 200) {
  data d;
  d.set("t", texts());
  d.set("title", title);
  d.set("content", content);
  if (!user.empty()) d.set("user", user);
  d.set("csrf", csrf);
  Response r;
  r.status = status;
  r.body = mustache(kLayoutPage).render(d);
  return r;
}

Response message_page(const std::string& heading, const std::string& message, int status) {
  data d;
  d.set("t", texts());
  d.set("heading", heading);
  d.set("message", message);
  return page(heading, mustache(kMessagePage).render(d), "", "", status);
}

Response not_found() {
  return message_page(tr("Not found"), tr("There is no such page, draft or version."), 404);
}

}  // namespace

// Versions never change, so each is read and composed once: a page view, the
// preview and a download of the same version share the work. Bounded: when full,
// the cache starts over.
struct App::DraftCache {
  struct Entry {
    std::shared_ptr<const LoadedTemplate> tmpl;
    Answers answers;
    Draft draft;
  };
  static constexpr size_t kMaxEntries = 256;
  std::mutex mutex;
  std::map<std::pair<int64_t, int>, std::shared_ptr<const Entry>> entries;
};

// One version of a draft with its answers, read as the CLI reads an answers file,
// and the draft they compose to.
struct Opened {
  DraftSummary summary;
  VersionInfo version;
  std::shared_ptr<const LoadedTemplate> tmpl;
  Answers answers;
  std::string file;  // the name messages and downloads use
  Draft draft;
};

std::optional<Opened> App::open_version(int64_t id, int number, Diagnostics& diag) {
  auto summary = store_.draft(id);
  if (!summary) return std::nullopt;
  auto version = store_.version(id, number > 0 ? number : summary->latest);
  if (!version) return std::nullopt;
  const std::string file = "entwurf-" + std::to_string(id) + "-v" + std::to_string(version->number) + ".yaml";
  const auto key = std::make_pair(id, version->number);
  std::shared_ptr<const DraftCache::Entry> entry;
  {
    std::lock_guard lock(drafts_->mutex);
    if (auto it = drafts_->entries.find(key); it != drafts_->entries.end()) entry = it->second;
  }
  if (!entry) {
    auto loaded = load_answers(version->answers, file, "", *config_.templates, diag);
    if (!loaded) return std::nullopt;
    Draft draft = make_draft(*loaded->tmpl, loaded->answers, config_.compose);
    entry = std::make_shared<const DraftCache::Entry>(
        DraftCache::Entry{loaded->tmpl, std::move(loaded->answers), std::move(draft)});
    std::lock_guard lock(drafts_->mutex);
    if (drafts_->entries.size() >= DraftCache::kMaxEntries) drafts_->entries.clear();
    drafts_->entries[key] = entry;
  }
  return Opened{*summary, std::move(*version), entry->tmpl, entry->answers, file, entry->draft};
}

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
  d.set("t", kovgen::serve::texts());
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

Response App::route(const Request& r, Context& c) {
  const auto parts = split_path(r.path);
  const bool get = r.method == "GET", post = r.method == "POST";
  if (parts.empty() && get) return home(c);
  if (parts.size() == 2 && parts[0] == "static" && get) {
    Response res;
    if (parts[1] == "kovgen.css") {
      res.content_type = "text/css; charset=utf-8";
      res.body = kStyleSheet;
    } else if (parts[1] == "kovgen.js") {
      res.content_type = "text/javascript; charset=utf-8";
      res.body = kScript;
    } else {
      return not_found();
    }
    res.headers.emplace_back("Cache-Control", "max-age=3600");
    return res;
  }
  if (parts.size() == 1 && parts[0] == "entwuerfe" && post) return create_draft(r, c);
  if (parts.size() == 1 && parts[0] == "anmelden") return post ? login(r, c) : login_page(c, "");
  if (parts.size() == 1 && parts[0] == "abmelden" && post) return logout(c);
  if (parts.size() < 2 || parts[0] != "entwurf") return not_found();
  const auto id = parse_id(parts[1]);
  if (!id) return not_found();
  if (parts.size() == 2 && get) {
    Diagnostics diag;
    auto opened = open_version(*id, 0, diag);
    if (!opened) return not_found();
    const Draft& draft = opened->draft;
    if (draft.findings.sections.empty()) return not_found();
    return redirect("/entwurf/" + std::to_string(*id) + "/abschnitt/" + draft.findings.sections.front().id);
  }
  if (parts.size() == 4 && parts[2] == "abschnitt") {
    if (get) return section_page(r, c, *id, parts[3]);
    if (post) return save_section(r, c, *id, parts[3]);
  }
  if (parts.size() == 5 && parts[2] == "abschnitt" && parts[4] == "pruefen" && post)
    return check_section(r, c, *id, parts[3]);
  if (parts.size() == 3 && parts[2] == "vorschau" && get) {
    auto version = parse_id(param(r, "version"));
    return preview(c, *id, version ? static_cast<int>(*version) : 0);
  }
  if (parts.size() == 4 && parts[2] == "download" && get) return download(r, c, *id, parts[3]);
  if (parts.size() == 3 && parts[2] == "versionen" && get) return history(c, *id);
  if (parts.size() == 3 && parts[2] == "wiederherstellen" && post) return restore(r, c, *id);
  return not_found();
}

Response App::home(Context& c, const std::string& message) {
  data d;
  d.set("t", texts());
  d.set("csrf", c.csrf);
  if (!message.empty()) d.set("message", message);
  data drafts{data::type::list};
  for (const auto& s : store_.drafts()) {
    data row;
    row.set("id", std::to_string(s.id));
    row.set("title", s.title);
    row.set("template", s.template_id);
    row.set("latest", std::to_string(s.latest));
    row.set("changed", s.changed);
    drafts.push_back(row);
  }
  d.set("has_drafts", !drafts.is_empty_list());
  d.set("drafts", drafts);
  data templates{data::type::list};
  for (const auto& id : list_template_ids(config_.templates->disk(), config_.templates->library())) {
    Diagnostics diag;
    auto t = config_.templates->get(id, diag);
    if (!t) continue;
    data row;
    row.set("id", id);
    row.set("title", t->questionnaire.title);
    templates.push_back(row);
  }
  d.set("templates", templates);
  return page(tr("Drafts of cooperation agreements"), mustache(kHomePage).render(d), c.user, c.csrf);
}

Response App::create_draft(const Request& r, Context& c) {
  const std::string title = param(r, "titel");
  const std::string kind = param(r, "art");
  auto refuse = [&](const std::string& message) {
    Response res = home(c, message);
    res.status = 422;
    return res;
  };
  if (title.find_first_not_of(" \t") == std::string::npos) return refuse(tr("Please give the draft a title."));
  if (title.size() > kMaxTitleBytes)
    return refuse(fill(tr("The title is too long (at most {} characters)."), {std::to_string(kMaxTitleBytes)}));
  std::string answers, template_id, detail;
  Diagnostics diag;
  if (kind == "vorlage") {
    template_id = param(r, "vorlage");
    const auto ids = list_template_ids(config_.templates->disk(), config_.templates->library());
    if (std::find(ids.begin(), ids.end(), template_id) == ids.end())
      return refuse(fill(tr("There is no template {}."), {quoted_value(template_id)}));
    auto t = config_.templates->get(template_id, diag);
    if (!t) return refuse(diag.to_string());
    answers = answer_skeleton(t->questionnaire);
    detail = fill(tr("created from template {}"), {template_id});
  } else if (kind == "import") {
    answers = param(r, "antworten");
    if (answers.size() > kMaxAnswersBytes)
      return refuse(fill(tr("The answers file is too large (at most {} kB)."), {std::to_string(kMaxAnswersBytes / 1024)}));
    const std::string file = param(r, "antworten.dateiname").empty() ? "antworten.yaml" : param(r, "antworten.dateiname");
    auto loaded = load_answers(answers, file, "", *config_.templates, diag);
    if (!loaded) return refuse(fill(tr("The answers file cannot be imported:\n{}"), {diag.to_string()}));
    template_id = loaded->tmpl->questionnaire.id;
    detail = fill(tr("imported from {}"), {file});
  } else if (kind == "kopie") {
    auto from = parse_id(param(r, "von"));
    auto source = from ? store_.draft(*from) : std::nullopt;
    if (!source) return refuse(tr("The draft to copy does not exist."));
    answers = store_.version(source->id, source->latest)->answers;
    template_id = source->template_id;
    detail = fill(tr("copied from draft {}, version {}"), {std::to_string(source->id), std::to_string(source->latest)});
  } else {
    return refuse(tr("Please choose how to start the draft."));
  }
  const int64_t id = store_.create_draft(title, template_id, c.author(r), utc_time_text(c.now), answers);
  if (id == 0) return refuse(tr("The draft could not be stored. Please try again."));
  store_.audit(id, c.author(r), tr("created"), utc_time_text(c.now), detail);
  return redirect("/entwurf/" + std::to_string(id));
}

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
  d.set("t", texts());
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
  mustache question_template(kQuestion);
  for (const auto& q : s.questions) {
    questions += question_template.render(question_data(q, t, v.texts, v.errors));
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
  return page(s.title + " – " + o.summary.title, mustache(kSectionPage).render(d), user, csrf, status);
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
  Diagnostics diag;
  auto opened = open_version(id, 0, diag);
  if (!opened) return not_found();
  const Template& t = opened->tmpl->questionnaire;
  const Section* s = t.find_section(section);
  if (!s) return not_found();
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
    const Draft& draft = opened->draft;
    return render_section(*opened, *s, draft, v, c.user, c.csrf, 200);
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
    const Draft& draft = opened->draft;
    return render_section(*opened, *s, draft, v, c.user, c.csrf, 422);
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

Response App::preview(Context& c, int64_t id, int version) {
  Diagnostics diag;
  auto opened = open_version(id, version, diag);
  if (!opened) return not_found();
  const Draft& draft = opened->draft;
  data d;
  d.set("t", texts());
  d.set("draft", std::to_string(id));
  d.set("html", draft_html(draft.markdown));
  d.set("readiness", readiness_line(draft.findings));
  d.set("ready_class", is_ready_to_sign(draft.findings) ? "ready" : "not-ready");
  return page(fill(tr("Preview: {}"), {opened->summary.title}), mustache(kPreviewPage).render(d), c.user, c.csrf);
}

Response App::download(const Request& r, Context& c, int64_t id, const std::string& what) {
  auto version = parse_id(param(r, "version"));
  Diagnostics diag;
  auto opened = open_version(id, version ? static_cast<int>(*version) : 0, diag);
  if (!opened) return not_found();
  const std::string stem = "entwurf-" + std::to_string(id) + "-v" + std::to_string(opened->version.number);
  Response res;
  std::string file;
  if (what == "yaml") {
    res.content_type = "application/yaml; charset=utf-8";
    res.body = opened->version.answers;
    file = stem + ".yaml";
  } else {
    const bool questionnaire = what == "fragebogen";
    const OutputFormat* format = find_output_format(questionnaire ? "pdf" : what);
    if (!format || (what != "md" && what != "docx" && what != "pdf" && !questionnaire)) return not_found();
    WriterOptions options = config_.writer;
    std::string markdown;
    if (questionnaire) {
      markdown = questionnaire_markdown(opened->tmpl->questionnaire);
      options.source_name = opened->tmpl->questionnaire.directory + "/template.yaml";
      file = "fragebogen-" + opened->tmpl->questionnaire.id + ".pdf";
    } else {
      // As render writes it: the ENTWURF mark unless the draft is ready to sign.
      const Draft& draft = opened->draft;
      options.force_draft = !is_ready_to_sign(draft.findings);
      options.source_name = opened->file;
      markdown = draft.markdown;
      file = stem + format->extension;
    }
    auto bytes = write_formats(markdown, {format}, options, diag);
    if (!bytes) return message_page(tr("Download failed"), diag.to_string(), 500);
    res.body = std::move(bytes->front());
    res.content_type = format->name == "pdf"    ? "application/pdf"
                       : format->name == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                                                : "text/markdown; charset=utf-8";
  }
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  store_.audit(id, c.user.empty() ? std::string(tr("anonymous (local)")) : c.user, tr("downloaded"), utc_time_text(c.now),
               file);
  return res;
}

Response App::history(Context& c, int64_t id) {
  auto summary = store_.draft(id);
  if (!summary) return not_found();
  data d;
  d.set("t", texts());
  d.set("draft", std::to_string(id));
  d.set("draft_title", summary->title);
  d.set("csrf", c.csrf);
  data versions{data::type::list};
  for (const auto& v : store_.versions(id)) {
    data row;
    row.set("draft", std::to_string(id));
    row.set("number", std::to_string(v.number));
    row.set("author", v.author);
    row.set("created", v.created);
    row.set("comment", v.comment);
    row.set("csrf", c.csrf);
    if (v.conflict) row.set("conflict", true);
    if (v.number == summary->latest) row.set("latest", true);
    versions.push_back(row);
  }
  d.set("versions", versions);
  data audit{data::type::list};
  for (const auto& a : store_.audit_log(id)) {
    data row;
    row.set("at", a.at);
    row.set("who", a.who);
    row.set("what", a.action + (a.detail.empty() ? "" : ": " + a.detail));
    audit.push_back(row);
  }
  d.set("audit", audit);
  return page(fill(tr("History: {}"), {summary->title}), mustache(kHistoryPage).render(d), c.user, c.csrf);
}

Response App::restore(const Request& r, Context& c, int64_t id) {
  auto number = parse_id(param(r, "version"));
  auto summary = store_.draft(id);
  if (!number || !summary) return not_found();
  auto old = store_.version(id, static_cast<int>(*number));
  if (!old) return not_found();
  const std::string author = c.author(r);
  auto saved = store_.save(id, summary->latest, author, utc_time_text(c.now),
                           fill(tr("restored from version {}"), {std::to_string(old->number)}), old->answers);
  if (!saved) return message_page(tr("Not saved"), tr("The version could not be stored. Please try again."), 500);
  store_.audit(id, author, tr("restored"), utc_time_text(c.now),
               fill(tr("version {} as version {}"), {std::to_string(old->number), std::to_string(saved->number)}));
  return redirect("/entwurf/" + std::to_string(id) + "/versionen");
}

Response App::login_page(Context& c, const std::string& error, int status) {
  data d;
  d.set("t", texts());
  d.set("csrf", c.csrf);
  if (!error.empty()) d.set("error", error);
  return page(tr("Log in"), mustache(kLoginPage).render(d), "", c.csrf, status);
}

Response App::login(const Request& r, Context& c) {
  const std::string name = param(r, "name").substr(0, kMaxTitleBytes);
  const std::string password = param(r, "passwort");
  const std::string keys[] = {"u:" + name, "a:" + r.remote};
  {
    std::lock_guard lock(throttle_mutex_);
    for (const auto& k : keys)
      if (auto it = failures_.find(k); it != failures_.end() && it->second.until > c.now)
        return login_page(c,
                          fill(tr("Too many failed attempts. Please wait {} seconds and try again."),
                               {std::to_string(it->second.until - c.now)}),
                          429);
  }
  auto hash = store_.password_hash(name);
  const bool ok = hash && crypto_pwhash_str_verify(hash->c_str(), password.c_str(), password.size()) == 0;
  if (!ok) {
    std::lock_guard lock(throttle_mutex_);
    for (const auto& k : keys) {
      Failures& f = failures_[k];
      if (++f.count >= kFreeLoginAttempts)
        f.until = c.now + std::min<int64_t>(int64_t{30} << std::min(f.count - kFreeLoginAttempts, 5), 900);
    }
    return login_page(c, tr("User name or password is wrong."), 401);
  }
  {
    std::lock_guard lock(throttle_mutex_);
    for (const auto& k : keys) failures_.erase(k);
  }
  // A new session id at login: an id someone planted before cannot be taken over.
  Sessions& table = *sessions_;
  std::lock_guard lock(table.mutex);
  table.entries.erase(c.session_id);
  c.session_id = random_token();
  c.csrf = random_token();
  c.user = name;
  table.entries[c.session_id] = {name, c.csrf, c.now};
  c.new_session = true;
  return redirect("/");
}

Response App::logout(Context& c) {
  Sessions& table = *sessions_;
  std::lock_guard lock(table.mutex);
  table.entries.erase(c.session_id);
  c.session_id = random_token();
  c.csrf = random_token();
  c.user.clear();
  table.entries[c.session_id] = {"", c.csrf, c.now};
  c.new_session = true;
  return redirect(config_.require_login ? "/anmelden" : "/");
}

}  // namespace kovgen::serve
