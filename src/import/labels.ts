/**
 * Labelled values: "项目名称：某某" in a paragraph, or a table row `| 项目名称 | 某某 | 主管部门 | 某局 |`.
 * Used for identity fields and for scores written as label and value.
 */
import type { Block } from './blocks.ts';
import { fold } from './normalize.ts';

export type LabelLookup = (label: RegExp) => string | undefined;

export function labelLookup(blocks: readonly Block[]): LabelLookup {
  const pairs: [string, string][] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      for (const row of b.table.rows) {
        const cells = row.filter((c) => c.trim());
        for (let i = 0; i + 1 < cells.length; i++) pairs.push([cells[i]!, cells[i + 1]!]);
      }
    } else {
      const f = fold(b.text);
      for (const m of f.matchAll(/(?:^|[\s;；,，。])([\u4e00-\u9fa5()]{2,12})\s*:\s*([^;；:，,。]{1,80})/g)) {
        const start = m.index! + m[0].length - m[2]!.length;
        pairs.push([m[1]!, b.text.slice(start, start + m[2]!.length)]);
      }
    }
  }
  return (label) => {
    for (const [k, v] of pairs) {
      if (label.test(fold(k).replace(/[\s:：]/g, '')) && v.trim() && !/^[-—/]$/.test(v.trim())) return v.trim();
    }
    return undefined;
  };
}
