/**
 * What `jixiao dev` adds to the browser: a small script on every page that reloads when the
 * content changes and shows the findings of the file last saved, and the page shown instead of
 * the site while the content has errors. Dev only: the built site carries none of this.
 */
import { DEV_PAGE as T } from '../errors/dev-pages.ts';
import type { Finding } from '../findings.ts';

export const DEV_PATH = '__jixiao/';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function findingItem(f: Finding): string {
  const where = `${esc(f.file)}${f.line ? T.line({ line: f.line }) : ''}`;
  const after = f.acknowledged ? `<br>${T.acknowledged}${esc(f.acknowledged)}` : f.hint ? `<br><span class="jx-hint">${T.hint}${esc(f.hint)}</span>` : '';
  return `<li class="jx-${f.severity}"><strong>${where}</strong> · ${f.acknowledged ? T.acknowledgedLabel : T.severity[f.severity]}${f.field ? ` · <code>${esc(f.field)}</code>` : ''}<br>${esc(f.message)}${after} <small>[${esc(f.code)}]</small></li>`;
}

/** The live-reload and findings script, inlined into every page's head while `jixiao dev` runs. */
export function clientScript(base: string): string {
  return `(() => {
  const base = ${JSON.stringify(base)};
  const es = new EventSource(base + ${JSON.stringify(`${DEV_PATH}events/`)});
  es.onmessage = (e) => { if (e.data === 'reload') location.reload(); };
  const show = (html) => {
    if (!html || document.getElementById('jixiao-dev-errors')) return;
    const box = document.createElement('aside');
    box.id = 'jixiao-dev-findings';
    box.setAttribute('role', 'status');
    box.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;z-index:9999;max-height:40vh;overflow:auto;background:#fffbe6;color:#222;border-top:3px solid #b45309;padding:.5rem 1rem;font:15px/1.6 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.2)');
    box.innerHTML = html;
    box.querySelector('button')?.addEventListener('click', () => box.remove());
    document.body.append(box);
  };
  fetch(base + ${JSON.stringify(`${DEV_PATH}findings/`)}).then((r) => r.text()).then(show, () => {});
})();`;
}

/** The panel of the file last saved: its findings, and what a draft still lacks. */
export function findingsPanel(file: string | undefined, findings: Finding[], pending: Finding[]): string {
  if (!file || (!findings.length && !pending.length)) return '';
  const parts = [`<button type="button" style="float:right">${T.close}</button><strong>${T.panelTitle({ file: esc(file) })}</strong>`];
  if (findings.length) parts.push(`<ul>${findings.map(findingItem).join('')}</ul>`);
  if (pending.length) parts.push(`<p>${T.draftStill({ draftLine: '<code>draft: true</code>' })}</p><ul>${pending.map(findingItem).join('')}</ul>`);
  return parts.join('');
}

/** Shown instead of any page while the content has errors, so no stale page is mistaken for the new one. */
export function errorPage(errors: Finding[], base: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${T.errorsTitle({ count: errors.length })}</title>
<style>body{font:16px/1.7 system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{color:#b91c1c;font-size:1.5rem}li{margin:.75rem 0;padding:.5rem .75rem;border-left:4px solid #b91c1c;background:#fef2f2;list-style:none}
ul{padding:0}.jx-hint{color:#064e3b}code{background:#eee;padding:0 .2em}</style>
<script>${clientScript(base)}</script></head>
<body><main id="jixiao-dev-errors">
<h1>${T.errorsHeading({ count: errors.length })}</h1>
<p>${T.errorsHow({ build: '<code>npx jixiao build</code>' })}</p>
<ul>${errors.map(findingItem).join('')}</ul>
</main></body></html>`;
}

/** Shown for the moment between the address being printed and the first page being ready; reloads itself. */
export function startingPage(): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="1"><title>${T.startingTitle}</title>
<style>body{font:16px/1.7 system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}</style></head>
<body><main id="jixiao-dev-starting"><h1>${T.startingHeading}</h1><p>${T.startingHow}</p></main></body></html>`;
}
