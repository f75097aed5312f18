// Batches in the browser, in-process: the pages and the background jobs, with a
// real database and output folder in a temporary directory.
#include <doctest/doctest.h>

#include <regex>
#include <unistd.h>

#include "app.h"
#include "batch_jobs.h"
#include "docx_reader.h"
#include "store.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::serve;
using namespace kovgen::test;

namespace {

struct BatchFixture {
  std::string dir = fresh_temp_dir("serve-batch-" + std::to_string(getpid()));
  std::string database = dir + "/kovgen.sqlite";
  std::unique_ptr<Store> store;
  TemplateCache cache{real_disk(), source_template_library()};
  std::unique_ptr<BatchJobs> jobs;
  std::unique_ptr<App> app;
  std::map<std::string, std::string> cookie_and_token;  // "cookie", "csrf"

  BatchFixture() {
    std::string error;
    store = Store::open(database, &error);
    REQUIRE(store);
    open_jobs();
  }

  void open_jobs() {
    app.reset();
    jobs.reset();
    BatchSettings settings;
    settings.templates = &cache;
    settings.out_root = dir + "/stapel";
    settings.writer.timestamp = 1767225600;
    settings.tool_fingerprint = "test";
    std::string error;
    jobs = BatchJobs::open(database, settings, &error);
    REQUIRE(jobs);
    AppConfig config;
    config.templates = &cache;
    config.writer.timestamp = 1767225600;
    config.now = [] { return int64_t{1767225600}; };
    config.batches = jobs.get();
    app = std::make_unique<App>(*store, config);
    cookie_and_token.clear();
    call("GET", "/stapel");
  }

  Response call(const std::string& method, const std::string& path, std::map<std::string, std::string> params = {},
                bool with_token = true) {
    Request request;
    request.method = method;
    request.path = path;
    request.remote = "127.0.0.1";
    if (method == "POST" && with_token) params["csrf"] = cookie_and_token["csrf"];
    request.params = std::move(params);
    if (!cookie_and_token["cookie"].empty()) request.headers["cookie"] = cookie_and_token["cookie"];
    Response response = app->handle(request);
    for (const auto& [name, value] : response.headers)
      if (name == "Set-Cookie") cookie_and_token["cookie"] = value.substr(0, value.find(';'));
    std::smatch token;
    if (std::regex_search(response.body, token, std::regex("name=\"csrf\" value=\"([0-9a-f]{64})\"")))
      cookie_and_token["csrf"] = token[1];
    return response;
  }

  static std::string location(const Response& r) {
    for (const auto& [name, value] : r.headers)
      if (name == "Location") return value;
    return "";
  }

  // The shared answers of samples/batch as a draft (version 1).
  int64_t base_draft() {
    call("GET", "/");
    Response r = call("POST", "/entwuerfe",
                      {{"art", "import"}, {"titel", "Musterhausen <Basis>"},
                       {"antworten", read_text(source_dir() + "/samples/batch/basis.yaml")},
                       {"antworten.dateiname", "basis.yaml"}});
    REQUIRE(r.status == 303);
    return std::stoll(location(r).substr(std::string("/entwurf/").size()));
  }

  std::map<std::string, std::string> sample_upload(int64_t draft) {
    return {{"entwurf", std::to_string(draft)},
            {"schulliste", read_text(source_dir() + "/samples/batch/schulen-beispiel.csv")},
            {"schulliste.dateiname", "C:\\Daten\\schulen-beispiel.csv"},
            {"zuordnung", read_text(source_dir() + "/samples/batch/nrw-schulliste.map.yaml")},
            {"zuordnung.dateiname", "nrw-schulliste.map.yaml"},
            {"format_md", "1"},
            {"format_docx", "1"}};
  }
};

}  // namespace

