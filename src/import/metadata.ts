/**
 * 信息公开 metadata (索引号, 发布机构, 发布日期, 文号, 主题分类 …) from the CMS block or the
 * document's property table, and the report's identity: title, kind, year, department and
 * project. Metadata lines are taken out of the text so they do not end up in the narrative.
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import type { Block } from './blocks.ts';
import { fold } from './normalize.ts';
import type { Review } from './review.ts';
import { splitRow } from './tables.ts';

export interface Disclosure {
  indexNumber?: string;
  publisher?: string;
  publishedDate?: string;
  writtenDate?: string;
  documentNumber?: string;
  topic?: string;
  genre?: string;
  openness?: string;
  sourceUrl?: string;
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
const LABEL_WORDS =
  '索引号|发布机构|发文机关|发布单位|信息来源|来源|公开主体|发布日期|发布时间|公开日期|生成日期|公开时间|成文日期|文号|发文字号|主题分类|体裁分类|分类|公开方式|公开形式|原文网址|原文链接|网址|标题|名称|有效性|时效性|主题词|关键词';
const INLINE = new RegExp(`(${LABEL_WORDS})\\s*[:：]\\s*`, 'g');
const LEADING = new RegExp(`^\\s*(?:${LABEL_WORDS})\\s*[:：]`);

const keyOf = (label: string) => LABELS.find(([re]) => re.test(fold(label).replace(/[\s:：]/g, '')))?.[1];

export interface Metadata {
  disclosure: Disclosure;
  pageTitle?: string | undefined;
  lines: string[];
  /** Index in the input of each kept line. */ kept: number[];
}

/** Takes metadata lines and rows out of `lines`; returns what they say. */
export function takeMetadata(lines: readonly string[], review: Review): Metadata {
  const disclosure: Disclosure = {};
  let pageTitle: string | undefined;
  const rest: string[] = [];
  const kept: number[] = [];
  const set = (key: keyof Disclosure | 'title', value: string) => {
    const v = value.trim().replace(/[;；,，]$/, '');
    if (!v || /^[-—/无]$/.test(v)) return;
    if (key === 'title') {
      pageTitle ??= v;
      return;
    }
    if (key === 'publishedDate' || key === 'writtenDate') {
      const iso = isoDate(v);
      if (iso) disclosure[key] ??= iso;
      else review.add(IMPORT_REVIEW.dateUnread({ key, text: v }), `disclosure.${key}`);
      return;
    }
    if (key === 'sourceUrl') {
      if (/^https?:\/\/\S+$/.test(v)) disclosure.sourceUrl ??= v;
      return;
    }
    disclosure[key] ??= v;
  };
  for (const [li, line] of lines.entries()) {
    const cells = splitRow(line);
    if (cells && cells.some((c) => keyOf(c))) {
      const pairs = cells.filter(Boolean);
      if (pairs.length >= 2 && keyOf(pairs[0]!) && pairs.every((c, i) => i % 2 === 1 || keyOf(c) || /^(?:有效性|时效性|主题词|关键词)[:：]?$/.test(c))) {
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          const k = keyOf(pairs[i]!);
          if (k) set(k, pairs[i + 1]!);
        }
        continue;
      }
    }
    const f = fold(line);
    if (!cells && spacedPairs(f, set)) continue;
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
    kept.push(li);
  }
  return { disclosure, pageTitle, lines: rest, kept };
}

/** Labels a 信息公开 block has that say nothing of the report (the catalogue's heading, a view count): dropped with it. */
const FURNITURE = /^(?:公开目录|浏览量|访问量|浏览次数|主题词|关键词|有效性|时效性)$/;
const isLabel = (t: string) => keyOf(t) !== undefined || FURNITURE.test(t);

/**
 * "索引号 01525911-1-/2022-0527007 发布机构 施甸县林业和草原局", "文号 浏览量 40", "主题词 林业": a
 * 信息公开 block's line of labels and their values set off by spaces, no colons. Taken when it
 * starts with a label and holds two (or is one furniture label and its value); a label before
 * another has no value.
 */
function spacedPairs(f: string, set: (key: keyof Disclosure | 'title', value: string) => void): boolean {
  const tokens = f.trim().split(/\s+/);
  if (f.length > 120 || tokens.length < 2 || !isLabel(tokens[0]!) || /[。，,;；]/.test(f)) return false;
  const labels = tokens.filter(isLabel).length;
  if (labels < 2 && !(tokens.length === 2 && FURNITURE.test(tokens[0]!))) return false;
  for (let i = 0; i < tokens.length;) {
    let j = i + 1;
    while (j < tokens.length && !isLabel(tokens[j]!)) j++;
    const k = keyOf(tokens[i]!);
    if (k && k !== 'title' && j > i + 1) set(k, tokens.slice(i + 1, j).join(' '));
    i = j;
  }
  return true;
}

export function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(fold(text));
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/** The last date written alone on a line (a signature's filing date). */
export function lastDate(blocks: readonly Block[]): string | undefined {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 4); i--) {
    const b = blocks[i]!;
    if (b.kind === 'table') continue;
    const m = /((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$/.exec(fold(b.text));
    if (m) return isoDate(m[1]!);
  }
  return undefined;
}
