// The web front-end in-process: requests straight into App, no sockets.
#include <doctest/doctest.h>

#include <regex>
#include <unistd.h>

#include "app.h"
#include "form.h"
#include "output_formats.h"
#include "store.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::serve;
using namespace kovgen::test;

namespace {

struct Fixture {
  // ctest runs the cases as parallel processes: each its own database.
  std::string dir = fresh_temp_dir("serve-app-" + std::to_string(getpid()));
  std::unique_ptr<Store> store;
  TemplateCache cache{real_disk(), source_template_library()};
  std::unique_ptr<App> app;
  int64_t clock = 1767225600;
  std::string cookie;
  std::string csrf;

  explicit Fixture(bool require_login = false) {
    std::string error;
    store = Store::open(dir + "/kovgen.sqlite", &error);
    REQUIRE(store);
    AppConfig config;
    config.templates = &cache;
    config.writer.timestamp = 1767225600;
    config.require_login = require_login;
    config.now = [this] { return clock; };
    app = std::make_unique<App>(*store, config);
  }

  Response send(const std::string& method, const std::string& path, std::map<std::string, std::string> params = {},
                bool with_csrf = true) {
    Request r;
    r.method = method;
    r.path = path;
    r.remote = "127.0.0.1";
    if (method == "POST" && with_csrf) params["csrf"] = csrf;
    r.params = std::move(params);
    if (!cookie.empty()) r.headers["cookie"] = cookie;
    Response res = app->handle(r);
    for (const auto& [k, v] : res.headers)
      if (k == "Set-Cookie") cookie = v.substr(0, v.find(';'));
    std::smatch m;
    if (std::regex_search(res.body, m, std::regex("name=\"csrf\" value=\"([0-9a-f]{64})\""))) csrf = m[1];
    return res;
  }

  static std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }

  int64_t create(const std::string& title = "Musterhausen") {
    send("GET", "/");
    Response r = send("POST", "/entwuerfe", {{"art", "vorlage"}, {"vorlage", "ogs"}, {"titel", title}});
    REQUIRE(r.status == 303);
    return std::stoll(header(r, "Location").substr(std::string("/entwurf/").size()));
  }
};

}  // namespace

TEST_CASE("serve: a draft from a template starts at version 1 and its first page lists the section's questions") {
  Fixture f;
  const int64_t id = f.create();
  Response page = f.send("GET", "/entwurf/" + std::to_string(id) + "/abschnitt/meta");
  CHECK(page.status == 200);
  CHECK(page.body.find("name=\"f.meta.titel\"") != std::string::npos);
  CHECK(page.body.find("<label for=\"f-meta-titel\">") != std::string::npos);
  CHECK(f.store->draft(id)->latest == 1);
}

TEST_CASE("serve: a bad amount gets read_answers' message next to its field and nothing is saved") {
  Fixture f;
  const int64_t id = f.create();
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/finanzierung";
  f.send("GET", url);
  Response r = f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"f.finanzierung.kommunaler_pflichtanteil", "viel"}});
  CHECK(r.status == 422);
  CHECK(r.body.find("id=\"f-finanzierung-kommunaler_pflichtanteil-fehler\"") != std::string::npos);
  CHECK(r.body.find("finanzierung.kommunaler_pflichtanteil (\u201E") != std::string::npos);
  CHECK(r.body.find("aria-invalid=\"true\"") != std::string::npos);
  CHECK(r.body.find("value=\"viel\"") != std::string::npos);  // what was typed stays
  CHECK(f.store->draft(id)->latest == 1);
}

TEST_CASE("serve: a save is a new version and the answers come back on the page and in the YAML export") {
  Fixture f;
  const int64_t id = f.create();
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/meta";
  f.send("GET", url);
  Response r = f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"autor", "Anna"},
                                    {"f.meta.titel", "Vereinbarung Musterhausen"}, {"f.meta.stand", "2026-02-10"}});
  CHECK(r.status == 303);
  CHECK(f.store->draft(id)->latest == 2);
  CHECK(f.store->version(id, 2)->author == "Anna");
  CHECK(f.send("GET", url).body.find("value=\"Vereinbarung Musterhausen\"") != std::string::npos);
  const std::string yaml = f.send("GET", "/entwurf/" + std::to_string(id) + "/download/yaml").body;
  CHECK(yaml.find("titel: Vereinbarung Musterhausen") != std::string::npos);
  CHECK(f.store->version(id, 1)->answers.find("Vereinbarung Musterhausen") == std::string::npos);  // never overwritten
  bool logged = false;
  for (const auto& entry : f.store->audit_log(id))
    logged = logged || (entry.action == "saved" && entry.who == "Anna" && entry.detail == "version 2, section Dokumentangaben");
  CHECK(logged);
}