TEST_CASE("serve batch: the MSB sample list gives the summary page and a zip of every school's agreement") {
  BatchFixture f;
  const int64_t draft = f.base_draft();
  Response started = f.call("POST", "/stapel", f.sample_upload(draft));
  REQUIRE(started.status == 303);
  const std::string page_path = BatchFixture::location(started);
  CHECK(page_path == "/stapel/1");
  REQUIRE(f.jobs->wait_idle(300));

  Response page = f.call("GET", page_path);
  CHECK(page.status == 200);
  CHECK(page.body.find("9 schools:") != std::string::npos);
  // The summary src/batch writes, as HTML: its matrix of what is missing where.
  const std::string summary = read_text(f.dir + "/stapel/1/summary.md");
  CHECK(summary.find("| ") != std::string::npos);
  CHECK(page.body.find("<table>") != std::string::npos);
  CHECK(page.body.find("/stapel/1/zip") != std::string::npos);
  // The base draft's title is user text: escaped.
  CHECK(page.body.find("Musterhausen &lt;Basis&gt;") != std::string::npos);

  Response zip = f.call("GET", "/stapel/1/zip");
  REQUIRE(zip.status == 200);
  CHECK(zip.content_type == "application/zip");
  Diagnostics diag;
  auto entries = read_zip(zip.body, "stapel-1.zip", diag);
  REQUIRE(entries);
  CHECK(entries->at("summary.md") == summary);
  CHECK(entries->count("summary.csv") == 1);
  size_t markdown = 0, docx = 0;
  for (const auto& [name, bytes] : *entries) {
    CHECK(name.find(".kovgen-batch") == std::string::npos);
    if (name.find('/') == std::string::npos) continue;
    if (name.size() > 3 && name.substr(name.size() - 3) == ".md") ++markdown;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".docx") ++docx;
  }
  CHECK(markdown == 9);
  CHECK(docx == 9);
  CHECK(f.call("GET", "/stapel/1/zip").body == zip.body);  // deterministic

  // The audit log of the base draft names the batch.
  Response history = f.call("GET", "/entwurf/" + std::to_string(draft) + "/versionen");
  CHECK(history.body.find("batch 1 with the school list schulen-beispiel.csv, version 1") != std::string::npos);
  Response list = f.call("GET", "/stapel");
  CHECK(list.body.find("href=\"/stapel/1\"") != std::string::npos);
  CHECK(list.body.find("finished") != std::string::npos);
}

TEST_CASE("serve batch: bad uploads are refused on the form and nothing is queued") {
  BatchFixture f;
  const int64_t draft = f.base_draft();
  auto upload = f.sample_upload(draft);

  CHECK(f.call("POST", "/stapel", upload, /*with_token=*/false).status == 403);

  auto without_list = upload;
  without_list.erase("schulliste");
  Response r = f.call("POST", "/stapel", without_list);
  CHECK(r.status == 422);
  CHECK(r.body.find("Please choose a school list (CSV file).") != std::string::npos);

  auto too_large = upload;
  too_large["schulliste"] = std::string(5 * 1024 * 1024, 'x');
  r = f.call("POST", "/stapel", too_large);
  CHECK(r.status == 422);
  CHECK(r.body.find("The school list schulen-beispiel.csv is too large (at most 4 MB)") != std::string::npos);

  auto bad_mapping = upload;
  bad_mapping["zuordnung"] = "spalten:\n  Schulnummer: [nicht, gueltig\n";
  r = f.call("POST", "/stapel", bad_mapping);
  CHECK(r.status == 422);
  CHECK(r.body.find("The mapping file cannot be used:") != std::string::npos);
  CHECK(r.body.find("nrw-schulliste.map.yaml") != std::string::npos);

  auto no_version = upload;
  no_version["version"] = "7";
  r = f.call("POST", "/stapel", no_version);
  CHECK(r.status == 422);
  CHECK(r.body.find("has no version") != std::string::npos);

  auto no_format = upload;
  no_format.erase("format_md");
  no_format.erase("format_docx");
  r = f.call("POST", "/stapel", no_format);
  CHECK(r.status == 422);
  CHECK(r.body.find("Please choose at least one format.") != std::string::npos);

  CHECK(f.jobs->list().empty());
  CHECK(f.call("GET", "/stapel/1").status == 404);
  CHECK(f.call("GET", "/stapel/1/zip").status == 404);
}

