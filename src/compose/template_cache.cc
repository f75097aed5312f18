#include "template_cache.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <sys/stat.h>
#include <time.h>

#include "file_io.h"

namespace kovgen {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "kovgen-template-cache 3\n";

class Writer {
 public:
  void number(uint64_t n) {
    for (int i = 0; i < 8; ++i) out_ += static_cast<char>((n >> (8 * i)) & 0xFF);
  }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  void texts(const std::vector<std::string>& v) {
    number(v.size());
    for (const auto& s : v) text(s);
  }
  void location(const Location& l) {
    text(l.file);
    number(static_cast<uint64_t>(l.line));
    number(static_cast<uint64_t>(l.column));
  }
  void real(const std::optional<double>& d) {
    number(d.has_value());
    if (d) text(std::to_string(*d));
  }
  void use(const VariantUse& u) {
    number(u.bits);
    number(u.fields.size());
    for (const auto& f : u.fields) use(f);
  }
  void question(const Question& q) {
    text(q.key);
    text(q.full_key);
    text(q.label);
    text(q.help);
    number(static_cast<uint64_t>(q.type));
    number(q.required);
    text(q.example);
    texts(q.choices);
    real(q.min);
    real(q.max);
    number(q.when.has_value());
    if (q.when) {
      number(static_cast<uint64_t>(q.when->op));
      text(q.when->key);
      texts(q.when->values);
      text(q.when->source);
    }
    number(q.fields.size());
    for (const auto& f : q.fields) question(f);
    location(q.where);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

  uint64_t number() {
    if (in_.size() - pos_ < 8) return fail();
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return n;
  }
  std::string text() {
    const uint64_t n = number();
    if (!ok_ || in_.size() - pos_ < n) return fail(), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> v(count());
    for (auto& s : v) s = text();
    return v;
  }
  Location location() {
    Location l;
    l.file = text();
    l.line = static_cast<int>(number());
    l.column = static_cast<int>(number());
    return l;
  }
  std::optional<double> real() {
    if (!number()) return std::nullopt;
    return std::strtod(text().c_str(), nullptr);
  }
  Question question(int depth) {
    Question q;
    q.key = text();
    q.full_key = text();
    q.label = text();
    q.help = text();
    q.type = static_cast<QuestionType>(bounded(static_cast<uint64_t>(QuestionType::records)));
    q.required = number() != 0;
    q.example = text();
    q.choices = texts();
    q.min = real();
    q.max = real();
    if (number()) {
      Condition c;
      c.op = static_cast<Condition::Op>(bounded(static_cast<uint64_t>(Condition::Op::in)));
      c.key = text();
      c.values = texts();
      c.source = text();
      q.when = c;
    }
    const size_t fields = count();
    for (size_t i = 0; i < fields && ok_ && depth < 2; ++i) q.fields.push_back(question(depth + 1));
    q.where = location();
    return q;
  }
  VariantUse use(int depth) {
    VariantUse u;
    u.bits = static_cast<uint8_t>(bounded(0xFF));
    const size_t fields = count();
    for (size_t i = 0; i < fields && ok_ && depth < 2; ++i) u.fields.push_back(use(depth + 1));
    return u;
  }
  // A count that cannot exceed what is left to read (each element takes 8+ bytes).
  size_t count() {
    const uint64_t n = number();
    if (n > (in_.size() - pos_) / 8) return fail(), 0;
    return static_cast<size_t>(n);
  }

 private:
  uint64_t bounded(uint64_t max) {
    const uint64_t n = number();
    return n <= max ? n : fail();
  }
  uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// A 64-bit multiply-xorshift hash over the sources, eight bytes at a time: enough
// to tell versions apart, not a security measure. (It runs on every render, over
// 100 KB of sources, so byte-at-a-time FNV was a noticeable part of a render.)
struct Hash {
  uint64_t h = 1469598103934665603ull;
  void mix(uint64_t word) {
    h = (h ^ word) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 31;
  }
  void add(std::string_view s) {
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      mix(word);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    mix(tail);
    mix(s.size());
  }
};

// A source file enters the key by what one stat(2) tells: size, inode, and the
// modification and change times. Reading all 110 KB of sources to look up the
// cache was a tenth of a render. A file changed within the last few seconds is
// hashed by content instead, as git does for "racily clean" files: timestamps
// come from a coarse clock, so two same-sized writes in one tick look alike.
constexpr time_t kSettledSeconds = 3;

void hash_source_file(Hash& hash, const fs::path& file, const timespec& now) {
  hash.add(file.filename().string());
  struct stat st {};
  if (stat(file.c_str(), &st) != 0) return;
  const time_t changed = std::max(st.st_mtim.tv_sec, st.st_ctim.tv_sec);
  if (now.tv_sec - changed >= kSettledSeconds) {
    for (uint64_t n : {uint64_t(st.st_size), uint64_t(st.st_ino), uint64_t(st.st_mtim.tv_sec),
                       uint64_t(st.st_mtim.tv_nsec), uint64_t(st.st_ctim.tv_sec), uint64_t(st.st_ctim.tv_nsec)})
      hash.mix(n);
    return;
  }
  Diagnostics unreadable;  // loading the template reports that properly
  hash.add("content");
  hash.add(read_file(file.string(), unreadable).value_or(""));
}

void hash_folder(Hash& hash, const std::string& dir, const timespec& now) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) hash_source_file(hash, f, now);
}


}  // namespace

