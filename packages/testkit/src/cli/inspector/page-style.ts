/** The inspector page's stylesheet: system fonts, light and dark from the OS setting, no external assets. */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0b5cad;
  --ok-bg: #dafbe1; --ok-fg: #0f5323; --warn-bg: #fff1c2; --warn-fg: #6b4a00; --bad-bg: #ffe0de; --bad-fg: #8a1313;
  --selected: #e3efff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --fg: #e6edf3; --muted: #9aa7b4; --line: #30363d; --panel: #161b22; --accent: #79b8ff;
    --ok-bg: #0f3d1f; --ok-fg: #8fe0a6; --warn-bg: #3d2e00; --warn-fg: #f2cc60; --bad-bg: #4a1212; --bad-fg: #ffaba8;
    --selected: #1c2d44;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: baseline; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 1.15rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
h3 { font-size: .95rem; margin: 1.25rem 0 .4rem; }
header p { margin: 0; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 1rem 1.25rem 2rem; }
.list { overflow-x: auto; min-width: 0; }
@media (min-width: 1700px) { main.has-detail { grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); } }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
tbody tr[aria-current="true"] { background: var(--selected); }
tbody tr.fresh { animation: fresh 1.5s ease-out; }
@keyframes fresh { from { background: var(--selected); } }
@media (prefers-reduced-motion: reduce) { tbody tr.fresh { animation: none; } }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-weight: 600; font-size: .8rem; white-space: nowrap; }
.ok { background: var(--ok-bg); color: var(--ok-fg); }
.warn { background: var(--warn-bg); color: var(--warn-fg); }
.bad { background: var(--bad-bg); color: var(--bad-fg); }
.muted { color: var(--muted); }
.issues { margin: 0; padding-left: 1.1rem; }
#detail { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; background: var(--panel); min-width: 0; }
#detail pre { background: var(--bg); border: 1px solid var(--line); border-radius: .35rem; padding: .6rem; overflow: auto; max-height: 28rem; margin: 0; white-space: pre-wrap; word-break: break-all; }
#detail dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .9rem; margin: 0; }
#detail dt { color: var(--muted); }
#detail dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.headers td:first-child, td a.mono { white-space: nowrap; }
.masked { color: var(--warn-fg); background: var(--warn-bg); border-radius: .25rem; padding: 0 .25rem; }
.toolbar { display: flex; gap: .5rem; align-items: center; margin-bottom: .4rem; }
button { font: inherit; padding: .25rem .7rem; border-radius: .35rem; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; }
button:hover { border-color: var(--accent); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
#connection.live::before { content: "● "; color: var(--ok-fg); }
#connection.down::before { content: "● "; color: var(--bad-fg); }
`;
