#include "template_check.h"

#include <algorithm>
#include <map>
#include <memory>

#include "builtins.h"
#include "i18n.h"
#include "representations.h"
#include "utf8.h"
#include "value.h"

namespace kovgen {

namespace {

// What a name denotes in the Mustache context.
struct Schema {
  enum class Kind { object, list, scalar, boolean, trusted_markdown };
  Kind kind = Kind::object;
  std::map<std::string, Schema, std::less<>> members;  // object; looked up by parts of a tag's name
  std::shared_ptr<Schema> element;        // list
  // Where the value sits in the context ("section.key_text"; a list's element
  // shares the list's path), and which check's tags last reached it: the composer
  // leaves out whatever no tag reaches. A number rather than a flag lets one
  // schema serve several checks without clearing it in between.
  std::string path;
  mutable unsigned used_by_check = 0;

  static Schema scalar() { return {Kind::scalar, {}, nullptr}; }
  static Schema boolean() { return {Kind::boolean, {}, nullptr}; }
  static Schema markdown() { return {Kind::trusted_markdown, {}, nullptr}; }
  static Schema list_of(Schema e) { return {Kind::list, {}, std::make_shared<Schema>(std::move(e))}; }

  void set_paths(const std::string& own) {
    path = own;
    for (auto& [name, member] : members) member.set_paths(own.empty() ? name : own + "." + name);
    if (element) element->set_paths(own);
  }
  void collect_used(unsigned check, std::vector<std::string>& out) const {
    if (used_by_check == check && !path.empty()) out.push_back(path);
    for (const auto& [name, member] : members) member.collect_used(check, out);
    if (element) element->collect_used(check, out);
  }
};

void add_question(std::map<std::string, Schema, std::less<>>& members, const Question& q) {
  for (const Representation& r : representations(q.type)) {
    Schema& schema = members[q.key + r.suffix];
    switch (r.shape) {
      case Shape::text: schema = Schema::scalar(); break;
      case Shape::flag:
      case Shape::open_flag: schema = Schema::boolean(); break;
      case Shape::items: schema = Schema::list_of(Schema::scalar()); break;
      case Shape::rows: {
        Schema row;
        for (const auto& f : q.fields) add_question(row.members, f);
        schema = Schema::list_of(std::move(row));
        break;
      }
      case Shape::choice_set:
        schema = Schema();
        for (const auto& c : q.choices) schema.members[choice_slug(c)] = Schema::boolean();
        break;
    }
  }
}

Schema build_schema(const Template& t) {
  Schema root;
  for (const auto& s : t.sections) {
    Schema section;
    for (const auto& q : s.questions) add_question(section.members, q);
    root.members[s.id] = std::move(section);
  }
  Schema kovgen;
  for (const Builtin& b : kovgen_builtins()) {
    Schema& member = kovgen.members[b.name];
    switch (b.kind) {
      case BuiltinKind::markdown: member = Schema::markdown(); break;
      case BuiltinKind::flag: member = Schema::boolean(); break;
      case BuiltinKind::text: member = Schema::scalar(); break;
      case BuiltinKind::section_flags:
        for (const auto& s : t.sections) member.members[s.id] = Schema::markdown();
        break;
    }
  }
  root.members["kovgen"] = std::move(kovgen);
  root.set_paths("");
  return root;
}

std::vector<std::string_view> split_dots(std::string_view name) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// One level of the context stack during the check.
struct Scope {
  const Schema* schema;  // what "." denotes here
  std::string opened_by;
  bool inverted = false;
  size_t tag_index = 0;
  Location where;
};

constexpr int kMaxPartialDepth = 8;

}  // namespace

// The schema is the costly part of a check, so one Checker serves every text of a
// template; each text is checked anew (its own diagnostics, flags and used names).
class TemplateChecker::Checker {
 public:
  Checker(const Template& t, const PartialSource& partials) : t_(t), schema_(build_schema(t)), partials_(partials) {}

  // Starts the check of another text, reporting to `diag`.
  void start(Diagnostics& diag) {
    diag_ = &diag;
    ++check_;
    flag_count_.clear();
  }

