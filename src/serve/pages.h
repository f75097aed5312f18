#pragma once
// The pages' Mustache templates and the texts they show. The templates hold no
// words: every text comes from page_texts(), translated (po/de/serve.po), so the
// pages speak the language every other message speaks.
#include <string>
#include <utility>
#include <vector>

namespace kovgen::serve {

extern const char* const kLayoutPage;
extern const char* const kHomePage;
extern const char* const kSectionPage;
extern const char* const kQuestion;
extern const char* const kPreviewPage;
extern const char* const kHistoryPage;
extern const char* const kLoginPage;
extern const char* const kMessagePage;

// Text key -> translated text, for the templates' {{t.key}}.
std::vector<std::pair<const char*, const char*>> page_texts();

// The compiled-in static files: the style sheet and the script that adds live
// checklist updates and autosave to pages that work without it.
extern const char* const kStyleSheet;
extern const char* const kScript;

}  // namespace kovgen::serve
