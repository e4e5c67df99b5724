/**
 * The frame of jixiao dev's 核对 pages: the document, the styles (phones first: the two sides
 * stack under 900 px and sit side by side above it, each scrolling on its own), and the dev-only
 * script that follows each save and links a mark to its field (src/dev/check-client.js).
 */
import { DEV_PATH } from './overlay.ts';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const CHECK_PATH = `${DEV_PATH}check/`;
export const CLIENT_PATH = `${DEV_PATH}check.js`;

const STYLE = `
:root{font:16px/1.7 system-ui,"Noto Sans CJK SC",sans-serif;color:#1f2937;background:#fff}
:root[data-text-size="1"]{font-size:24px}:root[data-text-size="2"]{font-size:32px}
body{margin:0}main{padding:.75rem;max-width:100rem;margin:0 auto}
h1{font-size:1.4rem;margin:.25rem 0}h2{font-size:1.15rem;margin:.75rem 0 .25rem}
a{color:#1d4ed8}a:focus-visible{outline:3px solid #b45309;outline-offset:2px}
code{background:#f3f4f6;padding:0 .2em;font-size:.85em;overflow-wrap:anywhere;color:#374151}
.jx-nav a{display:inline-block;padding:.5rem .25rem;min-height:44px;box-sizing:border-box}
.jx-count{font-size:1.1rem;font-weight:600;background:#fffbeb;border-left:4px solid #b45309;padding:.5rem .75rem;margin:.5rem 0}
.jx-count.is-done{background:#ecfdf5;border-color:#047857}
.jx-sides{display:grid;gap:1rem}
.jx-pane{position:relative;border:1px solid #d1d5db;border-radius:4px;padding:0 .75rem .75rem;max-height:75vh;overflow:auto}
@media (min-width:900px){.jx-sides{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.jx-pane{max-height:calc(100vh - 12rem)}}
.jx-text p{margin:0;padding:.1rem 0 .1rem 3.2em;text-indent:-3.2em;overflow-wrap:anywhere;white-space:pre-wrap}
.jx-ln{display:inline-block;width:2.8em;margin-right:.4em;text-align:right;color:#4b5563;font-size:.8em;text-indent:0}
.jx-mark{background:#fde68a;color:#111827;text-decoration:none;border-bottom:2px solid #b45309;padding:0 .1em}
.jx-mark.is-checked{background:#bbf7d0;border-color:#047857}
.jx-mark.has-finding{box-shadow:0 0 0 2px #b91c1c}
:target,.jx-on{outline:3px solid #1d4ed8;outline-offset:2px;background:#dbeafe}
.jx-figs,.jx-list,.jx-empties,.jx-findings{list-style:none;padding:0;margin:0}
.jx-figs>li,.jx-empties>li,.jx-list>li{border-bottom:1px solid #e5e7eb;padding:.4rem 0}
.jx-val{font-weight:700;font-size:1.1em;display:inline-block;min-height:44px;min-width:44px;padding:.35rem .2rem;box-sizing:border-box}
.jx-state{display:inline-block;font-size:.85em;padding:0 .4em;border-radius:3px;margin-left:.4em}
.jx-state.is-checked{background:#d1fae5;color:#065f46}.jx-state.is-open{background:#fef3c7;color:#78350f}
.jx-findings li{border-left:4px solid #b91c1c;background:#fef2f2;padding:.25rem .5rem;margin:.25rem 0}
.jx-findings li.jx-warning{border-color:#b45309;background:#fffbeb}
.jx-passage{display:block;color:#374151;background:#f9fafb;border-left:3px solid #9ca3af;padding:.1rem .5rem;overflow-wrap:anywhere}
.jx-note{color:#4b5563}
progress{width:10rem;max-width:100%;height:1rem;vertical-align:middle}
`;

/** A whole page; `main` is what the script swaps after each save. */
export function shell(title: string, main: string, base: string): string {
  return `<!doctype html>
<html lang="zh-CN" data-base="${esc(base)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · jixiao 核对</title><style>${STYLE}</style>
<script src="${esc(base + CLIENT_PATH)}" defer></script></head>
<body>${main}</body></html>`;
}
