/** Money: the year's budget, its execution, and where it came from. */
import { z } from 'zod';
import { amount, percent, text } from './common.ts';

export const UNITS = ['元', '万元', '亿元'] as const;
/** The unit a budget has when it states none. */
export const DEFAULT_UNIT = '万元' satisfies (typeof UNITS)[number];

export const FundingSourceSchema = z.strictObject({
  /** 资金来源: 一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户, 单位资金, 其他 */
  name: text('资金来源'),
  initial: amount('年初预算').optional(),
  planned: amount('全年预算').optional(),
  spent: amount('实际支出').optional(),
});

export const BudgetSchema = z
  .strictObject({
    /** Unit of every amount in this block; 万元 when omitted. */
    unit: z.enum(UNITS).default(DEFAULT_UNIT).meta({ title: '金额单位' }),
    /** 年初预算 */
    initial: amount('年初预算').optional(),
    /** 全年预算 / 调整后预算: the denominator of the execution rate. */
    planned: amount('全年预算').optional(),
    /** 实际支出 / 执行数 */
    spent: amount('实际支出').optional(),
    /** 预算执行率 as stated, in percent (98.0 for "98.0%"). */
    executionRate: percent('预算执行率').optional(),
    /** 基本支出 (department reports) */
    basic: amount('基本支出').optional(),
    /** 项目支出 (department reports) */
    project: amount('项目支出').optional(),
    /** 资金来源 */
    sources: z.array(FundingSourceSchema).min(1).meta({ title: '资金来源' }).optional(),
  })
  .meta({ title: '预算与执行' });
