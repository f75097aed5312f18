// The PDF writer end to end: `kovgen convert X.md -o Y.pdf`, read back with real
// clients (qpdf, poppler-utils) the way a municipality's tools would read it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "markdown_conventions.h"
#include "markdown_tree.h"
#include "test_support.h"
#include "utf8.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::string kAgreement = source_dir() + "/tests/data/pdf/agreement.md";

bool have_clients() {
  return have_program("qpdf") && have_program("pdftotext") && have_program("pdfinfo") &&
         have_program("pdffonts");
}

// Converts Markdown text to a PDF in a fresh directory; returns the PDF's path.
std::string convert(const std::string& name, const std::string& markdown,
                    CommandResult* result = nullptr, const std::vector<std::string>& extra = {},
                    const std::vector<std::string>& env = {}) {
  const std::string dir = fresh_temp_dir("pdf-" + name);
  write_text(dir + "/in.md", markdown);
  std::vector<std::string> args = {"convert", dir + "/in.md", "-o", dir + "/out.pdf"};
  args.insert(args.end(), extra.begin(), extra.end());
  CommandResult r = run_kovgen(args, "", env);
  if (result) *result = r;
  return dir + "/out.pdf";
}

// The text as a reader searches it: a hyphen the writer added at a line end is
// a soft hyphen (U+00AD), dropped here with the line end, which joins the word.
std::string pdftotext(const std::string& pdf) {
  std::string text = run_command({"pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
  for (size_t at; (at = text.find("\xC2\xAD\n")) != std::string::npos;) text.erase(at, 3);
  return text;
}

std::string without_whitespace(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
  return out;
}

// The plain text of every paragraph and heading of the Markdown, in order;
// alerts as their title and text without the "[!KIND]" marker. Tables are
// checked row by row instead (pdftotext reads table columns as blocks).
void collect_paragraphs(cmark_node* n, std::vector<std::string>& out) {
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    const cmark_node_type t = cmark_node_get_type(c);
    if (alert_kind(c) != AlertKind::none) {
      out.push_back(alert_title(alert_kind(c)));
      out.push_back(alert_plain_text(c));
    } else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
      out.push_back(plain_text(c));
    } else if (!is_table(c)) {
      collect_paragraphs(c, out);
    }
  }
}

// The cells of every table row, as plain text.
void collect_rows(cmark_node* n, std::vector<std::vector<std::string>>& out) {
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    if (is_table_row(c)) {
      out.emplace_back();
      for (cmark_node* cell = cmark_node_first_child(c); cell; cell = cmark_node_next(cell))
        out.back().push_back(plain_text(cell));
    } else {
      collect_rows(c, out);
    }
  }
}

std::string pdfinfo_field(const std::string& info, const std::string& field) {
  std::smatch m;
  if (std::regex_search(info, m, std::regex(field + ":\\s*([^\\n]*)"))) return m[1];
  return "";
}

}  // namespace

TEST_CASE("pdf: the agreement passes qpdf --check") {
  if (!have_clients()) return;
  CommandResult r;
  const std::string pdf = convert("check", read_text(kAgreement), &r);
  REQUIRE(r.exit_code == 0);
  CommandResult check = run_command({"qpdf", "--check", pdf});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(check.err.empty());
}

