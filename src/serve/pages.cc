#include "pages.h"

#include "i18n.h"

namespace kovgen::serve {

const char* const kLayoutPage = R"(<!DOCTYPE html>
<html lang="{{t.lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} – kovgen</title>
<link rel="stylesheet" href="/static/kovgen.css">
<script src="/static/kovgen.js" defer></script>
</head>
<body>
<a class="skip" href="#inhalt">{{t.skip}}</a>
<header class="top">
<nav aria-label="{{t.main_nav}}"><a href="/">{{t.home}}</a> · <a href="/stapel">{{t.batches}}</a></nav>
{{#user}}<form method="post" action="/abmelden" class="inline"><span>{{t.logged_in_as}} {{user}}</span> <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.logout}}</button></form>{{/user}}
</header>
<main id="inhalt" tabindex="-1">
{{{content}}}
</main>
</body>
</html>
)";

const char* const kHomePage = R"(<h1>{{t.drafts}}</h1>
{{#message}}<p class="notice" role="alert">{{message}}</p>{{/message}}
{{#has_drafts}}<div class="table-wrap"><table class="list">
<caption>{{t.drafts_caption}}</caption>
<thead><tr><th scope="col">{{t.title}}</th><th scope="col">{{t.template}}</th><th scope="col">{{t.version}}</th><th scope="col">{{t.changed}}</th></tr></thead>
<tbody>
{{#drafts}}<tr><td><a href="/entwurf/{{id}}">{{title}}</a></td><td>{{template}}</td><td>{{latest}}</td><td>{{changed}}</td></tr>
{{/drafts}}</tbody>
</table></div>{{/has_drafts}}
{{^has_drafts}}<p>{{t.no_drafts}}</p>{{/has_drafts}}
<h2>{{t.new_draft}}</h2>
<form method="post" action="/entwuerfe" class="card">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="art" value="vorlage">
<h3>{{t.from_template}}</h3>
<p><label for="neu-titel">{{t.title}}</label><input id="neu-titel" name="titel" required></p>
<p><label for="neu-vorlage">{{t.template}}</label><select id="neu-vorlage" name="vorlage">{{#templates}}<option value="{{id}}">{{title}}</option>{{/templates}}</select></p>
<p><button type="submit">{{t.create}}</button></p>
</form>
<form method="post" action="/entwuerfe" enctype="multipart/form-data" class="card">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="art" value="import">
<h3>{{t.from_file}}</h3>
<p><label for="import-titel">{{t.title}}</label><input id="import-titel" name="titel" required></p>
<p><label for="import-datei">{{t.answers_file}}</label><input type="file" id="import-datei" name="antworten" accept=".yaml,.yml,.json" required></p>
<p><button type="submit">{{t.import}}</button></p>
</form>
{{#has_drafts}}<form method="post" action="/entwuerfe" class="card">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="art" value="kopie">
<h3>{{t.from_copy}}</h3>
<p><label for="kopie-titel">{{t.title}}</label><input id="kopie-titel" name="titel" required></p>
<p><label for="kopie-von">{{t.copy_of}}</label><select id="kopie-von" name="von">{{#drafts}}<option value="{{id}}">{{title}}</option>{{/drafts}}</select></p>
<p><button type="submit">{{t.copy}}</button></p>
</form>{{/has_drafts}}
)";

const char* const kSectionPage = R"(<div class="columns">
<div class="page">
<p class="crumb"><a href="/entwurf/{{draft}}/versionen">{{draft_title}}</a> · {{t.version}} {{base}}</p>
<h1>{{section_title}}</h1>
<p class="step">{{step}} · {{kind}}</p>
{{#intro}}<p>{{intro}}</p>{{/intro}}
{{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
{{#conflict}}<div class="conflict" role="alert"><h2>{{t.conflict_title}}</h2><p>{{conflict}}</p>
{{#has_conflict_fields}}<ul class="differing">{{#conflict_fields}}<li>{{.}}</li>{{/conflict_fields}}</ul>{{/has_conflict_fields}}
<form method="post" action="/entwurf/{{draft}}/wiederherstellen"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{conflict_other}}">
<button type="submit">{{t.take_other}}</button></form>
<p>{{t.keep_mine}}</p></div>{{/conflict}}
{{#has_errors}}<div class="errors" role="alert" id="fehler" tabindex="-1"><h2>{{t.check_fields}}</h2><ul>{{#errors}}<li><a href="#{{id}}">{{message}}</a></li>{{/errors}}</ul></div>{{/has_errors}}
<form method="post" action="/entwurf/{{draft}}/abschnitt/{{section}}" id="fragebogen" novalidate data-check="/entwurf/{{draft}}/abschnitt/{{section}}/pruefen">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="basis" value="{{base}}">
{{! Enter in a field submits with the form's first button: saving, never a table's "add an entry". }}
<button type="submit" name="aktion" value="speichern" class="sr" tabindex="-1">{{t.save}}</button>
{{{questions}}}
<fieldset class="save"><legend>{{t.save_legend}}</legend>
{{^user}}<p><label for="autor">{{t.your_name}}</label><input id="autor" name="autor" value="{{author}}" autocomplete="name"></p>{{/user}}
<p><label for="kommentar">{{t.comment}}</label><input id="kommentar" name="kommentar"></p>
<p><button type="submit" name="aktion" value="speichern">{{t.save}}</button>
{{#next}}<button type="submit" name="aktion" value="weiter:{{next}}">{{t.save_next}}</button>{{/next}}</p>
<p id="autosave" role="status" aria-live="polite"></p>
</fieldset>
</form>
</div>
<nav class="checklist" aria-labelledby="checkliste-titel">
<h2 id="checkliste-titel">{{t.checklist}}</h2>
<p id="reife" class="{{ready_class}}" role="status" aria-live="polite">{{readiness}}</p>
<ol>{{#sections}}<li data-section="{{id}}"><a href="/entwurf/{{draft}}/abschnitt/{{id}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a> <span class="state {{state_class}}">{{state}}</span></li>
{{/sections}}</ol>
<h2>{{t.results}}</h2>
<ul>
<li><a href="/entwurf/{{draft}}/vorschau">{{t.preview}}</a></li>
<li><a href="/entwurf/{{draft}}/versionen">{{t.history}}</a></li>
{{#downloads}}<li><a href="/entwurf/{{draft}}/download/{{name}}" download>{{label}}</a></li>{{/downloads}}
</ul>
</nav>
</div>
)";

const char* const kQuestion = R"(<div class="question{{#error}} has-error{{/error}}" id="frage-{{id}}" data-key="{{key}}"{{#conditional}} data-conditional="1"{{/conditional}}>
{{#group}}<fieldset{{#described}} aria-describedby="{{described}}"{{/described}}><legend>{{label}}{{#required}} <span class="req">({{t.required}})</span>{{/required}}</legend>{{/group}}
{{^group}}<label for="{{id}}">{{label}}{{#required}} <span class="req">({{t.required}})</span>{{/required}}</label>{{/group}}
{{#help}}<p class="help" id="{{id}}-hilfe">{{help}}</p>{{/help}}
{{#facts}}<p class="facts" id="{{id}}-art">{{facts}}</p>{{/facts}}
{{#example}}<p class="example" id="{{id}}-beispiel">{{t.example}} {{example}}</p>{{/example}}
{{#when}}<p class="when" id="{{id}}-wenn">{{when}}</p>{{/when}}
{{#error}}<p class="error" id="{{id}}-fehler">{{error}}</p>{{/error}}
{{#text}}<input type="text" id="{{id}}" name="{{name}}" value="{{value}}"{{#described}} aria-describedby="{{described}}"{{/described}}{{#error}} aria-invalid="true"{{/error}}{{#inputmode}} inputmode="{{inputmode}}"{{/inputmode}}>{{/text}}
{{#date}}<input type="date" id="{{id}}" name="{{name}}" value="{{value}}"{{#described}} aria-describedby="{{described}}"{{/described}}{{#error}} aria-invalid="true"{{/error}}>{{/date}}
{{#long}}<textarea id="{{id}}" name="{{name}}" rows="{{rows}}"{{#described}} aria-describedby="{{described}}"{{/described}}{{#error}} aria-invalid="true"{{/error}}>{{value}}</textarea>{{/long}}
{{#select}}<select id="{{id}}" name="{{name}}"{{#described}} aria-describedby="{{described}}"{{/described}}{{#error}} aria-invalid="true"{{/error}}><option value="">{{t.no_answer}}</option>{{#options}}<option value="{{value}}"{{#checked}} selected{{/checked}}>{{label}}</option>{{/options}}</select>{{/select}}
{{#radios}}<div class="radios">{{#options}}<span class="radio"><input type="radio" id="{{id}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}><label for="{{id}}">{{label}}</label></span>{{/options}}</div>{{/radios}}
{{#table}}<input type="hidden" name="{{count_name}}" value="{{count}}">
<div class="table-wrap"><table class="records"><caption>{{label}}</caption>
<thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}<th scope="col">{{t.row}}</th></tr></thead>
<tbody>{{#rows}}<tr>{{#cells}}<td><label class="sr" for="{{id}}">{{label}}</label>{{#error}}<span class="error" id="{{id}}-fehler">{{error}}</span>{{/error}}<input type="text" id="{{id}}" name="{{name}}" value="{{value}}"{{#error}} aria-invalid="true" aria-describedby="{{id}}-fehler"{{/error}}></td>{{/cells}}<td><button type="submit" name="aktion" value="entfernen:{{key}}:{{index}}" aria-label="{{remove_label}}">{{t.remove_row}}</button></td></tr>
{{/rows}}</tbody></table></div>
<p><button type="submit" name="aktion" value="zeile:{{key}}">{{t.add_row}}</button></p>{{/table}}
{{#group}}</fieldset>{{/group}}
</div>
)";

const char* const kPreviewPage = R"(<p class="crumb"><a href="/entwurf/{{draft}}">{{t.back_to_questionnaire}}</a></p>
<p class="{{ready_class}}" role="status">{{readiness}}</p>
<article class="preview" aria-label="{{t.preview}}">
{{{html}}}
</article>
)";

const char* const kHistoryPage = R"(<p class="crumb"><a href="/entwurf/{{draft}}">{{t.back_to_questionnaire}}</a></p>
<h1>{{t.history}}: {{draft_title}}</h1>
{{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
<div class="table-wrap"><table class="list">
<caption>{{t.versions_caption}}</caption>
<thead><tr><th scope="col">{{t.version}}</th><th scope="col">{{t.author}}</th><th scope="col">{{t.time}}</th><th scope="col">{{t.comment_column}}</th><th scope="col">{{t.actions}}</th></tr></thead>
<tbody>{{#versions}}<tr><td>{{number}}{{#conflict}} <span class="state missing">{{t.conflict_mark}}</span>{{/conflict}}</td><td>{{author}}</td><td>{{created}}</td><td>{{comment}}</td>
<td><a href="/entwurf/{{draft}}/download/yaml?version={{number}}">{{t.export_yaml}}</a> · <a href="/entwurf/{{draft}}/download/pdf?version={{number}}">PDF</a> · <a href="/entwurf/{{draft}}/download/docx?version={{number}}">DOCX</a>
{{^latest}}<form method="post" action="/entwurf/{{draft}}/wiederherstellen" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{number}}"><button type="submit">{{t.restore}}</button></form>{{/latest}}</td></tr>
{{/versions}}</tbody></table></div>
<h2>{{t.audit}}</h2>
{{! Focusable: a keyboard scrolls a table too wide for a narrow window. }}
<div class="table-wrap" tabindex="0"><table class="list">
<caption>{{t.audit_caption}}</caption>
<thead><tr><th scope="col">{{t.time}}</th><th scope="col">{{t.who}}</th><th scope="col">{{t.what}}</th></tr></thead>
<tbody>{{#audit}}<tr><td>{{at}}</td><td>{{who}}</td><td>{{what}}</td></tr>
{{/audit}}</tbody></table></div>
)";

const char* const kLoginPage = R"(<h1>{{t.login}}</h1>
{{#error}}<p class="errors" role="alert" id="anmelde-fehler">{{error}}</p>{{/error}}
<form method="post" action="/anmelden" class="card">
<input type="hidden" name="csrf" value="{{csrf}}">
<p><label for="name">{{t.user_name}}</label><input id="name" name="name" autocomplete="username" required{{#error}} aria-describedby="anmelde-fehler"{{/error}}></p>
<p><label for="passwort">{{t.password}}</label><input type="password" id="passwort" name="passwort" autocomplete="current-password" required></p>
<p><button type="submit">{{t.login}}</button></p>
</form>
)";

const char* const kMessagePage = R"(<h1>{{heading}}</h1>
<p role="alert">{{message}}</p>
<p><a href="/">{{t.home}}</a></p>
)";

std::vector<std::pair<const char*, const char*>> page_texts() {
  static const std::pair<const char*, const char*> texts[] = {
      // The page's language as an HTML lang code.
      {"lang", N_("en")},
      {"skip", N_("Skip to the content")},
      {"main_nav", N_("Main navigation")},
      {"home", N_("All drafts")},
      {"batches", N_("Batches")},
      {"logged_in_as", N_("Logged in as")},
      {"logout", N_("Log out")},
      {"drafts", N_("Drafts of cooperation agreements")},
      {"drafts_caption", N_("Every draft with its newest version")},
      {"no_drafts", N_("There are no drafts yet. Start one below.")},
      {"title", N_("Title")},
      {"template", N_("Template")},
      {"version", N_("Version")},
      {"changed", N_("Last saved")},
      {"new_draft", N_("Start a new draft")},
      {"from_template", N_("From a template")},
      {"from_file", N_("From an answers file (YAML or JSON from kovgen init or interview)")},
      {"from_copy", N_("As a copy of a draft")},
      {"answers_file", N_("Answers file")},
      {"copy_of", N_("Copy of")},
      {"create", N_("Create the draft")},
      {"import", N_("Import the answers")},
      {"copy", N_("Copy the draft")},
      {"conflict_title", N_("Someone else saved this draft in the meantime")},
      {"take_other", N_("Take the other version instead of mine")},
      {"keep_mine", N_("Your version is now the newest; nothing else needs to be done to keep it.")},
      {"check_fields", N_("Please check the marked answers; nothing was saved.")},
      {"save_legend", N_("Save")},
      {"your_name", N_("Your name (shown in the history)")},
      {"comment", N_("Comment on this version (optional)")},
      {"save", N_("Save")},
      {"save_next", N_("Save and go to the next section")},
      {"checklist", N_("Checklist")},
      {"results", N_("Draft and downloads")},
      {"preview", N_("Preview of the agreement")},
      {"history", N_("Versions and history")},
      {"required", N_("required")},
      {"example", N_("Example:")},
      {"no_answer", N_("(no answer)")},
      {"row", N_("Entry")},
      {"remove_row", N_("Remove")},
      {"add_row", N_("Add an entry")},
      {"back_to_questionnaire", N_("Back to the questionnaire")},
      {"versions_caption", N_("Every saved version, newest first")},
      {"author", N_("By")},
      {"time", N_("Time (UTC)")},
      {"comment_column", N_("Comment")},
      {"actions", N_("Download or restore")},
      {"conflict_mark", N_("conflict")},
      {"export_yaml", N_("Answers as YAML")},
      {"restore", N_("Restore as new version")},
      {"audit", N_("Audit log")},
      {"audit_caption", N_("Who saved, downloaded or restored what, newest first")},
      {"who", N_("Who")},
      {"what", N_("What")},
      {"login", N_("Log in")},
      {"user_name", N_("User name")},
      {"password", N_("Password")},
  };
  std::vector<std::pair<const char*, const char*>> out;
  for (const auto& [key, english] : texts) out.emplace_back(key, tr(english));
  return out;
}

}  // namespace kovgen::serve
