#include "batch_jobs.h"

#include <algorithm>
#include <chrono>

#include "batch_job.h"
#include "batch_resume.h"
#include "docx_package.h"
#include "i18n.h"
#include "sqlite_statement.h"

namespace kovgen::serve {
namespace {

const char* const kSchema = R"(
PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS batches(
  id INTEGER PRIMARY KEY, draft INTEGER NOT NULL, version INTEGER NOT NULL, author TEXT NOT NULL,
  created TEXT NOT NULL, state TEXT NOT NULL, formats TEXT NOT NULL, base TEXT NOT NULL,
  schools_file TEXT NOT NULL, schools BLOB NOT NULL, mapping_file TEXT NOT NULL, mapping TEXT NOT NULL,
  counts TEXT NOT NULL, message TEXT NOT NULL);
)";

// Its columns as list() and info() read them.
const char* const kInfoColumns =
    "SELECT id, draft, version, author, created, state, formats, schools_file, mapping_file, counts, message "
    "FROM batches";

BatchState state_from(const std::string& name) {
  if (name == "running") return BatchState::running;
  if (name == "finished") return BatchState::finished;
  if (name == "failed") return BatchState::failed;
  return BatchState::queued;
}

std::vector<std::string> split_formats(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_formats(const std::vector<std::string>& formats) {
  std::string out;
  for (const auto& f : formats) out += (out.empty() ? "" : ",") + f;
  return out;
}

BatchInfo info_from(SqlStatement& s) {
  BatchInfo b;
  b.id = s.integer(0);
  b.draft = s.integer(1);
  b.version = static_cast<int>(s.integer(2));
  b.author = s.text(3);
  b.created = s.text(4);
  b.state = state_from(s.text(5));
  b.formats = split_formats(s.text(6));
  b.schools_file = s.text(7);
  b.mapping_file = s.text(8);
  b.counts = s.text(9);
  b.message = s.text(10);
  return b;
}

// A temporary file of an atomic write that a kill left behind ("<name>.tmp-XXXXXX").
bool is_leftover(const std::string& name) {
  return name == kManifestName || name.find(".tmp-") != std::string::npos;
}

}  // namespace

const char* batch_state_name(BatchState state) {
  switch (state) {
    case BatchState::queued: return "queued";
    case BatchState::running: return "running";
    case BatchState::finished: return "finished";
    case BatchState::failed: return "failed";
  }
  return "queued";
}

std::unique_ptr<BatchJobs> BatchJobs::open(const std::string& database, BatchSettings settings, std::string* error) {
  // The store writes to the same file from its own connection.
  sqlite3* db = open_database(database, kSchema, 10000, error);
  if (!db) return nullptr;
  return std::unique_ptr<BatchJobs>(new BatchJobs(db, std::move(settings)));
}

BatchJobs::BatchJobs(sqlite3* db, BatchSettings settings) : db_(db), settings_(std::move(settings)) {
  {
    SqlStatement s(db_, "SELECT id FROM batches WHERE state IN ('queued', 'running') ORDER BY id");
    while (s.row()) queue_.push_back(s.integer(0));
  }
  worker_ = std::thread([this] { work(); });
}

BatchJobs::~BatchJobs() {
  {
    std::lock_guard lock(mutex_);
    stop_.store(true);
  }
  wake_.notify_all();
  worker_.join();
  sqlite3_close(db_);
}

int64_t BatchJobs::submit(const BatchRequest& r) {
  int64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    SqlStatement s(db_,
                   "INSERT INTO batches(draft, version, author, created, state, formats, base, schools_file, schools, "
                   "mapping_file, mapping, counts, message) VALUES(?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, '', '')");
    s.bind(1, r.draft).bind(2, static_cast<int64_t>(r.version)).bind(3, r.author).bind(4, r.created);
    s.bind(5, join_formats(r.formats)).bind(6, r.base_answers).bind(7, r.schools_file).bind_blob(8, r.schools_bytes);
    s.bind(9, r.mapping_file).bind(10, r.mapping_text);
    if (!s.run()) return 0;
    id = sqlite3_last_insert_rowid(db_);
    queue_.push_back(id);
  }
  wake_.notify_all();
  return id;
}

std::optional<BatchInfo> BatchJobs::info(int64_t id) {
  std::lock_guard lock(mutex_);
  SqlStatement s(db_, (std::string(kInfoColumns) + " WHERE id = ?").c_str());
  s.bind(1, id);
  if (!s.row()) return std::nullopt;
  BatchInfo b = info_from(s);
  if (auto it = progress_.find(id); it != progress_.end()) std::tie(b.done, b.total) = it->second;
  return b;
}

std::vector<BatchInfo> BatchJobs::list() {
  std::lock_guard lock(mutex_);
  std::vector<BatchInfo> out;
  SqlStatement s(db_, (std::string(kInfoColumns) + " ORDER BY id DESC").c_str());
  while (s.row()) {
    out.push_back(info_from(s));
    if (auto it = progress_.find(out.back().id); it != progress_.end())
      std::tie(out.back().done, out.back().total) = it->second;
  }
  return out;
}

