/**
 * Projects (二级项目) and 重点绩效评价, which department reports state in prose: "二级项目20个，
 * 共涉及资金24,974.11万元", the groups they name ("其中重点专项资金项目A、B等4个，预算资金…，
 * 支付资金…，支付率100%"), and the deeper evaluation of a project with its own amount, score
 * and grade. Kept apart from figures.ts because these are not the department's budget: they
 * fill `projects` and `keyEvaluations`. Every value is as stated; what cannot be read with
 * certainty stays out and goes on the review list.
 */
import { FIELD_NAME, IMPORT_PROJECTS } from '../errors/import-projects.ts';
import type { Block } from './blocks.ts';
import type { Unit } from './figures.ts';
import { fold } from './normalize.ts';
import { cellNumber, isBlankCell, NUM, toStated, type Stated } from './numbers.ts';
import type { Review } from './review.ts';
import { isTotalLabel, type Table } from './tables.ts';

export interface StatedMoney {
  value: Stated;
  unit: Unit;
}
export interface GroupFound {
  name: string;
  count: number;
  planned?: StatedMoney | undefined;
  spent?: StatedMoney | undefined;
  paymentRate?: Stated | undefined;
  items: string[];
}
export interface EvaluationFound {
  name: string;
  amount?: StatedMoney | undefined;
  score?: Stated | undefined;
  grade?: string | undefined;
  summary: string;
}
export interface ProjectsFound {
  count?: number | undefined;
  amount?: StatedMoney | undefined;
  groups: GroupFound[];
  evaluations: EvaluationFound[];
  /** Paragraphs taken whole into keyEvaluations[].summary, to keep out of the narrative. */
  taken: Set<Block>;
}

const MONEY = String.raw`(${NUM})\s*(亿元|万元|元)`;
const COUNT = String.raw`(?<![\d.,])(\d{1,4})\s*个`;
const TOTAL = new RegExp(String.raw`二级项目\s*(?:共\s*)?${COUNT}(?:\s*[,，]?\s*(?:共|合计|总计)?\s*涉及(?:资金|金额)\s*(?:为|:)?\s*${MONEY})?`, 'g');
// The item list between a group's name and its count is bounded ({0,400}): unbounded, each
// "：…项目" restarted a scan to the end of the paragraph (：甲乙项目 × 100,000 ran past 30 s).
const GROUP = new RegExp(
  String.raw`(?:^|[,:])\s*(?:其中\s*[,:]?\s*)?([\u4e00-\u9fa5]{2,14}(?:项目|专项))\s*([^,。;]{0,400}?)\s*(?:等\s*)?${COUNT}\s*[,]\s*预算(?:资金|金额|数)?\s*(?:为|:)?\s*${MONEY}` +
    String.raw`(?:\s*[,]\s*(?:支付|实际支出|执行)(?:资金|金额|数)?\s*(?:为|:)?\s*${MONEY})?(?:\s*[,]\s*支付率\s*(?:为|达到?|:)?\s*(${NUM})\s*%)?`,
  'g',
);
const GRADE: Record<string, string> = { 优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 差: '差' };

const money = (n: string | undefined, unit: string | undefined): StatedMoney | undefined => {
  const v = n === undefined ? undefined : toStated(n);
  return v && unit ? { value: v, unit: unit as Unit } : undefined;
};

