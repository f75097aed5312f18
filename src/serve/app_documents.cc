#include "app_internal.h"

#include <algorithm>
#include <charconv>
#include <ctime>

#include <kainjow/mustache.hpp>
#include <sodium.h>

#include "answer_yaml.h"
#include "checklist_table.h"
#include "draft_html.h"
#include "form.h"
#include "i18n.h"
#include "markdown_tree.h"
#include "pages.h"
#include "questionnaire_markdown.h"
#include "questionnaire_text.h"
#include "report_json.h"
#include "skeleton.h"
#include "template_library.h"
namespace kovgen::serve {

using kainjow::mustache::data;

Response App::preview(Context& c, int64_t id, int version) {
  Diagnostics diag;
  auto opened = open_version(id, version, diag);
  if (!opened) return not_found();
  const Draft& draft = opened->draft;
  data d;
  d.set("draft", std::to_string(id));
  // The draft's HTML is most of the page: it goes in once, at a mark no text can
  // hold (random), instead of being copied through both templates' data and output.
  const std::string mark = random_token();
  d.set("html", mark);
  d.set("readiness", readiness_line(draft.findings));
  d.set("ready_class", is_ready_to_sign(draft.findings) ? "ready" : "not-ready");
  Response res =
      page(fill(tr("Preview: {}"), {opened->summary.title}), render_template(kPreviewPage, d), c.user, c.csrf);
  const std::string& html = opened->composed->composition->html(drafts_->preview_sections);
  const size_t at = res.body.find(mark);
  std::string body;
  body.reserve(res.body.size() - mark.size() + html.size());
  body.append(res.body, 0, at).append(html).append(res.body, at + mark.size());
  res.body = std::move(body);
  return res;
}

Response App::download(const Request& r, Context& c, int64_t id, const std::string& what) {
  auto version = parse_id(param(r, "version"));
  Diagnostics diag;
  auto opened = open_version(id, version ? static_cast<int>(*version) : 0, diag);
  if (!opened) return not_found();
  const std::string stem = "entwurf-" + std::to_string(id) + "-v" + std::to_string(opened->version.number);
  Response res;
  std::string file;
  if (what == "yaml") {
    res.content_type = "application/yaml; charset=utf-8";
    res.body = opened->version.answers;
    file = stem + ".yaml";
  } else {
    const bool questionnaire = what == "fragebogen";
    const OutputFormat* format = find_output_format(questionnaire ? "pdf" : what);
    if (!format || (what != "md" && what != "docx" && what != "pdf" && !questionnaire)) return not_found();
    WriterOptions options = config_.writer;
    const Draft& draft = opened->draft;
    if (questionnaire) {
      options.source_name = opened->tmpl->questionnaire.directory + "/template.yaml";
      file = "fragebogen-" + opened->tmpl->questionnaire.id + ".pdf";
    } else {
      // As render writes it: the ENTWURF mark unless the draft is ready to sign.
      options.force_draft = !is_ready_to_sign(draft.findings);
      options.source_name = opened->file;
      file = stem + format->extension;
    }
    auto bytes = opened->composed->document(what, [&]() -> std::optional<std::string> {
      auto written = write_formats(questionnaire ? questionnaire_markdown(opened->tmpl->questionnaire) : draft.markdown,
                                   {format}, options, diag);
      if (!written) return std::nullopt;
      return std::move(written->front());
    });
    if (!bytes) return message_page(tr("Download failed"), diag.to_string(), 500);
    res.body = *bytes;
    res.content_type = format->name == "pdf"    ? "application/pdf"
                       : format->name == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                                                : "text/markdown; charset=utf-8";
  }
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  store_.audit(id, c.user.empty() ? std::string(tr("anonymous (local)")) : c.user, tr("downloaded"), utc_time_text(c.now),
               file);
  return res;
}

Response App::history(Context& c, int64_t id) {
  auto summary = store_.draft(id);
  if (!summary) return not_found();
  data d;
  d.set("draft", std::to_string(id));
  d.set("draft_title", summary->title);
  d.set("csrf", c.csrf);
  data versions{data::type::list};
  for (const auto& v : store_.versions(id)) {
    data row;
    row.set("draft", std::to_string(id));
    row.set("number", std::to_string(v.number));
    row.set("author", v.author);
    row.set("created", v.created);
    row.set("comment", v.comment);
    row.set("csrf", c.csrf);
    if (v.conflict) row.set("conflict", true);
    if (v.number == summary->latest) row.set("latest", true);
    versions.push_back(row);
  }
  d.set("versions", versions);
  data audit{data::type::list};
  for (const auto& a : store_.audit_log(id)) {
    data row;
    row.set("at", a.at);
    row.set("who", a.who);
    row.set("what", a.action + (a.detail.empty() ? "" : ": " + a.detail));
    audit.push_back(row);
  }
  d.set("audit", audit);
  return page(fill(tr("History: {}"), {summary->title}), render_template(kHistoryPage, d), c.user, c.csrf);
}

Response App::restore(const Request& r, Context& c, int64_t id) {
  auto number = parse_id(param(r, "version"));
  auto summary = store_.draft(id);
  if (!number || !summary) return not_found();
  auto old = store_.version(id, static_cast<int>(*number));
  if (!old) return not_found();
  const std::string author = c.author(r);
  auto saved = store_.save(id, summary->latest, author, utc_time_text(c.now),
                           fill(tr("restored from version {}"), {std::to_string(old->number)}), old->answers);
  if (!saved) return message_page(tr("Not saved"), tr("The version could not be stored. Please try again."), 500);
  store_.audit(id, author, tr("restored"), utc_time_text(c.now),
               fill(tr("version {} as version {}"), {std::to_string(old->number), std::to_string(saved->number)}));
  return redirect("/entwurf/" + std::to_string(id) + "/versionen");
}

}  // namespace kovgen::serve
