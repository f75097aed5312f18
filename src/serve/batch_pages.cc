#include "batch_pages.h"

#include "i18n.h"

namespace kovgen::serve {

const char* const kBatchListPage = R"(<h1>{{b.batches}}</h1>
<p>{{b.intro}}</p>
{{#error}}<div class="errors" role="alert" id="stapel-fehler" tabindex="-1"><h2>{{b.not_started}}</h2><pre>{{error}}</pre></div>{{/error}}
{{#has_batches}}<table class="list">
<caption>{{b.list_caption}}</caption>
<thead><tr><th scope="col">{{b.batch}}</th><th scope="col">{{b.base}}</th><th scope="col">{{b.school_list}}</th><th scope="col">{{b.state}}</th><th scope="col">{{b.started}}</th></tr></thead>
<tbody>{{#batches}}<tr><td><a href="/stapel/{{id}}">{{b.batch}} {{id}}</a></td><td>{{draft_title}} ({{t.version}} {{version}})</td><td>{{schools_file}}</td><td>{{state}}</td><td>{{created}}</td></tr>
{{/batches}}</tbody></table>{{/has_batches}}
{{^has_batches}}<p>{{b.no_batches}}</p>{{/has_batches}}
<h2>{{b.new_batch}}</h2>
{{#has_drafts}}<form method="post" action="/stapel" enctype="multipart/form-data" class="card">
<input type="hidden" name="csrf" value="{{csrf}}">
<p><label for="stapel-entwurf">{{b.base_draft}}</label><select id="stapel-entwurf" name="entwurf" aria-describedby="stapel-entwurf-hilfe">{{#drafts}}<option value="{{id}}">{{title}} ({{t.version}} {{latest}})</option>{{/drafts}}</select></p>
<p class="help" id="stapel-entwurf-hilfe">{{b.base_help}}</p>
<p><label for="stapel-version">{{b.version_field}}</label><input id="stapel-version" name="version" inputmode="numeric" pattern="[0-9]*" aria-describedby="stapel-version-hilfe"></p>
<p class="help" id="stapel-version-hilfe">{{b.version_help}}</p>
<p><label for="stapel-schulliste">{{b.school_list_field}}</label><input type="file" id="stapel-schulliste" name="schulliste" accept=".csv,.txt" required aria-describedby="stapel-schulliste-hilfe"></p>
<p class="help" id="stapel-schulliste-hilfe">{{b.school_list_help}}</p>
<p><label for="stapel-zuordnung">{{b.mapping_field}}</label><input type="file" id="stapel-zuordnung" name="zuordnung" accept=".yaml,.yml" aria-describedby="stapel-zuordnung-hilfe"></p>
<p class="help" id="stapel-zuordnung-hilfe">{{b.mapping_help}}</p>
<fieldset><legend>{{b.formats}}</legend>
{{#formats}}<p><input type="checkbox" id="stapel-format-{{name}}" name="format_{{name}}" value="1" checked><label for="stapel-format-{{name}}">{{label}}</label></p>
{{/formats}}</fieldset>
<p><button type="submit" id="stapel-start">{{b.start}}</button></p>
</form>{{/has_drafts}}
{{^has_drafts}}<p>{{b.no_drafts}}</p>{{/has_drafts}}
)";

const char* const kBatchPage = R"(<p class="crumb"><a href="/stapel">{{b.batches}}</a></p>
<h1>{{b.batch}} {{id}}</h1>
<dl class="facts"><dt>{{b.base}}</dt><dd><a href="/entwurf/{{draft}}/versionen">{{draft_title}}</a> ({{t.version}} {{version}})</dd>
<dt>{{b.school_list}}</dt><dd>{{schools_file}}</dd>
{{#mapping_file}}<dt>{{b.mapping}}</dt><dd>{{mapping_file}}</dd>{{/mapping_file}}
<dt>{{b.formats}}</dt><dd>{{formats}}</dd>
<dt>{{b.started}}</dt><dd>{{created}} · {{author}}</dd></dl>
{{#under_way}}<div class="card">
<h2>{{b.progress}}</h2>
<p id="stapel-stand" role="status" data-stand="/stapel/{{id}}/stand">{{progress_text}}</p>
<progress id="stapel-fortschritt" max="{{total}}" value="{{done}}" aria-labelledby="stapel-stand">{{progress_text}}</progress>
<p>{{b.reload_note}} <a href="/stapel/{{id}}">{{b.reload}}</a></p>
</div>
<script src="/stapel/stapel.js" defer></script>{{/under_way}}
{{#failed}}<div class="errors" role="alert"><h2>{{b.failed_heading}}</h2><pre>{{message}}</pre></div>{{/failed}}
{{#finished}}<p class="notice" role="status">{{counts}}</p>
<p><a href="/stapel/{{id}}/zip" download>{{b.download_zip}}</a> · <a href="/stapel/{{id}}/summary.csv" download>{{b.download_csv}}</a></p>
<section class="summary" aria-label="{{b.summary}}">
{{{summary}}}
</section>{{/finished}}
)";

// Adds to the page that works without it: the progress line and bar follow the
// batch every second, and the page shows the result once the batch is done.
const char* const kBatchScript = R"((function () {
  'use strict';
  var box = document.getElementById('stapel-stand');
  if (!box || !box.dataset.stand) return;
  var bar = document.getElementById('stapel-fortschritt');
  function poll() {
    fetch(box.dataset.stand, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.state === 'finished' || s.state === 'failed') { window.location.reload(); return; }
        box.textContent = s.text;
        if (bar && s.total > 0) { bar.max = s.total; bar.value = s.done; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
)";

std::vector<std::pair<const char*, const char*>> batch_page_texts() {
  static const std::pair<const char*, const char*> texts[] = {
      {"batches", N_("Batches")},
      {"intro", N_("A batch drafts one agreement per school of a school list: a draft gives the answers all "
                   "schools share, each row of the list a school's own.")},
      {"not_started", N_("The batch was not started")},
      {"list_caption", N_("Batches, newest first")},
      {"batch", N_("Batch")},
      {"base", N_("Base")},
      {"school_list", N_("School list")},
      {"mapping", N_("Mapping")},
      {"state", N_("State")},
      {"started", N_("Started")},
      {"no_batches", N_("No batch has been started yet.")},
      {"new_batch", N_("Start a batch")},
      {"base_draft", N_("Draft as the base")},
      {"base_help", N_("Its answers apply to every school; a cell of the school list overrides them.")},
      {"version_field", N_("Version of the draft (optional)")},
      {"version_help", N_("Empty: the newest version.")},
      {"school_list_field", N_("School list (CSV)")},
      {"school_list_help",
       N_("For example the school list of the Ministry of Schools (MSB) or a list saved from Excel; separators and "
          "encodings are recognised.")},
      {"mapping_field", N_("Mapping of the columns (optional, YAML)")},
      {"mapping_help", N_("Says which column answers which question. Without it, columns must be named with "
                          "question keys.")},
      {"formats", N_("Formats")},
      {"start", N_("Start the batch")},
      {"no_drafts", N_("Create a draft first: it gives the answers all schools share.")},
      {"progress", N_("Progress")},
      {"reload_note", N_("This page updates itself every few seconds.")},
      {"reload", N_("Reload now")},
      {"failed_heading", N_("The batch could not be run")},
      {"download_zip", N_("Download all agreements (ZIP)")},
      {"download_csv", N_("Summary as a table (CSV)")},
      {"summary", N_("Summary")},
  };
  return {std::begin(texts), std::end(texts)};
}

}  // namespace kovgen::serve
