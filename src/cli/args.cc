#include "args.h"

#include <cstdio>

#include "diagnostics.h"
#include "i18n.h"
#include "text_match.h"

namespace kovgen::cli {

Args::Args(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs) {
  auto find = [&](const std::string& name) -> const OptionSpec* {
    for (const auto& s : specs)
      if (s.name == name || (!s.short_name.empty() && s.short_name == name)) return &s;
    return nullptr;
  };
  bool only_positionals = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positionals || a.size() < 2 || a[0] != '-') {
      positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positionals = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      help_ = true;
      continue;
    }
    std::string name = a;
    std::optional<std::string> inline_value;
    if (size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
    } else if (a[1] != '-' && a.size() > 2) {
      // A long option with one dash ("-output") is a mistake, not "-o utput".
      const std::string word = a.substr(0, a.find('='));
      if (find("-" + word)) {
        error_ = fill(tr("unknown option {}; did you mean {}?"), {word, "-" + word});
        return;
      }
      // getopt's attached form of a short option: "-j2", "-oentwurf.md".
      if (const OptionSpec* s = find(a.substr(0, 2)); s && s->takes_value) {
        name = a.substr(0, 2);
        inline_value = a.substr(2);
      }
    }
    const OptionSpec* spec = find(name);
    if (!spec) {
      std::vector<std::string> known;
      for (const auto& s : specs) known.push_back(s.name);
      const std::string n = nearest(name, known);
      error_ = n.empty() ? fill(tr("unknown option {}"), {name})
                         : fill(tr("unknown option {}; did you mean {}?"), {name, n});
      return;
    }
    std::string value = "1";
    if (spec->takes_value) {
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        error_ = fill(tr("option {} needs a value"), {spec->name});
        return;
      }
    } else if (inline_value) {
      error_ = fill(tr("option {} takes no value"), {spec->name});
      return;
    }
    auto& slot = values_[spec->name];
    if (!slot.empty() && !spec->repeatable) {
      error_ = fill(tr("option {} given twice"), {spec->name});
      return;
    }
    slot.push_back(value);
  }
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::all(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = values_.find(name);
  return it == values_.end() ? none : it->second;
}

namespace {
void print_help_hint(const char* command) {
  std::fprintf(stderr, "%s\n", fill(tr("Run 'kovgen {} --help' to see its options."), {command}).c_str());
}
}  // namespace

int usage_error(const char* command, const std::string& message) {
  std::fprintf(stderr, "kovgen %s: %s\n", command, message.c_str());
  print_help_hint(command);
  return kExitUsage;
}

int usage_error(const char* command, const Diagnostics& diag) {
  for (const Diagnostic& d : diag.items()) {
    // A message without a file of its own would otherwise read "kovgen batch: kovgen: ...".
    if (d.where.file.empty() && d.severity == Severity::error)
      std::fprintf(stderr, "kovgen %s: %s\n", command, d.message.c_str());
    else
      std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
  print_help_hint(command);
  return kExitUsage;
}

}  // namespace kovgen::cli