TEST_CASE("serve: the preview and downloads kept for a version show a save at once and old versions stay as they were") {
  Fixture f;
  const int64_t id = f.create();
  const std::string draft = "/entwurf/" + std::to_string(id);
  const std::string md_v1 = f.send("GET", draft + "/download/md").body;
  CHECK(f.send("GET", draft + "/download/md").body == md_v1);  // the kept document
  CHECK(f.send("GET", draft + "/vorschau").body.find("Vereinbarung Kleinstadt") == std::string::npos);
  f.send("GET", draft + "/abschnitt/meta");
  REQUIRE(f.send("POST", draft + "/abschnitt/meta", {{"basis", "1"}, {"aktion", "speichern"},
                                                     {"f.meta.titel", "Vereinbarung Kleinstadt"}})
              .status == 303);
  CHECK(f.send("GET", draft + "/vorschau").body.find("Vereinbarung Kleinstadt") != std::string::npos);
  const std::string md_v2 = f.send("GET", draft + "/download/md").body;
  CHECK(md_v2.find("Vereinbarung Kleinstadt") != std::string::npos);
  CHECK(f.send("GET", draft + "/download/md", {{"version", "1"}}).body == md_v1);
  CHECK(f.send("GET", draft + "/vorschau", {{"version", "1"}}).body.find("Vereinbarung Kleinstadt") == std::string::npos);
  CHECK(f.send("GET", draft + "/abschnitt/meta").body.find("value=\"Vereinbarung Kleinstadt\"") != std::string::npos);
}

TEST_CASE("serve: a save based on an older version is kept as a conflict and the page names the differing field") {
  Fixture f;
  const int64_t id = f.create();
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/meta";
  f.send("GET", url);
  CHECK(f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"autor", "Anna"}, {"f.meta.titel", "A"}}).status ==
        303);
  Response late = f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"autor", "Ben"}, {"f.meta.titel", "B"}});
  CHECK(Fixture::header(late, "Location").find("konflikt=3") != std::string::npos);
  CHECK(f.store->version(id, 3)->conflict);
  CHECK(f.store->version(id, 2)->answers.find("titel: A") != std::string::npos);  // the first save is kept too
  Response page = f.send("GET", url, {{"konflikt", "3"}});
  CHECK(page.body.find("class=\"conflict\"") != std::string::npos);
  const size_t differing = page.body.find("<ul class=\"differing\">");
  REQUIRE(differing != std::string::npos);
  CHECK(page.body.find("Titel der Vereinbarung", differing) < page.body.find("</ul>", differing));
}

TEST_CASE("serve: a downloaded PDF and DOCX are the bytes render's writers make of the same answers") {
  Fixture f;
  const int64_t id = f.create();
  const std::string yaml = read_text(source_dir() + "/samples/ogs/ogs-teilweise.yaml");
  f.send("GET", "/");
  Response imported = f.send("POST", "/entwuerfe", {{"art", "import"}, {"titel", "Import"}, {"antworten", yaml}});
  REQUIRE(imported.status == 303);
  const std::string base = Fixture::header(imported, "Location");
  Diagnostics diag;
  auto loaded = load_answers(yaml, "x.yaml", "", f.cache, diag);
  REQUIRE(loaded);
  Draft draft = make_draft(*loaded->tmpl, loaded->answers, {});
  WriterOptions options;
  options.timestamp = 1767225600;
  options.force_draft = !is_ready_to_sign(draft.findings);
  for (const char* name : {"pdf", "docx", "md"}) {
    auto bytes = write_formats(draft.markdown, {find_output_format(name)}, options, diag);
    REQUIRE(bytes);
    Response r = f.send("GET", base + "/download/" + name);
    CHECK(r.status == 200);
    CHECK_MESSAGE(r.body == bytes->front(), name);
  }
  (void)id;
}

TEST_CASE("serve: a POST without the session's CSRF token changes nothing") {
  Fixture f;
  const int64_t id = f.create();
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/meta";
  f.send("GET", url);
  Response r = f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"f.meta.titel", "X"}}, false);
  CHECK(r.status == 403);
  f.csrf = std::string(64, 'a');
  CHECK(f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"f.meta.titel", "X"}}).status == 403);
  CHECK(f.store->draft(id)->latest == 1);
}

