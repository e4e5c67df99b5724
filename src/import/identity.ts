/**
 * The report's identity: title, kind, year, department and project. The title is looked for
 * in the first lines, also inside a long line (a whole 自评表 on one line) and in a file name
 * the page shows; of several, the one that names a unit wins. Then the cover's labelled cells
 * (部门 / 单位名称, then 实施单位, then 主管部门; 项目名称) fill what the title does not say.
 */
import { IMPORT_WHERE } from '../errors/import-draft.ts';
import type { Block } from './blocks.ts';
import type { CoverKey, Sourced } from './form-read.ts';
import { DEPARTMENT_FORM_LABEL, KIND_DEPARTMENT, KIND_PROJECT, NOT_A_PROJECT_NAME, SHARE_SITE, UNIT_SUFFIX } from './forms.ts';
import { isoDate, lastDate, type Metadata } from './metadata.ts';
import { fold } from './normalize.ts';
import type { Review } from './review.ts';
import { IMPORT_REVIEW } from '../errors/import-review.ts';

export interface Identity {
  title?: string | undefined;
  titleBlock?: Block | undefined;
  kind?: 'department' | 'project' | undefined;
  year?: number | undefined;
  department?: string | undefined;
  project?: string | undefined;
  /** Where each identity field was read, for the draft's source comments. */
  sources: Partial<Record<'title' | 'kind' | 'year' | 'department' | 'project', string>>;
}

const TITLE = /(?:自评报告|自评表|评价报告|绩效报告|自评情况|评价表)/;
const FILE_EXT = /\.(?:pdf|docx?|xlsx?|wps|html?)$/i;
const SUFFIX =
  /(?:部门\(单位\)|部门|单位|机关)?\s*(?:整体)?\s*(?:支出)?\s*(?:绩效)?\s*(?:单位|评价)?\s*(?:自评报告|自评表|评价报告|评价表|绩效报告|自评情况)[\s\S]*$/;

interface Candidate {
  title: string;
  block: Block;
  file: boolean;
  line: number;
}

/** An attachment's number starts its title ("…71.20附件二2023年度…自评表"): what a page break ran on before it is not the title. */
const fromAttachment = (t: string) => {
  const at = TITLE.exec(t)?.index ?? -1;
  return at < 0 ? t : t.slice(Math.max(0, t.lastIndexOf('附件', at)));
};

/** A title in a line: the whole line when short, else the words before and up to the title word. */
function titleIn(text: string): string | undefined {
  const t = fromAttachment(text)
    .replace(/^(?:报表编号|表号|编号)\s*[:：]\s*[\w-]+/, '')
    .replace(/^(?:附件\s*(?:[一二三四五六七八九十]+|\d{1,2}(?!\d))?\s*(?:[:：]\s*|(?=(?:19|20)\d{2}))|\d{1,2}\s*[、.]\s*)/, '')
    .replace(FILE_EXT, '')
    .trim();
  if (t.length <= 100 && TITLE.test(t) && !SHARE_SITE.test(t)) return t;
  return titleWalk(t);
}

/** The title word's phrase inside a long text: the words before it up to a break, and a (2022年度) after it. */
function titleWalk(t: string): string | undefined {
  const m = TITLE.exec(t);
  if (!m || SHARE_SITE.test(t.slice(0, m.index + 40))) return undefined;
  let start = m.index;
  const f = fold(t);
  while (start > 0 && m.index - start < 40 && !/[\s:;。,!?\]】]/.test(f[start - 1]!) && !/日$/.test(f.slice(0, start))) start--;
  // "2020 年市级…自评表": a year set off by a space still belongs to the title.
  const spaced = /(?:19|20)\d{2}\s$/.exec(f.slice(Math.max(0, start - 5), start));
  if (spaced && /^年/.test(f.slice(start))) start -= spaced[0].length;
  let end = m.index + m[0].length;
  const year = /^\s*\(\s*(?:19|20)\d{2}\s*年度?\s*\)/.exec(f.slice(end));
  if (year) end += year[0].length;
  return t.slice(start, end).trim() || undefined;
}

