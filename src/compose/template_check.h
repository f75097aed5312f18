#pragma once
// Checks a Mustache template against what its questionnaire defines, before any
// rendering: every tag must name a question, a documented variant, a record field
// in its loop, a fragment or a built-in; raw insertion only for trusted built-ins;
// sections balanced; every section's flag placed exactly once. kainjow itself
// renders unknown names as empty and reports syntax errors only as byte offsets,
// so this is where typos become errors with file, line and column.
//
// It also expands partials ({{> name}}) into one template text for kainjow.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "questionnaire.h"

namespace kovgen {

struct MustacheTag {
  enum class Kind { variable, raw, section, inverted, close, partial, comment, delimiter };
  Kind kind = Kind::variable;
  std::string name;
  size_t begin = 0, end = 0;  // byte range of the tag, braces included
  Location where;
};

// Splits a template into tags; reports unterminated or empty tags.
std::vector<MustacheTag> scan_mustache_tags(std::string_view text, const std::string& file,
                                            Diagnostics& diag);

// Finds a partial's text by name; sets *path for messages. nullopt if missing.
using PartialSource =
    std::function<std::optional<std::string>(const std::string& name, std::string* path)>;

// Validates the body (and every partial it includes) and returns the expanded
// template text, or nullopt after reporting every problem. `used_names` receives
// the sorted context paths that some tag reaches ("finanzierung.betrag_zahl"; a
// record field as "section.records.field"), including every step on the way.
// A body that places_flags must place each section's flag exactly once; one that
// does not (the Beschlussvorlage) places none.
std::optional<std::string> check_and_expand_template(const Template& t, std::string_view body,
                                                     const std::string& body_file,
                                                     const PartialSource& partials,
                                                     Diagnostics& diag,
                                                     std::vector<std::string>* used_names = nullptr,
                                                     bool places_flags = true);

// check_and_expand_template for several texts of one template (its body, its
// Beschlussvorlage, each Anlage alone): what the questionnaire defines is worked
// out once. Each call reports and collects used names as the function does.
class TemplateChecker {
 public:
  // Keeps references to both; they must outlive the checker.
  TemplateChecker(const Template& t, const PartialSource& partials);
  ~TemplateChecker();
  std::optional<std::string> check_and_expand(std::string_view body, const std::string& body_file,
                                              Diagnostics& diag, std::vector<std::string>* used_names = nullptr,
                                              bool places_flags = true);

 private:
  class Checker;
  std::unique_ptr<Checker> checker_;
};

// Marks a standalone section tag in the expanded text (U+E001, private use; user
// values never contain it because escaping replaces it).
constexpr std::string_view kStandaloneMark = "\uE001";

// After rendering: removes the lines that hold only marks and blanks (the lines of
// standalone section tags) and the marks themselves.
std::string remove_standalone_marks(std::string_view rendered);


}  // namespace kovgen
