/**
 * The budget of a narrative report (no table): a sentence that states the planned amount, the
 * spent amount and the execution rate, taken only when the rate agrees with spent ÷ planned (the
 * audit's rateAgrees, to the rate's written precision). Any other reading of prose money stays with
 * figures.ts; a triple the sentence does not confirm is not taken, and the review says so.
 */
import { IMPORT_WHERE } from '../errors/import-draft.ts';
import { rateAgrees } from '../audit/context.ts';
import { spentRate } from '../schema/index.ts';
import type { Block } from './blocks.ts';
import type { BudgetFound, Money, Unit } from './figures.ts';
import { PROSE_TRIPLE } from './forms.ts';
import { fold } from './normalize.ts';
import { NUM, toStated } from './numbers.ts';

const amount = (phrase: string) => new RegExp(`(?:${phrase})[^\\d。;%]{0,8}?(${NUM})\\s*(亿元|万元|元)`, 'g');
const RATE = new RegExp(`(?:${PROSE_TRIPLE.rate})\\s*(${NUM})\\s*%`);
const FACTOR: Record<Unit, number> = { 元: 1, 万元: 10000, 亿元: 1e8 };

/** Planned, spent and rate from the first sentence whose rate confirms them. */
export function proseTriple(blocks: readonly Block[]): Pick<BudgetFound, 'money' | 'rate'> | undefined {
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const text = fold(b.text);
    let from = 0;
    for (const sentence of text.split('。')) {
      const at = from;
      from += sentence.length + 1;
      const rate = RATE.exec(sentence);
      if (!rate) continue;
      const planned = [...sentence.matchAll(amount(PROSE_TRIPLE.planned))];
      const spent = [...sentence.matchAll(amount(PROSE_TRIPLE.spent))];
      const r = toStated(rate[1]!);
      if (!r) continue;
      for (const p of planned) {
        for (const s of spent) {
          if (s.index! <= p.index!) continue;
          const pv = toStated(p[1]!);
          const sv = toStated(s[1]!);
          if (!pv || !sv) continue;
          const computed = spentRate({ planned: pv.value * FACTOR[p[2] as Unit], spent: sv.value * FACTOR[s[2] as Unit] });
          if (computed === undefined || !rateAgrees(r.value, computed, r.digits)) continue;
          const money = (m: RegExpMatchArray, v: typeof pv): Money => ({
            value: v,
            unit: m[2] as Unit,
            where: IMPORT_WHERE.paragraphAt({ line: b.line, char: at + m.index! + 1, text: m[0] }),
            line: b.line,
            fromTable: false,
            offset: at + m.index!,
          });
          return { money: { planned: money(p, pv), spent: money(s, sv) }, rate: { value: r, where: IMPORT_WHERE.paragraph({ line: b.line, text: rate[0] }) } };
        }
      }
    }
  }
  return undefined;
}
