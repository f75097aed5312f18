// The fingerprints by which kovgen recognises its own, untouched outputs.
#include <doctest/doctest.h>

#include "content_fingerprint.h"

using namespace kovgen;

TEST_CASE("content_fingerprint: 32 hex digits, the parts' boundaries count") {
  const std::string a = content_fingerprint({"ab", "c"});
  CHECK(a.size() == 32);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a == content_fingerprint({"ab", "c"}));
  CHECK(a != content_fingerprint({"a", "bc"}));
}

TEST_CASE("Markdown seal: a last line that matches until the text changes") {
  const std::string sealed = seal_markdown("# Titel\n\nText.\n");
  CHECK(sealed.rfind("# Titel\n\nText.\n<!-- kovgen: ", 0) == 0);
  CHECK(sealed.substr(sealed.size() - 5) == " -->\n");
  MarkdownSeal seal = split_markdown_seal(sealed);
  CHECK(seal.content == "# Titel\n\nText.\n");
  CHECK(seal.matches == true);
  // Sealing again replaces the seal instead of adding one.
  CHECK(seal_markdown(sealed) == sealed);
  // A text without a final newline gets one before the seal.
  CHECK(split_markdown_seal(seal_markdown("x")).content == "x\n");

  std::string edited = sealed;
  edited.replace(edited.find("Text"), 4, "Tekst");
  seal = split_markdown_seal(edited);
  CHECK(seal.matches == false);
  CHECK(seal.content == "# Titel\n\nTekst.\n");
  // Text added after the seal is an edit too, and stays in the content.
  seal = split_markdown_seal(sealed + "Nachtrag\n");
  CHECK(seal.matches == false);
  CHECK(seal.content == "# Titel\n\nText.\nNachtrag\n");
  // An editor that drops the final newline changed nothing that matters.
  CHECK(split_markdown_seal(sealed.substr(0, sealed.size() - 1)).matches == true);

  CHECK_FALSE(split_markdown_seal("# Titel\n").matches.has_value());
  CHECK_FALSE(split_markdown_seal("<!-- kovgen: kein Fingerabdruck -->\n").matches.has_value());
  CHECK_FALSE(split_markdown_seal("Text <!-- kovgen: 00000000000000000000000000000000 -->\n").matches.has_value());
}

TEST_CASE("seal in place: the placeholder becomes the fingerprint of the whole, same length") {
  std::string bytes = "head /Key (" + std::string(kUnsealedFingerprint) + ") tail";
  const size_t size = bytes.size();
  CHECK_FALSE(seal_in_place_matches(bytes, "/Other (").has_value());
  REQUIRE(seal_in_place(bytes, "/Key ("));
  CHECK(bytes.size() == size);
  CHECK(bytes.find(kUnsealedFingerprint) == std::string::npos);
  CHECK(seal_in_place_matches(bytes, "/Key (") == true);
  std::string edited = bytes;
  edited[1] = 'E';
  CHECK(seal_in_place_matches(edited, "/Key (") == false);
  CHECK_FALSE(seal_in_place_matches("no seal here", "/Key (").has_value());
  std::string unsealable = "nothing to seal";
  CHECK_FALSE(seal_in_place(unsealable, "/Key ("));
}

TEST_CASE("seal in place: of several places the last is sealed and read, wherever it stands") {
  const std::string zeros(kUnsealedFingerprint);
  // At the very start, in the middle after a near miss, and with the marker's
  // first byte all around it.
  std::string bytes = "/Key (" + zeros + ") //Ke /Key( ((/Key (" + zeros + ")/";
  REQUIRE(seal_in_place(bytes, "/Key ("));
  CHECK(bytes.find(zeros) == 6);  // the first place keeps its zeros
  CHECK(seal_in_place_matches(bytes, "/Key (") == true);
  // Only at the start.
  std::string first = "/Key (" + zeros + ")";
  REQUIRE(seal_in_place(first, "/Key ("));
  CHECK(seal_in_place_matches(first, "/Key (") == true);
  // A marker cut off by the end is no place.
  CHECK_FALSE(seal_in_place_matches("x /Key (0123", "/Key (").has_value());
  CHECK_FALSE(seal_in_place_matches("x /Key", "/Key (").has_value());
  CHECK_FALSE(seal_in_place_matches("", "/Key (").has_value());
}
