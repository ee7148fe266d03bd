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

/**
 * The chat page's script, `/support-desk/chat.js`: without attachments it streams the answer from
 * `POST /api/chat` (NDJSON) into the page, then opens the stored thread; on any failure, and with
 * attachments, the form posts normally.
 */
export const CHAT_JS = `(function () {
  var form = document.getElementById("ask-form");
  if (!form) return;
  var status = document.getElementById("ask-status");
  form.addEventListener("submit", function (event) {
    if (status) status.textContent = "回答を作成しています…";
    var files = form.querySelector("input[type=file]");
    var question = form.elements.question.value;
    if ((files && files.files && files.files.length > 0) || !question.trim() || !window.fetch || !window.TextDecoder) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    var body = { question: question };
    if (form.elements.threadId) body.threadId = Number(form.elements.threadId.value);
    if (form.elements.folderId && form.elements.folderId.value) body.folderId = Number(form.elements.folderId.value);
    var box = document.getElementById("stream");
    var text = document.getElementById("stream-text");
    var sources = document.getElementById("stream-sources");
    box.hidden = false;
    function handle(line) {
      if (!line) return;
      var event = JSON.parse(line);
      if (event.type === "sources") {
        for (var i = 0; i < event.citations.length; i++) {
          var c = event.citations[i];
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = c.href;
          a.textContent = c.documentName + "（" + c.label + "）";
          li.appendChild(a);
          sources.appendChild(li);
        }
      } else if (event.type === "delta") {
        text.textContent += event.text;
      } else if (event.type === "done") {
        var path = "/chat/" + event.threadId;
        var hash = "#m-" + event.messageId;
        if (location.pathname === path) { location.hash = hash; location.reload(); }
        else location.assign(path + hash);
      } else if (event.type === "error") {
        throw new Error(event.message);
      }
    }
    fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": form.elements._csrf.value },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok || !response.body) throw new Error("HTTP " + response.status);
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      function pump() {
        return reader.read().then(function (chunk) {
          buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
          var lines = buffer.split("\\n");
          buffer = lines.pop();
          lines.forEach(handle);
          if (chunk.done) { handle(buffer); return; }
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      box.hidden = true;
      form.submit();
    });
  });
})();
`;
