#pragma once
// What the install and package tests share: running an installed kovgen with
// nothing of the build around it, and the commands every installed tree must run.
#include <string>
#include <vector>

#include "test_support.h"

namespace kovgen::test {

// Runs `kovgen` (a path) with args in `work` as its working directory, in an
// environment that holds only PATH (the system's), HOME and the language: no
// KOVGEN_* variable, no build or source path.
CommandResult run_bare(const std::string& kovgen, const std::vector<std::string>& args, const std::string& work);

// Checks that the installed kovgen lists the shipped templates and renders the
// shipped sample below `share` (share/kovgen) to Markdown, DOCX and PDF, and a
// questionnaire, all inside `work`.
void check_installed_kovgen_works(const std::string& kovgen, const std::string& share, const std::string& work);

}  // namespace kovgen::test
