/**
 * The 核对 list: every draft of the content folder with its progress (N of M figures checked),
 * so a district imported in one go is checked file by file; reports already published, and files
 * with errors, follow it.
 */
import { CHECK_PAGE as T } from '../errors/check-page.ts';
import type { ListEntry } from './check-model.ts';
import { CHECK_PATH, esc, shell } from './check-shell.ts';

function item(e: ListEntry, base: string): string {
  const href = `${base}${CHECK_PATH}?file=${encodeURIComponent(e.file)}`;
  const done = e.total - e.unchecked;
  const progress = `<progress max="${e.total}" value="${done}" aria-hidden="true"></progress> ${T.listProgress({ done, total: e.total })}`;
  const extra = [e.errors ? `${e.errors} 个错误` : '', e.warnings ? `${e.warnings} 个核验提示` : ''].filter(Boolean).join('，');
  return `<li data-file="${esc(e.file)}" data-unchecked="${e.unchecked}"><a href="${esc(href)}">${esc(e.title)}</a><br><code>${esc(e.file)}</code><br>${e.errors && !e.total ? T.listBroken : progress}${extra ? `；${extra}` : ''}</li>`;
}

export function listPage(entries: readonly ListEntry[], base: string): string {
  const drafts = entries.filter((e) => e.draft || (e.errors && !e.total));
  const others = entries.filter((e) => !drafts.includes(e));
  const open = drafts.reduce((s, e) => s + e.unchecked, 0);
  const main = `<main id="jx-check"><h1>核对草稿</h1>
<p>${T.listIntro}</p>
<p id="jx-count" class="jx-count${open ? '' : ' is-done'}" role="status" data-unchecked="${open}">${T.listCount({ drafts: drafts.length, unchecked: open })}</p>
${drafts.length ? `<ul class="jx-list" id="jx-drafts">${drafts.map((e) => item(e, base)).join('')}</ul>` : `<p>${T.noDrafts}</p>`}
${others.length ? `<details><summary>${T.listOthers({ count: others.length })}</summary><ul class="jx-list">${others.map((e) => item(e, base)).join('')}</ul></details>` : ''}
</main>`;
  return shell('核对草稿', main, base);
}
