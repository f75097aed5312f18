// The batch pages: start a batch from a draft's version and an uploaded school
// list, follow it, then read its summary and download its outputs as one zip.
#include <algorithm>

#include <kainjow/mustache.hpp>

#include "app_internal.h"
#include "batch_jobs.h"
#include "batch_mapping.h"
#include "batch_pages.h"
#include "draft_html.h"
#include "german_format.h"
#include "report_json.h"

namespace kovgen::serve {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace {

// The NRW school list has a few thousand rows of a few hundred bytes; anything
// far larger is not a school list and is refused before it is stored.
constexpr size_t kMaxSchoolListBytes = 4 * 1024 * 1024;
constexpr size_t kMaxMappingBytes = 256 * 1024;

data batch_texts() {
  data b;
  for (const auto& [key, text] : batch_page_texts()) b.set(key, std::string(tr(text)));
  return b;
}

std::string state_text(BatchState state) {
  switch (state) {
    case BatchState::queued: return tr("waiting");
    case BatchState::running: return tr("running");
    case BatchState::finished: return tr("finished");
    case BatchState::failed: return tr("failed");
  }
  return "";
}

std::string progress_text(const BatchInfo& b) {
  if (b.state == BatchState::queued) return tr("The batch waits for the one before it.");
  if (b.total == 0) return tr("The school list is being read.");
  return fill(tr("{} of {} schools done."), {format_integer(static_cast<int64_t>(b.done)),
                                             format_integer(static_cast<int64_t>(b.total))});
}

// A name from an upload for messages and the zip's entries: without any folder.
std::string upload_name(const Request& r, const std::string& field, const std::string& fallback) {
  std::string name = param(r, field + ".dateiname");
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name.size() > kMaxTitleBytes) return fallback;
  return name;
}

}  // namespace

Response App::batch_route(const Request& r, Context& c, const std::vector<std::string>& parts) {
  if (!config_.batches) return not_found();
  const bool get = r.method == "GET", post = r.method == "POST";
  if (parts.size() == 1) {
    if (get) return batch_list(c);
    if (post) return start_batch(r, c);
    return not_found();
  }
  if (parts.size() == 2 && parts[1] == "stapel.js" && get) {
    Response res;
    res.content_type = "text/javascript; charset=utf-8";
    res.body = kBatchScript;
    return res;
  }
  const auto id = parse_id(parts[1]);
  if (!id || !get) return not_found();
  if (parts.size() == 2) return batch_page(c, *id);
  if (parts.size() == 3 && parts[2] == "stand") {
    auto info = config_.batches->info(*id);
    if (!info) return not_found();
    Response res;
    res.content_type = "application/json";
    res.body = "{\"state\":" + json_string(batch_state_name(info->state)) + ",\"done\":" + std::to_string(info->done) +
               ",\"total\":" + std::to_string(info->total) + ",\"text\":" + json_string(progress_text(*info)) + "}";
    return res;
  }
  if (parts.size() == 3) return batch_download(c, *id, parts[2]);
  return not_found();
}

Response App::batch_list(Context& c, const std::string& error, int status) {
  data d;
  d.set("t", texts());
  d.set("b", batch_texts());
  d.set("csrf", c.csrf);
  if (!error.empty()) d.set("error", error);
  std::map<int64_t, std::string> titles;
  data drafts{data::type::list};
  for (const auto& s : store_.drafts()) {
    titles[s.id] = s.title;
    data row;
    row.set("id", std::to_string(s.id));
    row.set("title", s.title);
    row.set("latest", std::to_string(s.latest));
    drafts.push_back(row);
  }
  d.set("has_drafts", !drafts.is_empty_list());
  d.set("drafts", drafts);
  data batches{data::type::list};
  for (const auto& b : config_.batches->list()) {
    data row;
    row.set("id", std::to_string(b.id));
    row.set("draft_title", titles[b.draft]);
    row.set("version", std::to_string(b.version));
    row.set("schools_file", b.schools_file);
    row.set("state", state_text(b.state));
    row.set("created", b.created);
    batches.push_back(row);
  }
  d.set("has_batches", !batches.is_empty_list());
  d.set("batches", batches);
  data formats{data::type::list};
  for (const OutputFormat* f : batch_default_formats()) {
    data row;
    row.set("name", f->name);
    std::string label = f->name;
    std::transform(label.begin(), label.end(), label.begin(), [](unsigned char ch) { return std::toupper(ch); });
    row.set("label", f->name == "md" ? std::string("Markdown") : label);
    formats.push_back(row);
  }
  d.set("formats", formats);
  return page(tr("Batches"), mustache(kBatchListPage).render(d), c.user, c.csrf, status);
}

