#pragma once
// What "kovgen --version" says: the version, the source commit it was built from,
// and the libraries it uses, so that a bug report names what was running.
#include <string>

namespace kovgen::cli {

// The git commit the build was configured from; empty when the source was no git
// checkout and no KOVGEN_COMMIT was given to CMake (build_commit.cc.in).
extern const char* const kBuildCommit;

// "kovgen VERSION" on the first line (help2man and scripts read it), then the
// commit and one line per library, translated.
std::string version_text();

}  // namespace kovgen::cli
