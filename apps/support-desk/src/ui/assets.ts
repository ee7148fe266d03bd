/** The desk's own stylesheet, served at `/support-desk/app.css` (the CSP forbids inline styles). */
export const DESK_CSS = `
.doc-section { border:1px solid #c8c8c8; border-radius:4px; padding:8px 12px; margin:12px 0; scroll-margin-top:8px; }
.doc-section h2 { font-size:1rem; margin:0 0 6px; }
.doc-section.highlight { border:3px solid #b35900; background:#fff4e5; }
.doc-section:focus { outline:3px solid #005fcc; }
.doc-text { white-space:pre-wrap; line-height:1.7; }
.doc-index { display:flex; flex-wrap:wrap; gap:6px; list-style:none; padding:0; }
.chat { display:grid; grid-template-columns: 16rem 1fr; gap:16px; }
.chat aside ul { list-style:none; padding:0; }
.chat aside li { margin:4px 0; }
.message { border-left:4px solid #c8c8c8; padding:4px 12px; margin:12px 0; }
.message.user { border-color:#005fcc; }
.message.assistant { border-color:#2e7d32; }
.message .text { white-space:pre-wrap; }
.sources li { margin:4px 0; }
.notice-list { color:#8a4b00; }
.passage { white-space:pre-wrap; }
.score { font-variant-numeric: tabular-nums; }
.status-failed { color:#b00020; font-weight:bold; }
.status-done { color:#2e7d32; }
`;

/**
 * The viewer's script, served at `/support-desk/viewer.js`: highlights and scrolls to the section
 * named by `#page=N` (or marked `data-target` by the server for slides, sheets and rows).
 */
export const VIEWER_JS = `(function () {
  function show() {
    var old = document.querySelectorAll(".doc-section.highlight");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("highlight"); old[i].removeAttribute("aria-current"); }
    var m = /^#page=(\\d+)$/.exec(location.hash);
    var target = m ? document.getElementById("page-" + m[1]) : document.querySelector(".doc-section[data-target]");
    if (!target) return;
    target.classList.add("highlight");
    target.setAttribute("aria-current", "location");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", show);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show); else show();
})();
`;

/** The chat page's script, `/support-desk/chat.js`: shows that an answer is being written. */
export const CHAT_JS = `(function () {
  var form = document.getElementById("ask-form");
  if (!form) return;
  form.addEventListener("submit", function () {
    var status = document.getElementById("ask-status");
    if (status) status.textContent = "回答を作成しています…";
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
  });
})();
`;
