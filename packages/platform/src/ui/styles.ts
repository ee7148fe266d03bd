/** The shell's stylesheet, served at `/assets/shell.css` (no inline styles, so the CSP stays strict). */
export const SHELL_CSS = `
:root { --fg:#1a1a1a; --muted:#555; --bg:#fff; --accent:#0b57a4; --err:#b00020; --line:#c8c8c8; --soft:#f3f6fa; }
* { box-sizing: border-box; }
body { margin:0; font-family: "Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic UI","Meiryo",sans-serif; color:var(--fg); background:var(--bg); line-height:1.7; font-size:16px; }
a { color:var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline:3px solid #f9a825; outline-offset:2px; }
.skip { position:absolute; left:-9999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px 8px; z-index:10; }
header.app { background:var(--accent); color:#fff; padding:8px 16px; display:flex; gap:16px; align-items:center; flex-wrap:wrap; }
header.app .title { font-weight:bold; font-size:1.1rem; color:#fff; text-decoration:none; }
header.app .user { margin-left:auto; display:flex; gap:8px; align-items:center; }
header.app form { margin:0; }
header.app button { background:#fff; color:var(--accent); border:0; padding:4px 10px; border-radius:4px; cursor:pointer; }
nav.main { background:var(--soft); border-bottom:1px solid var(--line); padding:0 16px; }
nav.main ul { list-style:none; margin:0; padding:0; display:flex; gap:4px; flex-wrap:wrap; }
nav.main a { display:block; padding:8px 12px; text-decoration:none; }
nav.main a[aria-current="page"] { font-weight:bold; border-bottom:3px solid var(--accent); }
main { padding:16px; max-width:1100px; }
h1 { font-size:1.5rem; margin:8px 0 16px; }
.field { margin-bottom:16px; display:flex; flex-direction:column; max-width:36rem; }
.field label { font-weight:bold; }
.field .hint { color:var(--muted); font-size:.9rem; }
.field .error { color:var(--err); font-size:.95rem; }
.required { color:var(--err); font-size:.85rem; margin-left:4px; }
input[type=text], input[type=password], input[type=date], input[type=search], select, textarea { font:inherit; padding:6px 8px; border:1px solid #767676; border-radius:4px; }
input[aria-invalid="true"], textarea[aria-invalid="true"] { border-color:var(--err); border-width:2px; }
button.primary, input[type=submit] { font:inherit; background:var(--accent); color:#fff; border:0; padding:8px 20px; border-radius:4px; cursor:pointer; }
.alert { border:2px solid var(--err); padding:8px 12px; margin-bottom:16px; background:#fff5f5; }
.notice { border:2px solid var(--accent); padding:8px 12px; margin-bottom:16px; background:var(--soft); }
table { border-collapse:collapse; width:100%; margin-bottom:16px; font-size:.95rem; }
th, td { border:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; }
th { background:var(--soft); }
td.num { text-align:right; font-variant-numeric: tabular-nums; }
code.hash { font-size:.8rem; word-break:break-all; }
footer { color:var(--muted); font-size:.85rem; padding:16px; border-top:1px solid var(--line); }
`;
