#pragma once
// The HTTP server around App (cpp-httplib): carries requests and responses,
// limits their size, and stops cleanly, finishing the requests under way.
#include <memory>
#include <string>

#include "app.h"

namespace kovgen::serve {

struct ServerSettings {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string tls_cert, tls_key;  // both set: HTTPS
  // Requests larger than this are refused with a German page (answers files,
  // uploads): far above any real answers file or school list.
  size_t max_body_bytes = 8 * 1024 * 1024;
  // How many requests are handled at once, the others waiting in the order they
  // came (AdmissionGate); 0: no limit. kovgen serve sets twice the processor's
  // threads: with one thread per keep-alive connection all runnable, the wake-up
  // order decided who waited a second (docs/serve-operations.md has the A/B).
  size_t running_handlers = 0;
};

class HttpServer {
 public:
  HttpServer(App& app, const ServerSettings& settings);
  ~HttpServer();
  // Binds the address; false with *error when it cannot (or the TLS files are bad).
  bool bind(std::string* error);
  int port() const { return port_; }
  // Serves until stop(); returns after the requests under way are answered.
  void run();
  // Safe from another thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  ServerSettings settings_;
  int port_ = 0;
};

// Whether host is a loopback address, which only this computer reaches.
bool is_loopback(const std::string& host);

}  // namespace kovgen::serve