Response App::start_batch(const Request& r, Context& c) {
  auto refuse = [&](const std::string& message) { return batch_list(c, message, 422); };
  const auto draft_id = parse_id(param(r, "entwurf"));
  auto draft = draft_id ? store_.draft(*draft_id) : std::nullopt;
  if (!draft) return refuse(tr("Please choose a draft as the base."));
  int number = draft->latest;
  if (!param(r, "version").empty()) {
    auto chosen = parse_id(param(r, "version"));
    if (!chosen || *chosen > draft->latest)
      return refuse(fill(tr("The draft {} has no version {}; its newest is version {}."),
                         {quoted_value(draft->title), quoted_value(param(r, "version")), std::to_string(draft->latest)}));
    number = static_cast<int>(*chosen);
  }
  auto version = store_.version(draft->id, number);
  if (!version) return refuse(tr("The version could not be read. Please try again."));

  BatchRequest request;
  request.schools_bytes = param(r, "schulliste");
  request.schools_file = upload_name(r, "schulliste", "schulliste.csv");
  if (request.schools_bytes.empty()) return refuse(tr("Please choose a school list (CSV file)."));
  if (request.schools_bytes.size() > kMaxSchoolListBytes)
    return refuse(fill(tr("The school list {} is too large (at most {} MB); the batch was not started."),
                       {request.schools_file, std::to_string(kMaxSchoolListBytes / (1024 * 1024))}));
  request.mapping_text = param(r, "zuordnung");
  if (!request.mapping_text.empty()) {
    request.mapping_file = upload_name(r, "zuordnung", "zuordnung.yaml");
    if (request.mapping_text.size() > kMaxMappingBytes)
      return refuse(fill(tr("The mapping file {} is too large (at most {} kB); the batch was not started."),
                         {request.mapping_file, std::to_string(kMaxMappingBytes / 1024)}));
    // Checked now, so that a mistake in it is shown on the form, not later.
    Diagnostics diag;
    if (!parse_mapping(request.mapping_text, request.mapping_file, diag))
      return refuse(fill(tr("The mapping file cannot be used:\n{}"), {diag.to_string()}));
  }
  for (const OutputFormat* f : batch_default_formats())
    if (param(r, "format_" + f->name) == "1") request.formats.push_back(f->name);
  if (request.formats.empty()) return refuse(tr("Please choose at least one format."));

  request.draft = draft->id;
  request.version = number;
  request.author = c.author(r);
  request.created = utc_time_text(c.now);
  request.base_answers = version->answers;
  const int64_t id = config_.batches->submit(request);
  if (id == 0) return refuse(tr("The batch could not be stored. Please try again."));
  store_.audit(draft->id, request.author, tr("started a batch"), request.created,
               fill(tr("batch {} with the school list {}, version {}"),
                    {std::to_string(id), request.schools_file, std::to_string(number)}));
  return redirect("/stapel/" + std::to_string(id));
}

Response App::batch_page(Context& c, int64_t id) {
  auto info = config_.batches->info(id);
  if (!info) return not_found();
  auto draft = store_.draft(info->draft);
  data d;
  d.set("t", texts());
  d.set("b", batch_texts());
  d.set("id", std::to_string(id));
  d.set("draft", std::to_string(info->draft));
  d.set("draft_title", draft ? draft->title : std::string());
  d.set("version", std::to_string(info->version));
  d.set("schools_file", info->schools_file);
  if (!info->mapping_file.empty()) d.set("mapping_file", info->mapping_file);
  std::string formats;
  for (const auto& f : info->formats) formats += (formats.empty() ? "" : ", ") + f;
  d.set("formats", formats);
  d.set("created", info->created);
  d.set("author", info->author);
  const bool under_way = info->state == BatchState::queued || info->state == BatchState::running;
  Response res;
  if (under_way) {
    d.set("under_way", true);
    d.set("progress_text", progress_text(*info));
    d.set("done", std::to_string(info->done));
    d.set("total", std::to_string(std::max<size_t>(info->total, 1)));
  } else if (info->state == BatchState::failed) {
    d.set("failed", true);
    d.set("message", info->message);
  } else {
    d.set("finished", true);
    d.set("counts", info->counts);
    auto summary = config_.batches->summary_markdown(id);
    d.set("summary", summary ? draft_html(*summary) : std::string());
  }
  res = page(fill(tr("Batch {}"), {std::to_string(id)}), mustache(kBatchPage).render(d), c.user, c.csrf);
  // Without JavaScript the browser reloads the page itself until the batch is done.
  if (under_way) res.headers.emplace_back("Refresh", "5");
  return res;
}

Response App::batch_download(Context& c, int64_t id, const std::string& what) {
  auto info = config_.batches->info(id);
  if (!info || info->state != BatchState::finished || (what != "zip" && what != "summary.csv")) return not_found();
  Response res;
  std::string file;
  if (what == "zip") {
    Diagnostics diag;
    auto bytes = config_.batches->zip(id, diag);
    if (!bytes) return message_page(tr("Download failed"), diag.to_string(), 500);
    res.body = std::move(*bytes);
    res.content_type = "application/zip";
    file = "stapel-" + std::to_string(id) + ".zip";
  } else {
    auto bytes = config_.templates->disk().read(config_.batches->folder(id) + "/summary.csv");
    if (!bytes) return not_found();
    res.body = std::move(*bytes);
    res.content_type = "text/csv; charset=utf-8";
    file = "stapel-" + std::to_string(id) + "-zusammenfassung.csv";
  }
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  store_.audit(info->draft, c.user.empty() ? std::string(tr("anonymous (local)")) : c.user, tr("downloaded"),
               utc_time_text(c.now), file);
  return res;
}

}  // namespace kovgen::serve
