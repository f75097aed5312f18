// Integration: pandoc, a real DOCX reader, reads what `kovgen convert` writes, and
// unzip confirms that the Flat OPC file holds the .docx's parts byte for byte.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <vector>

#include "docx_package.h"
#include "docx_test_support.h"
#include "yaml_dom.h"

using namespace kovgen::docx_test;

namespace {

std::string convert(const std::string& markdown, const std::string& output) {
  std::string log;
  const int status = run(quote(KOVGEN_BINARY) + " convert " + quote(markdown) + " -o " + quote(output) + " 2>&1", &log);
  INFO(log);
  REQUIRE(status == 0);
  return slurp(output);
}

// pandoc's JSON AST, read with kovgen's own YAML reader (JSON is YAML): a handle
// into the tree, walked as `doc["blocks"][0]["c"]`; a part that is missing is empty.
class Json {
 public:
  static Json parse(const std::string& text) {
    kovgen::Diagnostics diag;
    auto root = kovgen::parse_yaml(text, "pandoc.json", diag);
    REQUIRE_MESSAGE(root, diag.to_string());
    auto tree = std::make_shared<const kovgen::YamlNode>(std::move(*root));
    return Json(tree, tree.get());
  }
  Json operator[](const char* key) const { return Json(tree_, node_ ? node_->find(key) : nullptr); }
  Json operator[](int i) const {
    const bool in = node_ && node_->is_sequence() && i >= 0 && static_cast<size_t>(i) < node_->items.size();
    return Json(tree_, in ? &node_->items[static_cast<size_t>(i)] : nullptr);
  }
  explicit operator bool() const { return node_ != nullptr; }
  bool is_sequence() const { return node_ && node_->is_sequence(); }
  bool is_mapping() const { return node_ && node_->is_mapping(); }
  std::string str() const { return node_ ? node_->text() : ""; }
  int number() const { return std::stoi(str()); }
  // The items of a sequence, or the values of a mapping.
  std::vector<Json> children() const {
    std::vector<Json> out;
    if (!node_) return out;
    const size_t step = node_->is_mapping() ? 2 : 1;
    for (size_t i = step - 1; i < node_->items.size(); i += step) out.push_back(Json(tree_, &node_->items[i]));
    return out;
  }

 private:
  Json(std::shared_ptr<const kovgen::YamlNode> tree, const kovgen::YamlNode* node)
      : tree_(std::move(tree)), node_(node) {}
  std::shared_ptr<const kovgen::YamlNode> tree_;
  const kovgen::YamlNode* node_;
};

// The text of a list of pandoc inlines, with spaces for Space and breaks.
std::string text_of(const Json& inlines) {
  std::string out;
  for (const Json& i : inlines.children()) {
    const std::string t = i["t"].str();
    if (t == "Str") out += i["c"].str();
    else if (t == "Space" || t == "SoftBreak" || t == "LineBreak") out += ' ';
    else if (t == "Code") out += i["c"][1].str();
    else if (t == "Link") out += text_of(i["c"][1]);
    else if (i["c"].is_sequence()) out += text_of(i["c"]);
  }
  return out;
}

// Every block below `blocks` in document order, with its nesting depth in lists.
struct Block {
  std::string type;
  std::string text;  // inline text of Header, Para and Plain
  int list_depth = 0;
  Json node;
};

void collect(const Json& blocks, int depth, std::vector<Block>& out) {
  for (const Json& b : blocks.children()) {
    const std::string t = b["t"].str();
    Block block{t, "", depth, b};
    if (t == "Header") block.text = text_of(b["c"][2]);
    if (t == "Para" || t == "Plain") block.text = text_of(b["c"]);
    out.push_back(block);
    if (t == "BulletList")
      for (const Json& item : b["c"].children()) collect(item, depth + 1, out);
    if (t == "OrderedList")
      for (const Json& item : b["c"][1].children()) collect(item, depth + 1, out);
    if (t == "BlockQuote" || t == "Div") collect(t == "Div" ? b["c"][1] : b["c"], depth, out);
    if (t == "Table") {  // keep-together groups are one-cell tables
      auto rows = [&](const Json& list) {
        for (const Json& row : list.children())
          for (const Json& cell : row[1].children()) collect(cell[4], depth, out);
      };
      rows(b["c"][3][1]);
      for (const Json& body : b["c"][4].children()) rows(body[3]);
    }
  }
}

// The cell texts of a pandoc (1.22 API) table, row by row, head first.
std::vector<std::vector<std::string>> table_cells(const Json& table) {
  std::vector<std::vector<std::string>> rows;
  auto add_rows = [&](const Json& list) {
    for (const Json& row : list.children()) {
      std::vector<std::string> cells;
      for (const Json& cell : row[1].children()) {
        std::vector<Block> blocks;
        collect(cell[4], 0, blocks);
        cells.push_back(blocks.empty() ? "" : blocks[0].text);
      }
      rows.push_back(cells);
    }
  };
  add_rows(table["c"][3][1]);                                  // TableHead rows
  for (const Json& body : table["c"][4].children()) add_rows(body[3]);  // TableBody rows
  return rows;
}

bool has_inline(const Json& node, const std::string& type, const std::string& text) {
  if (node.is_mapping() && node["t"].str() == type && text_of(node["c"]) == text) return true;
  for (const Json& child : node.children())
    if (has_inline(child, type, text)) return true;
  return false;
}

}  // namespace

