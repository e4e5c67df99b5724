/**
 * The import's last stage: every figure the readers found is checked by the document's own
 * arithmetic before the draft is written. The checks are the audit's (src/audit, on the rules of
 * src/schema/rules.ts), run on the draft as the validator would run them on the published file:
 * the stated execution rate against spent ÷ planned, each score at most its weight, children's
 * scores and weights against their parent's and the total, the parts of the budget against its
 * whole, the grade against its band. Where a check fails the readers misread a column or a row as
 * often as the document is wrong, and wrong is worse than missing: the figures the check compared
 * are taken out of the draft and the 待核对 list says which readings were possible and why none
 * was kept (src/errors/import-review.ts). A figure no check contradicts stays.
 */
import { checkBudget } from '../audit/budget.ts';
import { differs, sum, type AuditContext } from '../audit/context.ts';
import { checkScores } from '../audit/scores.ts';
import { FIELD_LABELS, IMPORT_REVIEW } from '../errors/import-review.ts';
import { EXECUTION_INDICATOR } from './forms.ts';
import { formatPath, parsePath, type Finding } from '../findings.ts';
import { GRADE_BANDS, spentRate, type Report } from '../schema/index.ts';
import type { Draft } from './draft.ts';
import { confirmNames } from './confirm-names.ts';
import { fold } from './normalize.ts';
import type { Review } from './review.ts';

type Path = readonly PropertyKey[];

/** Checks the draft in place: drops what the document's arithmetic contradicts, and says why. */
export function confirmDraft(draft: Draft, review: Review, source: string): void {
  const data = draft.data as Record<string, unknown>;
  const score = data.score as { max?: number } | undefined;
  const report = { ...data, ...(score && { score: { max: 100, ...score } }) } as unknown as Report;
  const ctx: AuditContext = { report, file: source, lineOf: () => undefined, decimals: draft.decimals };
  const findings = [...checkBudget(ctx), ...checkScores(ctx)];
  const drop = new Set<string>();
  for (const f of findings) {
    if ((f.code === 'W_RATE_MISMATCH' && closeRate(f)) || (f.code === 'W_GRADE_BAND' && closeBand(f))) continue; // the audit warns on the published file
    if ((f.code === 'W_SCORE_SUM' || f.code === 'W_MAX_SUM') && !complete(f, draft)) continue;
    if (f.code === 'W_RATE_MISMATCH' && f.field && draft.ownRow.has(f.field)) {
      // A 合计 row of zeros with its rate of 0: each figure read from its own labelled cell; the document disagrees with itself.
      review.add(IMPORT_REVIEW.rateOfZeroRow({ finding: f.message }), f.field);
      continue;
    }
    if (f.code === 'W_BUDGET_PARTS' && partsAgree(draft)) {
      // 基本支出 + 项目支出 add up to the 按支出性质分 the form states beside them: read right; the document disagrees with itself.
      review.add(IMPORT_REVIEW.partsOwnSum({ finding: f.message, sum: draft.partsStated! }), f.field);
      continue;
    }
    const fields = contradicted(f, draft);
    if (!fields.length) continue;
    for (const p of fields) drop.add(p);
    const left = fields.map(label);
    if (f.code === 'E_SCORE_ABOVE_MAX') review.add(IMPORT_REVIEW.scoreAboveMax({ finding: f.message }), f.field);
    else review.add(IMPORT_REVIEW.contradicted({ finding: f.message, left }), f.field);
    if (f.code === 'W_RATE_MISMATCH') {
      review.add(IMPORT_REVIEW.rateReadings({ readings: rateReadings(draft) }), f.field);
    }
  }
  if (findings.some((f) => f.code === 'W_RATE_MISMATCH' && drop.has('budget.executionRate'))) {
    // The 预算执行 indicator was read from the same row as the rate: as doubtful.
    const ex = (((draft.data.score as { indicators?: Node[] } | undefined)?.indicators ?? []) as Node[]).findIndex(
      (i) => i.name === EXECUTION_INDICATOR && !i.children?.length,
    );
    if (ex >= 0) for (const k of ['max', 'score']) drop.add(formatPath(['score', 'indicators', ex, k]));
  }
  confirmLeafSum(draft, review, drop);
  for (const p of drop) remove(draft, p);
  confirmZeros(draft, review);
  confirmNames(draft, review);
}

