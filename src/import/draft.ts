/**
 * Assembles the draft in the schema's names (src/schema) and writes it as YAML: marked
 * `draft: true`, numbers with the decimals the report wrote (98.0 stays 98.0), a comment on
 * every field a person must check, and the review list at the top.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar } from 'yaml';
import { formatPath } from '../findings.ts';
import { DRAFT_TEXT, IMPORT_MISSING } from '../errors/import-draft.ts';
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import { BudgetSchema, type Indicator, type ReportInput } from '../schema/index.ts';
import { EXECUTION_INDICATOR } from './forms.ts';
import type { Disclosure } from './metadata.ts';
import type { Identity } from './identity.ts';
import type { BudgetFound, Money, MoneyField, Unit } from './figures.ts';
import type { FoundIndicator, ScoreFound } from './indicators.ts';
import type { Stated } from './numbers.ts';
import type { ProjectsFound, StatedMoney } from './projects.ts';
import type { Review, ReviewItem } from './review.ts';
import type { NarrativeKey } from './sections.ts';

export interface Found {
  identity: Identity;
  disclosure: Disclosure;
  budget: BudgetFound;
  scores: ScoreFound;
  narrative: Partial<Record<NarrativeKey, string>>;
  projects?: ProjectsFound | undefined;
  /** Text of the whole source, for a stable placeholder id when nothing names the department. */
  fingerprint: string;
}

type Budget = NonNullable<ReportInput['budget']>;
type Score = NonNullable<ReportInput['score']>;
/**
 * A report in the schema's types (src/schema) with what the document does not state left out:
 * the review list names each missing required field, and once a person fills them it validates.
 */
export type DraftReport = Partial<Omit<ReportInput, 'department' | 'project'>> & {
  department: Partial<ReportInput['department']> & { id: string };
  project?: (Partial<NonNullable<ReportInput['project']>> & { id: string }) | undefined;
};

/** The draft: data in the schema's names, the decimals each number was written with, and where each value was read. */
export interface Draft {
  data: DraftReport;
  decimals: Map<string, number>;
  sources: Map<string, string>;
  /** Fields a check would compare across rows, stated in a row they agree with (BudgetFound.rate.ownRow). */
  ownRow: Set<string>;
  /** The 按支出性质分 total stated beside 基本支出 and 项目支出, in the budget's unit (BudgetFound.bySpending). */
  partsStated?: number | undefined;
}

const shortHash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 6);