TEST_CASE("docx pandoc: reads headings, paragraphs, lists, tables, emphasis and the flag") {
  const std::string dir = temp_dir("docx_pandoc");
  const std::string docx = dir + "/constructs.docx";
  convert(source_path("tests/data/docx/constructs.md"), docx);
  std::string json;
  REQUIRE(run("pandoc -f docx -t json " + quote(docx), &json) == 0);
  const Json doc = Json::parse(json);
  CHECK(text_of(doc["meta"]["title"]["c"]) == "Kooperationsvereinbarung über die Offene Ganztagsschule");

  std::vector<Block> blocks;
  collect(doc["blocks"], 0, blocks);
  std::vector<std::pair<int, std::string>> headers;
  for (const Block& b : blocks)
    if (b.type == "Header") headers.push_back({b.node["c"][0].number(), b.text});
  CHECK(headers == std::vector<std::pair<int, std::string>>{
                       {1, "Präambel"}, {1, "§ 1 Vertragsgegenstand"}, {2, "Zeiten"}, {1, "§ 2 Finanzierung"}});

  auto find = [&](const std::string& text) -> const Block* {
    for (const Block& b : blocks)
      if ((b.type == "Para" || b.type == "Plain") && b.text == text) return &b;
    return nullptr;
  };
  REQUIRE(find("(1) Gegenstand ist die Durchführung der außerunterrichtlichen Angebote."));
  CHECK(find("(1) Gegenstand ist die Durchführung der außerunterrichtlichen Angebote.")->list_depth == 0);
  // Ordered list with a bullet list nested in its second item.
  REQUIRE(find("Mittagessen"));
  CHECK(find("Mittagessen")->list_depth == 1);
  REQUIRE(find("Lernzeit"));
  CHECK(find("Lernzeit")->list_depth == 2);
  CHECK(find("Freitag")->list_depth == 1);

  int ordered = 0, bullet = 0;
  for (const Block& b : blocks) {
    if (b.type == "OrderedList") {
      ++ordered;
      CHECK(b.node["c"][0][0].number() == 1);  // each list starts at 1 again
    }
    bullet += b.type == "BulletList";
  }
  CHECK(ordered == 2);
  CHECK(bullet == 2);

  const Block* table = nullptr;
  for (const Block& b : blocks)
    if (b.type == "Table" && !table) table = &b;
  REQUIRE(table);
  CHECK(table_cells(table->node) == std::vector<std::vector<std::string>>{
                                        {"Posten", "Betrag je Platz"},
                                        {"Landeszuschuss", "1.300,00 €"},
                                        {"Kommunaler Eigenanteil", "520,00 €"}});

  CHECK(has_inline(doc["blocks"], "Strong", "Stadt Musterstadt"));
  CHECK(has_inline(doc["blocks"], "Emph", "Träger e. V."));
  CHECK(has_inline(doc["blocks"], "Strikeout", "vielleicht"));
  CHECK(find("Achtung"));
  CHECK(find("Abschnitt „Finanzierung“ unvollständig. Es fehlen: Elternbeiträge."));
  CHECK(find("☐ Raumkonzept liegt vor"));
  CHECK(find("☒ Personal ist benannt"));
  CHECK(find("Bürgermeisterin"));
}

