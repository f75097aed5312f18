// The static files, compiled in: the server needs nothing beside its binary and
// works in an intranet without external fonts, scripts or CDNs.
#include "pages.h"

namespace kovgen::serve {

// Colours meet WCAG AA contrast on white; the layout reflows to one column on a
// narrow window or at 200 % zoom.
const char* const kStyleSheet = R"(
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"Segoe UI",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-10000px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
header.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:1rem;padding:.5rem 1rem;background:#0b3d66;color:#fff}
header.top a{color:#fff;font-weight:bold}
main{padding:1rem;max-width:80rem;margin:0 auto}
.columns{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
.page{flex:3 1 30rem;min-width:0}
.checklist{flex:1 1 16rem;border-left:4px solid #0b3d66;padding-left:1rem}
.checklist ol{padding-left:1.2rem}
.checklist li{margin:.2rem 0}
.state{font-size:.9rem;padding:0 .3rem;border-radius:3px;white-space:nowrap}
.state.complete{background:#e3f3e6;color:#1b5e20}
.state.incomplete{background:#fff4d6;color:#6b4500}
.state.missing{background:#fde3e3;color:#8a1010}
.ready{color:#1b5e20;font-weight:bold}
.not-ready{color:#8a1010;font-weight:bold}
.question{margin:1.2rem 0;padding:.6rem;border-left:4px solid transparent}
.question.has-error{border-left-color:#b00020;background:#fff6f6}
.question label,.question legend{font-weight:bold;display:block}
.question[hidden]{display:none}
.help,.facts,.example,.when,.crumb,.step{color:#4a4a4a;margin:.2rem 0}
.error{color:#b00020;font-weight:bold;display:block;white-space:pre-line}
.req{font-weight:normal;color:#4a4a4a}
input[type=text],input[type=date],input[type=password],input:not([type]),select,textarea{width:100%;max-width:40rem;padding:.4rem;border:1px solid #595959;border-radius:3px;font:inherit}
.records input{min-width:8rem}
fieldset{border:1px solid #8a8a8a;padding:.6rem;min-width:0}
.radios{display:flex;flex-wrap:wrap;gap:1rem}
button{font:inherit;padding:.4rem .9rem;border:1px solid #0b3d66;background:#0b3d66;color:#fff;border-radius:3px;cursor:pointer}
button:hover{background:#072842}
.inline{display:inline}
.card{border:1px solid #c4c4c4;padding:.5rem 1rem;margin:1rem 0;max-width:44rem}
.notice{background:#e8f1fb;border-left:4px solid #0b4f8a;padding:.5rem}
.errors,.conflict{background:#fff6f6;border-left:4px solid #b00020;padding:.5rem 1rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse}
th,td{border:1px solid #c4c4c4;padding:.3rem .5rem;text-align:left;vertical-align:top}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.preview{max-width:48rem;font-family:Georgia,serif}
.preview mark.offen{background:#fff0a8;color:#1a1a1a}
.preview blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:6px solid #6b6b6b;background:#f6f6f6}
.preview blockquote.alert-warning,.preview blockquote.alert-caution{border-left-color:#b00020;background:#fff6f6}
.preview blockquote.alert-note,.preview blockquote.alert-tip{border-left-color:#0b4f8a;background:#eef5fc}
.preview blockquote.alert-important{border-left-color:#6a1b9a;background:#f7effa}
.alert-title{font-weight:bold;margin:0}
@media (max-width:30rem){h1{font-size:1.5rem}main{padding:.5rem}.question{padding:.4rem 0 .4rem .4rem}}
h1,h2,h3{hyphens:auto}
)";

// Only adds to pages that work without it: sends the section's fields to the
// server as they change and shows the checklist the server computes (the one
// definition of complete), hides questions whose condition does not hold, and
// saves a version after a pause in typing.
const char* const kScript = R"(
(function () {
  'use strict';
  var form = document.getElementById('fragebogen');
  if (!form || !window.fetch) return;
  var url = form.getAttribute('data-check');
  var timer = null, autosaveTimer = null, busy = false;
  function body() { return new URLSearchParams(new FormData(form)); }
  function apply(result) {
    var ready = document.getElementById('reife');
    if (ready) { ready.textContent = result.readiness; ready.className = result.ready ? 'ready' : 'not-ready'; }
    result.sections.forEach(function (s) {
      var li = document.querySelector('.checklist li[data-section="' + s.id + '"] .state');
      if (li) { li.textContent = s.state; li.className = 'state ' + s.state_class; }
    });
    Object.keys(result.applies).forEach(function (key) {
      var q = document.querySelector('.question[data-key="' + key + '"]');
      if (q) q.hidden = !result.applies[key];
    });
  }
  function check() {
    fetch(url, { method: 'POST', body: body(), credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) { if (result) apply(result); })
      .catch(function () {});
  }
  function autosave() {
    if (busy) return;
    busy = true;
    var data = body();
    data.set('aktion', 'autosave');
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (result) {
        var status = document.getElementById('autosave');
        if (status) status.textContent = result.message;
        if (result.version) form.querySelector('input[name=basis]').value = result.version;
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer); timer = setTimeout(check, 300);
    clearTimeout(autosaveTimer); autosaveTimer = setTimeout(autosave, 5000);
  });
  form.addEventListener('change', function () { clearTimeout(timer); timer = setTimeout(check, 50); });
  check();
})();
)";

}  // namespace kovgen::serve