function candidates(blocks: readonly Block[], meta: Metadata): Candidate[] {
  const out: Candidate[] = [];
  for (const b of blocks.slice(0, 14)) {
    // A form's title may stand in a table's caption or in one of its first rows' cells (a page of
    // several forms run together into one table).
    const text =
      b.kind === 'table'
        ? (b.table.caption ??
          b.table.rows
            .slice(0, 12)
            .flat()
            .find((c) => TITLE.test(c) && c.length <= 60) ??
          '')
        : b.text;
    // A long paragraph (lines run together) may hold the form's title after another: each title word's.
    const ends = text.length > 100 ? [...text.slice(0, 2000).matchAll(new RegExp(TITLE.source, 'g'))].slice(0, 4).map((m) => m.index! + m[0].length) : [];
    const pieces = [text, ...ends.slice(0, -1).map((e) => text.slice(e))];
    for (const [k, piece] of pieces.entries()) {
      const title = k ? titleWalk(piece) : titleIn(piece);
      if (title)
        out.push({ title: title.replace(/^#+\s*/, ''), block: b, file: FILE_EXT.test(piece.trim()), line: b.kind === 'table' ? b.table.line : b.line });
    }
  }
  // No title near the top (a 决算公开 whose 自评表 is an attachment further down): the form's own title line.
  if (!out.length) {
    const form = blocks.find((b) => b.kind !== 'table' && TITLE.test(b.text) && fromAttachment(b.text).length <= 60);
    const title = form && form.kind !== 'table' && titleIn(form.text);
    if (form && form.kind !== 'table' && title) out.push({ title: title.replace(/^#+\s*/, ''), block: form, file: false, line: form.line });
  }
  // The same title twice (the page's heading and the document's), one with what ran on before it ("施甸县人民政府" of the site's header): the shorter.
  for (const c of out) {
    const own = out.find(
      (o) =>
        o !== c &&
        o.title.length < c.title.length &&
        c.title.endsWith(o.title) &&
        yearIn(o.title) !== undefined &&
        yearIn(c.title.slice(0, -o.title.length)) === undefined,
    );
    if (own) c.title = own.title;
  }
  if (meta.pageTitle && TITLE.test(meta.pageTitle))
    out.push({ title: meta.pageTitle.split(/\s*[_|]\s*|\s+-\s+/)[0]!.trim(), block: blocks[0]!, file: true, line: 0 });
  return out;
}

/**
 * The year a title states for the form: "2022年度…自评表" or "(2022年度)" before any other year, so a
 * project's own year ("2021年…项目2022年度绩效自评表") does not become the report's.
 */
const yearIn = (s: string) => {
  const f = fold(s);
  const m = /((?:19|20)\d{2})\s*年度/.exec(f) ?? /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/.exec(f);
  return m ? Number(m[1]) : undefined;
};

/** "…项目支出绩效自评报告 (2021年城乡临时救助备用金)": the project a title names in brackets after its title word. */
const bracketed = (title: string | undefined) => {
  const m = title && new RegExp(`(?:${TITLE.source})\\s*\\(([^()]{4,40})\\)$`).exec(fold(title).trim());
  return m ? m[1]!.trim() : undefined;
};

/** The same in a line of its own under the title: "(教育专项工作经费)"; not "(2022年度)", the title's year. */
function bracketLine(blocks: readonly Block[], title: Block | undefined): [string, string] | undefined {
  const next = title && blocks[blocks.indexOf(title) + 1];
  if (next?.kind !== 'para') return undefined;
  const m = /^\(([^()]{4,40})\)$/.exec(fold(next.text).trim());
  if (!m || /^\s*(?:19|20)\d{2}\s*年度?\s*$/.test(m[1]!)) return undefined;
  return [m[1]!.trim(), IMPORT_WHERE.line({ line: next.line })];
}

/** "2022年度株洲市荷塘区妇女联合会部门(单位)整体支出绩效自评报告" → its unit and what else it names. */
function nameParts(title: string): { dept?: string | undefined; rest?: string | undefined } {
  const t = fold(title)
    .replace(/^关于/, '')
    .replace(/[(\[]?\s*(?:19|20)\d{2}\s*年度?\s*[)\]]?/g, '|')
    .replace(SUFFIX, '');
  const parts = t
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  const dept = parts.find((p) => UNIT_SUFFIX.test(p));
  const others = parts.filter((p) => p !== dept && !/^(?:部门|单位|整体|项目|绩效|预算|年度|年)+$/.test(p));
  // "施甸县2019年度…项目": the place before the year is not the project's name; the part after it is.
  const rest = others.find((p) => !NOT_A_PROJECT_NAME.some(([re]) => re.test(p))) ?? others[0];
  const orig = (s: string | undefined) => {
    if (!s) return undefined;
    const i = fold(title).indexOf(s);
    return i < 0 ? s : title.slice(i, i + s.length).trim();
  };
  return { dept: orig(dept), rest: orig(rest) };
}

export function findIdentity(
  blocks: readonly Block[],
  meta: Metadata,
  labelled: (re: RegExp) => string | undefined,
  cover: Partial<Record<CoverKey, Sourced<string>>>,
  review: Review,
): Identity {
  const id: Identity = { sources: {} };
  const cands = candidates(blocks, meta);
  const chosen =
    cands.find((c) => nameParts(c.title).dept) ?? cands.find((c) => !c.file && yearIn(c.title) !== undefined) ?? cands.find((c) => !c.file) ?? cands[0];
  if (chosen) {
    id.title = chosen.title;
    id.titleBlock = chosen.block.kind === 'table' ? undefined : chosen.block;
    id.sources.title = chosen.line ? IMPORT_WHERE.line({ line: chosen.line }) : IMPORT_WHERE.pageTitle;
  }
  const t = fold(id.title ?? '');
  const parts = nameParts(id.title ?? '');

  const projectLabel = labelled(/^项目名称$/) ?? cover.project?.value;
  if (KIND_DEPARTMENT.test(t)) id.kind = 'department';
  else if (projectLabel || KIND_PROJECT.test(t)) id.kind = 'project';
  else if (blocks.some((b) => b.kind === 'table' && b.table.rows.some((r) => r.some((c) => DEPARTMENT_FORM_LABEL.test(fold(c).replace(/\s+/g, ''))))))
    id.kind = 'department';
  else if (parts.dept && !/项目|经费|资金/.test(t)) {
    id.kind = 'department';
    review.add(IMPORT_REVIEW.kindFromTitle({ title: id.title ?? '' }), 'kind');
  }
  if (id.kind) id.sources.kind = id.sources.title ?? IMPORT_WHERE.labelled({ label: '项目名称' });

  id.year = yearIn(t);
  if (id.year !== undefined) id.sources.year = id.sources.title;
  if (id.year === undefined) {
    // "(2022年度)" in its own paragraph under the title (a Word form's second title line).
    for (const b of blocks.slice(0, 8)) {
      if (b.kind === 'table') continue;
      const m = /^\(?\s*((?:19|20)\d{2})\s*年度?\s*\)?$/.exec(fold(b.text).trim());
      if (m) {
        id.year = Number(m[1]);
        id.sources.year = IMPORT_WHERE.line({ line: b.line });
        break;
      }
    }
  }
  if (id.year === undefined) {
    for (const b of blocks) {
      if (b.kind !== 'table') continue;
      const y = yearIn([b.table.caption ?? '', ...(b.table.rows[0] ?? [])].join(' '));
      if (y) {
        id.year = y;
        id.sources.year = IMPORT_WHERE.tableHead({ line: b.table.line });
        break;
      }
    }
  }
  if (id.year === undefined) {
    const y = labelled(/^(?:年度|报告年度|评价年度|所属年度)$/) ?? cover.year?.value;
    if (y && /^\s*\d{4}/.test(y)) id.year = Number(/\d{4}/.exec(y)![0]);
  }
  if (id.year === undefined) {
    // "2021年部门决算收支完成情况": the first year the body names for the report's own figures.
    for (const b of blocks.slice(0, 30)) {
      if (b.kind === 'table') continue;
      const m = /((?:19|20)\d{2})\s*年度?\s*(?:部门)?(?:决算|预算|收支|部门整体|整体支出|财政拨款|绩效)/.exec(fold(b.text));
      if (m) {
        id.year = Number(m[1]);
        id.sources.year = IMPORT_WHERE.line({ line: b.line });
        review.add(IMPORT_REVIEW.yearFromBody({ text: m[0], year: id.year }), 'year');
        break;
      }
    }
  }
  if (id.year === undefined) {
    // A filing or publishing date suggests the year but does not state it: never a figure of the draft.
    const filed = meta.disclosure.writtenDate ?? lastDate(blocks) ?? cover.filed?.value ?? meta.disclosure.publishedDate;
    const iso = filed && (isoDate(filed) ?? filed);
    if (iso && /^\d{4}/.test(iso)) review.add(IMPORT_REVIEW.yearFromDate({ date: iso, year: Number(iso.slice(0, 4)) - 1 }), 'year');
  }

  const labelledDept = labelled(/^(?:部门名称|单位名称|部门\(单位\)名称|预算部门|预算单位|预算部门[、(]单位\)?名称)$/);
  const pick = (...opts: [string | undefined, string][]) => opts.find(([v]) => v && v.trim() && !/^(?:万?元|亿元|[\d.,\s]+)$/.test(v.trim()));
  // A labelled cell counts only if it reads as a unit's name ("年度整体" in an interleaved form does not).
  const unit = (v: string | undefined) => (v && (UNIT_SUFFIX.test(fold(v).trim()) || /(?:机关|本级)$/.test(v.trim())) ? v : undefined);
  const dept = pick(
    [labelledDept, IMPORT_WHERE.labelled({ label: '单位名称' })],
    [parts.dept, id.sources.title ?? ''],
    [unit(cover.department?.value), cover.department?.where ?? ''],
    [unit(cover.implementer?.value), cover.implementer?.where ?? ''],
    [labelled(/^实施单位$/), IMPORT_WHERE.labelled({ label: '实施单位' })],
    [unit(cover.supervisor?.value), cover.supervisor?.where ?? ''],
    [labelled(/^主管部门$/), IMPORT_WHERE.labelled({ label: '主管部门' })],
  );
  if (dept) {
    id.department = dept[0]!.trim();
    id.sources.department = dept[1];
  }
  if (id.kind === 'project') {
    const proj = pick(
      [labelled(/^项目名称$/), IMPORT_WHERE.labelled({ label: '项目名称' })],
      [cover.project?.value, cover.project?.where ?? ''],
      [bracketed(id.title), id.sources.title ?? ''],
      [bracketLine(blocks, id.titleBlock)?.[0], bracketLine(blocks, id.titleBlock)?.[1] ?? ''],
      [parts.rest, id.sources.title ?? ''],
    );
    if (proj) {
      id.project = proj[0]!.replace(/^\d{3,}[A-Z0-9]*\s*[-－—]\s*/, '').trim();
      id.sources.project = proj[1];
    }
  }
  if (!id.department && meta.disclosure.publisher) {
    id.department = meta.disclosure.publisher;
    id.sources.department = IMPORT_WHERE.publisher;
    review.add(IMPORT_REVIEW.departmentFromPublisher, 'department.name');
  }
  return id;
}