std::string BatchJobs::folder(int64_t id) const { return settings_.out_root + "/" + std::to_string(id); }

std::optional<std::string> BatchJobs::summary_markdown(int64_t id) {
  return settings_.templates->disk().read(folder(id) + "/summary.md");
}

std::optional<std::string> BatchJobs::zip(int64_t id, Diagnostics& diag) {
  Disk& disk = settings_.templates->disk();
  const std::string root = folder(id);
  std::vector<std::string> names;
  for (const auto& f : disk.list(root))
    if (!is_leftover(f)) names.push_back(f);
  for (const auto& sub : disk.list_folders(root))
    for (const auto& f : disk.list(root + "/" + sub))
      if (!is_leftover(f)) names.push_back(sub + "/" + f);
  std::sort(names.begin(), names.end());
  std::vector<DocxPart> files;
  for (const auto& name : names) {
    auto bytes = disk.read(root + "/" + name);
    if (!bytes) {
      diag.error({name}, tr("an output of the batch cannot be read"));
      return std::nullopt;
    }
    files.push_back({name, "", std::move(*bytes)});
  }
  return zip_files(files, diag);
}

bool BatchJobs::wait_idle(int timeout_seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (std::chrono::steady_clock::now() < until) {
    {
      std::lock_guard lock(mutex_);
      if (queue_.empty() && running_ == 0) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void BatchJobs::work() {
  for (;;) {
    int64_t id = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stop_.load() || !queue_.empty(); });
      if (stop_.load()) return;
      id = queue_.front();
      queue_.pop_front();
      running_ = id;
    }
    run_one(id);
    std::lock_guard lock(mutex_);
    running_ = 0;
    progress_.erase(id);
  }
}

std::optional<BatchRequest> BatchJobs::request_of(int64_t id) {
  std::lock_guard lock(mutex_);
  SqlStatement s(db_, "SELECT base, schools_file, schools, mapping_file, mapping, formats, version FROM batches WHERE id = ?");
  s.bind(1, id);
  if (!s.row()) return std::nullopt;
  BatchRequest r;
  r.base_answers = s.text(0);
  r.schools_file = s.text(1);
  r.schools_bytes = s.text(2);
  r.mapping_file = s.text(3);
  r.mapping_text = s.text(4);
  r.formats = split_formats(s.text(5));
  r.version = static_cast<int>(s.integer(6));
  return r;
}

void BatchJobs::set_state(int64_t id, BatchState state, const std::string& counts, const std::string& message) {
  std::lock_guard lock(mutex_);
  SqlStatement s(db_, "UPDATE batches SET state = ?, counts = ?, message = ? WHERE id = ?");
  s.bind(1, std::string(batch_state_name(state))).bind(2, counts).bind(3, message).bind(4, id);
  s.run();
}

void BatchJobs::run_one(int64_t id) {
  auto request = request_of(id);
  if (!request) return;
  set_state(id, BatchState::running, "", "");
  Diagnostics diag;
  auto fail = [&](const Diagnostics& why) { set_state(id, BatchState::failed, "", why.to_string()); };
  const std::string base_file = "basis-v" + std::to_string(request->version) + ".yaml";
  auto base = load_answers(request->base_answers, base_file, "", *settings_.templates, diag);
  if (!base) return fail(diag);
  std::optional<MappingFile> mapping;
  if (!request->mapping_file.empty()) {
    mapping = parse_mapping(request->mapping_text, request->mapping_file, diag);
    if (!mapping) return fail(diag);
  }
  BatchJob job;
  job.base = &*base;
  job.base_file = base_file;
  job.mapping = mapping ? &*mapping : nullptr;
  job.schools_file = request->schools_file;
  job.schools_bytes = std::move(request->schools_bytes);
  for (const auto& name : request->formats)
    if (const OutputFormat* f = find_output_format(name)) job.formats.push_back(f);
  job.compose_options = settings_.compose;
  job.writer_options = settings_.writer;
  job.tool_fingerprint = settings_.tool_fingerprint;
  job.out_dir = folder(id);
  job.jobs = settings_.jobs;
  // A fresh folder has no manifests, so resuming is always right: after a
  // restart it takes over what the interrupted run finished.
  job.resume = true;

  BatchJobHooks hooks;
  hooks.stop = &stop_;
  hooks.started = [&](size_t total) {
    std::lock_guard lock(mutex_);
    progress_[id] = {0, total};
  };
  hooks.progress = [&](size_t done, size_t total) {
    std::lock_guard lock(mutex_);
    progress_[id] = {done, total};
  };
  const BatchOutcome outcome = run_batch_job(job, settings_.templates->disk(), hooks);
  switch (outcome.end) {
    case BatchEnd::interrupted: return;  // still "running": the next start continues it
    case BatchEnd::finished: return set_state(id, BatchState::finished, counts_line(outcome.counts), "");
    default: return fail(outcome.diag);
  }
}

}  // namespace kovgen::serve
