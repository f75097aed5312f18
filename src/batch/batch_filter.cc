#include "batch_filter.h"

#include <algorithm>

#include "batch_pattern.h"
#include "i18n.h"
#include "text_match.h"

namespace kovgen {

namespace {

std::string trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool same_value(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (!all_digits(a) || !all_digits(b)) return false;
  auto strip = [](const std::string& s) {
    const size_t nz = s.find_first_not_of('0');
    return nz == std::string::npos ? std::string("0") : s.substr(nz);
  };
  return strip(a) == strip(b);
}

}  // namespace

std::optional<RowFilter> RowFilter::make(const std::vector<std::string>& where, const CsvHeader& header,
                                         Diagnostics& diag) {
  RowFilter f;
  bool ok = true;
  for (const auto& arg : where) {
    const size_t eq = arg.find('=');
    if (eq == std::string::npos) {
      diag.error({}, fill(tr("--where {}: expected COLUMN=VALUE, e.g. --where Schulform=02"), {quoted_value(arg)}));
      ok = false;
      continue;
    }
    const std::string column = trim(arg.substr(0, eq));
    const int index = header.index_of(column);
    if (index < 0) {
      diag.error({}, "--where " + quoted_value(arg) + ": " + no_such_column(column, header));
      ok = false;
      continue;
    }
    auto it = std::find_if(f.conditions_.begin(), f.conditions_.end(),
                           [&](const Condition& c) { return c.column == index; });
    if (it == f.conditions_.end()) it = f.conditions_.insert(f.conditions_.end(), {index, {}});
    it->values.push_back(trim(arg.substr(eq + 1)));
  }
  if (!ok) return std::nullopt;
  return f;
}

bool RowFilter::matches(const CsvRecord& r) const {
  for (const auto& c : conditions_) {
    const std::string v = trim(CsvHeader::field(r, c.column));
    if (std::none_of(c.values.begin(), c.values.end(), [&](const std::string& want) { return same_value(v, want); }))
      return false;
  }
  return true;
}

}  // namespace kovgen
