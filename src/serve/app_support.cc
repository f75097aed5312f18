#include "app_internal.h"

#include <charconv>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>

#include <sodium.h>

#include "answer_yaml.h"
#include "pages.h"

namespace kovgen::serve {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

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

namespace {

// {"t": texts()}, built once per language: copying the texts into the data of
// every page and every question cost more than rendering them.
const data& texts_beneath() {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const data>> by_language;
  const std::string language = tr("en");  // the page's lang attribute names the catalog
  std::lock_guard lock(mutex);
  auto& built = by_language[language];
  if (!built) {
    auto d = std::make_unique<data>();
    d->set("t", texts());
    built = std::move(d);
  }
  return *built;
}

// Parsed once per worker thread: kainjow's templates keep state while they render,
// so threads do not share one.
mustache& parsed(const char* template_text) {
  thread_local std::map<const char*, std::unique_ptr<mustache>> by_text;
  auto& m = by_text[template_text];
  if (!m) m = std::make_unique<mustache>(template_text);
  return *m;
}

}  // namespace

std::string render_template(const char* template_text, const data& d) {
  kainjow::mustache::context<std::string> context(&texts_beneath());
  context.push(&d);
  return parsed(template_text).render(context);
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

std::string utc_time_text(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}


Response page(const std::string& title, const std::string& content, const std::string& user, const std::string& csrf,
              int status) {
  data d;
  d.set("title", title);
  d.set("content", content);
  if (!user.empty()) d.set("user", user);
  d.set("csrf", csrf);
  Response r;
  r.status = status;
  r.body = render_template(kLayoutPage, d);
  return r;
}

Response message_page(const std::string& heading, const std::string& message, int status) {
  data d;
  d.set("heading", heading);
  d.set("message", message);
  return page(heading, render_template(kMessagePage, d), "", "", status);
}

Response not_found() {
  return message_page(tr("Not found"), tr("There is no such page, draft or version."), 404);
}

}  // namespace kovgen::serve
