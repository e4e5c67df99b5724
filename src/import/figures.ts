/**
 * Money: 年初预算, 全年预算, 实际支出, the stated 执行率, 基本支出, 项目支出 and the funding
 * sources, from tables (label–value rows and column tables) and from prose. An amount counts
 * only with a money unit next to it, in its column header, or in the table's caption, so that
 * dates, areas, codes and counts are never taken for money. Every value is as stated; when two
 * places disagree, the first is kept and the other goes on the review list.
 */
import { FIELD_NAME, IMPORT_PROJECTS } from '../errors/import-projects.ts';
import type { Block } from './blocks.ts';
import { fold } from './normalize.ts';
import { cellNumber, isBlankCell, NUM, toStated, type Stated } from './numbers.ts';
import type { Review } from './review.ts';
import { columnRole, isTotalLabel } from './tables.ts';
import { PROSE_INCOME, PROSE_INCOME_PARTS, PROSE_MONEY, SOURCE_NAME, TABLE_MONEY_LABELS, TABLE_RATE_LABEL } from './forms.ts';

export type Unit = '元' | '万元' | '亿元';
export type MoneyField = 'initial' | 'planned' | 'spent' | 'basic' | 'project';
export interface Money {
  value: Stated;
  unit?: Unit | undefined;
  where: string;
  line: number;
  fromTable: boolean;
  /** Character offset of the amount's phrase in its paragraph, where known (for the 核对 page). */
  offset?: number | undefined;
}
export interface Source {
  name: string;
  initial?: Money;
  planned?: Money;
  spent?: Money;
}

export interface BudgetFound {
  money: Partial<Record<MoneyField, Money>>;
  /**
   * `ownRow`: the rate stands in a 合计 row whose 全年预算 and 执行数 are 0 (0 ÷ 0, as written), while
   * planned and spent were taken from its one funded source row (merge.ts): it agrees with its own row.
   */
  rate?: { value: Stated; where: string; ownRow?: boolean } | undefined;
  sources: Source[];
  /** 预算执行 as an indicator, when a project form's budget table gives its max and score. */
  execution?: { max?: Stated | undefined; score?: Stated | undefined; rate?: Stated | undefined } | undefined;
  /** The department form's 按支出性质分: the sum its 基本支出 and 项目支出 are stated with. */
  bySpending?: Money | undefined;
}

const LABELS = TABLE_MONEY_LABELS;
const RATE = TABLE_RATE_LABEL;
const SOURCE = SOURCE_NAME;

const unitIn = (s: string): Unit | undefined => {
  const m = /(万元|亿元|元)/.exec(fold(s));
  return m ? (m[1] as Unit) : undefined;
};