  // Checks one file's text with the given scopes and returns it expanded.
  std::optional<std::string> check(std::string_view text, const std::string& file,
                                   std::vector<Scope> scopes, int depth) {
    const int errors_before = diag_->error_count();
    if (!check_utf8(text, file, *diag_)) return std::nullopt;
    auto tags = scan_mustache_tags(text, file, *diag_);
    const size_t base_depth = scopes.size();
    std::string out;
    size_t copied = 0;
    for (size_t i = 0; i < tags.size(); ++i) {
      const MustacheTag& tag = tags[i];
      if (is_block_tag(tag.kind)) {
        // Mustache drops the line of a tag that stands alone on it; kainjow keeps an
        // empty line when the section is skipped, which ends a GFM table. So such a
        // tag gets a mark after it (kainjow no longer sees it as standalone), and
        // remove_standalone_marks() drops every line left holding only marks.
        auto [line_begin, line_end] = standalone_line(text, tag);
        if (line_begin != std::string::npos) {
          if (tag.kind == MustacheTag::Kind::comment) {
            out.append(text.substr(copied, line_begin - copied));
            copied = line_end;
          } else {
            out.append(text.substr(copied, tag.end - copied));
            out += kStandaloneMark;
            copied = tag.end;
          }
        }
      }
      switch (tag.kind) {
        case MustacheTag::Kind::comment:
          break;
        case MustacheTag::Kind::delimiter:
          diag_->error(tag.where, tr("changing the Mustache delimiters is not supported"));
          break;
        case MustacheTag::Kind::variable:
        case MustacheTag::Kind::raw:
          check_variable(tag, scopes);
          break;
        case MustacheTag::Kind::section:
        case MustacheTag::Kind::inverted:
          scopes.push_back(open_section(tag, scopes));
          scopes.back().tag_index = i;
          break;
        case MustacheTag::Kind::close:
          if (scopes.size() == base_depth) {
            diag_->error(tag.where, fill(tr("{} closes no open section"), {"{{/" + tag.name + "}}"}));
          } else if (scopes.back().opened_by != tag.name) {
            diag_->error(tag.where, fill(tr("{} does not match {} opened at line {}"),
                                         {"{{/" + tag.name + "}}", "{{#" + scopes.back().opened_by + "}}",
                                          std::to_string(scopes.back().where.line)}));
            scopes.pop_back();
          } else {
            scopes.pop_back();
          }
          break;
        case MustacheTag::Kind::partial: {
          auto expanded = expand_partial(tag, scopes, depth);
          if (!expanded) break;
          // A partial tag alone on its line is replaced with the line.
          auto [line_begin, line_end] = standalone_line(text, tag);
          if (line_begin != std::string::npos) {
            out.append(text.substr(copied, line_begin - copied));
            out += *expanded;
            if (!out.empty() && out.back() != '\n') out += '\n';
            copied = line_end;
          } else {
            out.append(text.substr(copied, tag.begin - copied));
            out += *expanded;
            copied = tag.end;
          }
          break;
        }
      }
    }
    while (scopes.size() > base_depth) {
      diag_->error(scopes.back().where,
                   fill(tr("section {} is never closed; close it with {}"),
                        {"{{#" + scopes.back().opened_by + "}}", "{{/" + scopes.back().opened_by + "}}"}));
      scopes.pop_back();
    }
    out.append(text.substr(copied));
    if (diag_->error_count() > errors_before) return std::nullopt;
    return out;
  }

  void check_flags(const std::string& body_file, bool places_flags) {
    for (const auto& s : t_.sections) {
      int n = flag_count_[s.id];
      if (n != (places_flags ? 1 : 0))
        diag_->error({body_file}, fill(tr("the flag of section \"{}\" ({}) must be placed exactly once, found {}"),
                                       {s.id, "{{{kovgen.hinweis." + s.id + "}}}", std::to_string(n)}));
    }
  }

  std::vector<Scope> root_scopes() const { return {Scope{&schema_, "", false, 0, {}}}; }

  std::vector<std::string> used_names() const {
    std::vector<std::string> names;
    schema_.collect_used(check_, names);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }

 private:
  // Resolves a dotted name as Mustache does: the first part through the stack,
  // innermost first, the rest inside that object.
  const Schema* resolve(const std::string& name, const std::vector<Scope>& scopes) const {
    if (name == ".") {
      const Schema* top = scopes.back().schema;
      return top && top->kind == Schema::Kind::scalar ? top : nullptr;
    }
    const auto parts = split_dots(name);
    const Schema* found = nullptr;
    for (auto it = scopes.rbegin(); it != scopes.rend() && !found; ++it) {
      if (!it->schema || it->schema->kind != Schema::Kind::object) continue;
      auto m = it->schema->members.find(parts[0]);
      if (m != it->schema->members.end()) found = &m->second;
    }
    for (size_t i = 1; found && i < parts.size(); ++i) {
      if (found->kind != Schema::Kind::object) return nullptr;
      auto m = found->members.find(parts[i]);
      found = m == found->members.end() ? nullptr : &m->second;
    }
    if (found) mark_used(parts, scopes);
    return found;
  }