/** 基本支出 + 项目支出 equal the form's own 按支出性质分 total (to the digits they are written with). */
function partsAgree(draft: Draft): boolean {
  const b = draft.data.budget as { basic?: number; project?: number } | undefined;
  if (draft.partsStated === undefined || b?.basic === undefined || b.project === undefined) return false;
  const d = Math.max(draft.decimals.get('budget.basic') ?? 0, draft.decimals.get('budget.project') ?? 0);
  return !differs(sum([b.basic, b.project], d), draft.partsStated, d);
}

type Node = { name?: string; score?: number; max?: number; target?: string; children?: Node[] };
const leavesOf = (nodes: Node[], path: PropertyKey[]): [Node, PropertyKey[]][] =>
  nodes.flatMap((n, i) => (n.children?.length ? leavesOf(n.children, [...path, i, 'children']) : [[n, [...path, i]] as [Node, PropertyKey[]]]));

/**
 * The leaves against the total, where the groups state no score of their own (the audit compares
 * a parent only with its children): when every leaf has its weight and score and the weights add
 * up to the full mark, the leaf scores must add up to the total. When they do not, the total and
 * the leaf scores are left empty: one of them was misread, or the document does not add up.
 */
function confirmLeafSum(draft: Draft, review: Review, drop: Set<string>) {
  const score = draft.data.score as { total?: number; max?: number; indicators?: Node[] } | undefined;
  if (score?.total === undefined || !score.indicators?.length || drop.has('score.total')) return;
  const leaves = leavesOf(score.indicators, ['score', 'indicators']);
  if (leaves.some(([n]) => n.max === undefined || n.score === undefined)) return;
  const digits = Math.max(0, ...leaves.map(([, p]) => draft.decimals.get(formatPath([...p, 'score'])) ?? 0), draft.decimals.get('score.total') ?? 0);
  const weights = sum(
    leaves.map(([n]) => n.max!),
    digits,
  );
  if (differs(weights, score.max ?? 100, digits)) return;
  const got = sum(
    leaves.map(([n]) => n.score!),
    digits,
  );
  if (!differs(got, score.total, digits)) return;
  drop.add('score.total');
  for (const [, p] of leaves) drop.add(formatPath([...p, 'score']));
  review.add(IMPORT_REVIEW.leafSum({ total: score.total, sum: got, count: leaves.length }), 'score.total');
}

/** A target or a value, not an indicator's name: "≥300亩", "100%", "6个", "≤90万元". */
const TARGET_LIKE = /^(?:[≥≤<>=]\s*\S*|\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fa5]{1,3})?)$/;

/**
 * A score of 0 with neither a weight nor a target beside it: no check can confirm it, and it is what
 * a run of fused digits leaves when "10" is split into "1" and "0". Left empty with its reason.
 */
function confirmZeros(draft: Draft, review: Review) {
  const walk = (nodes: { name?: string; score?: number; max?: number; target?: string; children?: unknown[] }[] | undefined, path: PropertyKey[]) =>
    nodes?.forEach((n, i) => {
      const at = [...path, i];
      if (n.children?.length) return walk(n.children as typeof nodes, [...at, 'children']);
      if (TARGET_LIKE.test(fold(n.name ?? '').trim()) && (n.score !== undefined || n.max !== undefined)) {
        // "≥300亩" as an indicator's name: the row was read one column off, its numbers too.
        for (const k of ['score', 'max']) remove(draft, formatPath([...at, k]));
        review.add(IMPORT_REVIEW.nameIsTarget({ name: n.name ?? '' }), formatPath([...at, 'name']));
        return;
      }
      if (n.score !== 0 || n.max !== undefined || n.target !== undefined) return;
      const field = formatPath([...at, 'score']);
      remove(draft, field);
      review.add(IMPORT_REVIEW.zeroUnconfirmed({ indicator: n.name ?? '' }), field);
    });
  walk((draft.data.score as { indicators?: [] } | undefined)?.indicators, ['score', 'indicators']);
}

/**
 * A stated rate within a point of spent ÷ planned: the three figures were read from the right
 * places (a misread column does not land that close) and the document rounded loosely; kept as
 * stated, and the audit warns on the published file.
 */
const RATE_READ_TOLERANCE = 1;
const closeRate = (f: Finding) => f.figures !== undefined && Math.abs(Number(f.figures.stated) - Number(f.figures.computed)) <= RATE_READ_TOLERANCE;

/** A total within a point of its grade's band (79 分, 良): both read right, the document is loose. */
const closeBand = (f: Finding) => {
  const g = f.figures && GRADE_BANDS.find((b) => b.grade === f.figures!.grade);
  const score = Number(f.figures?.score);
  return g !== undefined && score >= g.min - RATE_READ_TOLERANCE && score < g.below + RATE_READ_TOLERANCE;
};