TEST_CASE("pdf: pdftotext yields every paragraph in reading order") {
  if (!have_clients()) return;
  const std::string markdown = read_text(kAgreement);
  const std::string text = without_whitespace(pdftotext(convert("text", markdown)));
  MarkdownTree tree = parse_markdown(markdown);
  std::vector<std::string> paragraphs;
  collect_paragraphs(tree.get(), paragraphs);
  REQUIRE(paragraphs.size() > 60);
  // Page headers and footers come between pages, so a paragraph broken across
  // pages is compared in its pieces: the text between two furniture lines.
  std::string body = text;
  body = std::regex_replace(body, std::regex("Seite\\d+von\\d+"), "");
  const std::string title = without_whitespace(paragraphs[0]);
  for (size_t at; (at = body.find(title, title.size())) != std::string::npos;)
    body.erase(at, title.size());  // the running header; the first occurrence is the title
  // pdftotext joins a line that ends in "-" with the next and drops the hyphen,
  // also where the hyphen belongs to the word ("Datenschutz-" / "Grundverordnung"):
  // hyphens are compared nowhere.
  auto without_hyphens = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
  };
  body = without_hyphens(body);
  size_t pos = 0;
  for (const std::string& p : paragraphs) {
    const std::string want = without_hyphens(without_whitespace(p));
    if (want.empty()) continue;
    const size_t found = body.find(want, pos);
    CAPTURE(p);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) pos = found + want.size();
  }
  // Every table row is one line of the physical layout, its cells in order.
  const std::string layout = run_command({"pdftotext", "-layout", "-enc", "UTF-8", convert("rows", markdown), "-"}).out;
  std::vector<std::vector<std::string>> rows;
  collect_rows(tree.get(), rows);
  CHECK(rows.size() == 7 + 31);
  for (const auto& row : rows) {
    std::string pattern = "\\n *";
    for (size_t i = 0; i < row.size(); ++i)
      pattern += (i ? " +" : "") + std::regex_replace(row[i], std::regex("[.^$|()\\[\\]*+?{}\\\\]"), "\\$&");
    CAPTURE(pattern);
    CHECK(std::regex_search(layout, std::regex(pattern)));
  }
  // The long table crosses a page break: its header row is printed twice.
  const std::string header = "TagAngebotOrtLeitung";
  const size_t first = text.find(header);
  REQUIRE(first != std::string::npos);
  CHECK(text.find(header, first + 1) != std::string::npos);
  // Names with letters beyond Latin-1 come out as they went in.
  CHECK(text.find("Łukasz") != std::string::npos);
  CHECK(text.find("Gülşen") != std::string::npos);
  CHECK(text.find("Đorđe") != std::string::npos);
}

TEST_CASE("pdf: pdfinfo shows A4, the expected page count and the document info") {
  if (!have_clients()) return;
  const std::string info = run_command({"pdfinfo", convert("info", read_text(kAgreement))}).out;
  CHECK(pdfinfo_field(info, "Page size") == "595.276 x 841.89 pts (A4)");
  CHECK(pdfinfo_field(info, "Pages") == "6");
  CHECK(pdfinfo_field(info, "Title") ==
        "Kooperationsvereinbarung über die Offene Ganztagsschule an der "
        "Gemeinschaftsgrundschule Am Lindenhof");
  CHECK(pdfinfo_field(info, "Subject") == "Kooperationsvereinbarung");
  CHECK(pdfinfo_field(info, "Author") == "kovgen");
  CHECK(pdfinfo_field(info, "Creator").rfind("kovgen ", 0) == 0);
  // A one-page note, and a page break marker making two.
  CHECK(pdfinfo_field(run_command({"pdfinfo", convert("one", "# Titel\n\nText.\n")}).out, "Pages") == "1");
  CHECK(pdfinfo_field(run_command({"pdfinfo", convert("two", "# T\n\nA\n\n<!-- kovgen:page-break -->\n\nB\n")}).out,
                      "Pages") == "2");
}

TEST_CASE("pdf: pdffonts shows every font embedded and subset") {
  if (!have_clients()) return;
  const std::string fonts = run_command({"pdffonts", convert("fonts", read_text(kAgreement))}).out;
  // name  type  encoding  emb  sub  uni  object ID
  std::regex row("(\\S+)\\s+CID TrueType\\s+Identity-H\\s+(yes|no)\\s+(yes|no)\\s+(yes|no)");
  int rows = 0;
  for (std::sregex_iterator it(fonts.begin(), fonts.end(), row), end; it != end; ++it) {
    ++rows;
    const std::string name = (*it)[1];
    CAPTURE(name);
    CHECK(std::regex_search(name, std::regex("^[A-Z]{6}\\+Liberation")));
    CHECK((*it)[2] == "yes");
    CHECK((*it)[3] == "yes");
    CHECK((*it)[4] == "yes");
  }
  CHECK(rows >= 2);  // regular and bold at least
}