TEST_CASE("serve batch: a list the batch cannot read ends as failed with the reason on its page") {
  BatchFixture f;
  const int64_t draft = f.base_draft();
  auto upload = f.sample_upload(draft);
  upload["schulliste"] = "sep=;\n";
  REQUIRE(f.call("POST", "/stapel", upload).status == 303);
  REQUIRE(f.jobs->wait_idle(60));
  Response page = f.call("GET", "/stapel/1");
  CHECK(page.body.find("role=\"alert\"") != std::string::npos);
  CHECK(page.body.find("the school list is empty") != std::string::npos);
  CHECK(f.call("GET", "/stapel/1/zip").status == 404);
}

TEST_CASE("serve batch: a batch under way shows its progress, and a stop leaves it to be continued at the next start") {
  BatchFixture f;
  const int64_t draft = f.base_draft();
  auto upload = f.sample_upload(draft);
  // Fifty-four schools (the sample's nine, six times with other numbers): the page is
  // seen while the batch is still waiting or running.
  const std::string sample = upload["schulliste"];
  const size_t header_end = sample.find('\n', sample.find('\n') + 1) + 1;
  std::string list = sample.substr(0, header_end);
  for (int copy = 1; copy <= 6; ++copy)
    for (size_t at = header_end; at < sample.size();) {
      const size_t end = std::min(sample.find('\n', at), sample.size() - 1) + 1;
      // The number's first digit becomes the copy's: still six digits, all unique.
      list += "\"" + std::to_string(copy) + sample.substr(at + 2, end - at - 2);
      at = end;
    }
  upload["schulliste"] = list;
  upload.erase("format_md");
  REQUIRE(f.call("POST", "/stapel", upload).status == 303);

  Response page = f.call("GET", "/stapel/1");
  CHECK(page.body.find("id=\"stapel-stand\"") != std::string::npos);
  bool refresh = false;
  for (const auto& [name, value] : page.headers) refresh |= name == "Refresh";
  CHECK(refresh);
  CHECK(page.body.find("<progress") != std::string::npos);
  CHECK(page.body.find("/stapel/stapel.js") != std::string::npos);
  CHECK(page.body.find("/stapel/1/zip") == std::string::npos);
  Response state = f.call("GET", "/stapel/1/stand");
  CHECK(state.content_type == "application/json");
  CHECK(state.body.find("\"state\":\"") != std::string::npos);
  CHECK(f.call("GET", "/stapel/1/zip").status == 404);

  // As a server stop does: the jobs end after the schools under way; opened
  // again, they continue the batch.
  f.open_jobs();
  REQUIRE(f.jobs->wait_idle(600));
  auto info = f.jobs->info(1);
  REQUIRE(info);
  CHECK(info->state == BatchState::finished);
  CHECK(info->counts.find("54 schools:") == 0);
  Diagnostics diag;
  auto entries = read_zip(f.call("GET", "/stapel/1/zip").body, "stapel-1.zip", diag);
  REQUIRE(entries);
  size_t docx = 0;
  for (const auto& [name, bytes] : *entries) docx += name.size() > 5 && name.substr(name.size() - 5) == ".docx";
  CHECK(docx == 55);  // the schools and the summary
}

TEST_CASE("serve batch: the pages are not offered without batch jobs, and ids are only numbers") {
  BatchFixture f;
  CHECK(f.call("GET", "/stapel/..%2F..%2Fetc").status == 404);
  CHECK(f.call("GET", "/stapel/1/../../kovgen.sqlite").status == 404);
  CHECK(f.call("GET", "/stapel/0").status == 404);
  CHECK(count(f.call("GET", "/stapel").body, "<label for=\"stapel-") == 0);  // no draft yet: no form
  f.base_draft();
  Response form = f.call("GET", "/stapel");
  CHECK(count(form.body, "<label for=\"stapel-") >= 4);
  CHECK(form.body.find("enctype=\"multipart/form-data\"") != std::string::npos);
}
