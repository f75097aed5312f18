#include "install_support.h"

#include <doctest/doctest.h>

namespace kovgen::test {

CommandResult run_bare(const std::string& kovgen, const std::vector<std::string>& args, const std::string& work) {
  std::vector<std::string> argv = {"/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + work, "LANG=C.UTF-8",
                                   "/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", work, kovgen};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

void check_installed_kovgen_works(const std::string& kovgen, const std::string& share, const std::string& work) {
  CommandResult templates = run_bare(kovgen, {"templates"}, work);
  INFO(templates.err);
  CHECK(templates.exit_code == 0);
  CHECK(templates.out.find("ogs") != std::string::npos);
  CHECK(templates.out.find("schulsozialarbeit") != std::string::npos);

  const std::string sample = share + "/kovgen/samples/ogs/ogs-vollstaendig.yaml";
  CommandResult render = run_bare(kovgen, {"render", sample, "--out", "entwurf", "-f", "md,docx,pdf"}, work);
  INFO(render.err);
  CHECK(render.exit_code == 0);
  for (const char* ending : {".md", ".docx", ".pdf"}) {
    const std::string output = work + "/entwurf/ogs-vollstaendig" + ending;
    CHECK_MESSAGE(file_exists(output), output);
  }
  CHECK(read_text(work + "/entwurf/ogs-vollstaendig.md").find("Kooperationsvereinbarung") != std::string::npos);
  CHECK(read_text(work + "/entwurf/ogs-vollstaendig.pdf").rfind("%PDF-", 0) == 0);
  CHECK(read_text(work + "/entwurf/ogs-vollstaendig.docx").rfind("PK", 0) == 0);

  CommandResult questions = run_bare(kovgen, {"questions", "-t", "schulsozialarbeit", "-o", "fragebogen.pdf"}, work);
  INFO(questions.err);
  CHECK(questions.exit_code == 0);
  CHECK(read_text(work + "/fragebogen.pdf").rfind("%PDF-", 0) == 0);
}

}  // namespace kovgen::test
