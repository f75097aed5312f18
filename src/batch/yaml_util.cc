#include "yaml_util.h"

#include "i18n.h"
#include "text_match.h"

#include <algorithm>
#include <set>

#include <yaml-cpp/depthguard.h>

namespace kovgen {

namespace {

// Whether the line holding byte `line` (0-based line number) is indented with a tab.
bool line_indented_with_tab(const std::string& text, int line) {
  size_t pos = 0;
  for (int i = 0; i < line && pos != std::string::npos; ++i) {
    pos = text.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos) return false;
  const size_t first = text.find_first_not_of(' ', pos);
  return first != std::string::npos && text[first] == '\t';
}

// Whether the quoted scalar starting at text[pos] has its closing quote.
bool quote_closed(const std::string& text, size_t pos) {
  const char quote = text[pos];
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') ++i;
    else if (text[i] == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
    else if (text[i] == quote) return true;
  }
  return false;
}

// yaml-cpp accepts a quote left open in a file that ends with a newline: every
// line after the quote silently becomes part of the value. Finds such a quote.
// Aliases are visited once (by position), so this is linear in the text.
void find_open_quote(const YAML::Node& n, const std::string& text, std::set<std::pair<size_t, int>>& seen,
                     std::optional<YAML::Mark>& found) {
  if (found) return;
  const YAML::Mark m = n.Mark();
  if (!m.is_null() && !seen.insert({static_cast<size_t>(m.pos), static_cast<int>(n.Type())}).second) return;
  if (n.IsScalar()) {
    const size_t pos = static_cast<size_t>(m.pos);
    if (!m.is_null() && pos < text.size() && (text[pos] == '"' || text[pos] == '\'') && !quote_closed(text, pos))
      found = m;
  } else if (n.IsSequence()) {
    for (const auto& item : n) find_open_quote(item, text, seen, found);
  } else if (n.IsMap()) {
    for (const auto& kv : n) {
      find_open_quote(kv.first, text, seen, found);
      find_open_quote(kv.second, text, seen, found);
    }
  }
}

}  // namespace

std::optional<YAML::Node> load_yaml(const std::string& text, const std::string& file,
                                    Diagnostics& diag) {
  try {
    YAML::Node root = YAML::Load(text);
    std::set<std::pair<size_t, int>> seen;
    std::optional<YAML::Mark> open_quote;
    find_open_quote(root, text, seen, open_quote);
    if (!open_quote) return root;
    diag.error({file, open_quote->line + 1, open_quote->column + 1},
               tr("YAML syntax error: the closing quote is missing (the quoted text runs to the end of the file)"));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops at 2000 levels, but says only "bad file".
    diag.error({file, e.mark.line + 1, e.mark.column + 1},
               tr("YAML nested too deeply (lists and mappings inside each other)"));
  } catch (const YAML::Exception& e) {
    // yaml-cpp says what it found in English only.
    diag.error({file, e.mark.line + 1, e.mark.column + 1},
               fill(line_indented_with_tab(text, e.mark.line) ? tr("YAML syntax error in the mapping file: {} (indent with spaces, not tabs)")
                                                             : tr("YAML syntax error in the mapping file: {}"),
                    {e.msg}));
  }
  return std::nullopt;
}

Location node_location(const YAML::Node& node, const std::string& file) {
  if (!node.IsDefined()) return {file};
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {file};
  return {file, m.line + 1, m.column + 1};
}

std::string scalar_text(const YAML::Node& node) {
  // A missing key yields an invalid node, which throws on anything but IsDefined.
  if (!node.IsDefined()) return {};
  return node.IsScalar() ? node.Scalar() : std::string();
}

void check_duplicate_keys(const YAML::Node& map, const std::string& file, Diagnostics& diag) {
  if (!map.IsMap()) return;
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const std::string key = scalar_text(kv.first);
    if (!seen.insert(key).second)
      diag.error(node_location(kv.first, file), fill(tr("the key {} appears twice"), {quoted_value(shown_key(key))}));
  }
}

void check_known_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                      const std::string& what, const std::string& file, Diagnostics& diag) {
  if (!map.IsMap()) return;
  for (const auto& kv : map) {
    const std::string key = scalar_text(kv.first);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const std::string s = nearest(key, allowed);
    diag.error(node_location(kv.first, file),
               s.empty() ? fill(tr("the key {} is not known in {}"), {quoted_value(shown_key(key)), what})
                         : fill(tr("the key {} is not known in {}; did you mean {}?"),
                                {quoted_value(shown_key(key)), what, quoted_value(s)}));
  }
}


}  // namespace kovgen