export function assembleDraft(f: Found, review: Review): Draft {
  const decimals = new Map<string, number>();
  const sources = new Map<string, string>();
  const num = (path: PropertyKey[], s: Stated) => {
    if (s.digits) decimals.set(formatPath(path), s.digits);
    return s.value;
  };
  const cite = (path: PropertyKey[], where: string | undefined) => {
    if (where) sources.set(formatPath(path), where);
  };
  const { identity: id } = f;
  cite(['kind'], id.sources.kind);
  cite(['year'], id.sources.year);
  cite(['title'], id.sources.title);
  cite(['department', 'name'], id.sources.department);
  cite(['project', 'name'], id.sources.project);
  const data: DraftReport = { department: { id: '' } };

  if (id.kind) data.kind = id.kind;
  else review.add(IMPORT_MISSING.kind, 'kind');
  if (id.year !== undefined) data.year = id.year;
  else review.add(IMPORT_MISSING.year, 'year');
  if (id.title) data.title = id.title;
  else review.add(IMPORT_MISSING.title, 'title');
  data.draft = true;

  const department: DraftReport['department'] = { id: `bumen-${shortHash(id.department ?? f.fingerprint)}` };
  review.add(IMPORT_MISSING.departmentId, 'department.id');
  if (id.department) department.name = id.department;
  else review.add(IMPORT_MISSING.departmentName, 'department.name');
  data.department = department;
  if (id.kind === 'project') {
    const project: NonNullable<DraftReport['project']> = { id: `xiangmu-${shortHash(id.project ?? f.fingerprint)}` };
    review.add(IMPORT_MISSING.projectId, 'project.id');
    if (id.project) project.name = id.project;
    else review.add(IMPORT_MISSING.projectName, 'project.name');
    data.project = project;
  }

  const disclosure = Object.fromEntries(Object.entries(f.disclosure).filter(([, v]) => v !== undefined));
  if (Object.keys(disclosure).length) data.disclosure = disclosure;

  const budget = buildBudget(f.budget, review, num);
  for (const [key, m] of Object.entries(f.budget.money)) if (budget && (budget as Record<string, unknown>)[key] !== undefined) cite(['budget', key], m.where);
  if (budget?.executionRate !== undefined) cite(['budget', 'executionRate'], f.budget.rate?.where);
  if (budget) data.budget = budget;

  const indicators = [
    ...(f.budget.execution ? [{ name: EXECUTION_INDICATOR, max: f.budget.execution.max, score: f.budget.execution.score } as FoundIndicator] : []),
    ...f.scores.indicators,
  ];
  const score: Partial<Score> = {};
  if (f.scores.total) {
    score.total = num(['score', 'total'], f.scores.total);
    cite(['score', 'total'], f.scores.totalWhere);
  } else review.add(IMPORT_MISSING.total, 'score.total');
  if (f.scores.grade) {
    score.grade = f.scores.grade as Score['grade'];
    cite(['score', 'grade'], f.scores.gradeWhere);
  }
  if (indicators.length) score.indicators = indicators.map((ind, i) => toIndicator(ind, ['score', 'indicators', i], num, cite));
  else review.add(IMPORT_MISSING.indicators, 'score.indicators');
  if (Object.keys(score).length) data.score = score;

  const narrative = Object.fromEntries(Object.entries(f.narrative).filter(([, v]) => v));
  if (Object.keys(narrative).length) data.narrative = narrative;
  else review.add(IMPORT_MISSING.narrative, 'narrative');
  if (f.projects) buildProjects(f.projects, data, review, num);
  const ownRow = new Set<string>(f.budget.rate?.ownRow && budget?.executionRate !== undefined ? ['budget.executionRate'] : []);
  const bySpending = f.budget.bySpending;
  const partsStated = bySpending && bySpending.unit === budget?.unit ? bySpending.value.value : undefined;
  return { data, decimals, sources, ownRow, partsStated };
}

type Num = (path: PropertyKey[], s: Stated) => number;

function buildBudget(b: BudgetFound, review: Review, num: Num): Budget | undefined {
  const money = Object.entries(b.money) as [MoneyField, Money][];
  const all = [...money.map(([, m]) => m), ...b.sources.flatMap((s) => [s.initial, s.planned, s.spent].filter(Boolean) as Money[])];
  if (!all.length && !b.rate) {
    review.add(IMPORT_MISSING.budget, 'budget');
    return undefined;
  }
  const counts = new Map<Unit, number>();
  for (const m of all) if (m.unit) counts.set(m.unit, (counts.get(m.unit) ?? 0) + 1);
  const unit = [...counts.entries()].sort((p, q) => q[1] - p[1])[0]?.[0];
  const out: Record<string, unknown> = {};
  if (unit) out.unit = unit;
  else if (all.length) review.add(IMPORT_MISSING.unit, 'budget.unit');
  const fits = (m: Money, field: string) => {
    if (!m.unit || !unit || m.unit === unit) return true;
    review.add(IMPORT_REVIEW.unitDiffers({ field, value: m.value.value, unit: m.unit, common: unit }), `budget.${field}`);
    return false;
  };
  for (const key of ['initial', 'planned', 'spent'] as const) {
    const m = b.money[key];
    if (m && fits(m, key)) out[key] = num(['budget', key], m.value);
  }
  if (b.rate) out.executionRate = num(['budget', 'executionRate'], b.rate.value);
  for (const key of ['basic', 'project'] as const) {
    const m = b.money[key];
    if (m && fits(m, key)) out[key] = num(['budget', key], m.value);
  }
  const sources = b.sources.map((s, i) => {
    const o: Record<string, unknown> = { name: s.name };
    for (const key of ['initial', 'planned', 'spent'] as const) {
      const m = s[key];
      if (m && fits(m, `sources[${i}].${key}`)) o[key] = num(['budget', 'sources', i, key], m.value);
    }
    return o;
  });
  if (sources.length) out.sources = sources;
  if (out.planned === undefined) review.add(IMPORT_MISSING.planned, 'budget.planned');
  if (out.spent === undefined) review.add(IMPORT_MISSING.spent, 'budget.spent');
  return out as Budget;
}