TEST_CASE("pdf: the outline lists every heading, § sections included") {
  if (!have_clients()) return;
  const std::string markdown = read_text(kAgreement);
  const std::string pdf = convert("outline", markdown);
  const std::string json = run_command({"qpdf", "--json", "--json-key=outlines", pdf}).out;
  std::vector<std::string> titles;
  std::regex title("\"title\": \"([^\"]*)\"");
  for (std::sregex_iterator it(json.begin(), json.end(), title), end; it != end; ++it)
    titles.push_back((*it)[1]);
  std::vector<std::string> headings;
  MarkdownTree tree = parse_markdown(markdown);
  for (cmark_node* n = cmark_node_first_child(tree.get()); n; n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) >= 2)
      headings.push_back(plain_text(n));
  CHECK(headings.size() == 14);
  // qpdf lists an entry's kids before its own title: compare the sets, and check
  // that the ### heading is nested below its ## heading.
  std::sort(titles.begin(), titles.end());
  std::sort(headings.begin(), headings.end());
  CHECK(titles == headings);
  CHECK(std::regex_search(json, std::regex("\"title\": \"Anlage 4: Wochenplan der Angebote\"\\s*\\}\\s*\\],"
                                           "\\s*\"object\": \"[^\"]*\",\\s*\"open\": \\w+,\\s*\"title\": \"Anlagen\"")));
  int sections = 0;
  for (const auto& t : titles) sections += t.rfind("§ ", 0) == 0;
  CHECK(sections == 11);
  // The reader opens with the bookmarks shown.
  CHECK(read_text(pdf).find("/PageMode /UseOutlines") != std::string::npos);
}

TEST_CASE("pdf: language, links and watermark") {
  if (!have_clients()) return;
  const std::string bytes = read_text(convert("details", read_text(kAgreement)));
  CHECK(bytes.find("/Lang (de-DE)") != std::string::npos);
  CHECK(bytes.find("/URI (https:\\057\\057www.schulministerium.nrw\\057ganztag)") != std::string::npos);
  // The CAUTION alert makes the agreement a draft: the "ENTWURF" stamp is on every
  // page, as a drawing in its own colour; the text layer has it only in the running
  // header ("ENTWURF – title", as the DOCX header), where a reader of the text sees it.
  const std::string draft = convert("stamp", read_text(kAgreement));
  const std::string draft_text = pdftotext(draft);
  CHECK(draft_text.find("ENTWURF \u2013 ") != std::string::npos);
  CHECK(draft_text.find("ENTW") == draft_text.find("ENTWURF \u2013 "));
  const std::string qdf = draft + ".qdf";
  REQUIRE(run_command({"qpdf", "--qdf", draft, qdf}).exit_code == 0);
  const std::string plain = read_text(qdf);
  int stamps = 0;
  for (size_t at = 0; (at = plain.find("0.95 0.82 0.82 RG", at)) != std::string::npos; ++at) ++stamps;
  CHECK(stamps == 6);
  // --draft stamps a complete document; without it, no stamp.
  const std::string forced = convert("forced", "# T\n\nText.\n", nullptr, {"--draft"});
  REQUIRE(run_command({"qpdf", "--qdf", forced, forced + ".qdf"}).exit_code == 0);
  CHECK(read_text(forced + ".qdf").find("0.95 0.82 0.82 RG") != std::string::npos);
  const std::string final_pdf = convert("final", "# T\n\nText.\n");
  REQUIRE(run_command({"qpdf", "--qdf", final_pdf, final_pdf + ".qdf"}).exit_code == 0);
  CHECK(read_text(final_pdf + ".qdf").find("0.95 0.82 0.82 RG") == std::string::npos);
}

TEST_CASE("pdf: two runs give the same bytes") {
  const std::string markdown = read_text(kAgreement);
  const std::string a = read_text(convert("same-a", markdown));
  const std::string b = read_text(convert("same-b", markdown));
  REQUIRE(a.size() > 1000);
  CHECK(a == b);
}

