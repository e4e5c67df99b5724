/**
 * The indicator tree (指标体系). Any depth and any framework: the Guangdong department form
 * (履职效能 / 管理效率 with nine sub-indicators), the national project form (预算执行 10 +
 * 产出 50 + 效益 30 + 满意度 10, leaves with target and actual), town forms (20 + 80) and so on.
 */
import { z } from 'zod';
import { markdown, percent, text } from './common.ts';

export interface Indicator {
  name: string;
  max?: number | undefined;
  score?: number | undefined;
  rate?: number | undefined;
  target?: string | number | undefined;
  actual?: string | number | undefined;
  note?: string | undefined;
  children?: Indicator[] | undefined;
}

/** Registered as `indicator`: the JSON Schema names its recursive definition #/$defs/indicator. */
export const IndicatorSchema: z.ZodType<Indicator> = z
  .lazy(() =>
    z.strictObject({
      /** 指标名称 */
      name: text('指标名称'),
      /** 分值 / 权重: the most this indicator can score. */
      max: z.number().min(0).meta({ title: '分值' }).optional(),
      /** 得分; leave empty when the report leaves the cell blank (never 0 for blank). */
      score: z.number().min(0).meta({ title: '得分' }).optional(),
      /** 得分率 as stated in the report, in percent. */
      rate: percent('得分率').optional(),
      /** 年度指标值 (target), e.g. "≥95%" or 20. */
      target: z.union([z.string(), z.number()]).meta({ title: '年度指标值' }).optional(),
      /** 实际完成值 (actual). */
      actual: z.union([z.string(), z.number()]).meta({ title: '实际完成值' }).optional(),
      /** 扣分原因 / 偏差原因 / 说明 */
      note: markdown('扣分或偏差原因').optional(),
      /** 下级指标 */
      get children() {
        return z.array(IndicatorSchema).min(1).meta({ title: '下级指标' }).optional();
      },
    }),
  )
  .meta({ id: 'indicator', title: '指标' });

/** One indicator of the tree, in reading order, with where it sits. */
export interface IndicatorEntry {
  ind: Indicator;
  /** 0 for 一级指标, 1 for 二级 … */
  depth: number;
  /** Dotted data path, e.g. score.indicators[0].children[1] */
  path: string;
  /** Position in the tree: 1.2 = the second child of the first top-level indicator. */
  number: string;
  /** The ancestors, outermost first. */
  parents: Indicator[];
}

/** Every indicator of a tree depth first, as the pages' table and the open data's rows list them. */
export function indicatorEntries(indicators: readonly Indicator[] | undefined): IndicatorEntry[] {
  const out: IndicatorEntry[] = [];
  const walk = (list: readonly Indicator[], depth: number, path: string, prefix: string, parents: Indicator[]) =>
    list.forEach((ind, i) => {
      const p = `${path}[${i}]`;
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ ind, depth, path: p, number, parents });
      if (ind.children) walk(ind.children, depth + 1, `${p}.children`, number, [...parents, ind]);
    });
  walk(indicators ?? [], 0, 'score.indicators', '', []);
  return out;
}
