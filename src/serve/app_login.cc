#include "app_internal.h"

#include <algorithm>

#include <sodium.h>

#include "pages.h"

namespace kovgen::serve {

using kainjow::mustache::data;

namespace {
constexpr int kFreeLoginAttempts = 5;
}  // namespace

Response App::login_page(Context& c, const std::string& error, int status) {
  data d;
  d.set("csrf", c.csrf);
  if (!error.empty()) d.set("error", error);
  return page(tr("Log in"), render_template(kLoginPage, d), "", c.csrf, status);
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
