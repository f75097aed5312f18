#pragma once
// The documents drafted from an answers file with the same options and the same
// all-or-nothing output: the agreement (render) and the Beschlussvorlage (vorlage).
#include <string>
#include <vector>

namespace kovgen::cli {

struct RenderCommand {
  const char* name;     // for usage errors
  bool council_paper;   // the Beschlussvorlage (with --gremium) instead of the agreement
};

int render_documents(const std::vector<std::string>& argv, const RenderCommand& command);

}  // namespace kovgen::cli