  // Marks what kainjow may reach for the name, so the composer builds it. Not only
  // the innermost match: an unanswered optional question is absent from the
  // data, and kainjow then falls back to the same name in an outer scope.
  void mark_used(const std::vector<std::string_view>& parts, const std::vector<Scope>& scopes) const {
    for (const Scope& scope : scopes) {
      const Schema* step = scope.schema;
      for (size_t i = 0; step && step->kind == Schema::Kind::object && i < parts.size(); ++i) {
        auto m = step->members.find(parts[i]);
        step = m == step->members.end() ? nullptr : &m->second;
        if (step) step->used_by_check = check_;
      }
    }
  }

  void unknown_name(const MustacheTag& tag) {
    diag_->error(tag.where,
                 fill(tr("unknown name {}: no question, variant, record field or built-in of template {} "
                         "has this name"),
                      {quoted_value(tag.name), quoted_value(t_.id)}));
  }

  void check_variable(const MustacheTag& tag, const std::vector<Scope>& scopes) {
    const Schema* s = resolve(tag.name, scopes);
    if (!s) return unknown_name(tag);
    const bool raw = tag.kind == MustacheTag::Kind::raw;
    if (raw && s->kind != Schema::Kind::trusted_markdown)
      return diag_->error(tag.where, fill(tr("{} would insert the answer unescaped; use {}"),
                                          {"{{{" + tag.name + "}}}", "{{" + tag.name + "}}"}));
    if (!raw && s->kind == Schema::Kind::trusted_markdown)
      return diag_->error(tag.where, fill(tr("{} is Markdown built by kovgen; insert it with {}"),
                                          {tag.name, "{{{" + tag.name + "}}}"}));
    if (s->kind == Schema::Kind::boolean)
      return diag_->error(tag.where, fill(tr("{} is a yes/no question; use {} or {}"),
                                          {tag.name, "{{#" + tag.name + "}}…{{/" + tag.name + "}}",
                                           "{{" + tag.name + "_text}}"}));
    if (s->kind == Schema::Kind::list)
      return diag_->error(tag.where, fill(tr("{} is a list; loop over it with {} or use {}"),
                                          {tag.name, "{{#" + tag.name + "}}…{{/" + tag.name + "}}",
                                           "{{" + tag.name + "_text}}"}));
    if (s->kind == Schema::Kind::object)
      return diag_->error(tag.where, fill(tr("{} is a group of questions, not a value"), {tag.name}));
    if (tag.name.rfind("kovgen.hinweis.", 0) == 0) ++flag_count_[tag.name.substr(15)];
  }

  Scope open_section(const MustacheTag& tag, const std::vector<Scope>& scopes) {
    Scope scope{nullptr, tag.name, tag.kind == MustacheTag::Kind::inverted, 0, tag.where};
    const Schema* s = resolve(tag.name, scopes);
    if (!s) {
      unknown_name(tag);
      return scope;
    }
    if (s->kind == Schema::Kind::trusted_markdown)
      diag_->error(tag.where, fill(tr("{} is Markdown built by kovgen, not a condition"), {tag.name}));
    if (scope.inverted) return scope;
    if (s->kind == Schema::Kind::list) scope.schema = s->element.get();
    else if (s->kind == Schema::Kind::object || s->kind == Schema::Kind::scalar) scope.schema = s;
    return scope;
  }

  std::optional<std::string> expand_partial(const MustacheTag& tag, const std::vector<Scope>& scopes,
                                            int depth) {
    if (depth >= kMaxPartialDepth) {
      diag_->error(tag.where, fill(tr("partials nested more than {} deep (does \"{}\" include itself?)"),
                                   {std::to_string(kMaxPartialDepth), tag.name}));
      return std::nullopt;
    }
    std::string path;
    auto text = partials_(tag.name, &path);
    if (!text) {
      diag_->error(tag.where, fill(tr("unknown partial \"{}\": no {} and no template-local file of that name"),
                                   {tag.name, "fragments/" + tag.name + ".md.mustache"}));
      return std::nullopt;
    }
    return check(*text, path, scopes, depth + 1);
  }

  static bool is_block_tag(MustacheTag::Kind k) {
    return k == MustacheTag::Kind::section || k == MustacheTag::Kind::inverted ||
           k == MustacheTag::Kind::close || k == MustacheTag::Kind::comment;
  }

