#pragma once
// What the App's page files (app*.cc) share: the request's context, an opened
// version, the login sessions and small helpers for requests and pages. Not part
// of the serve library's interface; app.h is.
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "app.h"
#include "draft_html.h"
#include "i18n.h"
#include "once_cache.h"

namespace kovgen::serve {

// An answers file typed or imported by a person is far below this; anything
// larger is refused with a message instead of being parsed.
inline constexpr size_t kMaxAnswersBytes = 1024 * 1024;
inline constexpr size_t kMaxTitleBytes = 200;

std::string random_token();
bool same_secret(const std::string& a, const std::string& b);
std::optional<int64_t> parse_id(std::string_view s);
std::vector<std::string> split_path(const std::string& path);
std::string param(const Request& r, const std::string& name);
std::string cookie(const Request& r, const std::string& name);
kainjow::mustache::data texts();
// One of pages.h's templates filled with d, the texts ({{t.key}}) beneath it.
std::string render_template(const char* template_text, const kainjow::mustache::data& d);
Response redirect(const std::string& to);
std::string html_id(const std::string& input_name);
// What a value says, for comparing two versions field by field.
std::string comparable(const Question& q, const Value* v);

Response page(const std::string& title, const std::string& content, const std::string& user, const std::string& csrf,
              int status = 200);
Response message_page(const std::string& heading, const std::string& message, int status);
Response not_found();

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


// Answers read as the CLI reads an answers file, and the draft they compose to.
// The same answers text always gives the same composition (templates load once),
// so versions with the same answers share one: a restored version, a save that
// changed nothing, a conflicting save of what another version already holds.
struct Composition {
  std::shared_ptr<const LoadedTemplate> tmpl;
  Answers answers;
  Draft draft;
  // The preview's HTML, made on first use from the sections `sections` keeps.
  const std::string& html(SectionHtmlCache& sections) const;

 private:
  mutable std::once_flag html_once_;
  mutable std::string html_;
};

// One version and its composition; what the version's pages show is derived from
// it once, on first use (versions never change).
struct Composed {
  VersionInfo version;
  std::shared_ptr<const Composition> composition;
  // A download (Markdown, DOCX, PDF, the printable questionnaire) by its name in the
  // URL, written by `write` the first time; nullptr when writing fails (not kept).
  // Per version, not per composition: the file name the writers get names the version.
  std::shared_ptr<const std::string> document(const std::string& what,
                                              const std::function<std::optional<std::string>()>& write) const;

 private:
  mutable std::mutex documents_mutex_;
  mutable std::map<std::string, std::shared_ptr<const std::string>> documents_;
};

// Versions never change, so each is read and composed once: a page view, the
// preview and a download of the same version share the work. Versions whose
// answers are the same text share one composition, and previews of one draft
// after another share the sections they have in common.
struct App::DraftCache {
  OnceCache<std::pair<int64_t, int>, Composed> versions;
  OnceCache<std::string, Composition> compositions;
  SectionHtmlCache preview_sections;
};

// One version of a draft, opened for a request.
struct Opened {
  DraftSummary summary;
  std::string file;  // the name messages and downloads use
  std::shared_ptr<const Composed> composed;
  const VersionInfo& version;
  const std::shared_ptr<const LoadedTemplate>& tmpl;
  const Answers& answers;
  const Draft& draft;

  Opened(DraftSummary s, std::string f, std::shared_ptr<const Composed> c)
      : summary(std::move(s)), file(std::move(f)), composed(std::move(c)), version(composed->version),
        tmpl(composed->composition->tmpl), answers(composed->composition->answers),
        draft(composed->composition->draft) {}
};

}  // namespace kovgen::serve