/** `projects` and `keyEvaluations`, in the budget's unit: an amount in another unit stays out. */
function buildProjects(p: ProjectsFound, data: DraftReport, review: Review, num: Num) {
  const unit = (data.budget as { unit?: string } | undefined)?.unit ?? BudgetSchema.shape.unit.parse(undefined);
  const put = (o: Record<string, unknown>, key: string, m: StatedMoney | undefined, path: PropertyKey[]) => {
    if (!m) return;
    if (m.unit !== unit) {
      review.add(IMPORT_REVIEW.unitDiffers({ value: m.value.value, unit: m.unit, common: unit, budget: true }), formatPath(path));
      return;
    }
    o[key] = num(path, m.value);
  };
  const projects: Record<string, unknown> = {};
  if (p.count !== undefined) projects.count = p.count;
  put(projects, 'amount', p.amount, ['projects', 'amount']);
  const groups = p.groups.map((g, i) => {
    const path = ['projects', 'groups', i];
    const o: Record<string, unknown> = { name: g.name, count: g.count };
    put(o, 'planned', g.planned, [...path, 'planned']);
    put(o, 'spent', g.spent, [...path, 'spent']);
    if (g.paymentRate) o.paymentRate = num([...path, 'paymentRate'], g.paymentRate);
    if (g.items.length) o.items = g.items.map((name) => ({ name }));
    return o;
  });
  if (groups.length) projects.groups = groups;
  if (Object.keys(projects).length) data.projects = projects as DraftReport['projects'];
  const evaluations = p.evaluations.map((e, i) => {
    const path = ['keyEvaluations', i];
    const o: Record<string, unknown> = { name: e.name };
    put(o, 'amount', e.amount, [...path, 'amount']);
    if (e.score) o.score = num([...path, 'score'], e.score);
    if (e.grade) o.grade = e.grade;
    if (e.summary) o.summary = e.summary;
    return o;
  });
  if (evaluations.length) data.keyEvaluations = evaluations as DraftReport['keyEvaluations'];
}

function toIndicator(ind: FoundIndicator, path: PropertyKey[], num: Num, cite: (path: PropertyKey[], where: string | undefined) => void): Indicator {
  const o: Indicator = { name: ind.name };
  if (ind.source) cite([...path, ind.score ? 'score' : ind.max ? 'max' : 'name'], ind.source);
  if (ind.max) o.max = num([...path, 'max'], ind.max);
  if (ind.score) o.score = num([...path, 'score'], ind.score);
  if (ind.rate) o.rate = num([...path, 'rate'], ind.rate);
  if (ind.target !== undefined) o.target = ind.target;
  if (ind.actual !== undefined) o.actual = ind.actual;
  if (ind.note) o.note = ind.note;
  if (ind.children?.length) o.children = ind.children.map((c, i) => toIndicator(c, [...path, 'children', i], num, cite));
  return o;
}

/** The draft as YAML, with the review list on top and a comment beside each field to check. */
export function draftYaml(draft: Draft, review: readonly ReviewItem[], source: string): string {
  const doc = new Document(draft.data);
  for (const [dotted, digits] of draft.decimals) {
    const node = doc.getIn(parsePath(dotted), true);
    if (isScalar(node)) node.minFractionDigits = digits;
  }
  // Beside each value: where the report states it, then what to check about it.
  for (const [dotted, where] of draft.sources) {
    const node = doc.getIn(parsePath(dotted), true);
    if (isScalar(node)) node.comment = DRAFT_TEXT.source({ where }).replace(/\n/g, ' ');
  }
  for (const item of review) {
    if (!item.field) continue;
    const node = doc.getIn(parsePath(item.field), true);
    if (isScalar(node)) node.comment = DRAFT_TEXT.check({ before: node.comment, message: item.message }).replace(/\n/g, ' ');
  }
  const head = [
    ...DRAFT_TEXT.head({ source }),
    ...(review.length ? [DRAFT_TEXT.reviewHead, ...review.map((r) => DRAFT_TEXT.reviewItem(r).replace(/\n/g, ' '))] : []),
  ];
  doc.commentBefore = head.join('\n');
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function parsePath(dotted: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of dotted.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
