// The one parsed tree (markdown_tree.h): parses on several threads at once.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "markdown_tree.h"

using namespace kovgen;

namespace {

int struck_nodes(cmark_node* root) {
  int found = 0;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && is_strikethrough(cmark_iter_get_node(it))) ++found;
  cmark_iter_free(it);
  return found;
}

}  // namespace

TEST_CASE("regression: parses on several threads at once each read ~~struck~~ text as struck") {
  // cmark-gfm sets and clears the strikethrough's "~" in a table the whole process
  // shares; a parse that overlapped another's end read the marks as plain text
  // (seen as a change-marked PDF that differed from run to run).
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Absatz " + std::to_string(i) + " mit ~~alter~~ **neuer** Fassung.\n\n";
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 25; ++round)
        if (struck_nodes(parse_markdown(text).get()) != 200) ++wrong;
    });
  for (auto& t : threads) t.join();
  CHECK(wrong.load() == 0);
}

TEST_CASE("markdown: threads reading one parsed tree at once get the same strings, not copies of their own") {
  // cmark copies a node's string out of the parser's buffer on the first read;
  // parse_markdown does those reads, so that later readers only read.
  // Inline HTML is such a string (text nodes are read once by the parse itself).
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "Text " + std::to_string(i) + " mit <span>Inline-HTML</span>, [Verweis](https://schule.example/" +
            std::to_string(i) + ") und `Code`.\n\n";
  MarkdownTree tree = parse_markdown(text);
  std::atomic<int> ready{0};
  std::vector<std::vector<const char*>> seen(4);
  std::vector<std::thread> threads;
  for (auto& strings : seen)
    threads.emplace_back([&] {
      ++ready;
      while (ready.load() < 4) std::this_thread::yield();
      cmark_iter* it = cmark_iter_new(tree.get());
      for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        for (const char* s : {cmark_node_get_literal(n), cmark_node_get_url(n), cmark_node_get_title(n),
                              cmark_node_get_fence_info(n)})
          if (s) strings.push_back(s);
      }
      cmark_iter_free(it);
    });
  for (auto& t : threads) t.join();
  CHECK(seen[0].size() > 10000);
  for (const auto& strings : seen) CHECK(strings == seen[0]);
}
