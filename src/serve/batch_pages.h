#pragma once
// The batch pages' Mustache templates, their texts ({{b.key}}, translated in
// po/de/serve_batch.po) and the script that follows a batch's progress.
#include <utility>
#include <vector>

namespace kovgen::serve {

extern const char* const kBatchListPage;
extern const char* const kBatchPage;
extern const char* const kBatchScript;

std::vector<std::pair<const char*, const char*>> batch_page_texts();

}  // namespace kovgen::serve
