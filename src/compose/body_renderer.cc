#include "body_renderer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
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

}  // namespace


std::string render_body(const FoldedBody& body, const data& context) {
  // Rendering only reads the parsed tree, but kainjow's render is not const:
  // hence one cached body per thread.
  thread_local ParsedBody cached;
  if (!cached.is_parse_of(body)) {
    // Built aside and taken over whole, so that a failure leaves no mixed cache.
    ParsedBody fresh;
    fresh.parsed = std::make_unique<kainjow::mustache::mustache>(body.tags);
    // template_check has checked the body, so this is a bug, not bad input.
    if (!fresh.parsed->is_valid())
      throw std::logic_error(
          fill(tr("internal error: kainjow cannot parse a checked template: {}"), {fresh.parsed->error_message()}));
    fresh.parsed->set_custom_escape([](const std::string& s) { return escape_markdown_deferred(s); });
    fresh.literals.reserve(body.literals.size());
    for (const auto& literal : body.literals) fresh.literals.emplace_back(literal);
    fresh.source_tags = body.tags;
    cached = std::move(fresh);
  }
  BodyContext body_context(context, cached.literals);
  StringSink sink;
  size_t literal_bytes = 0;
  for (const auto& literal : body.literals) literal_bytes += literal.size();
  sink.out.reserve(literal_bytes + literal_bytes / 2);
  cached.parsed->render(body_context, sink);
  return std::move(sink.out);
}

std::string render_body(const std::string& body, const data& context) {
  return render_body(fold_literal_text(body), context);
}

}  // namespace kovgen
