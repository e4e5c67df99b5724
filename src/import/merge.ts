/**
 * The budget from the structured readers (figures.ts) completed by what the cell-stream
 * readers (form-read.ts) found: a field either already has stays as it is. A 合计 row left
 * at zero while its one funded source row has amounts (a form whose total was never summed)
 * takes the source's 全年预算 and 执行数, with the reason on the review list; the row's stated rate
 * of 0 is marked as the 合计 row's own (`ownRow`).
 */
import { IMPORT_REVIEW } from '../errors/import-review.ts';
import type { BudgetFound, Money, MoneyField } from './figures.ts';
import type { MoneyFound } from './form-money.ts';
import type { Review } from './review.ts';

export function mergeBudget(b: BudgetFound, s: MoneyFound, kind: string | undefined, review: Review): BudgetFound {
  const fields = Object.keys(s.money) as MoneyField[];
  for (const k of fields) {
    if (kind === 'project' && (k === 'basic' || k === 'project')) continue;
    if (!b.money[k]) b.money[k] = { ...s.money[k]!, fromTable: true };
  }
  // A rate read from the money table's own column beats one read from prose (which may be an indicator's target).
  if (s.rate && (!b.rate || !b.rate.where.startsWith('表格'))) b.rate = { value: s.rate.value, where: s.rate.where };
  if (!b.execution && s.execution) b.execution = s.execution;
  if (!b.bySpending && s.bySpending) b.bySpending = { ...s.bySpending, fromTable: true };
  if (!b.sources.length && s.sources.length)
    b.sources = s.sources.map((x) => ({ ...x, initial: fromTable(x.initial), planned: fromTable(x.planned), spent: fromTable(x.spent) }));
  const zero = (m: Money | undefined) => m !== undefined && m.value.value === 0;
  const funded = b.sources.filter((x) => (x.planned && x.planned.value.value > 0) || (x.spent && x.spent.value.value > 0));
  if (zero(b.money.planned) && zero(b.money.spent) && funded.length === 1 && b.sources.length >= 1) {
    const src = funded[0]!;
    review.add(IMPORT_REVIEW.zeroTotalRow({ source: src.name }), 'budget.planned', src.planned?.line);
    if (src.planned) b.money.planned = src.planned;
    else delete b.money.planned;
    if (src.spent) b.money.spent = src.spent;
    else delete b.money.spent;
    // The 合计 row's rate of 0 is its own zeros' (0 of 0), not a misread column: kept as written,
    // and confirm.ts says the document disagrees with itself instead of leaving all three empty.
    if (b.rate && b.rate.value.value === 0) b.rate = { ...b.rate, ownRow: true };
    if (zero(b.money.initial) && src.initial && src.initial.value.value > 0) {
      delete b.money.initial;
      review.add(IMPORT_REVIEW.zeroTotalInitial({ source: src.name, value: src.initial.value.value }), 'budget.initial', src.initial.line);
    }
  }
  return b;
}

const fromTable = (m: Omit<Money, 'fromTable'> | undefined): Money | undefined => (m ? { ...m, fromTable: true } : undefined);