TEST_CASE("serve: user text stays text in every page") {
  Fixture f;
  const int64_t id = f.create("<script>alert(1)</script>");
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/meta";
  f.send("GET", url);
  f.send("POST", url, {{"basis", "1"}, {"aktion", "speichern"}, {"autor", "<img src=x onerror=alert(2)>"},
                       {"kommentar", "<script>c</script>"}, {"f.meta.titel", "<script>t</script>"}});
  const std::string draft = "/entwurf/" + std::to_string(id);
  for (const std::string& page : {std::string("/"), url, draft + "/versionen", draft + "/vorschau"}) {
    const std::string body = f.send("GET", page).body;
    CAPTURE(page);
    CHECK(body.find("<script>a") == std::string::npos);
    CHECK(body.find("<script>t") == std::string::npos);
    CHECK(body.find("<script>c") == std::string::npos);
    CHECK(body.find("<img") == std::string::npos);
  }
}

TEST_CASE("serve: every page carries the security headers and ids in URLs are numbers only") {
  Fixture f;
  Response r = f.send("GET", "/");
  CHECK(Fixture::header(r, "Content-Security-Policy").find("default-src 'self'") != std::string::npos);
  CHECK(Fixture::header(r, "Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
  CHECK(Fixture::header(r, "X-Content-Type-Options") == "nosniff");
  CHECK(Fixture::header(r, "Referrer-Policy") == "no-referrer");
  CHECK(Fixture::header(r, "Set-Cookie").find("HttpOnly; SameSite=Strict") != std::string::npos);
  CHECK(f.send("GET", "/entwurf/..%2f..%2fetc/abschnitt/meta").status == 404);
  CHECK(f.send("GET", "/entwurf/1/download/..%2F..%2Fetc%2Fpasswd").status == 404);
  CHECK(f.send("GET", "/entwurf/-1").status == 404);
}

TEST_CASE("serve: with accounts, pages need a login and failed logins are throttled") {
  Fixture f(true);
  CHECK(f.send("GET", "/").status == 303);
  f.send("GET", "/anmelden");
  // A cheap hash: the test checks throttling, not Argon2id's cost.
  f.store->add_user("anna", "not-a-hash");
  for (int i = 0; i < 5; ++i) CHECK(f.send("POST", "/anmelden", {{"name", "anna"}, {"passwort", "falsch"}}).status == 401);
  CHECK(f.send("POST", "/anmelden", {{"name", "anna"}, {"passwort", "falsch"}}).status == 429);
  f.clock += 3600;
  f.send("GET", "/anmelden");
  CHECK(f.send("POST", "/anmelden", {{"name", "anna"}, {"passwort", "falsch"}}).status == 401);
}

TEST_CASE("serve: the form reads a table's rows and leaves empty rows out") {
  TemplateCache cache{real_disk(), source_template_library()};
  Diagnostics diag;
  auto t = cache.get("ogs", diag);
  REQUIRE(t);
  const Question* table = nullptr;
  const Section* section = nullptr;
  for (const auto& s : t->questionnaire.sections)
    for (const auto& q : s.questions)
      if (!table && q.type == QuestionType::records) table = &q, section = &s;
  REQUIRE(table);
  FormFields posted;
  posted[row_count_name(*table)] = "2";
  const Question& first = table->fields.front();
  posted[cell_name(*table, 1, first)] = first.type == QuestionType::date ? "2026-01-01" : "x";
  SectionInput input = read_section(t->questionnaire, *section, posted);
  CHECK(input.errors.empty());
  const Value* v = input.answers.find(table->full_key);
  REQUIRE(v);
  CHECK(v->rows.size() == 1);
}

TEST_CASE("serve: an autosave answers in JSON with the new version, or saves nothing when an answer is bad") {
  Fixture f;
  const int64_t id = f.create();
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/meta";
  f.send("GET", url);
  Response ok = f.send("POST", url, {{"basis", "1"}, {"aktion", "autosave"}, {"f.meta.titel", "Automatisch"}});
  CHECK(ok.content_type == "application/json");
  CHECK(ok.body.find("\"version\":2") != std::string::npos);
  Response bad = f.send("POST", url, {{"basis", "2"}, {"aktion", "autosave"}, {"f.meta.stand", "gestern"}});
  CHECK(bad.status == 422);
  CHECK(f.store->draft(id)->latest == 2);
}

TEST_CASE("serve: the live check reports the checklist for what is typed, without saving") {
  Fixture f;
  const int64_t id = f.create();
  const std::string url = "/entwurf/" + std::to_string(id) + "/abschnitt/meta";
  f.send("GET", url);
  Response r = f.send("POST", url + "/pruefen", {{"f.meta.titel", "T"}, {"f.meta.stand", "2026-02-10"}});
  CHECK(r.content_type == "application/json");
  CHECK(r.body.find("{\"id\":\"meta\",\"state\":\"complete\"") != std::string::npos);
  CHECK(f.store->draft(id)->latest == 1);
}