/**
 * Sums compare only a whole tree: children whose weights add up to their parent's (or, at the top,
 * to the form's full mark). A tree the readers found only part of says nothing about its figures.
 */
function complete(f: Finding, draft: Draft): boolean {
  const path = parsePath(f.field ?? '');
  const top = path.length === 2;
  const parent = top ? undefined : (getAt(draft.data, path.slice(0, -1)) as { max?: number } | undefined);
  const children = (getAt(draft.data, top ? ['score', 'indicators'] : [...path.slice(0, -1), 'children']) as { max?: number }[] | undefined) ?? [];
  const whole = top ? ((draft.data.score as { max?: number } | undefined)?.max ?? 100) : parent?.max;
  if (f.code === 'W_MAX_SUM') return !top || whole !== undefined;
  if (whole === undefined || children.some((c) => c.max === undefined)) return false;
  return Math.abs(children.reduce((s, c) => s + c.max!, 0) - whole) < 1e-6;
}

/** The fields a failed check compared, as dotted paths present in the draft. */
function contradicted(f: Finding, draft: Draft): string[] {
  const field = f.field ?? '';
  const has = (p: string) => getAt(draft.data, parsePath(p)) !== undefined;
  const pick = (...ps: string[]) => ps.filter(has);
  switch (f.code) {
    case 'W_RATE_MISMATCH':
      return field === 'budget.executionRate' ? pick('budget.executionRate', 'budget.planned', 'budget.spent') : [];
    case 'W_BUDGET_PARTS':
      return pick('budget.basic', 'budget.project');
    case 'W_SOURCES_SUM': {
      const key = field.split('.').pop()!;
      const sources = ((draft.data.budget as { sources?: unknown[] } | undefined)?.sources ?? []).map((_, i) => `budget.sources[${i}].${key}`);
      return pick(...sources);
    }
    case 'E_SCORE_ABOVE_MAX':
    case 'W_INDICATOR_RATE':
      return pick(field);
    case 'W_GRADE_BAND':
      return field === 'score.grade' ? pick('score.grade', 'score.total') : [];
    case 'W_SCORE_SUM':
    case 'W_MAX_SUM': {
      // The parent's figure and every child's: which of them was misread is not known.
      const key = f.code === 'W_SCORE_SUM' ? 'score' : 'max';
      const base = parsePath(field).slice(0, -1);
      const kids = base.length === 1 ? [...base, 'indicators'] : [...base, 'children'];
      const children = (getAt(draft.data, kids) as unknown[] | undefined) ?? [];
      const childPaths = children.map((_, i) => formatPath([...kids, i, key]));
      // Weights that do not add up make their scores doubtful too (a column misread).
      const scores = f.code === 'W_MAX_SUM' ? children.map((_, i) => formatPath([...kids, i, 'score'])) : [];
      return pick(field, ...childPaths, ...scores);
    }
    default:
      return [];
  }
}

/** Which other reading the stated rate fits, when one does. */
function rateReadings(draft: Draft): string[] {
  const b = draft.data.budget as { initial?: number; planned?: number; spent?: number; executionRate?: number } | undefined;
  const out: string[] = [];
  const viaInitial = spentRate({ planned: b?.initial, spent: b?.spent });
  if (b?.executionRate !== undefined && viaInitial !== undefined && Math.abs(viaInitial - b.executionRate) <= RATE_READ_TOLERANCE)
    out.push(IMPORT_REVIEW.rateViaInitial({ initial: b.initial!, rate: viaInitial.toFixed(2) }));
  const swapped = spentRate({ planned: b?.spent, spent: b?.planned });
  if (b?.executionRate !== undefined && swapped !== undefined && Math.abs(swapped - b.executionRate) <= RATE_READ_TOLERANCE)
    out.push(IMPORT_REVIEW.rateSwapped);
  out.push(IMPORT_REVIEW.rateMisread);
  return out;
}

const label = (p: string) => FIELD_LABELS.find(([re]) => re.test(p))?.[1] ?? p;

function remove(draft: Draft, dotted: string) {
  const path = parsePath(dotted);
  const parent = getAt(draft.data, path.slice(0, -1)) as Record<PropertyKey, unknown> | undefined;
  if (parent && typeof parent === 'object') delete parent[path.at(-1)!];
  draft.decimals.delete(dotted);
  draft.sources.delete(dotted);
}

function getAt(o: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), o);
}
