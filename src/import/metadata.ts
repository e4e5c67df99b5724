/**
 * 信息公开 metadata (索引号, 发布机构, 发布日期, 文号, 主题分类 …) from the CMS block or the
 * document's property table, and the report's identity: title, kind, year, department and
 * project. Metadata lines are taken out of the text so they do not end up in the narrative.
 */
import type { Block } from './blocks.ts';
import { fold } from './normalize.ts';
import type { Review } from './review.ts';
import { splitRow } from './tables.ts';

export interface Disclosure {
  indexNumber?: string; publisher?: string; publishedDate?: string; writtenDate?: string;
  documentNumber?: string; topic?: string; genre?: string; openness?: string; sourceUrl?: string;
}

const LABELS: [RegExp, keyof Disclosure | 'title'][] = [
  [/^索引号$/, 'indexNumber'],
  [/^(?:发布机构|发文机关|发布单位|信息来源|来源|公开主体)$/, 'publisher'],
  [/^(?:发布日期|发布时间|公开日期|生成日期|公开时间)$/, 'publishedDate'],
  [/^成文日期$/, 'writtenDate'],
  [/^(?:文号|发文字号)$/, 'documentNumber'],
  [/^(?:主题分类|分类)$/, 'topic'],
  [/^体裁分类$/, 'genre'],
  [/^(?:公开方式|公开形式)$/, 'openness'],
  [/^(?:原文网址|原文链接|网址)$/, 'sourceUrl'],
  [/^(?:标题|名称)$/, 'title'],
];
const LABEL_WORDS = '索引号|发布机构|发文机关|发布单位|信息来源|来源|公开主体|发布日期|发布时间|公开日期|生成日期|公开时间|成文日期|文号|发文字号|主题分类|体裁分类|分类|公开方式|公开形式|原文网址|原文链接|网址|标题|名称|有效性|时效性|主题词|关键词';
const INLINE = new RegExp(`(${LABEL_WORDS})\\s*[:：]\\s*`, 'g');
const LEADING = new RegExp(`^\\s*(?:${LABEL_WORDS})\\s*[:：]`);

const keyOf = (label: string) => LABELS.find(([re]) => re.test(fold(label).replace(/[\s:：]/g, '')))?.[1];

export interface Metadata { disclosure: Disclosure; pageTitle?: string | undefined; lines: string[] }

/** Takes metadata lines and rows out of `lines`; returns what they say. */
export function takeMetadata(lines: readonly string[], review: Review): Metadata {
  const disclosure: Disclosure = {};
  let pageTitle: string | undefined;
  const rest: string[] = [];
  const set = (key: keyof Disclosure | 'title', value: string) => {
    const v = value.trim().replace(/[;；,，]$/, '');
    if (!v || /^[-—/无]$/.test(v)) return;
    if (key === 'title') { pageTitle ??= v; return; }
    if (key === 'publishedDate' || key === 'writtenDate') {
      const iso = isoDate(v);
      if (iso) disclosure[key] ??= iso; else review.add(`${key === 'publishedDate' ? '发布日期' : '成文日期'}“${v}”不是可识别的日期，未填入。`, `disclosure.${key}`);
      return;
    }
    if (key === 'sourceUrl') { if (/^https?:\/\/\S+$/.test(v)) disclosure.sourceUrl ??= v; return; }
    disclosure[key] ??= v;
  };
  for (const line of lines) {
    const cells = splitRow(line);
    if (cells && cells.some((c) => keyOf(c))) {
      const pairs = cells.filter(Boolean);
      if (pairs.length >= 2 && keyOf(pairs[0]!) && pairs.every((c, i) => i % 2 === 1 || keyOf(c) || /^(?:有效性|时效性|主题词|关键词)[:：]?$/.test(c))) {
        for (let i = 0; i + 1 < pairs.length; i += 2) { const k = keyOf(pairs[i]!); if (k) set(k, pairs[i + 1]!); }
        continue;
      }
    }
    const f = fold(line);
    if (!cells && LEADING.test(f) && f.length <= 240) {
      const hits = [...f.matchAll(INLINE)];
      hits.forEach((m, i) => {
        const k = keyOf(m[1]!);
        const end = hits[i + 1]?.index ?? line.length;
        if (k) set(k, line.slice(m.index! + m[0].length, end));
      });
      continue;
    }
    rest.push(line);
  }
  return { disclosure, pageTitle, lines: rest };
}

export function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(fold(text));
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

export interface Identity {
  title?: string | undefined;
  titleBlock?: Block | undefined;
  kind?: 'department' | 'project' | undefined;
  year?: number | undefined;
  department?: string | undefined;
  project?: string | undefined;
}

