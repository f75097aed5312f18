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
#include "once_cache.h"
#include "pages.h"
#include "questionnaire_markdown.h"
#include "questionnaire_text.h"
#include "report_json.h"
#include "skeleton.h"
#include "template_library.h"
namespace kovgen::serve {

using kainjow::mustache::data;

namespace {
constexpr const char* kSessionCookie = "kovgen_sitzung";
}  // namespace

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

const std::string& Composition::html(SectionHtmlCache& sections) const {
  std::call_once(html_once_, [&] { html_ = sections.draft_html(draft.markdown); });
  return html_;
}

std::shared_ptr<const std::string> Composed::document(const std::string& what,
                                                      const std::function<std::optional<std::string>()>& write) const {
  // Held while writing: a second request for the same document waits for the first.
  std::lock_guard lock(documents_mutex_);
  auto& kept = documents_[what];
  if (!kept) {
    auto bytes = write();
    if (!bytes) {
      documents_.erase(what);
      return nullptr;
    }
    kept = std::make_shared<const std::string>(std::move(*bytes));
  }
  return kept;
}

std::optional<Opened> App::open_version(int64_t id, int number, Diagnostics& diag) {
  auto summary = store_.draft(id);
  if (!summary) return std::nullopt;
  const int wanted = number > 0 ? number : summary->latest;
  const std::string file = "entwurf-" + std::to_string(id) + "-v" + std::to_string(wanted) + ".yaml";
  auto composed = drafts_->versions.get({id, wanted}, [&]() -> std::shared_ptr<const Composed> {
    auto version = store_.version(id, wanted);
    if (!version) return nullptr;
    auto composition = drafts_->compositions.get(version->answers, [&]() -> std::shared_ptr<const Composition> {
      auto loaded = load_answers(version->answers, file, "", *config_.templates, diag);
      if (!loaded) return nullptr;
      auto made = std::make_shared<Composition>();
      made->draft = make_draft(*loaded->tmpl, loaded->answers, config_.compose);
      made->tmpl = loaded->tmpl;
      made->answers = std::move(loaded->answers);
      return made;
    });
    if (!composition) return nullptr;
    auto made = std::make_shared<Composed>();
    made->version = std::move(*version);
    made->composition = std::move(composition);
    return made;
  });
  if (!composed) return std::nullopt;
  return Opened(std::move(*summary), file, std::move(composed));
}

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
  if (!parts.empty() && parts[0] == "stapel") return batch_route(r, c, parts);
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
  return page(tr("Drafts of cooperation agreements"), render_template(kHomePage, d), c.user, c.csrf);
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

}  // namespace kovgen::serve
