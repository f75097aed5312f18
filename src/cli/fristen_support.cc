#include "fristen_support.h"

#include <chrono>
#include <ctime>

#include "agreement_blocks.h"

namespace kovgen::cli {

Date deadlines_today(const std::optional<int64_t>& epoch) {
  if (epoch) return date_from_unix_days(*epoch / 86400);
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

deadlines::Window calendar_window(const Date& from) {
  constexpr int kCalendarYears = 5;
  return {from, deadlines::add_months(from, 12 * kCalendarYears)};
}

deadlines::CalendarOptions calendar_options(const WriterOptions& writer) {
  deadlines::CalendarOptions options;
  options.product = writer.creator;
  options.stamp_seconds = writer.timestamp ? *writer.timestamp
                                           : std::chrono::duration_cast<std::chrono::seconds>(
                                                 std::chrono::system_clock::now().time_since_epoch())
                                                 .count();
  return options;
}

deadlines::AgreementDeadlines agreement_deadlines(const Answers& answers, const std::string& markdown,
                                                  const deadlines::Window& window) {
  std::vector<deadlines::SectionHeading> headings;
  for (const diff::Section& s : diff::split_agreement(markdown)) headings.push_back({s.label, s.title});
  return deadlines::compute_deadlines(answers, headings, window);
}

}  // namespace kovgen::cli