TEST_CASE("pdf: the agreement is at most 40 KB") {
  const std::string bytes = read_text(convert("size", read_text(kAgreement)));
  CHECK(bytes.size() <= 40 * 1024);
  CHECK(bytes.rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("pdf: a character no font has is replaced visibly with a warning") {
  if (!have_clients()) return;
  CommandResult r;
  const std::string pdf = convert("missing", "# T\n\nName: 山田 ✓ Ǆ\n", &r);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("U+5C71") != std::string::npos);
  CHECK(r.err.find("U+7530") != std::string::npos);
  CHECK(r.err.find("Warnung") != std::string::npos);
  // ✓ and Ǆ come from the fallback font, unreported; the CJK letters print as U+FFFD.
  CHECK(r.err.find("U+2713") == std::string::npos);
  const std::string text = pdftotext(pdf);
  CHECK(text.find("\xEF\xBF\xBD\xEF\xBF\xBD") != std::string::npos);
  CHECK(text.find("✓") != std::string::npos);
  CHECK(run_command({"qpdf", "--check", pdf}).exit_code == 0);
}

TEST_CASE("pdf: a libharu error becomes a clear message and no file") {
  const std::string fonts = fresh_temp_dir("pdf-bad-fonts");
  for (const char* f : {"serif-regular.ttf", "serif-bold.ttf", "serif-italic.ttf",
                        "serif-bold-italic.ttf", "mono.ttf", "symbol.ttf"})
    write_text(fonts + "/" + f, "this is not a TrueType font");
  CommandResult r;
  const std::string pdf = convert("bad-font", "# T\n\nText.\n", &r, {}, {"KOVGEN_FONT_DIR=" + fonts});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("PDF: ") != std::string::npos);
  CHECK(r.err.find("beim Laden der Schrift " + fonts + "/serif-regular.ttf") != std::string::npos);
  CHECK(r.err.find("libharu-Fehler 0x") != std::string::npos);
  CHECK_FALSE(file_exists(pdf));
}

TEST_CASE("pdf: an empty document is one valid blank page") {
  if (!have_clients()) return;
  CommandResult r;
  const std::string pdf = convert("empty", "", &r);
  CHECK(r.exit_code == 0);
  CHECK(run_command({"qpdf", "--check", pdf}).exit_code == 0);
  CHECK(pdfinfo_field(run_command({"pdfinfo", pdf}).out, "Pages") == "1");
}

