// kovgen vorlage ANSWERS --gremium NAME: the Beschlussvorlage for step 4, from the
// same answers as the agreement, with the same options and outputs as render.
#include "command.h"
#include "i18n.h"
#include "render_command.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen vorlage ANSWERS.yaml --gremium Schulausschuss|Jugendhilfeausschuss|Rat [OPTIONS]\n\n"
    "Drafts the council paper (Beschlussvorlage) on the agreement for the given body:\n"
    "Betreff, Beratungsfolge, Beschlussvorschlag, Sachverhalt, the financial effects\n"
    "computed from the financing overview, the standard headings and the list of\n"
    "Anlagen. Without -o or --out it is written next to the answers file, named after\n"
    "it with \"-beschlussvorlage\", as Markdown, DOCX and PDF.\n\n"
    "Options:\n"
    "      --gremium NAME       Schulausschuss, Jugendhilfeausschuss or Rat (required)\n"
    "      --vorher OLD.yaml    the answers of the previous agreement: the Sachverhalt says\n"
    "                           which sections and figures change, and the Synopse is\n"
    "                           written next to each output as NAME-synopse (same format)\n"
    "                           and listed among the Anlagen\n"
    "  -t, --template NAME      template to use (default: \"vorlage\" in the file)\n"
    "  -o, --output FILE        write FILE; its ending picks the format (may be repeated;\n"
    "                           '-' is standard output)\n"
    "      --out DIR            write every format in --format into DIR\n"
    "      --name NAME          file name (without ending) in DIR\n"
    "  -f, --format LIST        comma list of md,docx,xml,pdf\n"
    "      --report FILE.json   write the checklist findings as JSON\n"
    "      --strict             exit with 3 when the agreement is not ready to sign\n"
    "      --draft              mark the documents as ENTWURF even when ready to sign\n"
    "      --ohne-checkliste    accepted as in render (the paper has no checklist)\n"
    "      --reference-docx F   take Word styles and page setup from F\n"
    "      --force              replace outputs even if edited by hand\n"
    "  -q, --quiet              do not list the files written\n\n");

int run(const std::vector<std::string>& argv) { return render_documents(argv, {"vorlage", true}); }

CommandRegistration registration(
    {"vorlage", N_("draft the council paper (Beschlussvorlage) on the agreement"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
