#pragma once
// A small command-line parser: "--name value", "--name=value", "-o value", "-ovalue",
// boolean flags, repeated options and positionals. Unknown options are errors.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"

namespace kovgen::cli {

struct OptionSpec {
  std::string name;        // "--format"
  std::string short_name;  // "-o" or empty
  bool takes_value = true;
  bool repeatable = false;
};

class Args {
 public:
  // Parses args against specs; on error, error() is non-empty.
  Args(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

  const std::string& error() const { return error_; }
  bool help() const { return help_; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  const std::vector<std::string>& all(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
  std::string error_;
  bool help_ = false;
};

// Prints "kovgen CMD: message" and the usage hint to stderr; returns kExitUsage.
int usage_error(const char* command, const std::string& message);
// The same for each message of diag (a message with a file keeps its location).
int usage_error(const char* command, const Diagnostics& diag);

}  // namespace kovgen::cli
