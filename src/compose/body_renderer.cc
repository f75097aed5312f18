#include "body_renderer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <memory>
#include <mutex>
#include <vector>
#include <stdexcept>

#include "i18n.h"
#include "markdown_escape.h"

namespace kovgen {

namespace {

using kainjow::mustache::data;

// kainjow's own context, with two differences: names of the literal table are
// resolved from it, and dotted names ("finanzierung.betrag") are split without
// the std::stringstream kainjow builds for every lookup, which cost as much as
// rendering the rest. Otherwise the same rules: the innermost scope that has the
// name (or, for a dotted name, the whole path) wins.
class BodyContext : public kainjow::mustache::basic_context<std::string> {
 public:
  BodyContext(const data& root, const std::vector<data>& literals) : literals_(literals) {
    scopes_.push_back(&root);
  }

  void push(const data* scope) override { scopes_.push_back(scope); }
  void pop() override { scopes_.pop_back(); }

  const data* get(const std::string& name) const override {
    if (!name.empty() && name[0] == kLiteralPrefix) {
      size_t index = 0;
      const auto [end, error] = std::from_chars(name.data() + 1, name.data() + name.size(), index);
      return error == std::errc() && index < literals_.size() ? &literals_[index] : nullptr;
    }
    if (name == ".") return scopes_.back();
    if (name.find('.') == std::string::npos) return get_partial(name);
    // As std::getline splits: "a.b." has two parts, "a..b" three. The parts'
    // strings are reused from lookup to lookup: a render makes thousands.
    size_t count = 0;
    for (size_t start = 0; start < name.size(); ++count) {
      const size_t dot = std::min(name.find('.', start), name.size());
      if (count == parts_.size()) parts_.emplace_back();
      parts_[count].assign(name, start, dot - start);
      start = dot + 1;
    }
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      const data* var = *scope;
      for (size_t i = 0; i < count; ++i) {
        var = var->get(parts_[i]);
        if (!var) break;
      }
      if (var) return var;
    }
    return nullptr;
  }

  const data* get_partial(const std::string& name) const override {
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
      if (const data* var = (*scope)->get(name)) return var;
    return nullptr;
  }

 private:
  std::vector<const data*> scopes_;
  const std::vector<data>& literals_;
  mutable std::vector<std::string> parts_;
};

struct StringSink {
  std::string out;
  StringSink& operator<<(const std::string& s) {
    out += s;
    return *this;
  }
};

// The parse of one body. Its literals are kept once, in the data the context
// hands out: they and source_tags say which body it is.
struct ParsedBody {
  std::string source_tags;
  std::unique_ptr<kainjow::mustache::mustache> parsed;
  std::vector<data> literals;

  bool is_parse_of(const FoldedBody& body) const {
    if (!parsed || source_tags != body.tags || literals.size() != body.literals.size()) return false;
    for (size_t i = 0; i < literals.size(); ++i)
      if (literals[i].string_value() != body.literals[i]) return false;
    return true;
  }
};

std::unique_ptr<ParsedBody> parse(const FoldedBody& body) {
  auto fresh = std::make_unique<ParsedBody>();
  fresh->parsed = std::make_unique<kainjow::mustache::mustache>(body.tags);
  // template_check has checked the body, so this is a bug, not bad input.
  if (!fresh->parsed->is_valid())
    throw std::logic_error(
        fill(tr("internal error: kainjow cannot parse a checked template: {}"), {fresh->parsed->error_message()}));
  fresh->parsed->set_custom_escape([](const std::string& s) { return escape_markdown_deferred(s); });
  fresh->literals.reserve(body.literals.size());
  for (const auto& literal : body.literals) fresh->literals.emplace_back(literal);
  fresh->source_tags = body.tags;
  return fresh;
}

// The parses not rendering right now, shared by all threads. kainjow's render is
// not const, so a parse renders one body at a time; kept per thread instead, every
// one of a server's many worker threads would make and hold its own parse of each
// template. So there are as many parses of a body as renders of it at one time.
class IdleParses {
 public:
  std::unique_ptr<ParsedBody> take(const FoldedBody& body) {
    {
      std::lock_guard lock(mutex_);
      for (auto it = idle_.rbegin(); it != idle_.rend(); ++it)
        if ((*it)->is_parse_of(body)) {
          auto found = std::move(*it);
          idle_.erase(std::next(it).base());
          return found;
        }
    }
    return parse(body);
  }

  void give_back(std::unique_ptr<ParsedBody> parsed) {
    std::lock_guard lock(mutex_);
    // More idle parses than this are from templates no longer in use.
    constexpr size_t kMaxIdle = 32;
    if (idle_.size() == kMaxIdle) idle_.erase(idle_.begin());
    idle_.push_back(std::move(parsed));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<ParsedBody>> idle_;  // the most recently used last
};

IdleParses& idle_parses() {
  static IdleParses parses;
  return parses;
}

}  // namespace


std::string render_body(const FoldedBody& body, const data& context) {
  std::unique_ptr<ParsedBody> parsed = idle_parses().take(body);
  BodyContext body_context(context, parsed->literals);
  StringSink sink;
  size_t literal_bytes = 0;
  for (const auto& literal : body.literals) literal_bytes += literal.size();
  sink.out.reserve(literal_bytes + literal_bytes / 2);
  parsed->parsed->render(body_context, sink);
  idle_parses().give_back(std::move(parsed));
  return std::move(sink.out);
}

std::string render_body(const std::string& body, const data& context) {
  return render_body(fold_literal_text(body), context);
}

}  // namespace kovgen
