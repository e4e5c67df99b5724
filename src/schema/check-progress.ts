/**
 * How far the check of a report has come: every number of the report as a figure to check (its
 * path and the name staff know it by), and which of them the `checked:` list covers
 * (src/schema/checked.ts says why the record is a list of paths). Used by validate's warning and
 * by the 核对 page's count, so both count the same figures.
 */
import { fieldDescription, fieldTitle } from './introspect.ts';

export interface Figure {
  /** Dotted path, e.g. score.indicators[0].children[1].score */
  path: string;
  /** The field as staff know it, e.g. 指标“产出指标 › 数量指标”的得分 */
  label: string;
  value: number;
  /** 万元 / 元 / 亿元 for an amount (budget.unit), % for a percentage; undefined for a count or a score. */
  unit?: string | undefined;
}

/**
 * Every number of the report in file order. `written` says whether a path is in the file (a
 * default such as score.max = 100 is not a figure of the document).
 */
export function figuresOf(data: unknown, written: (path: string) => boolean): Figure[] {
  const out: Figure[] = [];
  const walk = (v: unknown, path: (string | number)[], names: string[]) => {
    if (typeof v === 'number') {
      const dotted = dottedPath(path);
      if (written(dotted)) out.push({ path: dotted, label: labelOf(path, names), value: v, unit: unitOf(path, data) });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], [...names, nameOf(x) ?? `第 ${i + 1} 项`]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'checked') walk(x, [...path, k], names);
  };
  walk(data, [], []);
  return out;
}

/** The unit a figure is stated in, from the schema's own description of the field. */
function unitOf(path: readonly (string | number)[], data: unknown): string | undefined {
  const about = fieldDescription(path) ?? '';
  if (about.includes('单位见 budget.unit')) return (data as { budget?: { unit?: string } }).budget?.unit ?? '万元';
  return about.includes('百分数') ? '%' : undefined;
}

/** ['score','indicators',0,'max'] → score.indicators[0].max (as findings and spans write it). */
export const dottedPath = (path: readonly (string | number)[]) =>
  path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${seg}` : seg), '');

const nameOf = (x: unknown): string | undefined => {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const n = o.name ?? o.title;
  return typeof n === 'string' && n.trim() ? n.trim() : undefined;
};

function labelOf(path: readonly (string | number)[], names: string[]): string {
  const title = fieldTitle(path) ?? String(path[path.length - 1]);
  const what = path[0] === 'score' && path[1] === 'indicators' ? '指标' : path.length > 2 ? (fieldTitle(path.slice(0, 2)) ?? '') : '';
  return names.length ? `${what}“${names.join(' › ')}”的${title}` : title;
}

/** True when an entry of `checked` covers the figure at `path` (itself or a field above it). */
export const covers = (entry: string, path: string) => path === entry || path.startsWith(`${entry}.`) || path.startsWith(`${entry}[`);

/** Figures not covered by any entry, and entries that cover no figure (a typing slip, a moved field). */
export function checkProgress(figures: readonly Figure[], checked: readonly string[] | undefined) {
  const list = checked ?? [];
  const unchecked = figures.filter((f) => !list.some((e) => covers(e, f.path)));
  const strays = list.map((entry, index) => ({ entry, index })).filter(({ entry }) => !figures.some((f) => covers(entry, f.path)));
  return { total: figures.length, unchecked, strays };
}