const TITLE = /(?:自评报告|自评表|评价报告|绩效报告|自评情况|评价表)/;

/** Title, kind, year, department and project, from the title first, then labelled cells. */
export function findIdentity(blocks: readonly Block[], meta: Metadata, labelled: (re: RegExp) => string | undefined, review: Review): Identity {
  const id: Identity = {};
  const head = blocks.slice(0, 12).find((b) => b.kind !== 'table' && TITLE.test(b.text) && b.text.length <= 100);
  if (head && head.kind !== 'table') { id.title = head.text.replace(/^#+\s*/, '').trim(); id.titleBlock = head; }
  else if (meta.pageTitle && TITLE.test(meta.pageTitle)) id.title = meta.pageTitle.split(/\s*[_|]\s*|\s+-\s+/)[0]!.trim();
  else {
    const caption = blocks.find((b) => b.kind === 'table' && (b.table.caption && TITLE.test(b.table.caption)));
    if (caption?.kind === 'table') id.title = caption.table.caption;
  }
  const t = fold(id.title ?? '');

  if (/部门整体|整体支出|整体绩效|部门绩效/.test(t)) id.kind = 'department';
  else if (/项目/.test(t) || labelled(/^项目名称$/)) id.kind = 'project';

  const yearIn = (s: string) => { const m = /((?:19|20)\d{2})\s*年/.exec(fold(s)); return m ? Number(m[1]) : undefined; };
  id.year = yearIn(t);
  if (id.year === undefined) {
    for (const b of blocks) {
      if (b.kind !== 'table') continue;
      const y = yearIn([b.table.caption ?? '', ...(b.table.rows[0] ?? [])].join(' ')) ;
      if (y) { id.year = y; break; }
    }
  }
  if (id.year === undefined) { const y = labelled(/^(?:年度|报告年度|评价年度|所属年度)$/); if (y && /^\s*\d{4}/.test(y)) id.year = Number(/\d{4}/.exec(y)![0]); }
  if (id.year === undefined) {
    const filed = meta.disclosure.writtenDate ?? lastDate(blocks) ?? meta.disclosure.publishedDate;
    if (filed) {
      id.year = Number(filed.slice(0, 4)) - 1;
      review.add(`标题和表头都没有写年度；按落款/发布日期 ${filed} 推定为 ${id.year} 年度，请核对。`, 'year');
    }
  }

  const titleName = t.replace(/^关于/, '').replace(/[(\[]?\s*(?:19|20)\d{2}\s*年度?\s*[)\]]?/g, '|').replace(/(?:部门整体支出|整体支出|部门整体|支出|部门)?(?:绩效)?(?:自评报告|自评表|评价报告|评价表|绩效报告|自评情况).*$/, '');
  const parts = titleName.split('|').map((s) => s.trim()).filter(Boolean);
  const unit = /(?:局|委员会|委|办公室|办|厅|院|中心|政府|办事处|街道|镇|乡|所|站|队|馆|部|会|处|学校|医院|公司|协会)$/;
  const labelledDept = labelled(/^(?:部门名称|单位名称|部门\(单位\)名称|预算部门|主管部门|预算单位)$/);
  if (id.kind === 'project') {
    const proj = labelled(/^项目名称$/);
    const dept = parts.find((p) => unit.test(p));
    id.department = labelledDept ?? (dept ? recover(id.title!, dept) : undefined) ?? labelled(/^实施单位$/);
    const fromTitle = parts.find((p) => p !== dept);
    id.project = proj ?? (fromTitle ? recover(id.title!, fromTitle) : undefined);
  } else {
    const dept = parts.find((p) => unit.test(p)) ?? parts[0];
    id.department = (dept ? recover(id.title ?? '', dept) : undefined) ?? labelledDept;
  }
  if (!id.department && meta.disclosure.publisher) {
    id.department = meta.disclosure.publisher;
    review.add('部门名称取自“发布机构”，请核对。', 'department.name');
  }
  return id;
}

/** The original characters of a folded substring of `s`. */
function recover(s: string, folded: string): string | undefined {
  if (!folded) return undefined;
  const i = fold(s).indexOf(folded);
  return i < 0 ? folded : s.slice(i, i + folded.length).trim();
}

/** The last date written alone on a line (a signature's filing date). */
function lastDate(blocks: readonly Block[]): string | undefined {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 4); i--) {
    const b = blocks[i]!;
    if (b.kind === 'table') continue;
    const m = /((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$/.exec(fold(b.text));
    if (m) return isoDate(m[1]!);
  }
  return undefined;
}