  static std::pair<size_t, size_t> standalone_line(std::string_view text, const MustacheTag& tag) {
    size_t b = tag.begin;
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    if (b > 0 && text[b - 1] != '\n') return {std::string::npos, 0};
    size_t e = tag.end;
    while (e < text.size() && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r')) ++e;
    if (e < text.size() && text[e] != '\n') return {std::string::npos, 0};
    return {b, e < text.size() ? e + 1 : e};
  }

  const Template& t_;
  Schema schema_;
  const PartialSource& partials_;
  Diagnostics* diag_ = nullptr;
  unsigned check_ = 0;  // numbers the checks; Schema::used_by_check holds one of them
  std::map<std::string, int> flag_count_;
};

namespace {

std::string trim_name(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::vector<MustacheTag> scan_mustache_tags(std::string_view text, const std::string& file,
                                            Diagnostics& diag) {
  std::vector<MustacheTag> tags;
  size_t pos = 0;
  // Locations advance incrementally; recounting from the start made long templates quadratic.
  size_t located = 0;
  Location here{file, 1, 1};
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    MustacheTag tag;
    tag.begin = pos;
    // Lines by memchr; characters (UTF-8 lead bytes) only after the last line break.
    const std::string_view before_tag = text.substr(0, pos);
    for (size_t nl; (nl = before_tag.find('\n', located)) != std::string_view::npos; located = nl + 1) {
      ++here.line;
      here.column = 1;
    }
    for (; located < pos; ++located)
      if ((static_cast<unsigned char>(text[located]) & 0xC0) != 0x80) ++here.column;
    tag.where = here;
    size_t inner = pos + 2;
    std::string_view closer = "}}";
    if (inner < text.size() && text[inner] == '{') {
      tag.kind = MustacheTag::Kind::raw;
      closer = "}}}";
      ++inner;
    } else if (inner < text.size()) {
      switch (text[inner]) {
        case '&': tag.kind = MustacheTag::Kind::raw; ++inner; break;
        case '#': tag.kind = MustacheTag::Kind::section; ++inner; break;
        case '^': tag.kind = MustacheTag::Kind::inverted; ++inner; break;
        case '/': tag.kind = MustacheTag::Kind::close; ++inner; break;
        case '>': tag.kind = MustacheTag::Kind::partial; ++inner; break;
        case '!': tag.kind = MustacheTag::Kind::comment; ++inner; break;
        case '=': tag.kind = MustacheTag::Kind::delimiter; ++inner; break;
        default: break;
      }
    }
    size_t close = text.find(closer, inner);
    if (close == std::string_view::npos) {
      diag.error(tag.where, fill(tr("unterminated Mustache tag (missing \"{}\")"), {closer}));
      break;
    }
    tag.end = close + closer.size();
    tag.name = trim_name(text.substr(inner, close - inner));
    if (tag.kind == MustacheTag::Kind::delimiter && !tag.name.empty() && tag.name.back() == '=')
      tag.name.pop_back();
    if (tag.kind != MustacheTag::Kind::comment) {
      if (tag.name.empty()) diag.error(tag.where, tr("empty Mustache tag"));
      else if (tag.name.find_first_of("{}\n") != std::string::npos)
        diag.error(tag.where, fill(tr("malformed Mustache tag {}"), {quoted_value(tag.name)}));
    }
    tags.push_back(std::move(tag));
    pos = tags.back().end;
  }
  return tags;
}

std::optional<std::string> check_and_expand_template(const Template& t, std::string_view body,
                                                     const std::string& body_file,
                                                     const PartialSource& partials,
                                                     Diagnostics& diag,
                                                     std::vector<std::string>* used_names, bool places_flags) {
  return TemplateChecker(t, partials).check_and_expand(body, body_file, diag, used_names, places_flags);
}

TemplateChecker::TemplateChecker(const Template& t, const PartialSource& partials)
    : checker_(std::make_unique<Checker>(t, partials)) {}

TemplateChecker::~TemplateChecker() = default;

std::optional<std::string> TemplateChecker::check_and_expand(std::string_view body, const std::string& body_file,
                                                             Diagnostics& diag, std::vector<std::string>* used_names,
                                                             bool places_flags) {
  checker_->start(diag);
  auto expanded = checker_->check(body, body_file, checker_->root_scopes(), 0);
  checker_->check_flags(body_file, places_flags);
  if (diag.has_errors()) return std::nullopt;
  if (used_names) *used_names = checker_->used_names();
  return expanded;
}

std::string remove_standalone_marks(std::string_view rendered) {
  std::string out;
  out.reserve(rendered.size());
  size_t start = 0;
  while (start < rendered.size()) {
    size_t nl = rendered.find('\n', start);
    const size_t end = nl == std::string_view::npos ? rendered.size() : nl + 1;
    std::string_view line = rendered.substr(start, end - start);
    start = end;
    if (line.find(kStandaloneMark) == std::string_view::npos) {
      out.append(line);
      continue;
    }
    std::string kept;
    for (size_t i = 0; i < line.size();) {
      if (line.compare(i, kStandaloneMark.size(), kStandaloneMark) == 0) {
        i += kStandaloneMark.size();
      } else {
        kept += line[i++];
      }
    }
    if (kept.find_first_not_of(" \t\r\n") != std::string::npos) out += kept;
  }
  return out;
}

}  // namespace kovgen
