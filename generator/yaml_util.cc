#include "yaml_util.h"

#include <algorithm>
#include <set>

namespace kovgen {

std::optional<YAML::Node> load_yaml(const std::string& text, const std::string& file,
                                    Diagnostics& diag) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diag.error({file, e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
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
      diag.error(node_location(kv.first, file), "duplicate key \"" + key + "\"");
  }
}

void check_known_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                      const std::string& what, const std::string& file, Diagnostics& diag) {
  if (!map.IsMap()) return;
  for (const auto& kv : map) {
    const std::string key = scalar_text(kv.first);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string message = "unknown key \"" + key + "\" in " + what;
    if (std::string s = nearest(key, allowed); !s.empty())
      message += "; did you mean \"" + s + "\"?";
    diag.error(node_location(kv.first, file), message);
  }
}

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(3, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    // A candidate that contains the word (or the reverse) is a good hint too.
    if (d >= best_distance && word.size() >= 4 &&
        (c.find(word) != std::string::npos || word.find(c) != std::string::npos))
      d = best_distance - 1;
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace kovgen