export function findProjects(blocks: readonly Block[], review: Review): ProjectsFound {
  const out: ProjectsFound = { groups: [], evaluations: [], taken: new Set() };
  const paras = blocks.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para');
  const counts: number[] = [];
  const amounts: StatedMoney[] = [];

  for (const b of paras) {
    const f = fold(b.text);
    for (const m of f.matchAll(TOTAL)) {
      counts.push(Number(m[1]));
      const a = money(m[2], m[3]);
      if (a) amounts.push(a);
    }
    for (const sentence of sentences(b.text)) {
      const fs = fold(sentence);
      for (const m of fs.matchAll(GROUP)) {
        const name = m[1]!.replace(/^其中/, '');
        if (/^(?:二级|全部|所有)?项目$/.test(name) || /二级项目$/.test(name)) continue;
        const at = m.index! + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
        const itemText = sentence.slice(at, at + m[2]!.length).trim();
        const count = Number(m[3]);
        let items = itemText
          ? itemText
              .split(/[、]/)
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
        if (items.length > count) {
          review.add(IMPORT_PROJECTS.groupCount({ group: name, count, listed: items.length }), 'projects.groups');
          items = [];
        }
        const rate = m[8] === undefined ? undefined : toStated(m[8]);
        out.groups.push({ name, count, planned: money(m[4], m[5]), spent: money(m[6], m[7]), paymentRate: rate, items });
      }
    }
  }

  if (counts.length) {
    out.count = counts[0];
    const other = counts.find((c) => c !== counts[0]);
    if (other !== undefined) review.add(IMPORT_PROJECTS.countTwice({ taken: counts[0]!, other }), 'projects.count');
  }
  if (amounts.length) {
    out.amount = amounts[0];
    const other = amounts.find((a) => a.value.value !== amounts[0]!.value.value || a.unit !== amounts[0]!.unit);
    if (other)
      review.add(
        IMPORT_PROJECTS.writtenTwice({
          what: FIELD_NAME.projectsAmount,
          taken: `${amounts[0]!.value.value}${amounts[0]!.unit}`,
          other: `${other.value.value}${other.unit}`,
        }),
        'projects.amount',
      );
  }
  const seen = new Set<string>();
  out.groups = out.groups.filter((g) => {
    const key = `${g.name}|${g.count}|${g.planned?.value.value}|${g.spent?.value.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  if (!out.groups.length) for (const b of blocks) if (b.kind === 'table') out.groups.push(...tableGroups(b.table, review));

  findEvaluations(blocks, out, review);
  if (!out.evaluations.length && paras.some((p) => /重点绩效评价得分|开展了?重点绩效评价/.test(fold(p.text))))
    review.add(IMPORT_PROJECTS.evaluationUnread, 'keyEvaluations');
  return out;
}

function findEvaluations(blocks: readonly Block[], out: ProjectsFound, review: Review) {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'para') continue;
    const f = fold(b.text);
    const start = /对\s*([^,。;:对]{2,60}?)\s*(?:(?:等\s*)?(\d{1,3})\s*个\s*项目)?\s*(?:开展|进行)了?\s*重点绩效评价/.exec(f);
    if (!start) continue;
    // The evaluation: this paragraph and those after it up to the score and grade, within the section.
    const group: Extract<Block, { kind: 'para' }>[] = [b];
    const hasEnd = (t: string) => /评价(?:综合|总)?得分/.test(t) && /评价等级/.test(t);
    for (let j = i + 1; !hasEnd(group.map((p) => fold(p.text)).join('')) && j < blocks.length && j <= i + 3; j++) {
      const n = blocks[j]!;
      if (n.kind !== 'para') break;
      group.push(n);
    }
    if (!hasEnd(group.map((p) => fold(p.text)).join(''))) group.splice(1);
    i += group.length - 1;
    const text = group.map((p) => fold(p.text)).join('\n');
    const count = start[2] === undefined ? 1 : Number(start[2]);
    const rawName = group[0]!.text.slice(start.index! + start[0].indexOf(start[1]!), start.index! + start[0].indexOf(start[1]!) + start[1]!.length).trim();
    if (count !== 1 || /、/.test(rawName)) {
      review.add(IMPORT_PROJECTS.evaluationsUnsplit({ count, excerpt: rawName.slice(0, 30) }), 'keyEvaluations');
      continue;
    }
    const ev: EvaluationFound = { name: rawName, summary: group.map((p) => p.text).join('\n\n') };
    const amt = new RegExp(String.raw`涉及(?:一般公共预算支出|一般公共预算资金|财政资金|资金|金额)\s*(?:为|:)?\s*${MONEY}`).exec(text);
    if (amt) {
      ev.amount = money(amt[1], amt[2]);
      const others = [
        ...text
          .slice(amt.index + amt[0].length)
          .split(/[。\n]/)[0]!
          .matchAll(new RegExp(String.raw`(?:政府性基金预算|国有资本经营预算)(?:支出|资金)\s*${MONEY}`, 'g')),
      ];
      if (others.some((o) => Number(o[1]!.replace(/,/g, '')) > 0)) {
        ev.amount = undefined;
        review.add(IMPORT_PROJECTS.evaluationAmount({ name: rawName }), `keyEvaluations[${out.evaluations.length}].amount`);
      }
    }
    const scores = [...text.matchAll(new RegExp(String.raw`评价(?:综合|总)?得分\s*(?:为|是|:)?\s*(${NUM})\s*分`, 'g'))];
    if (scores.length) {
      const s = toStated(scores[0]![1]!);
      if (s && s.value <= 100 && scores.every((x) => toStated(x[1]!)?.value === s.value)) ev.score = s;
      else review.add(IMPORT_PROJECTS.evaluationScore({ name: rawName }), `keyEvaluations[${out.evaluations.length}].score`);
    }
    const g = /评价等级\s*(?:为|是|:)?\s*["“「]?\s*(优秀?|良好?|中等?|差|不合格|合格)/.exec(text);
    if (g) {
      if (GRADE[g[1]!]) ev.grade = GRADE[g[1]!];
      else review.add(IMPORT_PROJECTS.evaluationGrade({ name: rawName, grade: g[1]! }), `keyEvaluations[${out.evaluations.length}].grade`);
    }
    out.evaluations.push(ev);
    // Whole paragraphs about the evaluation leave the narrative; a paragraph that only mentions it stays.
    if (start.index! <= 12) for (const p of group) out.taken.add(p);
  }
}

type Col = 'name' | 'count' | 'planned' | 'spent' | 'rate' | undefined;
const colOf = (cell: string): Col => {
  const c = fold(cell).replace(/\s+/g, '');
  if (/^(?:项目)?(?:类别|类型|分类)(?:名称)?$/.test(c)) return 'name';
  if (/^(?:项目)?(?:个数|数量|项目数)(?:\(个\))?$/.test(c)) return 'count';
  if (/率/.test(c)) return /支付率|执行率/.test(c) ? 'rate' : undefined;
  if (/^预算(?:资金|金额|数)?/.test(c)) return 'planned';
  if (/^(?:支付(?:资金|金额|数)|实际支出|执行数)/.test(c)) return 'spent';
  return undefined;
};
const unitOf = (s: string): Unit | undefined => {
  const m = /(万元|亿元|元)/.exec(fold(s));
  return m ? (m[1] as Unit) : undefined;
};

/** Groups from a table with a 类别 column, a 个数 column and 预算 / 支付 columns; money only where a unit is written. */
function tableGroups(t: Table, review: Review): GroupFound[] {
  const out: GroupFound[] = [];
  let cols: Col[] | undefined;
  let units: (Unit | undefined)[] = [];
  for (const row of t.rows) {
    const roles = row.map(colOf);
    if (roles.includes('name') && roles.includes('count') && (roles.includes('planned') || roles.includes('spent'))) {
      cols = roles;
      units = row.map((c) => unitOf(c) ?? unitOf(t.caption ?? ''));
      continue;
    }
    if (!cols) continue;
    const at = (role: Col) => cols!.indexOf(role);
    const name = (row[at('name')] ?? '').trim();
    if (!name || isTotalLabel(name) || isBlankCell(name)) continue;
    const count = cellNumber(row[at('count')] ?? '');
    if (!count || count.digits || count.unit) continue;
    const g: GroupFound = { name, count: count.value, items: [] };
    for (const key of ['planned', 'spent'] as const) {
      const i = at(key);
      const n = i >= 0 ? cellNumber(row[i] ?? '') : undefined;
      if (!n) continue;
      const unit = (n.unit as Unit | undefined) ?? units[i];
      if (unit && unit !== ('分' as string) && unit !== ('%' as string)) g[key] = { value: n, unit };
      else review.add(IMPORT_PROJECTS.groupUnitless({ group: name, column: key, value: n.value }), 'projects.groups');
    }
    const r = at('rate') >= 0 ? cellNumber(row[at('rate')] ?? '') : undefined;
    if (r && (!r.unit || r.unit === '%')) g.paymentRate = r;
    out.push(g);
  }
  return out;
}

/** Sentences of a paragraph in its original characters (split at 。；;). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;])/)
    .map((s) => s.trim())
    .filter(Boolean);
}
