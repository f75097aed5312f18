#pragma once
// libical, loaded when a calendar is first written, not at every start.
//
// libical links ICU and the shared libstdc++; loading and relocating them at every
// start of kovgen cost more than a whole Markdown render, although only
// `kovgen fristen` and a batch's calendars need them.

#include <string>

#include <libical/ical.h>

namespace kovgen::deadlines {

// The libical functions kovgen calls, by their names without the ical prefix.
#define KOVGEN_ICAL_FUNCTIONS(X)                                                                              \
  X(component_add_component) X(component_add_property) X(component_as_ical_string_r) X(component_free)       \
  X(component_new) X(component_new_from_string) X(durationtype_null_duration) X(parameter_new_tzid)           \
  X(property_add_parameter) X(property_new_action) X(property_new_calscale) X(property_new_categories)        \
  X(property_new_description) X(property_new_dtend) X(property_new_dtstamp) X(property_new_dtstart) X(property_new_lastmodified) X(property_new_sequence)          \
  X(property_new_method) X(property_new_prodid) X(property_new_summary) X(property_new_transp)                \
  X(property_new_trigger) X(property_new_uid) X(property_new_version) X(property_new_x) X(property_set_x_name) \
  X(time_from_timet_with_zone) X(time_null_time) X(timezone_get_utc_timezone)

struct IcalLibrary {
#define KOVGEN_ICAL_MEMBER(name) decltype(&::ical##name) name = nullptr;
  KOVGEN_ICAL_FUNCTIONS(KOVGEN_ICAL_MEMBER)
#undef KOVGEN_ICAL_MEMBER
};

// The loaded library (thread-safe, loaded once), or nullptr with `error` set to
// a message that says what to install.
const IcalLibrary* ical_library(std::string& error);

}  // namespace kovgen::deadlines