TEST_CASE("pdf: every character drawn maps to a real glyph of its font, and back to its character") {
  if (!have_clients()) return;
  // Regular text only, so one font. Its characters are numbered 1, 2, 3, ... in
  // code point order (pdf_fonts.cc), so the CIDToGIDMap has one entry per
  // character, however high the code points; libharu would leave out the last
  // (€ here) without the extra entry.
  const std::string text = "Łukasz Gülşen Đorđe „Zitat“ – § 1 ÄÖÜß 4,20 €";
  const std::string pdf = convert("glyphs", text + "\n");
  const std::string qdf = pdf + ".qdf";
  REQUIRE(run_command({"qpdf", "--qdf", "--object-streams=disable", pdf, qdf}).exit_code == 0);
  std::smatch m;
  const std::string plain = read_text(qdf);
  REQUIRE(std::regex_search(plain, m, std::regex("/CIDToGIDMap (\\d+) 0 R")));
  const std::string map =
      run_command({"qpdf", "--show-object=" + std::string(m[1]), "--filtered-stream-data", qdf}).out;
  std::set<char32_t> distinct;
  for (size_t pos = 0; pos < text.size();) distinct.insert(next_code_point(text, pos));
  // Codes 0 .. n: the text's characters and the page footer's ("Seite 1 von 1").
  const size_t n = map.size() / 2 - 1;
  CHECK(n >= distinct.size());
  CHECK(n < distinct.size() + 12);
  CHECK(((unsigned char)map[0] | (unsigned char)map[1]) == 0);  // code 0 draws nothing
  for (size_t code = 1; code <= n; ++code) {
    CAPTURE(code);
    CHECK(((unsigned char)map[2 * code] << 8 | (unsigned char)map[2 * code + 1]) != 0);
  }
  // The ToUnicode map names the same codes (libharu drops the last one from the
  // CIDToGIDMap unless an extra entry follows it)...
  REQUIRE(std::regex_search(plain, m, std::regex("/ToUnicode (\\d+) 0 R")));
  const std::string to_unicode =
      run_command({"qpdf", "--show-object=" + std::string(m[1]), "--filtered-stream-data", qdf}).out;
  size_t highest = 0;
  const std::regex range("<([0-9a-f]{4})> <([0-9a-f]{4})> <[0-9a-f]{4}>");
  for (auto it = std::sregex_iterator(to_unicode.begin(), to_unicode.end(), range); it != std::sregex_iterator(); ++it)
    highest = std::max(highest, size_t(std::stoul((*it)[2].str(), nullptr, 16)));
  CHECK(highest == n);
  // ... and gives every character back: copying text out of the PDF works.
  const std::string extracted = run_command({"pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
  CHECK(extracted.find(text) != std::string::npos);
  CHECK(run_command({"pdftotext", pdf, "/dev/null"}).err.empty());  // no CMap warnings
}

namespace {

// The ink on page 1 (sum of darkness of all pixels), rendered by poppler.
long ink(const std::string& pdf) {
  const std::string prefix = pdf + ".ink";
  run_command({"pdftoppm", "-gray", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, prefix});
  const std::string pgm = read_text(prefix + ".pgm");
  // P5 header: "P5\n<width> <height>\n255\n", then one byte per pixel.
  size_t pos = 0;
  for (int fields = 0; fields < 4 && pos < pgm.size(); ++fields) {
    while (pos < pgm.size() && std::isspace((unsigned char)pgm[pos])) ++pos;
    while (pos < pgm.size() && !std::isspace((unsigned char)pgm[pos])) ++pos;
  }
  long sum = 0;
  for (size_t i = pos + 1; i < pgm.size(); ++i) sum += 255 - (unsigned char)pgm[i];
  return sum;
}

}  // namespace

TEST_CASE("pdf: letters built from several parts print whole") {
  if (!have_clients()) return;
  // "ễ" is "e" + circumflex + tilde, "Ǆ" is "D" + "Ž" in the fonts: libharu drops
  // the inner parts unless the glyphs are decomposed when subsetting.
  const long base = ink(convert("ink-base", "# T\n\nx\n"));
  const long e = ink(convert("ink-e", "# T\n\nx eeeeeeeeee\n")) - base;
  const long e_accents = ink(convert("ink-e2", "# T\n\nx ễễễễễễễễễễ\n")) - base;
  const long d = ink(convert("ink-d", "# T\n\nx DDDDDDDDDD\n")) - base;
  const long dz = ink(convert("ink-dz", "# T\n\nx ǄǄǄǄǄǄǄǄǄǄ\n")) - base;
  CAPTURE(e);
  CAPTURE(e_accents);
  CAPTURE(d);
  CAPTURE(dz);
  REQUIRE(e > 0);
  CHECK(e_accents > e * 13 / 10);
  CHECK(dz > d * 17 / 10);
}

TEST_CASE("pdf: no text string holds a raw carriage return, which readers take for a line feed") {
  if (!have_clients()) return;
  // Over a hundred characters in one face: among their codes (1, 2, 3, ...) are
  // 13 (CR), 40 and 41 (parentheses) and 92 (backslash), which need escapes.
  std::string text = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 äöüß ÄÖÜ";
  text += " áàâãåéèêëíìîïóòôõøúùûçñ ÁÀÂÃÅÉÈÊËÍÌÎÏÓÒÔÕØÚÙÛÇÑ .,;:!?-/%€§";
  const std::string pdf = convert("raw-cr", text + "\n");
  std::smatch m;
  const std::string pages = run_command({"qpdf", "--show-pages", pdf}).out;
  REQUIRE(std::regex_search(pages, m, std::regex("content:\\s+(\\d+) 0 R")));
  const std::string content =
      run_command({"qpdf", "--show-object=" + std::string(m[1]), "--filtered-stream-data", pdf}).out;
  REQUIRE(content.find("TJ") != std::string::npos);
  CHECK(content.find('\r') == std::string::npos);
  CHECK(without_whitespace(pdftotext(pdf)).find(without_whitespace(text)) != std::string::npos);
}
