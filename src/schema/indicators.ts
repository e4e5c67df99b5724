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

export const IndicatorSchema: z.ZodType<Indicator> = z.lazy(() =>
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
);
