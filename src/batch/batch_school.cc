#include "batch_school.h"

#include "batch_resume.h"
#include "pipeline.h"

namespace kovgen {

namespace {

// Every output in memory first, then written: a writer error leaves no partial set.
bool write_outputs(const Draft& draft, const std::string& folder_path, const std::vector<std::string>& names,
                   const std::vector<std::pair<std::string, std::string>>& extras, const std::string& fingerprint,
                   const SchoolContext& ctx, Disk& disk, SchoolResult& r) {
  WriterOptions options = ctx.writer_options;
  options.force_draft = options.force_draft || !is_ready_to_sign(draft.findings);
  auto written = write_formats(draft.markdown, ctx.formats, options, r.diag);
  if (!written) return false;
  std::vector<std::string>& outputs = *written;
  for (const auto& extra : extras) outputs.push_back(extra.second);
  if (!disk.make_directories(folder_path, r.diag)) return false;
  clear_for_rewrite(disk, folder_path, names);
  Manifest manifest{fingerprint, {}};
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (!disk.write_atomically(folder_path + "/" + names[i], outputs[i], r.diag)) return false;
    manifest.files.emplace_back(names[i], outputs[i].size());
  }
  return disk.write_atomically(folder_path + "/" + kManifestName, manifest_text(manifest), r.diag);
}

}  // namespace

std::vector<std::string> school_file_names(const std::string& folder, const std::vector<const OutputFormat*>& formats) {
  std::vector<std::string> names;
  for (const OutputFormat* f : formats) names.push_back(folder + f->extension);
  return names;
}

SchoolResult produce_school(SchoolJob job, const SchoolContext& ctx, Disk& disk) {
  SchoolResult r;
  r.seq = job.seq;
  r.row_line = job.record.line;
  r.id = std::move(job.id);
  r.name = std::move(job.name);
  r.folder = std::move(job.folder);
  r.diag = std::move(job.problems);

  Answers answers = *ctx.base;
  if (!ctx.mapper->apply(job.record, answers, r.diag) || r.diag.has_errors()) return r;

  const Draft draft = make_draft(*ctx.tmpl, answers, ctx.compose_options);
  r.status = is_ready_to_sign(draft.findings) ? SchoolStatus::complete : SchoolStatus::incomplete;
  // The findings come in the draft's order; the summary counts by template section.
  for (const auto& section : ctx.tmpl->questionnaire.sections) {
    const SectionFinding* s = draft.findings.find(section.id);
    r.missing.push_back(s && !s->complete);
    r.headings.push_back(s ? s->name() : section.title);
  }
  for (const auto& s : draft.findings.sections) {
    r.missing_items.insert(r.missing_items.end(), s.missing.begin(), s.missing.end());
    for (size_t i = 0; i < ctx.tmpl->questionnaire.sections.size(); ++i)
      if (ctx.tmpl->questionnaire.sections[i].id == s.id) r.document_order.push_back(i);
  }

  // Every writer option that changes the files' bytes.
  const WriterOptions& w = ctx.writer_options;
  std::string format_names, options = std::string(w.force_draft ? "draft" : "") + "|" + ctx.reference_fingerprint +
                                      "|" + (w.timestamp ? std::to_string(*w.timestamp) : "") + "|" + w.font_dir;
  for (const OutputFormat* f : ctx.formats) format_names += f->name + ",";
  std::vector<std::pair<std::string, std::string>> extras;
  if (ctx.extra_files) extras = ctx.extra_files(answers, draft);
  std::vector<std::string_view> fingerprinted{draft.markdown, format_names, options, ctx.tool_fingerprint};
  for (const auto& [name, bytes] : extras) fingerprinted.insert(fingerprinted.end(), {name, bytes});
  const std::string fingerprint = content_fingerprint(fingerprinted);
  const std::string folder_path = ctx.out_dir + "/" + r.folder;
  std::vector<std::string> names = school_file_names(r.folder, ctx.formats);
  for (const auto& extra : extras) names.push_back(extra.first);
  if (ctx.resume && outputs_up_to_date(disk, folder_path, fingerprint, names)) {
    r.up_to_date = true;
    return r;
  }
  if (!write_outputs(draft, folder_path, names, extras, fingerprint, ctx, disk, r)) {
    r.status = SchoolStatus::error;
    r.output_failed = true;
  }
  return r;
}

}  // namespace kovgen