export function findBudget(blocks: readonly Block[], kind: string | undefined, review: Review): BudgetFound {
  const cands = new Map<MoneyField, Money[]>();
  const rates: { value: Stated; where: string }[] = [];
  const sources: Source[] = [];
  let execution: BudgetFound['execution'];
  const add = (f: MoneyField, m: Money) => {
    if (kind === 'project' && (f === 'basic' || f === 'project')) return;
    (cands.get(f) ?? cands.set(f, []).get(f)!).push(m);
  };

  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const t = b.table;
    const tableUnit = unitIn(t.caption ?? '');
    let header: ReturnType<typeof columnRole>[] | undefined;
    let headerUnit: Unit | undefined;
    for (const row of t.rows) {
      const roles = row.map(columnRole);
      const numeric = row.some((c) => cellNumber(c) !== undefined);
      if (!numeric && roles.filter((r) => r === 'initial' || r === 'planned' || r === 'spent').length >= 2) {
        header = roles;
        headerUnit = unitIn(row.join(' '));
        continue;
      }
      if (!numeric && roles.filter(Boolean).length >= 3) {
        header = undefined;
        continue;
      }
      const label = fold(row.find((c) => c.trim()) ?? '').replace(/\s+/g, '');
      if (header) {
        const unit = headerUnit ?? tableUnit;
        const cell = (role: string) => {
          const i = header!.indexOf(role as never);
          return i >= 0 ? cellNumber(row[i] ?? '') : undefined;
        };
        const money = (role: MoneyField): Money | undefined => {
          const n = cell(role);
          return n
            ? { value: n, unit: (n.unit as Unit | undefined) ?? unit, where: `第 ${t.line} 行起的表格“${label}”行`, line: t.line, fromTable: true }
            : undefined;
        };
        if (/^(?:年度资金总额|资金总额|合计|总计|项目资金|预算资金|部门预算)/.test(label) || isTotalLabel(label)) {
          for (const f of ['initial', 'planned', 'spent'] as const) {
            const m = money(f);
            if (m) add(f, m);
          }
          const rate = cell('rate');
          if (rate) rates.push({ value: rate, where: `表格（第 ${t.line} 行起）“${label}”行` });
          const max = cell('max');
          const score = cell('score');
          if (max || score) execution = { max, score, rate };
        } else if (/^基本支出/.test(label) || /^项目支出/.test(label)) {
          const m = money('spent') ?? money('planned');
          if (m) add(/^基本/.test(label) ? 'basic' : 'project', m);
        } else {
          const s = SOURCE.exec(label);
          if (s) {
            const src: Source = {
              name: row
                .find((c) => c.trim())!
                .trim()
                .replace(/^其中\s*[:：]\s*/, ''),
            };
            for (const f of ['initial', 'planned', 'spent'] as const) {
              const m = money(f);
              if (m) src[f] = m;
            }
            if (src.initial || src.planned || src.spent) sources.push(src);
          }
        }
        continue;
      }
      // Label–value rows: | 全年预算数（万元） | 350.00 | 实际支出 | 340 |
      for (let i = 0; i + 1 < row.length; i++) {
        const k = fold(row[i]!).replace(/\s+/g, '');
        const v = row[i + 1]!;
        if (isBlankCell(v)) continue;
        if (RATE.test(k) && /%/.test(fold(v))) {
          const n = cellNumber(v);
          if (n) rates.push({ value: n, where: `表格（第 ${t.line} 行起）“${row[i]}”` });
          continue;
        }
        for (const [f, re] of LABELS) {
          if (!new RegExp(`^${re}(?:\\((?:万元|元|亿元)\\))?$`).test(k)) continue;
          const n = cellNumber(v);
          if (n && n.unit !== '%' && n.unit !== '分')
            add(f, {
              value: n,
              unit: (n.unit as Unit | undefined) ?? unitIn(k) ?? tableUnit,
              where: `第 ${t.line} 行起的表格“${row[i]}”`,
              line: t.line,
              fromTable: true,
            });
        }
      }
    }
  }

  const proseSources: { sentence: string; items: Source[] }[] = [];
  for (const b of blocks) {
    if (b.kind !== 'para') continue;
    const f = fold(b.text);
    for (const [f2, re] of PROSE_MONEY) {
      for (const m of f.matchAll(new RegExp(`(${re})[^\\d。;,、%()]{0,6}?\\s*(${NUM})\\s*(亿元|万元|元)`, 'g'))) {
        const n = toStated(m[2]!);
        // An income budget (预算收入) is the spending budget only where its parts confirm it.
        if (n && PROSE_INCOME.test(m[1]!) && !partsConfirm(f.slice(m.index! + m[0].length, m.index! + m[0].length + 60), n.value)) {
          review.add(IMPORT_PROJECTS.incomeUnconfirmed({ excerpt: excerpt(b.text, m.index!) }), 'budget.planned', b.line);
          continue;
        }
        if (n) add(f2, { value: n, unit: m[3] as Unit, where: `第 ${b.line} 行起的段落${excerpt(b.text, m.index!)}`, line: b.line, fromTable: false });
      }
    }
    for (const m of f.matchAll(new RegExp(`(?:预算执行率|预算完成率|资金执行率)(?:为|达到?|是|:)?\\s*(${NUM})\\s*%`, 'g'))) {
      const n = toStated(m[1]!);
      if (n) rates.push({ value: n, where: `第 ${b.line} 行起的段落${excerpt(b.text, m.index!)}` });
    }
    for (const sentence of f.split(/[。;]/)) {
      const items: Source[] = [];
      for (const m of sentence.matchAll(new RegExp(`${SOURCE.source}(?:财政拨款)?(收入|支出|拨款|资金)?\\s*(?:为|:)?\\s*(${NUM})\\s*(亿元|万元|元)`, 'g'))) {
        if (m[2] === '收入') continue;
        const n = toStated(m[3]!);
        if (n) items.push({ name: m[1]!, spent: { value: n, unit: m[4] as Unit, where: sentence.slice(0, 40), line: b.line, fromTable: false } });
      }
      if (items.length >= 2) proseSources.push({ sentence, items });
    }
  }

  const money: BudgetFound['money'] = {};
  for (const [f, list] of cands) {
    const sorted = [...list.filter((m) => m.fromTable), ...list.filter((m) => !m.fromTable)];
    const first = sorted[0]!;
    money[f] = first;
    const other = sorted.find((m) => inYuan(m) !== inYuan(first));
    if (other)
      review.add(
        IMPORT_PROJECTS.writtenTwice({
          what: FIELD_NAME[f],
          taken: `${first.value.value}${first.unit ?? ''}（${first.where}）`,
          other: `${other.value.value}${other.unit ?? ''}（${other.where}）`,
        }),
        `budget.${f}`,
        first.line,
      );
  }
  if (!sources.length && proseSources.length) {
    const spent = money.spent;
    const fits = proseSources.filter((p) => spent && Math.abs(p.items.reduce((s, i) => s + inYuan(i.spent!), 0) - inYuan(spent)) < 0.01);
    if (fits.length >= 1) sources.push(...fits[0]!.items);
    else review.add(IMPORT_PROJECTS.sourcesAmbiguous, 'budget.sources');
  }
  const rate = rates[0];
  if (rate && rates.some((r) => r.value.value !== rate.value.value))
    review.add(
      IMPORT_PROJECTS.writtenTwice({
        what: FIELD_NAME.executionRate,
        taken: `${rate.value.value}%（${rate.where}）`,
        other: `${rates.find((r) => r.value.value !== rate.value.value)!.value.value}%`,
      }),
      'budget.executionRate',
    );
  return { money, rate, sources, execution };
}

/** "…，其中年初预算57.28万元，调整追加11.78万元": the initial budget and the adjustment add up to the total. */
function partsConfirm(after: string, total: number): boolean {
  const m = new RegExp(
    `^[^。]{0,6}?${PROSE_INCOME_PARTS.initial}\\s*(${NUM})\\s*(?:亿元|万元|元)[^。\\d]{0,8}?${PROSE_INCOME_PARTS.adjusted}[^。\\d]{0,6}?(${NUM})`,
  ).exec(after);
  return !!m && Math.abs(Number(m[1]!.replace(/,/g, '')) + Number(m[2]!.replace(/,/g, '')) - total) < 0.005;
}

const FACTOR: Record<Unit, number> = { 元: 1, 万元: 10000, 亿元: 1e8 };
const inYuan = (m: Money) => Math.round(m.value.value * FACTOR[m.unit ?? '万元'] * 100) / 100;

function excerpt(text: string, at: number): string {
  const s = text.slice(Math.max(0, at - 4), at + 24).replace(/\s+/g, ' ');
  return `“…${s}…”`;
}