TEST_CASE("docx pandoc: reads every fixture and sample, with its headings and flags") {
  const std::string dir = temp_dir("docx_pandoc_all");
  std::vector<std::pair<std::string, std::string>> docs;  // .docx, its Markdown
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/data/docx"))) {
    if (entry.path().extension() != ".md") continue;
    const std::string docx = dir + "/" + entry.path().stem().string() + ".docx";
    convert(entry.path().string(), docx);
    docs.push_back({docx, slurp(entry.path().string())});
  }
  if (std::filesystem::exists(source_path("samples")))
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path("samples"))) {
      if (entry.path().extension() != ".yaml" || entry.path().string().find("/batch/") != std::string::npos) continue;
      const std::string name = entry.path().stem().string();
      run(quote(KOVGEN_BINARY) + " render " + quote(entry.path().string()) + " --out " + quote(dir) + " --name " +
          name + " --format md,docx 2>/dev/null");
      if (std::filesystem::exists(dir + "/" + name + ".docx"))
        docs.push_back({dir + "/" + name + ".docx", slurp(dir + "/" + name + ".md")});
    }
  CHECK(docs.size() >= 4);
  for (const auto& [docx, markdown] : docs) {
    INFO(docx);
    std::string json;
    REQUIRE(run("pandoc -f docx -t json " + quote(docx), &json) == 0);
    const Json doc = Json::parse(json);
    std::vector<Block> blocks;
    collect(doc["blocks"], 0, blocks);
    // Every "##" of the draft is a level-1 heading in Word, and so is every "#" after the
    // title (an Anlage's „Anlage 3 zur Kooperationsvereinbarung vom …“).
    int expected = 0, headers = 0, flags = 0;
    for (const char* mark : {"\n## ", "\n# "})
      for (size_t at = markdown.find(mark); at != std::string::npos; at = markdown.find(mark, at + 1)) ++expected;
    for (const Block& b : blocks) {
      headers += b.type == "Header" && b.node["c"][0].number() == 1;
      flags += (b.type == "Para" || b.type == "Plain") && b.text == "Achtung";
    }
    CHECK(headers == expected);
    int cautions = 0;
    for (size_t at = markdown.find("[!CAUTION]"); at != std::string::npos; at = markdown.find("[!CAUTION]", at + 1))
      ++cautions;
    CHECK(flags == cautions);
  }
}

TEST_CASE("docx flat opc: the .xml holds exactly the parts of the .docx, byte for byte") {
  const std::string dir = temp_dir("docx_flat_opc");
  const std::string md = source_path("tests/data/docx/constructs.md");
  convert(md, dir + "/a.docx");
  const std::string flat = convert(md, dir + "/a.xml");

  std::string listing;
  REQUIRE(run("unzip -Z1 " + quote(dir + "/a.docx"), &listing) == 0);
  std::vector<std::string> names;
  for (size_t start = 0, end; (end = listing.find('\n', start)) != std::string::npos; start = end + 1)
    names.push_back(listing.substr(start, end - start));
  REQUIRE(names.size() >= 11);
  CHECK(names[0] == "[Content_Types].xml");

  // The parts of the flat file, in order: name → xmlData content.
  std::vector<std::pair<std::string, std::string>> flat_parts;
  const std::string open = "<pkg:part pkg:name=\"/";
  for (size_t pos = flat.find(open); pos != std::string::npos; pos = flat.find(open, pos + 1)) {
    const size_t name_end = flat.find('"', pos + open.size());
    const size_t data = flat.find("<pkg:xmlData>", name_end) + std::string("<pkg:xmlData>").size();
    const size_t data_end = flat.find("</pkg:xmlData></pkg:part>", data);
    flat_parts.push_back({flat.substr(pos + open.size(), name_end - pos - open.size()),
                          flat.substr(data, data_end - data)});
  }
  // [Content_Types].xml is the only zip entry that is not a part.
  REQUIRE(flat_parts.size() == names.size() - 1);
  for (size_t i = 0; i < flat_parts.size(); ++i) {
    const std::string& name = flat_parts[i].first;
    INFO(name);
    CHECK(name == names[i + 1]);
    std::string unzipped;
    REQUIRE(run("unzip -p " + quote(dir + "/a.docx") + " " + quote(name), &unzipped) == 0);
    std::string part(kovgen::without_xml_declaration(unzipped));
    // The fingerprint is the one difference: each file's own (docx_writer.h).
    if (name == "docProps/custom.xml") {
      const size_t at = part.find("<vt:lpwstr>");
      REQUIRE(at != std::string::npos);
      CHECK(flat_parts[i].second.substr(0, at) == part.substr(0, at));
      CHECK(flat_parts[i].second.size() == part.size());
      continue;
    }
    CHECK(part == flat_parts[i].second);
    CHECK(unzipped.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n", 0) == 0);
  }
  // The flat file is well-formed XML that names Word as its application.
  pugi::xml_document parsed;
  CHECK(parsed.load_string(flat.c_str()));
  CHECK(flat.find("<?mso-application progid=\"Word.Document\"?>") != std::string::npos);
  CHECK(std::distance(parsed.child("pkg:package").children("pkg:part").begin(),
                      parsed.child("pkg:package").children("pkg:part").end()) ==
        static_cast<long>(flat_parts.size()));
}
