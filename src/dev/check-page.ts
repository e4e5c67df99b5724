/**
 * The 核对 page of one data file: the text read from the original on one side, a mark on every
 * figure where it was read, each mark a link to its field and each field's number a link back
 * (plain anchors: they work without the script, by keyboard and with a screen reader); on the
 * other side the count, the fields the import left empty with its reason and passage, and every
 * figure with its path for the `checked:` list and the audit's findings beside it.
 */
import { FINDING_LINE } from '../errors/catalogue.ts';
import { CHECK_PAGE as T } from '../errors/check-page.ts';
import type { Finding } from '../findings.ts';
import type { CheckView, FigureView } from './check-model.ts';
import { CHECK_PATH, esc, shell } from './check-shell.ts';

function findingList(fs: readonly Finding[]): string {
  if (!fs.length) return '';
  return `<ul class="jx-findings">${fs
    .map(
      (f) =>
        `<li class="jx-${f.severity}">${FINDING_LINE.severity[f.severity]}：${esc(f.message)}${f.hint ? ` <span class="jx-note">${esc(f.hint)}</span>` : ''} <code>${esc(f.code)}</code></li>`,
    )
    .join('')}</ul>`;
}

/** The original's lines, each figure's range a link to its field; figures sharing a range share its mark. */
function originalText(v: CheckView): string {
  const byLine = new Map<number, { start: number; end: number; figs: { f: FigureView; i: number }[] }[]>();
  v.figures.forEach((f, i) => {
    if (!f.span) return;
    const marks = byLine.get(f.span.line) ?? [];
    const same = marks.find((m) => m.start === f.span!.start && m.end === f.span!.end);
    if (same) same.figs.push({ f, i });
    else if (!marks.some((m) => m.start < f.span!.end && f.span!.start < m.end)) marks.push({ start: f.span.start, end: f.span.end, figs: [{ f, i }] });
    byLine.set(f.span.line, marks);
  });
  return (v.lines ?? [])
    .map((text, n) => {
      let html = '';
      let at = 0;
      for (const m of (byLine.get(n + 1) ?? []).sort((a, b) => a.start - b.start)) {
        const first = m.figs[0]!;
        const checked = m.figs.every(({ f }) => f.checked);
        const label = m.figs.map(({ f }) => `${f.label}，${f.checked ? '已核对' : '未核对'}`).join('；');
        const cls = `jx-mark${checked ? ' is-checked' : ''}${m.figs.some(({ f }) => f.findings.length) ? ' has-finding' : ''}`;
        html += `${esc(text.slice(at, m.start))}<a class="${cls}" id="o-${first.i}" href="#f-${first.i}" data-path="${esc(m.figs.map(({ f }) => f.path).join(' '))}" aria-label="${esc(`${text.slice(m.start, m.end)}（${label}）`)}">${esc(text.slice(m.start, m.end))}</a>`;
        at = m.end;
      }
      return `<p id="l-${n + 1}"><span class="jx-ln" aria-hidden="true">${n + 1}</span>${html}${esc(text.slice(at))}</p>`;
    })
    .join('\n');
}

function markOf(v: CheckView, f: FigureView): number | undefined {
  const i = v.figures.findIndex((g) => g.span && f.span && g.span.line === f.span.line && g.span.start === f.span.start && g.span.end === f.span.end);
  return i >= 0 ? i : undefined;
}

function figureItem(v: CheckView, f: FigureView, i: number): string {
  const mark = markOf(v, f);
  const value = `${esc(f.written)}${f.unit ? ` ${esc(f.unit)}` : ''}`;
  const shown =
    mark === undefined
      ? `<span class="jx-val" id="f-${i}">${value}</span> <span class="jx-note">（${T.notFound}）</span>`
      : `<a class="jx-val" id="f-${i}" href="#o-${mark}" aria-label="${esc(`${value}，原文第 ${f.span!.line} 行`)}">${value}</a>`;
  const state = f.checked ? '<span class="jx-state is-checked">✓ 已核对</span>' : '<span class="jx-state is-open">未核对</span>';
  return `<li data-path="${esc(f.path)}" data-checked="${f.checked}"><span class="jx-label">${esc(f.label)}</span>：${shown}${state}<br><code>${esc(f.path)}</code>${findingList(f.findings)}</li>`;
}

function emptiesList(v: CheckView): string {
  if (!v.empties.length) return `<p class="jx-note">${T.noEmpties}</p>`;
  return `<ul class="jx-empties">${v.empties
    .map(
      (e) =>
        `<li data-field="${esc(e.field ?? '')}"><code>${esc(e.field ?? '')}</code>：${esc(e.message)}${
          e.line ? `<br><a href="#l-${e.line}">原文第 ${e.line} 行</a>${e.passage ? `<span class="jx-passage">${esc(e.passage)}</span>` : ''}` : ''
        }</li>`,
    )
    .join('')}</ul>`;
}

export function checkPage(v: CheckView, base: string, errors: readonly Finding[]): string {
  const title = v.report?.title ?? v.file;
  const nav = `<nav class="jx-nav" aria-label="核对"><a href="${esc(base + CHECK_PATH)}">← 全部草稿</a></nav>`;
  if (!v.report) {
    const body = errors.length ? `<p>${T.hasErrors({ count: errors.length })}</p>${findingList(errors)}` : `<p>${T.unknownFile}</p>`;
    return shell(title, `<main id="jx-check">${nav}<h1>核对：${esc(v.file)}</h1>${body}</main>`, base);
  }
  const total = v.figures.length;
  const done = v.unchecked === 0;
  const original = v.lines ? `<div class="jx-text">${originalText(v)}</div>` : `<p>${v.originals.length ? T.noText : T.noOriginal}</p>`;
  const pdf = v.originals.some((n) => /\.pdf$/i.test(n)) ? `<p class="jx-note">${T.pdfPages}</p>` : '';
  const main = `<main id="jx-check">${nav}
<h1>核对：${esc(title)}</h1>
<p>数据文件 <code>${esc(v.file)}</code>${v.originals.length ? `，原件 <code>${esc(v.originals.join('、'))}</code>` : ''}</p>
<p id="jx-count" class="jx-count${done ? ' is-done' : ''}" role="status" data-total="${total}" data-unchecked="${v.unchecked}">${T.count({ total, unchecked: v.unchecked })}</p>
<p>${v.report.draft ? T.lastAct({ unchecked: v.unchecked }) : T.published} ${T.how}</p>
<div class="jx-sides">
<section class="jx-pane" id="jx-original" aria-labelledby="h-original" tabindex="0" data-keep-scroll="original"><h2 id="h-original">原文（读取的文字）</h2><p class="jx-note">${T.howMarks}</p>${pdf}${original}</section>
<section class="jx-pane" id="jx-fields" aria-labelledby="h-fields" tabindex="0" data-keep-scroll="fields"><h2 id="h-fields">草稿</h2>
<h3 id="h-empties">导入时未填入的字段（${v.empties.length}）</h3>${emptiesList(v)}
${v.general.length ? `<h3>其他核验提示（${v.general.length}）</h3>${findingList(v.general)}` : ''}
<h3 id="h-figures">数字（${total}）</h3><ol class="jx-figs">${v.figures.map((f, i) => figureItem(v, f, i)).join('')}</ol>
</section></div></main>`;
  return shell(title, main, base);
}
