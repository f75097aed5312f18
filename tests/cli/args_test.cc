#include <doctest/doctest.h>

#include "args.h"

using kovgen::cli::Args;
using kovgen::cli::OptionSpec;

namespace {
const std::vector<OptionSpec> kSpecs = {
    {"--output", "-o"}, {"--jobs", "-j"}, {"--where", "", true, true}, {"--resume", "", false}};
}

TEST_CASE("options come long, with =, short, or short with the value attached") {
  Args a({"--output", "a.md", "--jobs=3", "x.yaml"}, kSpecs);
  CHECK(a.error().empty());
  CHECK(a.get("--output") == "a.md");
  CHECK(a.get("--jobs") == "3");
  REQUIRE(a.positionals().size() == 1);

  Args b({"-j2", "-oentwurf.md", "--resume"}, kSpecs);
  CHECK(b.error().empty());
  CHECK(b.get("--jobs") == "2");
  CHECK(b.get("--output") == "entwurf.md");
  CHECK(b.has("--resume"));

  Args c({"-j", "4"}, kSpecs);
  CHECK(c.get("--jobs") == "4");
}

TEST_CASE("repeatable options collect, others refuse a second value") {
  Args a({"--where", "Schulform=02", "--where", "Ort=Musterstadt"}, kSpecs);
  CHECK(a.all("--where").size() == 2);
  Args b({"-j1", "--jobs", "2"}, kSpecs);
  CHECK(b.error() == "option --jobs given twice");
}

TEST_CASE("an unknown option is an error with the nearest known one") {
  CHECK(Args({"--job", "2"}, kSpecs).error() == "unknown option --job; did you mean --jobs?");
  CHECK(Args({"--zzz"}, kSpecs).error() == "unknown option --zzz");
  CHECK(Args({"-x5"}, kSpecs).error() == "unknown option -x5");
  CHECK(Args({"--resume=ja"}, kSpecs).error() == "option --resume takes no value");
  // One dash too few is not read as "-o utput".
  CHECK(Args({"-output", "a.md"}, kSpecs).error() == "unknown option -output; did you mean --output?");
}

TEST_CASE("after -- everything is a positional, and so is a lone dash") {
  Args a({"--", "--jobs", "-"}, kSpecs);
  CHECK(a.error().empty());
  CHECK(a.positionals() == std::vector<std::string>{"--jobs", "-"});
}
