#pragma once
// Resuming a batch: each school folder gets a small manifest, written last, that
// records a fingerprint of everything its outputs depend on (the Markdown draft,
// which holds the merged answers, template and fragments; the formats; the kovgen
// binary) and the size of each output file. A school is up to date when its
// manifest matches and every listed file has the recorded size. Outputs are
// written atomically, so an interrupted school has no manifest (it is removed
// before a school is rewritten) and is produced again.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content_fingerprint.h"
#include "disk.h"

namespace kovgen {

constexpr const char* kManifestName = ".kovgen-batch";

struct Manifest {
  std::string fingerprint;
  std::vector<std::pair<std::string, uint64_t>> files;  // name in the folder, size
};

std::string manifest_text(const Manifest& m);
std::optional<Manifest> parse_manifest(std::string_view text);

// Whether folder holds a manifest with this fingerprint and exactly these files,
// each with its recorded size.
bool outputs_up_to_date(Disk& disk, const std::string& folder, const std::string& fingerprint,
                        const std::vector<std::string>& file_names);

// Removes what an interrupted run may have left in folder: temporary files of
// write_file_atomically ("<name>.tmp-XXXXXX") for the given names and the manifest.
void clear_for_rewrite(Disk& disk, const std::string& folder, const std::vector<std::string>& file_names);

}  // namespace kovgen