std::string serialize_template(const LoadedTemplate& t) {
  Writer w;
  const Template& q = t.questionnaire;
  w.text(q.id);
  w.text(q.title);
  w.text(q.description);
  w.texts(q.parties);
  w.text(q.directory);
  w.text(q.body_file);
  w.number(q.sections.size());
  for (const auto& s : q.sections) {
    w.text(s.id);
    w.text(s.title);
    w.number(static_cast<uint64_t>(s.step));
    w.number(s.mandatory);
    w.text(s.intro);
    w.number(s.questions.size());
    for (const auto& question : s.questions) w.question(question);
    w.location(s.where);
  }
  w.text(t.body.tags);
  w.texts(t.body.literals);
  w.number(t.variant_use.size());
  for (const auto& section : t.variant_use) {
    w.number(section.size());
    for (const auto& use : section) w.use(use);
  }
  return std::string(kMagic) + w.take();
}

std::optional<LoadedTemplate> deserialize_template(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader r(bytes.substr(kMagic.size()));
  LoadedTemplate t;
  Template& q = t.questionnaire;
  q.id = r.text();
  q.title = r.text();
  q.description = r.text();
  q.parties = r.texts();
  q.directory = r.text();
  q.body_file = r.text();
  const size_t sections = r.count();
  for (size_t i = 0; i < sections && r.ok(); ++i) {
    Section s;
    s.id = r.text();
    s.title = r.text();
    s.step = static_cast<int>(r.number());
    s.mandatory = r.number() != 0;
    s.intro = r.text();
    const size_t questions = r.count();
    for (size_t j = 0; j < questions && r.ok(); ++j) s.questions.push_back(r.question(0));
    s.where = r.location();
    q.sections.push_back(std::move(s));
  }
  t.body.tags = r.text();
  t.body.literals = r.texts();
  const size_t sections_used = r.count();
  for (size_t i = 0; i < sections_used && r.ok(); ++i) {
    std::vector<VariantUse> uses(r.count());
    for (auto& use : uses) use = r.use(0);
    t.variant_use.push_back(std::move(uses));
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return t;
}

std::string template_cache_path(const TemplateLibrary& lib, const std::string& id) {
  timespec now {};
  clock_gettime(CLOCK_REALTIME, &now);
  return template_cache_path(lib, id, now);
}

std::string template_cache_path(const TemplateLibrary& lib, const std::string& id, const timespec& now) {
  const std::string& folder = lib.cache_dir;
  if (folder.empty()) return "";
  Hash hash;
  hash.add(KOVGEN_VERSION);
  hash.add(id);
  hash.add(lib.templates_dir);
  // A rebuilt binary may check or expand templates differently.
  struct stat self {};
  if (stat("/proc/self/exe", &self) == 0) {
    hash.add(std::to_string(self.st_size));
    hash.add(std::to_string(self.st_mtim.tv_sec) + "." + std::to_string(self.st_mtim.tv_nsec));
  }
  hash_folder(hash, lib.templates_dir + "/" + id, now);
  hash_folder(hash, lib.fragments_dir, now);
  char name[32];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(hash.h));
  return folder + "/" + id + "-" + name + ".bin";
}

}  // namespace kovgen
