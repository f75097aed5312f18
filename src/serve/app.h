#pragma once
// The web front-end's pages and actions, independent of the HTTP library: a
// request in, a response out, so that tests call it directly and the server
// (server.h) only carries bytes. Pages are rendered on the server (Mustache);
// every form works without JavaScript.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "output_formats.h"
#include "pipeline.h"
#include "store.h"

namespace kovgen::serve {

class BatchJobs;

struct Request {
  std::string method;  // "GET", "POST"
  std::string path;    // without the query
  std::map<std::string, std::string> params;   // query and form fields (uploaded files' contents too)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string remote;  // the peer's address, for throttling
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct AppConfig {
  TemplateCache* templates = nullptr;
  ComposeOptions compose;  // the Stand fallback, as render reads it
  WriterOptions writer;    // the documents' date, fonts and creator, as render writes them
  // Whether people must log in (any address but loopback).
  bool require_login = false;
  bool secure_cookies = false;  // served over TLS
  int64_t idle_timeout_seconds = 30 * 60;
  // Seconds since 1970; the one clock, read at the edge.
  std::function<int64_t()> now;
  // Batches in the browser (batch_routes.cc); none: the batch pages are not offered.
  BatchJobs* batches = nullptr;
};

struct Opened;

class App {
 public:
  App(Store& store, AppConfig config);
  ~App();
  Response handle(const Request& request);

 private:
  struct Context;
  Response route(const Request& r, Context& c);
  Response home(Context& c, const std::string& message = "");
  Response create_draft(const Request& r, Context& c);
  Response section_page(const Request& r, Context& c, int64_t id, const std::string& section);
  Response save_section(const Request& r, Context& c, int64_t id, const std::string& section);
  Response check_section(const Request& r, Context& c, int64_t id, const std::string& section);
  Response preview(Context& c, int64_t id, int version);
  Response download(const Request& r, Context& c, int64_t id, const std::string& what);
  Response history(Context& c, int64_t id);
  Response restore(const Request& r, Context& c, int64_t id);
  Response login_page(Context& c, const std::string& error, int status = 200);
  Response login(const Request& r, Context& c);
  Response logout(Context& c);
  Response batch_route(const Request& r, Context& c, const std::vector<std::string>& parts);
  Response batch_list(Context& c, const std::string& error = "", int status = 200);
  Response start_batch(const Request& r, Context& c);
  Response batch_page(Context& c, int64_t id);
  Response batch_download(Context& c, int64_t id, const std::string& what);

  Store& store_;
  AppConfig config_;
  struct Sessions;
  std::unique_ptr<Sessions> sessions_;
  struct DraftCache;
  std::unique_ptr<DraftCache> drafts_;
  std::optional<Opened> open_version(int64_t id, int number, Diagnostics& diag);
  std::mutex throttle_mutex_;
  struct Failures {
    int count = 0;
    int64_t until = 0;  // no attempt is checked before this time
  };
  std::map<std::string, Failures> failures_;  // by user name and by address
};

// "2026-12-05 09:30:00" for seconds since 1970 (UTC).
std::string utc_time_text(int64_t seconds);

}  // namespace kovgen::serve
