#include "server.h"

#include <httplib.h>
#include <sys/socket.h>

#include "admission_gate.h"
#include "draft_html.h"
#include "i18n.h"

namespace kovgen::serve {

struct HttpServer::Impl {
  std::unique_ptr<httplib::Server> server;
  std::unique_ptr<AdmissionGate> gate;  // null: no limit
  socket_t listening_socket = INVALID_SOCKET;
};

namespace {

// Each keep-alive connection holds a worker while it is open; enough workers
// that a room full of browsers (and wrk's 64 connections) never wait for one.
constexpr size_t kWorkers = 96;
// A connection is not closed for the number of its requests: every reconnect
// risks the short listen backlog below, and a busy client (wrk's 64 connections
// make several thousand requests each) reconnected in bursts.
constexpr size_t kRequestsPerConnection = 1000000;
// Debian's cpp-httplib is built with a listen backlog of 5: when more clients
// connect at once (wrk's 64, a school's browsers after a break), the kernel drops
// the rest of the handshake and their first request waits for its retry, a
// second or more. listen() again on the bound socket sets a longer queue.
constexpr int kListenBacklog = 1024;

Request to_request(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  r.remote = in.remote_addr;
  for (const auto& [k, v] : in.params) r.params[k] = v;
  for (const auto& [k, f] : in.files) {
    r.params[k] = f.content;
    if (!f.filename.empty()) r.params[k + ".dateiname"] = f.filename;
  }
  for (const auto& [k, v] : in.headers) {
    std::string name = k;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = v;
  }
  return r;
}

}  // namespace

HttpServer::HttpServer(App& app, const ServerSettings& settings) : impl_(std::make_unique<Impl>()), settings_(settings) {
  if (!settings.tls_cert.empty())
    impl_->server = std::make_unique<httplib::SSLServer>(settings.tls_cert.c_str(), settings.tls_key.c_str());
  else
    impl_->server = std::make_unique<httplib::Server>();
  httplib::Server& s = *impl_->server;
  s.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  s.set_socket_options([impl = impl_.get()](socket_t sock) {
    httplib::default_socket_options(sock);
    impl->listening_socket = sock;
  });
  s.set_payload_max_length(settings.max_body_bytes);
  // Headers and body go out in separate writes; without this, the client's delayed
  // ACK holds the body back on every keep-alive request.
  s.set_tcp_nodelay(true);
  // cpp-httplib closes a keep-alive connection after 5 requests by default.
  s.set_keep_alive_max_count(kRequestsPerConnection);
  if (settings.running_handlers > 0) impl_->gate = std::make_unique<AdmissionGate>(settings.running_handlers);
  auto handler = [&app, gate = impl_->gate.get()](const httplib::Request& in, httplib::Response& out) {
    Response r;
    {
      AdmissionGate::Pass pass(gate);
      r = app.handle(to_request(in));
    }
    out.status = r.status;
    for (const auto& [k, v] : r.headers) out.set_header(k, v);
    out.set_content(std::move(r.body), r.content_type);
  };
  s.Get(".*", handler);
  s.Post(".*", handler);
  // What the library answers itself (a body over the limit, a bad request) gets
  // a German page too; App's own pages pass unchanged.
  s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& out) {
    if (!out.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const std::string message =
        out.status == 413 ? fill(tr("The request is too large (at most {} MB); nothing was saved."),
                                 {std::to_string(8)})
                          : std::string(tr("The request could not be understood; nothing was saved."));
    out.set_content("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>kovgen</title></head>"
                    "<body><main><h1>kovgen</h1><p>" + escape_html(message) + "</p></main></body></html>",
                    "text/html; charset=utf-8");
    out.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    out.set_header("X-Content-Type-Options", "nosniff");
    return httplib::Server::HandlerResponse::Handled;
  }));
}

HttpServer::~HttpServer() = default;

bool HttpServer::bind(std::string* error) {
  if (!impl_->server->is_valid()) {
    *error = fill(tr("cannot use the TLS certificate {} with the key {}"), {settings_.tls_cert, settings_.tls_key});
    return false;
  }
  if (settings_.port == 0) {
    port_ = impl_->server->bind_to_any_port(settings_.host);
  } else if (impl_->server->bind_to_port(settings_.host, settings_.port)) {
    port_ = settings_.port;
  }
  if (port_ > 0) {
    if (impl_->listening_socket != INVALID_SOCKET) ::listen(impl_->listening_socket, kListenBacklog);
    return true;
  }
  *error = fill(tr("cannot listen on {}:{} (is the address right, or is another program using the port?)"),
                {settings_.host, std::to_string(settings_.port)});
  return false;
}

void HttpServer::run() { impl_->server->listen_after_bind(); }

void HttpServer::stop() { impl_->server->stop(); }

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace kovgen::serve
