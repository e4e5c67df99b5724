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

/** A planned amount read in a sentence: its match, and where the sentence stands. */
type Found = { m: RegExpMatchArray; line: number; at: number };
/** Paragraphs back that a planned amount is looked for in, when the rate's sentence has none ("上级共下达…590万元" above "执行数为590万元，执行率为100%"). */
const BACK = 3;

/**
 * Planned, spent and rate from the first sentence whose rate confirms them. The planned amount
 * comes before the spent one and does not overlap it ("项目资金执行数为590万元" is one amount); where
 * the sentence has none that agrees, the planned amounts of the paragraphs just above are tried,
 * under the same check.
 */
export function proseTriple(blocks: readonly Block[]): Pick<BudgetFound, 'money' | 'rate'> | undefined {
  let earlier: Found[][] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      earlier = [];
      continue;
    }
    if (b.kind !== 'para') continue;
    const text = fold(b.text);
    const here: Found[] = [];
    let from = 0;
    for (const sentence of text.split('。')) {
      const at = from;
      from += sentence.length + 1;
      const planned = [...sentence.matchAll(amount(PROSE_TRIPLE.planned))];
      here.push(...planned.map((m) => ({ m, line: b.line, at })));
      const rate = RATE.exec(sentence);
      if (!rate) continue;
      const spent = [...sentence.matchAll(amount(PROSE_TRIPLE.spent))];
      const r = toStated(rate[1]!);
      if (!r) continue;
      const candidates = [...planned.map((m) => ({ m, line: b.line, at })), ...earlier.flat().reverse()];
      for (const p of candidates) {
        for (const s of spent) {
          if (p.line === b.line && p.at === at && s.index! < p.m.index! + p.m[0].length) continue;
          const pv = toStated(p.m[1]!);
          const sv = toStated(s[1]!);
          if (!pv || !sv) continue;
          const computed = spentRate({ planned: pv.value * FACTOR[p.m[2] as Unit], spent: sv.value * FACTOR[s[2] as Unit] });
          if (computed === undefined || !rateAgrees(r.value, computed, r.digits)) continue;
          const money = (m: RegExpMatchArray, v: typeof pv, line: number, off: number): Money => ({
            value: v,
            unit: m[2] as Unit,
            where: IMPORT_WHERE.paragraphAt({ line, char: off + m.index! + 1, text: m[0] }),
            line,
            fromTable: false,
            offset: off + m.index!,
          });
          return {
            money: { planned: money(p.m, pv, p.line, p.at), spent: money(s, sv, b.line, at) },
            rate: { value: r, where: IMPORT_WHERE.paragraph({ line: b.line, text: rate[0] }) },
          };
        }
      }
    }
    earlier = [...earlier, here].slice(-BACK);
  }
  return undefined;
}
